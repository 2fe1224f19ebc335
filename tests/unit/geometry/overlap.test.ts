import { describe, expect, it } from 'vitest';
import { clipToBoundary, cutByExisting, findOverlaps, SLIVER_OVERLAP_M2 } from '../../../shared/geometry/overlap';
import { intersectAreas } from '../../../shared/geometry/boolean';
import { seededRandom } from '../../helpers/seeded-random';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { PolygonGeometry } from '../../../shared/model';

// Areas of lon/lat rectangles computed independently with python3-geographiclib (Debian):
//   p = Geodesic.WGS84.Polygon(False); p.AddPoint(lat, lon) for the 4 corners; p.Compute(False, True)[2]
const REST_M2 = 23022.43688055873; // [106.002, 106.003] × [21.000, 21.002]
const A_AND_B_M2 = 11511.256102323532; // [106.001, 106.002] × [21.000, 21.001]
const CLIPPED_M2 = 23022.436880260706; // [106.001, 106.002] × [21.000, 21.002]

const rect = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('cutByExisting (default overlap policy: existing wins)', () => {
  const existing = [
    { id: 'A', geometry: rect(106.0, 106.002, 21.0, 21.002) },
    { id: 'far', geometry: rect(106.01, 106.011, 21.0, 21.001) },
  ];

  it('removes the overlapped part and names the polygon that cut it', () => {
    const r = cutByExisting(rect(106.001, 106.003, 21.0, 21.002), existing);
    expect(r.cutBy).toEqual(['A']);
    expect(r.geometry).not.toBeNull();
    if (!r.geometry) return;
    expect(rel(geodesicAreaM2(r.geometry), REST_M2)).toBeLessThan(1e-6);
  });

  it('leaves a polygon that only touches alone', () => {
    const touching = rect(106.002, 106.003, 21.0, 21.002);
    expect(cutByExisting(touching, existing)).toEqual({ geometry: touching, cutBy: [] });
  });

  it('returns null when the new polygon is covered entirely', () => {
    expect(cutByExisting(rect(106.0005, 106.001, 21.0005, 21.001), existing)).toEqual({ geometry: null, cutBy: ['A'] });
  });
});

describe('findOverlaps (flag policy)', () => {
  it('reports real overlaps with their geodesic area and ignores touching and sliver overlaps', () => {
    const features = [
      { id: 'A', geometry: rect(106.0, 106.002, 21.0, 21.002) },
      { id: 'B', geometry: rect(106.001, 106.003, 21.0, 21.001) },
      // C shares A's east edge and B's north edge: no overlap.
      { id: 'C', geometry: rect(106.002, 106.004, 21.001, 21.002) },
      // D overlaps A by 1e-10° of longitude (≈ 0.01 mm × 111 m ≈ 0.001 m²): a sliver, ignored.
      { id: 'D', geometry: rect(106.0019999999, 106.0021, 21.0015, 21.0025) },
      { id: 'road', geometry: { type: 'LineString' as const, coordinates: [[106.0, 21.0], [106.003, 21.002]] } },
    ];
    const overlaps = findOverlaps(features);
    expect(overlaps).toHaveLength(2);
    const ab = overlaps.find((o) => o.a === 'A' && o.b === 'B');
    expect(ab).toBeDefined();
    expect(rel(ab?.areaM2 ?? 0, A_AND_B_M2)).toBeLessThan(1e-6);
    // D really overlaps C (which it crosses by 0.0001° × 0.0005°), not A.
    expect(overlaps.some((o) => o.a === 'C' && o.b === 'D')).toBe(true);
    expect(overlaps.some((o) => o.b === 'D' && o.a === 'A')).toBe(false);
  });
});

