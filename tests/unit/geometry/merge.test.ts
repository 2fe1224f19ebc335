import { describe, expect, it } from 'vitest';
import { mergePolygons } from '../../../shared/geometry/merge';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { MultiPolygonGeometry, PolygonGeometry } from '../../../shared/model';

// python3-geographiclib (Debian): area of the lon/lat rectangle [106.0, 106.002] × [21.0, 21.001]
//   p = Geodesic.WGS84.Polygon(False); AddPoint(lat, lon) × 4; abs(p.Compute(False, True)[2])
const RECTANGLE_M2 = 23022.512205660343;

const rect = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

describe('mergePolygons', () => {
  it('two adjacent squares drawn 2 cm apart become the rectangle, without a seam', () => {
    // B's west edge is 2e-7° of longitude (≈ 2.1 cm at 21° N) east of A's east edge.
    const a = rect(106.0, 106.001, 21.0, 21.001);
    const b = rect(106.0010002, 106.002, 21.0, 21.001);
    const r = mergePolygons([a, b]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.polygon.type).toBe('Polygon');
    if (r.polygon.type !== 'Polygon') return;
    expect(r.polygon.coordinates).toHaveLength(1); // no hole, no sliver ring
    // Only the 4 corners plus at most the 2 former seam ends (collinear), closed.
    expect(r.polygon.coordinates[0].length).toBeLessThanOrEqual(7);
    expect(Math.abs(geodesicAreaM2(r.polygon) / RECTANGLE_M2 - 1)).toBeLessThan(1e-9);
  });

  it('merges a plot whose edge meets the middle of its neighbour edge (T-junctions)', () => {
    const a = rect(106.0, 106.001, 21.0, 21.001);
    const b = rect(106.001, 106.002, 21.0002, 21.0008);
    const r = mergePolygons([a, b]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.polygon.type).toBe('Polygon');
    expect(r.polygon.coordinates).toHaveLength(1);
    // The outline: 4 corners of A + 4 corners of B = 8 vertices, plus the closing one.
    expect(r.polygon.coordinates[0]).toHaveLength(9);
    expect(Math.abs(geodesicAreaM2(r.polygon) / (geodesicAreaM2(a) + geodesicAreaM2(b)) - 1)).toBeLessThan(1e-9);
  });

  it('merges three in a row and overlapping ones', () => {
    const r = mergePolygons([rect(106.0, 106.001, 21.0, 21.001), rect(106.001, 106.0015, 21.0, 21.001), rect(106.0012, 106.002, 21.0, 21.001)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(geodesicAreaM2(r.polygon) / RECTANGLE_M2 - 1)).toBeLessThan(1e-9);
  });

  it('merges MultiPolygons (as GeoPackage files store every area) into one Polygon', () => {
    const multi = (...parts: PolygonGeometry[]): MultiPolygonGeometry => ({ type: 'MultiPolygon', coordinates: parts.map((p) => p.coordinates) });
    // Two one-part MultiPolygons side by side.
    const pair = mergePolygons([multi(rect(106.0, 106.001, 21.0, 21.001)), multi(rect(106.001, 106.002, 21.0, 21.001))]);
    if (!pair.ok) throw new Error(pair.reason);
    expect(pair.polygon.type).toBe('Polygon');
    expect(pair.polygon.coordinates).toHaveLength(1);
    expect(Math.abs(geodesicAreaM2(pair.polygon) / RECTANGLE_M2 - 1)).toBeLessThan(1e-9);
    // A two-part MultiPolygon and the polygon that fills the gap between its parts.
    const parts = multi(rect(106.0, 106.0005, 21.0, 21.001), rect(106.0015, 106.002, 21.0, 21.001));
    const bridged = mergePolygons([parts, rect(106.0005, 106.0015, 21.0, 21.001)]);
    if (!bridged.ok) throw new Error(bridged.reason);
    expect(bridged.polygon.type).toBe('Polygon');
    expect(bridged.polygon.coordinates).toHaveLength(1);
    expect(Math.abs(geodesicAreaM2(bridged.polygon) / RECTANGLE_M2 - 1)).toBeLessThan(1e-9);
    // Touching only one of the two parts, the union stays a two-part MultiPolygon: refused.
    expect(mergePolygons([parts, rect(106.0005, 106.001, 21.0, 21.001)])).toEqual({ ok: false, reason: 'not_adjacent' });
  });

  it('refuses polygons that are not neighbours', () => {
    const a = rect(106.0, 106.001, 21.0, 21.001);
    expect(mergePolygons([a, rect(106.005, 106.006, 21.0, 21.001)])).toEqual({ ok: false, reason: 'not_adjacent' });
    // A 10 cm gap (1e-6° ≈ 0.104 m) is beyond the 5 cm tolerance.
    expect(mergePolygons([a, rect(106.000001 + 0.001, 106.002, 21.0, 21.001)])).toEqual({ ok: false, reason: 'not_adjacent' });
    // Touching at a corner only.
    expect(mergePolygons([a, rect(106.001, 106.002, 21.001, 21.002)])).toEqual({ ok: false, reason: 'not_adjacent' });
    expect(mergePolygons([a])).toEqual({ ok: false, reason: 'too_few_polygons' });
  });
});
