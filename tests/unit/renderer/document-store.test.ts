import { beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, selectDirty, useDocumentStore } from '../../../renderer/src/state/document-store';
import { useUiStore } from '../../../renderer/src/state/ui-store';
import { createEmptyDocument, type ParkFeature } from '../../../shared/model';

const point = (id: string, lon: number): ParkFeature => ({ id, kind: 'point', geometry: { type: 'Point', coordinates: [lon, 21.1] } });

beforeEach(() => {
  useDocumentStore.getState().load(createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' }), 'test.gpkg');
});

function add(id: string, lon: number) {
  const store = useDocumentStore.getState();
  store.apply({ label: `Add ${id}`, scenarioId: store.document!.activeScenarioId, put: [point(id, lon)], delete: [] });
}
const ids = () => useDocumentStore.getState().document!.scenarios[0].features.map((f) => f.id);

describe('document history', () => {
  it('undoes and redoes in order, with labels, and loading is not an undoable step', () => {
    expect(useDocumentStore.getState().undoStack).toHaveLength(0);
    add('a', 106);
    add('b', 106.1);
    expect(useDocumentStore.getState().undoStack.map((e) => e.label)).toEqual(['Add a', 'Add b']);
    useDocumentStore.getState().undo();
    expect(ids()).toEqual(['a']);
    expect(useDocumentStore.getState().redoStack.map((e) => e.label)).toEqual(['Add b']);
    useDocumentStore.getState().redo();
    expect(ids()).toEqual(['a', 'b']);
  });

  it('keeps at least 200 steps', () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 250; i++) add(`p${i}`, 106 + i * 1e-4);
    for (let i = 0; i < 250; i++) useDocumentStore.getState().undo();
    expect(ids()).toEqual([]);
  });

  it('a selection change never clears redo', () => {
    add('a', 106);
    useDocumentStore.getState().undo();
    useUiStore.getState().select(['a']);
    useUiStore.getState().select([]);
    expect(useDocumentStore.getState().redoStack).toHaveLength(1);
  });

  it('is dirty after an edit, clean after a save, and dirty again after undoing past the save', () => {
    expect(selectDirty(useDocumentStore.getState())).toBe(false);
    add('a', 106);
    expect(selectDirty(useDocumentStore.getState())).toBe(true);
    useDocumentStore.getState().markSaved('test.gpkg');
    expect(selectDirty(useDocumentStore.getState())).toBe(false);
    useDocumentStore.getState().undo();
    expect(selectDirty(useDocumentStore.getState())).toBe(true);
  });
});

describe('backed by a file (hasFile)', () => {
  it('is set only by a load that says so or by a save, and cleared by the next untitled load or close', () => {
    const store = () => useDocumentStore.getState();
    const doc = createEmptyDocument('F', { now: '2026-01-01T00:00:00Z' });
    store().load(doc, 'park.gpkg', { hasFile: true });
    expect(store().hasFile).toBe(true);
    // Recovered work keeps its original name, but no file backs it.
    store().load(doc, 'park.gpkg', { dirty: true });
    expect(store()).toMatchObject({ fileName: 'park.gpkg', hasFile: false });
    store().markSaved('saved.gpkg');
    expect(store()).toMatchObject({ fileName: 'saved.gpkg', hasFile: true });
    store().close();
    expect(store().hasFile).toBe(false);
  });
});
