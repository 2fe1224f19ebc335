import { describe, expect, it } from 'vitest';
import { clipToBoundary, cutByExisting, findOverlaps } from '../../../shared/geometry/overlap';
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
