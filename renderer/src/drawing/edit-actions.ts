import { activeScenario, type LandUseCode, type ParkFeature } from '../../../shared/model';
import { deleteCommand, duplicateCommand, mergeCommand, moveCommand, setLandUseCommand, type CommandResult } from '../../../shared/editing/commands';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import { refusalText } from '../i18n/refusal-text';
import { undoLastVertex } from './draw-controller';

/**
 * Editing actions on the selection, over the command builders of shared/editing. Each is
 * exactly one undoable command; selection changes live in the UI store and never touch
 * history (so they never clear redo).
 */

function t(key: MessageKey, params?: Record<string, string | number>) {
  return translate(useUiStore.getState().lang, key, params);
}

function context() {
  const doc = useDocumentStore.getState().document;
  return doc ? { doc, scenarioId: doc.activeScenarioId, ids: useUiStore.getState().selectedIds } : null;
}

export function selectedFeatures(): ParkFeature[] {
  const doc = useDocumentStore.getState().document;
  if (!doc) return [];
  const ids = new Set(useUiStore.getState().selectedIds);
  return activeScenario(doc).features.filter((f) => ids.has(f.id));
}

/** Applies a built command, or tells the user why it could not be built. Returns success. */
export function applyResult(result: CommandResult, failureKey: MessageKey = 'edit.failed'): boolean {
  if (result.ok) {
    useDocumentStore.getState().apply(result.command);
    return true;
  }
  // The code becomes a sentence in the UI language (a validator's English detail is never shown).
  useUiStore.getState().notify({ tone: 'error', text: t(failureKey, { reason: refusalText(useUiStore.getState().lang, result.reason) }) });
  return false;
}

/** Undo: while a shape is being drawn, its last vertex goes first. */
export function undo(): void {
  if (undoLastVertex()) return;
  useDocumentStore.getState().undo();
}

export function redo(): void {
  useDocumentStore.getState().redo();
}

export function deleteSelection(): void {
  const c = context();
  if (!c || c.ids.length === 0) return;
  useDocumentStore.getState().apply(deleteCommand(c.scenarioId, c.ids, { label: t('command.delete') }));
  useUiStore.getState().select([]);
}

/** Assigns a category (and subtype) to the selected land-use polygons. */
export function setLandUseOfSelection(landUse: LandUseCode, subtype: string | undefined): boolean {
  const c = context();
  const ids = selectedFeatures().filter((f) => f.kind === 'landuse').map((f) => f.id);
  if (!c || ids.length === 0) return false;
  return applyResult(setLandUseCommand(c.doc, c.scenarioId, ids, landUse, subtype, { label: t('command.setLandUse') }));
}

/** Moves the selection by metres east/north (arrow keys); one undoable step per key press. */
export function nudgeSelection(dxM: number, dyM: number): void {
  const c = context();
  if (!c || c.ids.length === 0) return;
  applyResult(moveCommand(c.doc, c.scenarioId, c.ids, dxM, dyM, { label: t('command.move') }));
}

/** Duplicates the selection 10 m east and south of the original and selects the copies. */
export function duplicateSelection(): void {
  const c = context();
  const ids = selectedFeatures().filter((f) => f.kind !== 'boundary').map((f) => f.id);
  if (!c || ids.length === 0) return;
  const result = duplicateCommand(c.doc, c.scenarioId, ids, [10, -10], { label: t('command.duplicate') });
  if (applyResult(result) && result.ok) useUiStore.getState().select(result.copyIds);
}

/** Refusals of a merge that mean "select two or more land-use polygons of one category". */
const NEEDS_SAME_CATEGORY: string[] = ['not_found', 'too_few_polygons', 'different_land_use'];

/** Merges the selected adjacent land-use polygons of one category into one. */
export function mergeSelection(): void {
  const c = context();
  if (!c) return;
  const ids = selectedFeatures().filter((f) => f.kind === 'landuse').map((f) => f.id);
  const result = mergeCommand(c.doc, c.scenarioId, ids, { label: t('command.merge') });
  if (!result.ok && NEEDS_SAME_CATEGORY.includes(result.reason)) {
    useUiStore.getState().notify({ tone: 'error', text: t('merge.needsSameCategory') });
    return;
  }
  if (applyResult(result, 'merge.failed') && result.ok) useUiStore.getState().select([result.mergedId]);
}
