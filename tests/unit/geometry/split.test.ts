import { describe, expect, it } from 'vitest';
import { splitPolygon } from '../../../shared/geometry/split';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { LineStringGeometry, PolygonGeometry } from '../../../shared/model';

// Areas computed independently with python3-geographiclib (Debian, /usr/bin/python3):
//   from geographiclib.geodesic import Geodesic; p = Geodesic.WGS84.Polygon(False)
//   p.AddPoint(lat, lon) for each vertex; abs(p.Compute(False, True)[2])
const SQUARE_M2 = 46044.8737629056; // (106,21) (106.002,21) (106.002,21.002) (106,21.002)
const LOWER_RIGHT_M2 = 23022.590241789818; // triangle (106,21) (106.002,21) (106.002,21.002)
const UPPER_LEFT_M2 = 23022.28352111578; // triangle (106,21) (106.002,21.002) (106,21.002)
const HOLE_M2 = 1036.0140660703182; // (106.0015,21.0002)–(106.0018,21.0005), in the lower-right half

const square: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [[[106.0, 21.0], [106.002, 21.0], [106.002, 21.002], [106.0, 21.002], [106.0, 21.0]]],
};
const hole = [[106.0015, 21.0002], [106.0015, 21.0005], [106.0018, 21.0005], [106.0018, 21.0002], [106.0015, 21.0002]];
const diagonal: LineStringGeometry = { type: 'LineString', coordinates: [[105.9995, 20.9995], [106.0025, 21.0025]] };

const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('splitPolygon', () => {
  it('splits a square along its diagonal into the two geodesic triangles', () => {
    const r = splitPolygon(square, diagonal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(2);
    const areas = r.parts.map(geodesicAreaM2).sort((a, b) => a - b);
    // The halves differ by 0.31 m²: the lon/lat square is not symmetric on the ellipsoid.
    expect(rel(areas[0], UPPER_LEFT_M2)).toBeLessThan(1e-6);
    expect(rel(areas[1], LOWER_RIGHT_M2)).toBeLessThan(1e-6);
    expect(rel(areas[0] + areas[1], SQUARE_M2)).toBeLessThan(1e-6);
    // The corners are the original ones: each part is a triangle (3 vertices + closing one).
    for (const p of r.parts) expect(p.coordinates[0]).toHaveLength(4);
  });

  it('keeps a hole with the part that contains it', () => {
    const withHole: PolygonGeometry = { type: 'Polygon', coordinates: [square.coordinates[0], hole] };
    const r = splitPolygon(withHole, diagonal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const holed = r.parts.filter((p) => p.coordinates.length === 2);
    expect(holed).toHaveLength(1);
    expect(rel(geodesicAreaM2(holed[0]), LOWER_RIGHT_M2 - HOLE_M2)).toBeLessThan(1e-6);
    const total = r.parts.reduce((s, p) => s + geodesicAreaM2(p), 0);
    expect(rel(total, SQUARE_M2 - HOLE_M2)).toBeLessThan(1e-6);
  });

  it('cuts through a hole: the hole opens into both parts, the area is conserved', () => {
    const withHole: PolygonGeometry = { type: 'Polygon', coordinates: [square.coordinates[0], hole] };
    // Horizontal line at lat 21.00035 crosses the hole's middle.
    const r = splitPolygon(withHole, { type: 'LineString', coordinates: [[105.999, 21.00035], [106.003, 21.00035]] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(2);
    for (const p of r.parts) expect(p.coordinates).toHaveLength(1);
    const total = r.parts.reduce((s, p) => s + geodesicAreaM2(p), 0);
    expect(rel(total, SQUARE_M2 - HOLE_M2)).toBeLessThan(1e-6);
  });

  it('cuts both arms of a U-shaped block with one line into three parts', () => {
    const u: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[[106.0, 21.0], [106.003, 21.0], [106.003, 21.003], [106.002, 21.003], [106.002, 21.001], [106.001, 21.001], [106.001, 21.003], [106.0, 21.003], [106.0, 21.0]]],
    };
    const r = splitPolygon(u, { type: 'LineString', coordinates: [[105.999, 21.002], [106.004, 21.002]] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(3);
    const total = r.parts.reduce((s, p) => s + geodesicAreaM2(p), 0);
    expect(rel(total, geodesicAreaM2(u))).toBeLessThan(1e-6);
  });

  it('follows a bent cut line', () => {
    const bent: LineStringGeometry = { type: 'LineString', coordinates: [[105.999, 21.001], [106.001, 21.0015], [106.003, 21.001]] };
    const r = splitPolygon(square, bent);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(2);
    // The bend vertex is kept exactly in both parts.
    for (const p of r.parts) expect(p.coordinates[0].some((c) => c[0] === 106.001 && c[1] === 21.0015)).toBe(true);
    expect(rel(r.parts.reduce((s, p) => s + geodesicAreaM2(p), 0), SQUARE_M2)).toBeLessThan(1e-6);
  });

  it('accepts a cut drawn from edge to edge with snapped ends (ends on the outline)', () => {
    // From the middle of the south edge to the middle of the north edge, then off a vertex.
    const r = splitPolygon(square, { type: 'LineString', coordinates: [[106.001, 21.0], [106.001, 21.002]] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(2);
    expect(rel(r.parts.reduce((s, p) => s + geodesicAreaM2(p), 0), SQUARE_M2)).toBeLessThan(1e-6);
    // Corner to corner exactly (both ends on vertices): the two triangles.
    const d = splitPolygon(square, { type: 'LineString', coordinates: [[106.0, 21.0], [106.002, 21.002]] });
    expect(d.ok && d.parts.map(geodesicAreaM2).sort((a, b) => a - b).map((a) => Math.round(a * 1000) / 1000)).toEqual([
      Math.round(UPPER_LEFT_M2 * 1000) / 1000,
      Math.round(LOWER_RIGHT_M2 * 1000) / 1000,
    ]);
  });

  it('refuses lines that miss the polygon or end inside it', () => {
    expect(splitPolygon(square, { type: 'LineString', coordinates: [[105.99, 21.01], [105.995, 21.02]] })).toEqual({ ok: false, reason: 'line_does_not_cross' });
    expect(splitPolygon(square, { type: 'LineString', coordinates: [[105.999, 21.001], [106.001, 21.001]] })).toEqual({ ok: false, reason: 'line_ends_inside' });
    expect(splitPolygon(square, { type: 'LineString', coordinates: [[106.001, 21.001], [106.001, 21.001]] })).toEqual({ ok: false, reason: 'invalid_line' });
    expect(splitPolygon({ type: 'Polygon', coordinates: [[[106, 21], [106.001, 21], [106, 21]]] }, diagonal)).toEqual({ ok: false, reason: 'invalid_polygon' });
  });

  it('splits the crossed part of a MultiPolygon and returns the other part whole', () => {
    const far = [[[106.01, 21.0], [106.011, 21.0], [106.011, 21.001], [106.01, 21.001], [106.01, 21.0]]];
    const r = splitPolygon({ type: 'MultiPolygon', coordinates: [square.coordinates, far] }, diagonal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(3);
    expect(r.parts).toContainEqual({ type: 'Polygon', coordinates: far });
  });
});
