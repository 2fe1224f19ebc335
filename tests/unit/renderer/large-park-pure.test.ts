import { describe, expect, it } from 'vitest';
import { analyzeScenario, createAnalysisEngine } from '../../../shared/analysis';
import { moveCommand } from '../../../shared/editing/commands';
import { applyDocumentCommand, type ParkDocument, type ParkFeature } from '../../../shared/model';
import { applyRequest } from '../../../renderer/src/panels/analysis/analysis-protocol';
import { diffFeatures, inBatches, westToEast } from '../../../renderer/src/map/park-geojson';
import { listRows } from '../../../renderer/src/components/FeatureList';
import { groupFeatures } from '../../../renderer/src/components/feature-groups';
import { generateLargePark } from '../../../bench/large-park';

describe('map batches', () => {
  it('cuts a list into consecutive slices, the last one shorter', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 3)).toEqual([]);
  });

  it('orders map features west to east by their first position', () => {
    const at = (lon: number, type: 'Point' | 'LineString' | 'Polygon') => ({
      type: 'Feature' as const,
      properties: { lon },
      geometry:
        type === 'Point'
          ? { type, coordinates: [lon, 0] }
          : type === 'LineString'
            ? { type, coordinates: [[lon, 0], [lon + 5, 1]] }
            : { type, coordinates: [[[lon, 0], [lon + 1, 0], [lon, 1], [lon, 0]]] },
    });
    const sorted = westToEast([at(3, 'Polygon'), at(1, 'Point'), at(2, 'LineString')]);
    expect(sorted.map((f) => f.properties?.lon)).toEqual([1, 2, 3]);
  });
});

describe('the analysis worker protocol', () => {
  // What use-analysis.ts sends: only features the worker does not hold, and the order of all.
  const request = (sent: ParkFeature[], now: ParkFeature[]) => ({ order: now.map((f) => f.id), put: diffFeatures(sent, now).put });

  it('rebuilds the scenario in document order, keeping the objects it holds and dropping removed ones', () => {
    const a = { id: 'a' } as ParkFeature;
    const b = { id: 'b' } as ParkFeature;
    const c = { id: 'c' } as ParkFeature;
    const held = new Map<string, ParkFeature>();
    expect(applyRequest(held, request([], [a, b, c]))).toEqual([a, b, c]);
    const b2 = { id: 'b', name: 'moved' } as ParkFeature;
    const r = request([a, b, c], [c, b2]);
    expect(r.put).toEqual([b2]); // c is held already: only the changed feature travels
    const features = applyRequest(held, r);
    expect(features).toEqual([c, b2]);
    expect(features[0]).toBe(c);
    expect([...held.keys()].sort()).toEqual(['b', 'c']);
  });

  it('gives the analysis of the document itself, after a load and after an edit', () => {
    const doc: ParkDocument = generateLargePark({ blocksX: 3, blocksY: 2 });
    const engine = createAnalysisEngine();
    const held = new Map<string, ParkFeature>();
    const inWorker = (d: ParkDocument, sent: ParkFeature[]) => {
      const features = applyRequest(held, request(sent, d.scenarios[0].features));
      return engine.analyze({ ...d, scenarios: [{ ...d.scenarios[0], features }] }, d.activeScenarioId, { date: '2026-06-01' });
    };
    expect(inWorker(doc, [])).toEqual(analyzeScenario(doc, undefined, { date: '2026-06-01' }));
    const plot = doc.scenarios[0].features.find((f) => f.kind === 'landuse' && f.landUse === 'industrial')!;
    const moved = moveCommand(doc, doc.activeScenarioId, [plot.id], 5, 0);
    if (!moved.ok) throw new Error(moved.reason);
    const edited = applyDocumentCommand(doc, { type: 'features', ...moved.command }).document;
    // The same engine handed the documents themselves, as the page did before the worker
    // (incremental after an edit: equal to a fresh run within the engine's own rounding).
    const direct = createAnalysisEngine();
    direct.analyze(doc, doc.activeScenarioId, { date: '2026-06-01' });
    expect(inWorker(edited, doc.scenarios[0].features)).toEqual(direct.analyze(edited, edited.activeScenarioId, { date: '2026-06-01' }));
  });
});

describe('feature list rows', () => {
  it('lists each group header, then its features unless the group is folded', () => {
    const doc = generateLargePark({ blocksX: 1, blocksY: 1, plotsPerBlock: 2, buildingsPerPlot: 1 });
    const groups = groupFeatures(doc.scenarios[0].features);
    const rows = listRows(groups, new Set(['building']));
    // A header per group, then the features of the open groups; the folded buildings list none.
    const open = groups.filter((g) => g.key !== 'building');
    expect(rows.length).toBe(groups.length + open.reduce((n, g) => n + g.features.length, 0));
    const buildingHeader = rows.findIndex((r) => r.kind === 'group' && r.group.key === 'building');
    expect(rows[buildingHeader]).toMatchObject({ kind: 'group', open: false });
    expect(rows[buildingHeader + 1]?.kind).not.toBe('feature');
  });
});
