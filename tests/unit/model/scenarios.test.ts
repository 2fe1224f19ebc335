import { describe, expect, it } from 'vitest';
import {
  activateScenario,
  applyDocumentCommand,
  createEmptyDocument,
  createScenario,
  deleteScenario,
  duplicateScenario,
  parkDocumentSchema,
  renameScenario,
  uniqueScenarioName,
  type ParkDocument,
  type ScenarioResult,
  type ParkFeature,
} from '../../../shared/model';

const boundary: ParkFeature = { id: 'b', kind: 'boundary', geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]] } };
const plot: ParkFeature = { id: 'p', kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.005, 21], [106.005, 21.005], [106, 21]]] } };

/** The document once the operation's command is applied (the test fails if it was refused). */
function after(doc: ParkDocument, result: ScenarioResult): ParkDocument {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return applyDocumentCommand(doc, result.command).document;
}

function sample(): ParkDocument {
  const doc = createEmptyDocument('Park', { now: '2026-01-01T00:00:00Z' });
  doc.scenarios[0] = { ...doc.scenarios[0], features: [boundary, plot] };
  return doc;
}

describe('scenario operations', () => {
  it('creates a scenario with the active boundary and makes it active', () => {
    const doc = sample();
    const result = createScenario(doc, ' B ', { id: 's-b' });
    expect(result.ok && result.scenarioId).toBe('s-b');
    const next = after(doc, result);
    expect(next.activeScenarioId).toBe('s-b');
    expect(next.scenarios.map((s) => s.name)).toEqual(['A', 'B']);
    expect(next.scenarios[1].features).toEqual([boundary]);
    expect(doc.scenarios).toHaveLength(1); // input untouched
    expect(parkDocumentSchema.safeParse(next).success).toBe(true);
  });

  it('duplicates every feature (ids kept) right after the source', () => {
    const doc = after(sample(), createScenario(sample(), 'C', { id: 's-c' }));
    const first = doc.scenarios[0].id;
    const copy = after(doc, duplicateScenario(doc, first, 'A copy', { id: 's-a2' }));
    expect(copy.scenarios.map((s) => s.name)).toEqual(['A', 'A copy', 'C']);
    expect(copy.scenarios[1].features).toEqual([boundary, plot]);
    expect(copy.activeScenarioId).toBe('s-a2');
  });

  it('refuses empty and duplicate names, case-insensitively', () => {
    const doc = sample();
    expect(createScenario(doc, '  ')).toEqual({ ok: false, reason: 'empty_name' });
    expect(createScenario(doc, 'a')).toEqual({ ok: false, reason: 'duplicate_name' });
    expect(renameScenario(doc, doc.scenarios[0].id, 'A').ok).toBe(true); // its own name is fine
    expect(after(doc, renameScenario(doc, doc.scenarios[0].id, ' Base ')).scenarios[0].name).toBe('Base');
    expect(uniqueScenarioName(doc, 'A')).toBe('A 2');
    expect(uniqueScenarioName(doc, 'B')).toBe('B');
  });

  it('deletes a scenario but never the last, activating a neighbour', () => {
    const doc = sample();
    expect(deleteScenario(doc, doc.scenarios[0].id)).toEqual({ ok: false, reason: 'last_scenario' });
    const two = after(doc, createScenario(doc, 'B', { id: 's-b' }));
    const removed = after(two, deleteScenario(two, 's-b'));
    expect(removed.activeScenarioId).toBe(doc.scenarios[0].id);
    expect(removed.scenarios.map((s) => s.id)).toEqual([doc.scenarios[0].id]);
    expect(deleteScenario(doc, 'missing')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('deleting the active scenario activates the next one, else the previous one', () => {
    let doc = sample();
    for (const name of ['B', 'C']) doc = after(doc, createScenario(doc, name, { id: `s-${name}` }));
    doc = after(doc, activateScenario(doc, 's-B'));
    expect(after(doc, deleteScenario(doc, 's-B')).activeScenarioId).toBe('s-C');
    doc = after(doc, activateScenario(doc, 's-C'));
    expect(after(doc, deleteScenario(doc, 's-C')).activeScenarioId).toBe('s-B');
    expect(activateScenario(doc, 'missing')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('each operation is one command whose inverse gives back the document exactly', () => {
    let doc = sample();
    doc = after(doc, createScenario(doc, 'B', { id: 's-b' }));
    const a = doc.scenarios[0].id;
    for (const result of [
      createScenario(doc, 'N', { id: 's-n' }),
      duplicateScenario(doc, a, 'A2', { id: 's-a2' }),
      renameScenario(doc, a, 'Renamed'),
      deleteScenario(doc, a),
      deleteScenario(doc, 's-b'),
      activateScenario(doc, a),
    ]) {
      if (!result.ok) throw new Error(result.reason);
      const applied = applyDocumentCommand(doc, result.command);
      expect(applied.document).not.toEqual(doc);
      expect(applyDocumentCommand(applied.document, applied.inverse).document).toEqual(doc);
    }
  });
});
