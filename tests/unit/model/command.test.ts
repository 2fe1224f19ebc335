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
