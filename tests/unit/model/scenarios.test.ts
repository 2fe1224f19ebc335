import { describe, expect, it } from 'vitest';
import {
  createEmptyDocument,
  createScenario,
  deleteScenario,
  duplicateScenario,
  parkDocumentSchema,
  renameScenario,
  uniqueScenarioName,
  type ParkDocument,
  type ParkFeature,
} from '../../../shared/model';

const boundary: ParkFeature = { id: 'b', kind: 'boundary', geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]] } };
const plot: ParkFeature = { id: 'p', kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.005, 21], [106.005, 21.005], [106, 21]]] } };

function sample(): ParkDocument {
  const doc = createEmptyDocument('Park', { now: '2026-01-01T00:00:00Z' });
  doc.scenarios[0] = { ...doc.scenarios[0], features: [boundary, plot] };
  return doc;
}

describe('scenario operations', () => {
  it('creates a scenario with the active boundary and makes it active', () => {
    const doc = sample();
    const result = createScenario(doc, ' B ', { id: 's-b' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.activeScenarioId).toBe('s-b');
    expect(result.document.scenarios.map((s) => s.name)).toEqual(['A', 'B']);
    expect(result.document.scenarios[1].features).toEqual([boundary]);
    expect(doc.scenarios).toHaveLength(1); // input untouched
    expect(parkDocumentSchema.safeParse(result.document).success).toBe(true);
  });

  it('duplicates every feature (ids kept) right after the source', () => {
    const doc = createScenario(sample(), 'C', { id: 's-c' });
    if (!doc.ok) throw new Error('setup');
    const first = doc.document.scenarios[0].id;
    const copy = duplicateScenario(doc.document, first, 'A copy', { id: 's-a2' });
    expect(copy.ok && copy.document.scenarios.map((s) => s.name)).toEqual(['A', 'A copy', 'C']);
    expect(copy.ok && copy.document.scenarios[1].features).toEqual([boundary, plot]);
  });

  it('refuses empty and duplicate names, case-insensitively', () => {
    const doc = sample();
    expect(createScenario(doc, '  ')).toEqual({ ok: false, reason: 'empty_name' });
    expect(createScenario(doc, 'a')).toEqual({ ok: false, reason: 'duplicate_name' });
    expect(renameScenario(doc, doc.scenarios[0].id, 'A').ok).toBe(true); // its own name is fine
    expect(uniqueScenarioName(doc, 'A')).toBe('A 2');
    expect(uniqueScenarioName(doc, 'B')).toBe('B');
  });

  it('deletes a scenario but never the last, activating a neighbour', () => {
    const doc = sample();
    expect(deleteScenario(doc, doc.scenarios[0].id)).toEqual({ ok: false, reason: 'last_scenario' });
    const two = createScenario(doc, 'B', { id: 's-b' });
    if (!two.ok) throw new Error('setup');
    const removed = deleteScenario(two.document, 's-b');
    expect(removed.ok && removed.document.activeScenarioId).toBe(doc.scenarios[0].id);
    expect(deleteScenario(doc, 'missing')).toEqual({ ok: false, reason: 'not_found' });
  });
});
