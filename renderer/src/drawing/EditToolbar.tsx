import { LAND_USE_CATALOGUE, type LandUseCode } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/strings';
import { TOOLS, useToolStore, type ToolId } from './tool-store';
import { deleteSelection, duplicateSelection, redo, setLandUseOfSelection, undo } from './edit-actions';
import { ToolOptions } from './ToolOptions';

const TOOL_KEYS: Record<ToolId, { key: MessageKey; shortcut: string }> = {
  select: { key: 'tool.select', shortcut: 'V' },
  polygon: { key: 'tool.polygon', shortcut: 'P' },
  rectangle: { key: 'tool.rectangle', shortcut: 'R' },
  road: { key: 'tool.road', shortcut: 'L' },
  building: { key: 'tool.building', shortcut: 'B' },
  point: { key: 'tool.point', shortcut: 'O' },
  split: { key: 'tool.split', shortcut: '' },
};

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
export function EditToolbar({ onSubdivide, onMerge }: { onSubdivide: () => void; onMerge: () => void }) {
  const t = useT();
  const { tool, snapping, setTool, set, shortcutsOpen } = useToolStore();
  const undoLabel = useDocumentStore((s) => s.undoStack[s.undoStack.length - 1]?.label ?? null);
  const redoLabel = useDocumentStore((s) => s.redoStack[s.redoStack.length - 1]?.label ?? null);
  const hasDraft = useToolStore((s) => s.draft.vertices.length > 0);
  const selectionCount = useUiStore((s) => s.selectedIds.length);

  return (
    <div className="edit-toolbar" role="toolbar" aria-label={t('draw.toolbar')}>
      <div className="toolbar-group">
        {TOOLS.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={tool === id}
            onClick={() => setTool(id)}
            aria-label={t(TOOL_KEYS[id].key)}
            title={TOOL_KEYS[id].shortcut ? `${t(TOOL_KEYS[id].key)} (${TOOL_KEYS[id].shortcut})` : t(TOOL_KEYS[id].key)}
          >
            {t(TOOL_KEYS[id].key)}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button type="button" onClick={onSubdivide} disabled={selectionCount !== 1} aria-label={t('tool.subdivide')}>
          {t('tool.subdivide')}
        </button>
        <button type="button" onClick={onMerge} disabled={selectionCount < 2} aria-label={t('tool.merge')}>
          {t('tool.merge')}
        </button>
        <button type="button" onClick={duplicateSelection} disabled={selectionCount === 0} aria-label={t('tool.duplicate')} title={`${t('tool.duplicate')} (Ctrl+D)`}>
          {t('tool.duplicate')}
        </button>
        <button type="button" onClick={deleteSelection} disabled={selectionCount === 0} aria-label={t('tool.delete')} title={`${t('tool.delete')} (Delete)`}>
          {t('tool.delete')}
        </button>
        <button type="button" aria-pressed={snapping} onClick={() => set({ snapping: !snapping })} aria-label={t('tool.snapping')} title={`${t('tool.snapping')} (S, Alt)`}>
          {t('tool.snapping')}
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          onClick={undo}
          disabled={!undoLabel && !hasDraft}
          aria-label={t('tool.undo')}
          title={undoLabel ? t('tool.undoLabel', { label: undoLabel }) : t('tool.nothingToUndo')}
        >
          ↶ {t('tool.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!redoLabel} aria-label={t('tool.redo')} title={redoLabel ? t('tool.redoLabel', { label: redoLabel }) : t('tool.nothingToRedo')}>
          ↷ {t('tool.redo')}
        </button>
        <button type="button" aria-pressed={shortcutsOpen} onClick={() => set({ shortcutsOpen: !shortcutsOpen })} aria-label={t('tool.shortcuts')}>
          ?
        </button>
      </div>
      <LandUsePalette />
      <ToolOptions />
    </div>
  );
}
