import { LAND_USE_CATALOGUE, type LandUseCode } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { TOOLS, useToolStore } from './tool-store';
import type { ActionState } from '../action-table';
import { ActionButton } from '../components/ActionButton';
import { setLandUseOfSelection } from './edit-actions';
import { ToolOptions } from './ToolOptions';

/** Category palette: a group named "Land use"; sets the category of new and selected polygons. */
function LandUsePalette() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const { newLandUse, set } = useToolStore();
  const choose = (code: LandUseCode | 'boundary') => {
    set({ newLandUse: code, newSubtype: undefined });
    if (code !== 'boundary') setLandUseOfSelection(code, undefined);
  };
  return (
    <div className="palette" role="group" aria-label={t('tool.palette')}>
      <button type="button" aria-pressed={newLandUse === 'boundary'} onClick={() => choose('boundary')} title={t('tool.boundary')}>
        <span className="swatch swatch-boundary" style={{ borderColor: LAND_USE_CATALOGUE.boundaryOutline }} />
        {t('tool.boundary')}
      </button>
      {LAND_USE_CATALOGUE.categories.map((category) => (
        <button key={category.code} type="button" aria-pressed={newLandUse === category.code} onClick={() => choose(category.code)} title={category[lang]}>
          <span className="swatch" style={{ background: category.fill, borderColor: category.outline }} />
          {category[lang].split(' (')[0]}
        </button>
      ))}
    </div>
  );
}

/** The drawing and editing toolbar (issue 3). Accessible names are stable; tests use them. */
export function EditToolbar({ onSubdivide }: { onSubdivide: () => void }) {
  const t = useT();
  const { tool, snapping, shortcutsOpen } = useToolStore();
  const undoLabel = useDocumentStore((s) => s.undoStack[s.undoStack.length - 1]?.label ?? null);
  const redoLabel = useDocumentStore((s) => s.redoStack[s.redoStack.length - 1]?.label ?? null);
  const hasDraft = useToolStore((s) => s.draft.vertices.length > 0);
  const selectionCount = useUiStore((s) => s.selectedIds.length);
  const hasDocument = useDocumentStore((s) => s.document !== null);
  const state: ActionState = { hasDocument, selectionCount, canUndo: undoLabel !== null, canRedo: redoLabel !== null, hasDraft };

  return (
    <div className="edit-toolbar" role="toolbar" aria-label={t('draw.toolbar')}>
      <div className="toolbar-group">
        {TOOLS.map((id) => (
          <ActionButton key={id} id={`tool-${id}`} state={state} pressed={tool === id} />
        ))}
      </div>
      <div className="toolbar-group">
        <ActionButton id="subdivide" state={state} context={{ openSubdivide: onSubdivide }} />
        <ActionButton id="merge" state={state} />
        <ActionButton id="duplicate" state={state} />
        <ActionButton id="delete" state={state} />
        <ActionButton id="snapping" state={state} pressed={snapping} />
      </div>
      <div className="toolbar-group">
        <ActionButton id="undo" state={state} title={undoLabel ? t('tool.undoLabel', { label: undoLabel }) : t('tool.nothingToUndo')}>
          ↶ {t('tool.undo')}
        </ActionButton>
        <ActionButton id="redo" state={state} title={redoLabel ? t('tool.redoLabel', { label: redoLabel }) : t('tool.nothingToRedo')}>
          ↷ {t('tool.redo')}
        </ActionButton>
        <ActionButton id="shortcuts" state={state} pressed={shortcutsOpen}>
          ?
        </ActionButton>
      </div>
      <LandUsePalette />
      <ToolOptions />
    </div>
  );
}
