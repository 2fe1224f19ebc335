import { LAND_USE_CATALOGUE, activeScenario, landUseCategory, type LandUseCode } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { TOOLS, useToolStore } from './tool-store';
import { actionTitle, type ActionState } from '../action-table';
import { ActionButton } from '../components/ActionButton';
import { setLandUseOfSelection } from './edit-actions';
import { Icon, type IconName } from '../components/icons';

/** The selection's commands after Subdivide (which needs the dialog's opener). */
const SELECTION_ACTIONS: [('merge' | 'duplicate' | 'delete'), IconName][] = [
  ['merge', 'merge'],
  ['duplicate', 'duplicate'],
  ['delete', 'trash'],
];

const TOOL_ICONS: Record<(typeof TOOLS)[number], IconName> = {
  select: 'select',
  polygon: 'polygon',
  rectangle: 'rectangle',
  road: 'road',
  building: 'building',
  point: 'point',
  split: 'split',
};

/** The palette's short name of a category ("Green space", not "Green space (parks, trees…)"). */
function shortName(code: LandUseCode, lang: 'en' | 'vi'): string {
  return landUseCategory(code)[lang].split(' (')[0];
}

/**
 * Category palette: a group named "Land use of new shapes", a row of swatches with the chosen
 * category's name beside its swatch (the others name themselves in their tooltip). Choosing a category only sets what
 * the next shape is drawn as; existing features never change (issue 13). Giving the selection
 * that land use is its own, labelled button, shown only in the Select tool.
 */
function LandUsePalette() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const { newLandUse, set } = useToolStore();
  const choose = (code: LandUseCode | 'boundary') => set({ newLandUse: code, newSubtype: undefined });
  return (
    <div className="palette" role="group" aria-label={t('tool.palette')}>
      <span className="palette-caption" aria-hidden="true">
        {t('tool.paletteCaption')}
      </span>
      <button type="button" aria-pressed={newLandUse === 'boundary'} onClick={() => choose('boundary')} aria-label={t('tool.boundary')} title={t('tool.paletteHint', { category: t('tool.boundary') })}>
        <span className="swatch swatch-boundary" style={{ borderColor: LAND_USE_CATALOGUE.boundaryOutline }} />
        {newLandUse === 'boundary' && <span className="palette-name">{t('tool.boundary')}</span>}
      </button>
      {LAND_USE_CATALOGUE.categories.map((category) => (
        <button key={category.code} type="button" aria-pressed={newLandUse === category.code} onClick={() => choose(category.code)} aria-label={shortName(category.code, lang)} title={t('tool.paletteHint', { category: category[lang] })}>
          <span className="swatch" style={{ background: category.fill, borderColor: category.outline }} />
          {newLandUse === category.code && <span className="palette-name">{shortName(category.code, lang)}</span>}
        </button>
      ))}
    </div>
  );
}

/**
 * "Change 2 selected to Green space": the palette's category given to the selected land-use
 * areas, as one undoable step. Only in the Select tool (while drawing, the palette is about
 * the next shape) and only when it would change something.
 */
function ApplyToSelection() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const tool = useToolStore((s) => s.tool);
  const newLandUse = useToolStore((s) => s.newLandUse);
  const selectedIds = useUiStore((s) => s.selectedIds);
  const document = useDocumentStore((s) => s.document);
  if (tool !== 'select' || newLandUse === 'boundary' || !document) return null;
  const selected = new Set(selectedIds);
  const areas = activeScenario(document).features.filter((f) => selected.has(f.id) && f.kind === 'landuse');
  if (areas.length === 0 || areas.every((f) => f.kind === 'landuse' && f.landUse === newLandUse)) return null;
  return (
    <button type="button" className="apply-to-selection" onClick={() => setLandUseOfSelection(newLandUse, undefined)} title={t('tool.applyToSelectionHint')}>
      {t('tool.applyToSelection', { count: areas.length, category: shortName(newLandUse, lang) })}
    </button>
  );
}

/**
 * The drawing and editing toolbar (issue 3): one row of icon groups (tools, edits, history),
 * the palette (the current tool's options float over the map: ToolOptions); tooltips name each command and its shortcut. Accessible names are stable; tests use them.
 */
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
          <ActionButton key={id} id={`tool-${id}`} state={state} pressed={tool === id} className="icon-button">
            <Icon name={TOOL_ICONS[id]} />
          </ActionButton>
        ))}
      </div>
      <div className="toolbar-group">
        <ActionButton id="subdivide" state={state} context={{ openSubdivide: onSubdivide }} className="icon-button">
          <Icon name="subdivide" />
        </ActionButton>
        {SELECTION_ACTIONS.map(([id, icon]) => (
          <ActionButton key={id} id={id} state={state} className="icon-button">
            <Icon name={icon} />
          </ActionButton>
        ))}
        <ActionButton id="snapping" state={state} pressed={snapping} className="icon-button">
          <Icon name="magnet" />
        </ActionButton>
      </div>
      <div className="toolbar-group">
        <ActionButton id="undo" state={state} className="icon-button" title={actionTitle(undoLabel ? t('tool.undoLabel', { label: undoLabel }) : t('tool.nothingToUndo'), 'undo')}>
          <Icon name="undo" />
        </ActionButton>
        <ActionButton id="redo" state={state} className="icon-button" title={actionTitle(redoLabel ? t('tool.redoLabel', { label: redoLabel }) : t('tool.nothingToRedo'), 'redo')}>
          <Icon name="redo" />
        </ActionButton>
        <ActionButton id="shortcuts" state={state} pressed={shortcutsOpen} className="icon-button">
          <Icon name="keyboard" />
        </ActionButton>
      </div>
      <LandUsePalette />
      <ApplyToSelection />
    </div>
  );
}
