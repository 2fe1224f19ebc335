import { describe, expect, it } from 'vitest';
import { generateLargePark } from '../../../bench/large-park';
import { scenarioProblems } from '../../../shared/analysis';
import type { ParkFeature, Position } from '../../../shared/model';
import { startProblemsAhead } from '../../../cli/commands/problems-ahead';
import { seededRandom } from '../../helpers/seeded-random';
import { readSampleDocument } from './helpers';

/** Moves some features by up to ~100 m and some vertices by up to ~20 m: overlaps, crossings, parts outside. */
function shaken(features: readonly ParkFeature[], seed: number): ParkFeature[] {
  const rnd = seededRandom(seed);
  const move = (p: Position, d: number, dx: number, dy: number): Position => [p[0] + dx + (rnd() < 0.05 ? (rnd() - 0.5) * d : 0), p[1] + dy];
  const walk = (c: unknown, d: number, dx: number, dy: number): unknown =>
    typeof (c as unknown[])[0] === 'number' ? move(c as Position, d, dx, dy) : (c as unknown[]).map((x) => walk(x, d, dx, dy));
  return features.map((f) => {
    if (rnd() < 0.7) return f;
    const [dx, dy] = [(rnd() - 0.5) * 0.002, (rnd() - 0.5) * 0.002];
    const coordinates = walk(f.geometry.coordinates, 0.0004, dx, dy);
    // Rings stay closed: the first vertex is the last.
    const close = (c: unknown): unknown => (Array.isArray((c as unknown[])[0]) && typeof (c as Position[][])[0][0] === 'number' ? [...(c as Position[]).slice(0, -1), (c as Position[])[0]] : (c as unknown[]).map(close));
    return { ...f, geometry: { ...f.geometry, coordinates: f.geometry.type.endsWith('Polygon') ? close(coordinates) : coordinates } } as ParkFeature;
  });
}

describe('the problem check on a worker thread (analyze)', () => {
  it('answers what the check on this thread answers, for the sample, a generated park and shaken layouts', async () => {
    const sample = await readSampleDocument();
    const park = generateLargePark({ blocksX: 4, blocksY: 4 });
    const layouts = [
      sample.scenarios[0].features,
      park.scenarios[0].features,
      ...[1, 2, 3].map((seed) => shaken(sample.scenarios[0].features, seed)),
      ...[4, 5].map((seed) => shaken(park.scenarios[0].features, seed)),
    ];
    let problemsSeen = 0;
    // One worker answers the layouts one after another (each start compiles the sources again).
    const ahead = startProblemsAhead({ always: true })!;
    try {
      for (const features of layouts) {
        const expected = scenarioProblems(features);
        problemsSeen += expected.length;
        expect(await ahead.check(features)).toEqual(expected);
      }
    } finally {
      ahead.cancel();
    }
    // The shaken layouts do have problems to compare (overlaps, crossings, parts outside).
    expect(problemsSeen).toBeGreaterThan(20);
  }, 120_000);

  it('does not start from the sources unless asked: the command checks on its own thread', () => {
    expect(startProblemsAhead()).toBeNull();
  });
});
