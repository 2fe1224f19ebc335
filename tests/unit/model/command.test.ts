import { describe, expect, it } from 'vitest';
import { applyCommand, createEmptyDocument, parkDocumentSchema, type ParkFeature } from '../../../shared/model';

const square = (id: string, x: number): ParkFeature => ({
  id,
  kind: 'landuse',
  landUse: 'industrial',
  geometry: { type: 'Polygon', coordinates: [[[x, 21], [x + 0.001, 21], [x + 0.001, 21.001], [x, 21.001], [x, 21]]] },
});

describe('applyCommand', () => {
  it('adds, replaces and deletes, and its inverse restores the original features', () => {
    const base = createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' });
    const sid = base.activeScenarioId;
    const withTwo = applyCommand(base, { label: 'Add', scenarioId: sid, put: [square('a', 106), square('b', 106.01)], delete: [] }).document;
    const edit = applyCommand(withTwo, {
      label: 'Edit',
      scenarioId: sid,
      put: [{ ...square('a', 106.5), name: 'moved' }, square('c', 107)],
      delete: ['b', 'missing'],
    });
    const ids = edit.document.scenarios[0].features.map((f) => f.id);
    expect(ids).toEqual(['a', 'c']);
    expect(edit.document.scenarios[0].features[0].name).toBe('moved');
    expect(withTwo.scenarios[0].features.map((f) => f.id)).toEqual(['a', 'b']); // not mutated
    const undone = applyCommand(edit.document, edit.inverse).document;
    const sorted = (d: typeof undone) => [...d.scenarios[0].features].sort((x, y) => x.id.localeCompare(y.id));
    expect(sorted(undone)).toEqual(sorted(withTwo));
    expect(parkDocumentSchema.safeParse(undone).success).toBe(true);
  });
});

describe('undo keeps the drawing order', () => {
  it('puts deleted features back where they were, even consecutive ones', () => {
    const base = createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' });
    const sid = base.activeScenarioId;
    const five = applyCommand(base, { label: 'Add', scenarioId: sid, put: ['a', 'b', 'c', 'd', 'e'].map((id, i) => square(id, 106 + i * 0.01)), delete: [] }).document;
    const removed = applyCommand(five, { label: 'Delete', scenarioId: sid, put: [], delete: ['a', 'c', 'd'] });
    expect(removed.document.scenarios[0].features.map((f) => f.id)).toEqual(['b', 'e']);
    const restored = applyCommand(removed.document, removed.inverse);
    expect(restored.document.scenarios[0].features.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Redo of the undo deletes them again.
    expect(applyCommand(restored.document, restored.inverse).document.scenarios[0].features.map((f) => f.id)).toEqual(['b', 'e']);
  });

  it('undoing a split puts the original back in its place', () => {
    const base = createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' });
    const sid = base.activeScenarioId;
    const three = applyCommand(base, { label: 'Add', scenarioId: sid, put: ['a', 'b', 'c'].map((id, i) => square(id, 106 + i * 0.01)), delete: [] }).document;
    const split = applyCommand(three, { label: 'Split', scenarioId: sid, put: [square('b1', 106.01), square('b2', 106.015)], delete: ['b'] });
    expect(split.document.scenarios[0].features.map((f) => f.id)).toEqual(['a', 'c', 'b1', 'b2']);
    expect(applyCommand(split.document, split.inverse).document.scenarios[0].features.map((f) => f.id)).toEqual(['a', 'b', 'c']);
  });
});