describe('findOverlaps with a concave polygon', () => {
  it('measures the overlap of a square with an L-shaped block', () => {
    // python3-geographiclib: the overlap hexagon (106.0005,21.0005) (106.0015,21.0005)
    // (106.0015,21.001) (106.001,21.001) (106.001,21.0015) (106.0005,21.0015) has 8633.4143 m².
    const l: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[[106.0, 21.0], [106.002, 21.0], [106.002, 21.001], [106.001, 21.001], [106.001, 21.002], [106.0, 21.002], [106.0, 21.0]]],
    };
    for (const order of [[0, 1], [1, 0]]) {
      const items = [{ id: 'L', geometry: l }, { id: 'S', geometry: rect(106.0005, 106.0015, 21.0005, 21.0015) }];
      const overlaps = findOverlaps(order.map((i) => items[i]));
      expect(overlaps).toHaveLength(1);
      expect(rel(overlaps[0].areaM2, 8633.414312392473)).toBeLessThan(1e-6);
    }
    // A square in the notch touches the L along two edges and does not overlap it.
    expect(findOverlaps([{ id: 'L', geometry: l }, { id: 'N', geometry: rect(106.001, 106.002, 21.001, 21.002) }])).toEqual([]);
  });
});

describe('clipToBoundary', () => {
  const boundary = rect(105.99, 106.002, 20.99, 21.01);
  it('keeps only the part inside the boundary', () => {
    const r = clipToBoundary(rect(106.001, 106.003, 21.0, 21.002), boundary);
    expect(r).not.toBeNull();
    if (!r) return;
    expect(rel(geodesicAreaM2(r), CLIPPED_M2)).toBeLessThan(1e-6);
  });
  it('returns null outside, the same area inside', () => {
    expect(clipToBoundary(rect(106.01, 106.02, 21.0, 21.001), boundary)).toBeNull();
    const inside = rect(106.0, 106.001, 21.0, 21.001);
    const r = clipToBoundary(inside, boundary);
    expect(rel(geodesicAreaM2(r ?? inside), geodesicAreaM2(inside))).toBeLessThan(1e-12);
    expect(r).not.toBeNull();
  });
});

