import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { generateLargePark, type LargeParkOptions } from '../../../bench/large-park';
import type { ParkDocument, ParkFeature, Position } from '../../../shared/model';
import { readProject } from '../../../shared/project-file';

/**
 * The two parks the problem-check screens are measured on (issue 12): the bundled sample and the
 * generated 5,113-feature park. The screens' tests compare them with the exact computation.
 */
const active = (doc: ParkDocument): ParkFeature[] => doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features;

export async function sampleFeatures(): Promise<ParkFeature[]> {
  const read = readProject(await initSqlJs(), new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
  if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
  return active(read.document);
}

export function largeParkFeatures(options: LargeParkOptions = {}): ParkFeature[] {
  return active(generateLargePark(options));
}

/** Test geometry on a grid of 0.001° units from (106° E, 21° N): a point, and a closed ring. */
export const at = (x: number, y: number): Position => [106 + x * 0.001, 21 + y * 0.001];
export const ring = (pts: [number, number][]): Position[] => [...pts.map(([x, y]) => at(x, y)), at(pts[0][0], pts[0][1])];
