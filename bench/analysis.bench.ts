import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { analyzeScenario, createAnalysisEngine } from '../shared/analysis';
import { applyCommand, type ParkDocument, type ParkFeature } from '../shared/model';
import { readProject } from '../shared/project-file';
import { generateLargePark } from './large-park';
import { medianMs, type Figure } from './measure';

const DATE = '2026-01-15';

function features(doc: ParkDocument): ParkFeature[] {
  return doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features;
}

/** The same feature nudged east by `dLon` degrees: a new object, as an edit makes. */
function nudged(f: ParkFeature, dLon: number): ParkFeature {
  const g = f.geometry as { type: 'Polygon'; coordinates: number[][][] };
  return { ...f, geometry: { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(([x, y]) => [x + dLon, y])) } } as ParkFeature;
}

/**
 * Median time of the incremental update after a single-feature edit: the engine alternates
 * between two documents that differ only in that feature (1e-6° ≈ 10 cm apart).
 */
function incrementalMs(base: ParkDocument, pick: (f: ParkFeature) => boolean): number {
  const target = features(base).find(pick)!;
  const command = (f: ParkFeature) => ({ label: 'bench', scenarioId: base.activeScenarioId, put: [f], delete: [] });
  const a = applyCommand(base, command(nudged(target, 1e-6))).document;
  const b = applyCommand(base, command(nudged(target, -1e-6))).document;
  const engine = createAnalysisEngine();
  engine.analyze(a, undefined, { date: DATE });
  let flip = false;
  return medianMs(() => {
    flip = !flip;
    engine.analyze(flip ? b : a, undefined, { date: DATE });
  }, 41, 5);
}

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** Analysis of the generated ~5,100-feature park (issue 4's targets) and of the sample park. */
export async function analysisFigures(): Promise<Figure[]> {
  const big = generateLargePark();
  const count = features(big).length;
  const fullMs = medianMs(() => analyzeScenario(big, undefined, { date: DATE }), 9, 2);
  // The same analysis of a document no run has seen (as `ecopark analyze` meets it): the per-geometry
  // memos (geodesic areas, corridors, footprints) start empty. Documents generated beforehand.
  const freshDocs = Array.from({ length: 7 }, () => generateLargePark());
  const freshMs = medianMs(() => analyzeScenario(freshDocs.pop()!, undefined, { date: DATE }), 5, 2);
  const plotMs = incrementalMs(big, (f) => f.kind === 'landuse' && f.landUse === 'industrial');
  const buildingMs = incrementalMs(big, (f) => f.kind === 'building');
  // A traffic corridor along the boundary: its edit also re-measures the isolation strip.
  const corridorMs = incrementalMs(big, (f) => f.kind === 'landuse' && f.landUse === 'traffic');

  // Memory of the caches: heap after building an engine's caches minus before (with --expose-gc;
  // without it the figure is noisier). The analysis result itself is included.
  // A freshly generated park: its geometries are in no memo yet, so every cache is built here.
  const fresh = generateLargePark();
  const before = heapMb();
  const engine = createAnalysisEngine();
  const result = engine.analyze(fresh, undefined, { date: DATE });
  const after = heapMb();

  const SQL = await initSqlJs();
  const read = readProject(SQL, new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
  if (!read.ok) throw new Error(read.detail);
  const sample = read.document;
  const sampleMs = medianMs(() => analyzeScenario(sample, undefined, { date: DATE }), 9, 2);
  const worst = Math.max(plotMs, buildingMs, corridorMs);
  return [
    { name: 'analysis.largePark.features', value: count, unit: 'count' },
    { name: 'analysis.largePark.full', value: fullMs, unit: 'ms' },
    { name: 'analysis.largePark.freshDocument', value: freshMs, unit: 'ms' },
    { name: 'analysis.largePark.incremental.plotEdit', value: plotMs, unit: 'ms' },
    { name: 'analysis.largePark.incremental.buildingEdit', value: buildingMs, unit: 'ms' },
    { name: 'analysis.largePark.incremental.boundaryCorridorEdit', value: corridorMs, unit: 'ms' },
    { name: 'analysis.largePark.incrementalToFullRatio', value: worst / fullMs, unit: 'ratio' },
    { name: 'analysis.largePark.cacheHeap', value: after - before, unit: 'MB' },
    { name: 'analysis.largePark.gcExposed', value: (globalThis as { gc?: unknown }).gc ? 1 : 0, unit: 'bool' },
    { name: 'analysis.largePark.rules', value: result.rules.length, unit: 'count' },
    { name: 'analysis.sample.full', value: sampleMs, unit: 'ms' },
  ];
}
