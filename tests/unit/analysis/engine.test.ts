import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario, createAnalysisEngine } from '../../../shared/analysis';
import { applyCommand, type ParkDocument, type ParkFeature } from '../../../shared/model';
import { readProject } from '../../../shared/project-file';
import { generateLargePark } from '../../../bench/large-park';
import { DATE } from './fixtures';

let sample: ParkDocument;
beforeAll(async () => {
  const SQL = await initSqlJs();
  const read = readProject(SQL, new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
  if (!read.ok) throw new Error(read.detail);
  sample = read.document;
});

const features = (doc: ParkDocument) => doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features;
const edit = (doc: ParkDocument, put: ParkFeature[], del: string[] = []) =>
  applyCommand(doc, { label: 'edit', scenarioId: doc.activeScenarioId, put, delete: del }).document;
/** Moves every vertex of a polygon feature by (dLon, dLat) degrees: a new feature object. */
function moved(f: ParkFeature, dLon: number, dLat: number): ParkFeature {
  const g = f.geometry as { type: 'Polygon'; coordinates: number[][][] };
  return { ...f, geometry: { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(([x, y]) => [x + dLon, y + dLat])) } } as ParkFeature;
}

describe('the incremental engine gives the full analysis after every edit', () => {
  it('on the sample park: add green in a plot, move a building, delete a plot, undo', () => {
    const engine = createAnalysisEngine();
    engine.analyze(sample, undefined, { date: DATE });
    const plot = features(sample).find((f) => f.kind === 'landuse' && f.landUse === 'industrial' && f.code === 'CN-01')!;
    const building = features(sample).find((f) => f.kind === 'building' && f.code === 'CN-01-B1')!;
    const g = plot.geometry as { coordinates: number[][][] };
    const [x0, y0] = g.coordinates[0][0];
    const green: ParkFeature = { id: 'new-green', kind: 'landuse', landUse: 'green', geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + 0.0003, y0], [x0 + 0.0003, y0 + 0.0003], [x0, y0 + 0.0003], [x0, y0]]] } };
    let doc = sample;
    const steps: [ParkFeature[], string[]][] = [[[green], []], [[moved(building, 0.0001, 0)], []], [[], [plot.id]], [[plot], []]];
    for (const [put, del] of steps) {
      doc = edit(doc, put, del);
      const incremental = engine.analyze(doc, undefined, { date: DATE });
      expect(engine.lastChangeCount).toBeLessThanOrEqual(2);
      expect(incremental).toEqual(analyzeScenario(doc, undefined, { date: DATE }));
    }
  });

  it('on the generated large park, after a plot edit', () => {
    const big = generateLargePark({ blocksX: 4, blocksY: 4 });
    const engine = createAnalysisEngine();
    engine.analyze(big, undefined, { date: DATE });
    const plot = features(big).find((f) => f.kind === 'landuse' && f.landUse === 'industrial')!;
    const doc = edit(big, [moved(plot, 0.00005, 0)]);
    expect(engine.analyze(doc, undefined, { date: DATE })).toEqual(analyzeScenario(doc, undefined, { date: DATE }));
    expect(engine.lastChangeCount).toBe(2);
  });

  it('an edit in the middle of the park keeps the measured isolation strip', () => {
    const engine = createAnalysisEngine();
    const before = engine.analyze(sample, undefined, { date: DATE });
    // Inside the central parking lot GT-P1, far from the boundary.
    const ring = [[105.9987, 21.0972], [105.9997, 21.0972], [105.9997, 21.0982], [105.9987, 21.0982], [105.9987, 21.0972]];
    const green: ParkFeature = { id: 'mid-green', kind: 'landuse', landUse: 'green', geometry: { type: 'Polygon', coordinates: [ring] } };
    const after = engine.analyze(edit(sample, [green]), undefined, { date: DATE });
    expect(after.green.isolationSamples).toBe(before.green.isolationSamples);
    // python3-geographiclib: the rectangle is 11503.918423354626 m².
    expect(after.green.greenLandM2 - before.green.greenLandM2).toBeCloseTo(11503.918423354626, 3);
  });

  it('keeps one cache per scenario: switching scenarios and back gives the full analysis', () => {
    const base = features(sample);
    const b = { id: 'scenario-b', name: 'B', features: base.filter((f) => !(f.kind === 'landuse' && f.landUse === 'green')) };
    const doc: ParkDocument = { ...sample, scenarios: [...sample.scenarios, b] };
    const engine = createAnalysisEngine();
    const a1 = engine.analyze(doc, undefined, { date: DATE });
    const b1 = engine.analyze(doc, 'scenario-b', { date: DATE });
    expect(b1.green.totalGreenM2).toBe(0);
    expect(engine.analyze(doc, undefined, { date: DATE })).toEqual(a1);
    expect(engine.lastChangeCount).toBe(0);
    expect(b1).toEqual(analyzeScenario(doc, 'scenario-b', { date: DATE }));
  });

  it('unknown scenarios are a programmer error', () => {
    expect(() => analyzeScenario(sample, 'nope')).toThrow(/no scenario/);
  });
});

describe('the sample park', () => {
  it('has its land uses tiled inside the boundary: no overlap, no outside, ~0 unassigned', () => {
    const r = analyzeScenario(sample, undefined, { date: DATE });
    expect(r.overlapAreaM2).toBe(0);
    expect(r.outsideBoundaryAreaM2).toBe(0);
    expect(r.unassignedAreaM2).toBeLessThan(1);
    expect(r.plotStats.count).toBe(45);
    expect(r.wwtp.map((w) => [w.code, w.type, w.capacityM3PerDay])).toEqual([['HT-01', 'wwtp_enclosed', 8000]]);
    // The isolation strip is drawn 15 m wide (description.json); the road gates are accesses.
    expect(Math.abs(r.green.isolationMinWidthM! - 15)).toBeLessThan(0.05);
  });

  it('park area and green ratio match GeographicLib on the sample geometry', () => {
    // Known answers: /usr/bin/python3 (python3-geographiclib) over data/samples/bac-ninh-demo.geojson:
    // the boundary ring, and the sum of the rings of every green land use (all lie inside the
    // boundary and outside plots; holes subtracted), frozen with repr().
    const r = analyzeScenario(sample, undefined, { date: DATE });
    expect(r.parkAreaM2).toBeCloseTo(SAMPLE_PARK_M2, 2);
    expect(r.green.greenLandM2).toBeCloseTo(SAMPLE_GREEN_M2, 2);
    expect(r.green.greenSpaceRatio).toBeCloseTo(SAMPLE_GREEN_M2 / SAMPLE_PARK_M2, 10);
  });
});

const SAMPLE_PARK_M2 = 3347024.927408996;
const SAMPLE_GREEN_M2 = 409398.12366893364;
