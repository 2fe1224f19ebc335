import { difference } from '@turf/difference';
import { featureCollection, polygon } from '@turf/helpers';
import { tesselate } from '@turf/tesselate';
import { describe, expect, it } from 'vitest';
import type { PlanarPoint } from '../../../shared/geometry/convex-hull';
import { subtractConvexRings } from '../../../shared/geometry/convex-difference';
import { signedArea2 } from '../../../shared/geometry/ring';

const areaOf = (rings: PlanarPoint[][]) => rings.reduce((sum, ring) => sum + Math.abs(signedArea2(ring)) / 2, 0);
const closed = (ring: PlanarPoint[]) => [...ring, ring[0]];
const open = (ring: number[][]) => ring.slice(0, -1) as PlanarPoint[];

/** Planar area (square degrees) of a minus every b by Turf's exact-arithmetic clipper: the independent answer. */
function clipperDifferenceArea(a: PlanarPoint[], bs: PlanarPoint[][]): number {
  const result = difference(featureCollection([polygon([closed(a)]), ...bs.map((b) => polygon([closed(b)]))]));
  if (!result) return 0;
  const g = result.geometry;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return parts.reduce((sum, rings) => sum + rings.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea2(ring)) / 2, 0), 0);
}

/** A polygon's triangles (earcut), the convex rings that tile it. */
function triangles(ring: PlanarPoint[]): PlanarPoint[][] {
  return tesselate(polygon([closed(ring)])).features.map((f) => open(f.geometry.coordinates[0]));
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/**
 * A random simple ring around (cx, cy), about `size` degrees across: one vertex in each of
 * `count` equal sectors, so the ring is star-shaped about its centre and never crosses itself.
 */
function randomRing(random: () => number, cx: number, cy: number, size: number, count: number): PlanarPoint[] {
  const angles = Array.from({ length: count }, (_, i) => ((i + 0.9 * random()) * 2 * Math.PI) / count);
  return angles.map((t) => {
    const r = size * (0.3 + 0.7 * random());
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
}

describe('convex difference', () => {
  const square: PlanarPoint[] = [[0, 0], [2, 0], [2, 2], [0, 2]];

  it('cuts a quarter out of a square, leaving disjoint convex pieces', () => {
    const rest = subtractConvexRings([square], [[[1, 1], [3, 1], [3, 3], [1, 3]]], 100)!;
    expect(areaOf(rest)).toBeCloseTo(3, 12);
    for (const ring of rest) expect(signedArea2(ring)).toBeGreaterThan(0);
  });

  it('keeps a piece the cut misses, drops one it covers, and takes a cut of either winding', () => {
    expect(subtractConvexRings([square], [[[5, 5], [6, 5], [6, 6]]], 100)).toEqual([square]);
    expect(subtractConvexRings([square], [[[-1, -1], [-1, 3], [3, 3], [3, -1]]], 100)).toEqual([]);
    expect(areaOf(subtractConvexRings([square], [[[1, 3], [3, 3], [3, 1], [1, 1]]], 100)!)).toBeCloseTo(3, 12);
  });

  it('reads a repeated vertex of a cut, or its repeated closing vertex, as no edge (the piece is not kept twice)', () => {
    const cut: PlanarPoint[] = [[1, 1], [3, 1], [3, 1], [3, 3], [1, 3]];
    expect(areaOf(subtractConvexRings([square], [cut], 100)!)).toBeCloseTo(3, 12);
    expect(areaOf(subtractConvexRings([square], [[...cut, [1, 1]]], 100)!)).toBeCloseTo(3, 12);
  });

  it('gives way when the fragments would pass the limit', () => {
    const comb = Array.from({ length: 20 }, (_, i): PlanarPoint[] => [[0.1 * i, 0.5], [0.1 * i + 0.05, 0.5], [0.1 * i + 0.05, 1.5], [0.1 * i, 1.5]]);
    expect(subtractConvexRings([square], comb, 10)).toBeNull();
    expect(areaOf(subtractConvexRings([square], comb, 1000)!)).toBeCloseTo(4 - 20 * 0.05, 12);
  });

  it('measures what Turf’s clipper leaves of random polygons under random polygons', () => {
    const random = seeded(20261205);
    let worst = 0;
    for (let trial = 0; trial < 300; trial++) {
      const a = randomRing(random, 106, 21, 0.002, 3 + Math.floor(random() * 8));
      const bs = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        randomRing(random, 106 + (random() - 0.5) * 0.003, 21 + (random() - 0.5) * 0.003, 0.0015, 3 + Math.floor(random() * 6)),
      );
      const rest = subtractConvexRings(triangles(a), bs.flatMap(triangles), 10_000)!;
      const expected = clipperDifferenceArea(a, bs);
      // Relative to the polygon: both are rounded, the clipper to its own snapping grid.
      worst = Math.max(worst, Math.abs(areaOf(rest) - expected) / (Math.abs(signedArea2(a)) / 2));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});
