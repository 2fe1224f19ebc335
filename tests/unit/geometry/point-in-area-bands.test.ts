import { describe, expect, it } from 'vitest';
import { polygonsOf } from '../../../shared/geometry/boolean';
import { pointInArea } from '../../../shared/geometry/point-in-area';
import { pointInRings, type XY } from '../../../shared/geometry/planar-faces';
import type { AreaGeometry, Position } from '../../../shared/model';
import { seededRandom } from '../../helpers/seeded-random';
import { sampleFeatures } from '../geometry/screen-parks';

/**
 * pointInArea sorts a big polygon's edges into latitude bands and tests only the point's band.
 * It must give pointInRings's answer over all the rings, point for point: on random points, on
 * points at the polygon's own vertex latitudes and extremes (where banding could slip by one),
 * and outside its latitudes.
 */
function expectSameAsRings(g: AreaGeometry, points: Position[]): void {
  const rings = polygonsOf(g).flat() as XY[][];
  for (const p of points) expect(pointInArea(p, g)).toBe(pointInRings(p as XY, rings));
}

function star(cx: number, cy: number, k: number, next: () => number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < k; i++) {
    const a = (i / k) * 2 * Math.PI;
    const r = 0.002 + 0.004 * next();
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return [...ring, ring[0]];
}

/** Points in and around the polygon's box, plus every vertex, and points at each vertex's latitude. */
function probes(g: AreaGeometry, next: () => number, count: number): Position[] {
  const all = polygonsOf(g).flat(2);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: Position[] = [];
  for (let i = 0; i < count; i++) out.push([x0 - 0.001 + (x1 - x0 + 0.002) * next(), y0 - 0.001 + (y1 - y0 + 0.002) * next()]);
  for (const v of all) out.push(v, [x0 + (x1 - x0) * next(), v[1]]);
  out.push([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1], [(x0 + x1) / 2, y1 - 1e-15], [(x0 + x1) / 2, y0 - 1e-15]);
  return out;
}

describe('pointInArea through latitude bands', () => {
  it('gives pointInRings’s answer on stars of 64 to 900 vertices, with holes and in parts', () => {
    const next = seededRandom(11);
    for (const k of [64, 65, 200, 900]) {
      const outer = star(106, 21, k, next);
      const hole = star(106, 21, 40, () => 0.1 * next());
      const shapes: AreaGeometry[] = [
        { type: 'Polygon', coordinates: [outer] },
        { type: 'Polygon', coordinates: [outer, hole] },
        { type: 'MultiPolygon', coordinates: [[outer], [star(106.02, 21.001, k, next)]] },
      ];
      for (const g of shapes) expectSameAsRings(g, probes(g, next, 2000));
    }
  });

  it('gives pointInRings’s answer on every polygon of the sample park, the isolation strip along its boundary among them', async () => {
    const next = seededRandom(5);
    const polygons = (await sampleFeatures()).flatMap((f) => (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon' ? [f.geometry] : []));
    const big = polygons.filter((g) => polygonsOf(g).flat().reduce((n, r) => n + r.length, 0) >= 64);
    expect(big.length).toBeGreaterThan(0);
    for (const g of polygons) expectSameAsRings(g, probes(g, next, 300));
  });
});

describe('pointInArea on a hostile zigzag', () => {
  it('keeps the plain test when edges would each fill most bands, with the same answers', () => {
    // 20,000 edges from the bottom to the top of the polygon: in bands, 20,000 × 4,096 entries.
    const ring: Position[] = [];
    for (let i = 0; i < 10_000; i++) ring.push([106 + i * 1e-5, 21], [106 + (i + 0.5) * 1e-5, 21.01]);
    const g: AreaGeometry = { type: 'Polygon', coordinates: [[...ring, [106.1, 20.99], ring[0]]] };
    const next = seededRandom(3);
    const points: Position[] = Array.from({ length: 200 }, () => [106 + next() * 0.1, 20.995 + next() * 0.02]);
    expectSameAsRings(g, points);
  });
});