describe('findOverlaps screens (they may only skip pairs with nothing to report)', () => {
  // Unit squares of 0.001° at 106° E, 21° N.
  const at = (x: number, y: number): [number, number] => [106 + x * 0.001, 21 + y * 0.001];
  const ring = (...pts: [number, number][]): PolygonGeometry => ({ type: 'Polygon', coordinates: [[...pts.map(([x, y]) => at(x, y)), at(...pts[0])]] });

  it('reports a self-crossing polygon lying over a square, though its two halves’ signed areas cancel', () => {
    // The bow-tie (0,0) → (2,2) → (2,0) → (0,2) crosses itself at (1,1): two triangles of opposite
    // orientation. python3-geographiclib, Geodesic.WGS84.Polygon over each triangle:
    // (0,0)(1,1)(0,2) 11511.218439668417 m² + (1,1)(2,2)(2,0) 11511.21841326356 m² = 23022.436852931976 m².
    const bowTie = ring([0, 0], [2, 2], [2, 0], [0, 2]);
    const square = ring([-1, -1], [3, -1], [3, 3], [-1, 3]);
    const overlaps = findOverlaps([{ id: 'bow', geometry: bowTie }, { id: 'sq', geometry: square }]);
    expect(overlaps).toHaveLength(1);
    expect(rel(overlaps[0].areaM2, 23022.436852931976)).toBeLessThan(1e-6);
  });

  it('finds no overlap between neighbours whose shared edge carries T-junction vertices a hair off the line', () => {
    // Each plot has its neighbour's corner on their shared edge, 1e-10° off the straight line
    // (about 0.01 mm): neither ring is convex, and the plots only touch.
    const left = ring([0, 0], [1, 0], [1, 0.5 + 1e-7], [1, 1], [0, 1]);
    const right = ring([1, 0], [2, 0], [2, 2], [1, 2], [1, 1], [1, 0.5 + 1e-7]);
    const below = ring([0, -1], [2, -1], [2, 0], [1, 0], [0, 0]);
    expect(findOverlaps([{ id: 'L', geometry: left }, { id: 'R', geometry: right }, { id: 'B', geometry: below }])).toEqual([]);
  });

  it('gives what the exact intersection of every pair gives, on random layouts with T-junctions, notches and crossings', () => {
    const next = seededRandom(7);
    let overlapsFound = 0;
    for (let layout = 0; layout < 12; layout++) {
      const items = Array.from({ length: 14 }, (_, i) => {
        const x = Math.floor(next() * 6) / 2;
        const y = Math.floor(next() * 6) / 2;
        const w = 0.5 + Math.floor(next() * 3) / 2;
        const h = 0.5 + Math.floor(next() * 3) / 2;
        const shape = next();
        // Rectangles on a half-unit grid (shared edges, T-junction vertices), L-shapes and bow-ties.
        const geometry =
          shape < 0.6 ? ring([x, y], [x + w / 2, y + 1e-8], [x + w, y], [x + w, y + h], [x, y + h])
            : shape < 0.85 ? ring([x, y], [x + w, y], [x + w, y + h / 2], [x + w / 2, y + h / 2], [x + w / 2, y + h], [x, y + h])
              : ring([x, y], [x + w, y + h], [x + w, y], [x, y + h]);
        return { id: `f${String(i).padStart(2, '0')}`, geometry };
      });
      const expected: { a: string; b: string; areaM2: number }[] = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const common = intersectAreas(items[i].geometry, items[j].geometry);
          const areaM2 = common ? geodesicAreaM2(common) : 0;
          if (areaM2 >= SLIVER_OVERLAP_M2) expected.push({ a: items[i].id, b: items[j].id, areaM2 });
        }
      }
      const found = findOverlaps(items).map(({ a, b, areaM2 }) => ({ a, b, areaM2 }));
      const key = (o: { a: string; b: string }) => `${o.a}|${o.b}`;
      expect(found.map(key).sort()).toEqual(expected.map(key).sort());
      for (const o of found) expect(o.areaM2).toBe(expected.find((e) => key(e) === key(o))?.areaM2);
      overlapsFound += found.length;
    }
    // The layouts do overlap: the comparison is not between two empty lists.
    expect(overlapsFound).toBeGreaterThan(50);
  });
  it('gives what the exact intersection gives for concave and self-crossing neighbours, whose hulls overlap (the triangle screen)', () => {
    // U-shapes with a block in their mouth, and rings through random points (most of
    // them cross themselves several times, like a green strip drawn back over itself): the pairs
    // the hull screens cannot settle, which the screen of loops against triangles does.
    const next = seededRandom(12);
    const half = (n: number) => Math.floor(next() * n) / 2;
    let overlapsFound = 0;
    for (let layout = 0; layout < 16; layout++) {
      const items = Array.from({ length: 12 }, (_, i) => {
        const x = half(6);
        const y = half(6);
        const shape = next();
        const geometry =
          shape < 0.35 ? ring([x, y], [x + 2, y], [x + 2, y + 2], [x + 1.5, y + 2], [x + 1.5, y + 0.5], [x + 0.5, y + 0.5], [x + 0.5, y + 2], [x, y + 2])
            : shape < 0.55 ? ring([x, y], [x + 1, y + 1e-8], [x + 1, y + 1.5], [x, y + 1.5])
              : ring(...Array.from({ length: 5 + Math.floor(next() * 4) }, (): [number, number] => [x + next() * 2.5, y + next() * 2.5]));
        return { id: `f${String(i).padStart(2, '0')}`, geometry };
      });
      const expected: string[] = [];
      const areas = new Map<string, number>();
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const common = intersectAreas(items[i].geometry, items[j].geometry);
          const areaM2 = common ? geodesicAreaM2(common) : 0;
          if (areaM2 < SLIVER_OVERLAP_M2) continue;
          expected.push(`${items[i].id}|${items[j].id}`);
          areas.set(`${items[i].id}|${items[j].id}`, areaM2);
        }
      }
      const found = findOverlaps(items);
      expect(found.map((o) => `${o.a}|${o.b}`).sort()).toEqual(expected.sort());
      for (const o of found) expect(o.areaM2).toBe(areas.get(`${o.a}|${o.b}`));
      overlapsFound += found.length;
    }
    expect(overlapsFound).toBeGreaterThan(50);
  });
});
