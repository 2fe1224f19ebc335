import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it, vi } from 'vitest';
import type { LandUseFeature, Position } from '../../../shared/model';
import { polygonsOf } from '../../../shared/geometry/boolean';
import { SLIVER_OVERLAP_M2 } from '../../../shared/geometry/overlap';
import { signedArea2 } from '../../../shared/geometry/ring';
import { createTangentPlane, toPlane } from '../../../shared/geometry/tangent-plane';
import { seededRandom } from '../../helpers/seeded-random';

// Spy on the polygon clipping, to see which features still need it.
const clipping = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../../shared/geometry/boolean', async (importOriginal) =>
  (await import('./clipping-spy')).countingSubtract(await importOriginal<typeof import('../../../shared/geometry/boolean')>(), clipping),
);
const { validateFeature } = await import('../../../shared/geometry/validate');

// The park: a rectangle (one ring, convex). A plot stands on its south edge (lat 20.99) with a
// T-junction vertex at 106.001 where two neighbours meet; that vertex is nudged by `dLat`.
const boundary = { type: 'Polygon' as const, coordinates: [[[105.99, 20.99], [106.01, 20.99], [106.01, 21.01], [105.99, 21.01], [105.99, 20.99]]] };
const plot = (dLat: number): LandUseFeature => {
  const ring: Position[] = [[106.0, 20.99], [106.001, 20.99 + dLat], [106.002, 20.99], [106.002, 20.991], [106.0, 20.991], [106.0, 20.99]];
  return { id: 'p', kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [ring] } };
};
const outsideReasons = (dLat: number) => {
  clipping.calls = 0;
  return validateFeature(plot(dLat), { boundary }).filter((i) => i.reason === 'outside_boundary');
};

// By hand: along lat 21°, 1° of longitude is 103.96 km and 1° of latitude 110.70 km (WGS84
// tables), so the south edge is 0.002° = 207.9 m long and a nudge of d degrees south leaves
// outside a triangle of ½ · 207.9 m · (d · 110,700 m).
describe('validateFeature: polygons touching the park boundary', () => {
  it('a T-junction bent 0.22 mm inward (a bend the convex screen rejects) is inside, decided without clipping', () => {
    // All vertices have lat ≥ 20.99 and lie within the rectangle's longitudes: inside a convex boundary.
    expect(outsideReasons(2e-9)).toEqual([]);
    expect(clipping.calls).toBe(0);
    // Exactly on the edge too.
    expect(outsideReasons(0)).toEqual([]);
    expect(clipping.calls).toBe(0);
  });

  it('0.02 mm outward leaves ½ · 207.9 · 0.0000199 = 0.0021 m² outside: under 0.01 m², nothing reported', () => {
    expect(outsideReasons(-1.8e-10)).toEqual([]);
  });

  it('0.5 mm outward leaves ½ · 207.9 · 0.000498 = 0.052 m² outside: reported, through the clipping', () => {
    const issues = outsideReasons(-4.5e-9);
    expect(issues.map((i) => i.params)).toEqual([{ vertexOutside: false }]);
    expect(clipping.calls).toBe(1);
    // Shown on the sliver outside: south of the edge, between the plot's corners.
    const [lon, lat] = issues[0].at as [number, number];
    expect(lat).toBeLessThanOrEqual(20.99);
    expect(lat).toBeGreaterThanOrEqual(20.99 - 4.5e-9);
    expect(lon).toBeGreaterThanOrEqual(106.0);
    expect(lon).toBeLessThanOrEqual(106.002);
  });

  it('a plot across the edge is reported without clipping (subtraction), at its vertex farthest outside', () => {
    const issues = outsideReasons(-0.0005);
    expect(issues.map((i) => i.at)).toEqual([[106.001, 20.99 - 0.0005]]);
    expect(clipping.calls).toBe(0);
  });

  // A spike 5 mm south of the edge on a base of b metres leaves outside a triangle of
  // ½ · b · 0.005 m²: 0.01 m² at b = 4 m. Its tip is 5 mm out, so subtraction decides, not the clipping.
  it('a spike 5 mm outward on a base of 3.9 m (0.00975 m²) is not reported, on 4.1 m (0.01025 m²) it is, both by subtraction', () => {
    const mPerDegLon = 103_960; // along lat 21° (WGS84 tables, as above)
    const mPerDegLat = 110_700;
    const spike = (baseM: number): LandUseFeature => {
      const half = baseM / 2 / mPerDegLon;
      const ring: Position[] = [[106.0, 20.99], [106.001 - half, 20.99], [106.001, 20.99 - 0.005 / mPerDegLat], [106.001 + half, 20.99], [106.002, 20.99], [106.002, 20.991], [106.0, 20.991], [106.0, 20.99]];
      return { id: 's', kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [ring] } };
    };
    const outside = (f: LandUseFeature) => {
      clipping.calls = 0;
      return validateFeature(f, { boundary }).filter((i) => i.reason === 'outside_boundary');
    };
    expect(outside(spike(3.9))).toEqual([]);
    expect(clipping.calls).toBe(0);
    expect(outside(spike(4.1)).map((i) => i.at)).toEqual([[106.001, 20.99 - 0.005 / 110_700]]);
    expect(clipping.calls).toBe(0);
  });
});

describe('validateFeature against a concave park boundary: the screens and the subtraction report what the clipping reports', () => {
  it('gives the outside_boundary issue of the clipping alone, on random polygons along a notched boundary', async () => {
    const { subtractAreas } = await vi.importActual<typeof import('../../../shared/geometry/boolean')>('../../../shared/geometry/boolean');
    // A park with a notch cut into its south side (concave, one ring): the screen of each edge's
    // cuts against the boundary (outlineWithin) decides most polygons near it.
    const u = 0.001;
    const at = (x: number, y: number): Position => [106 + x * u, 21 + y * u];
    const park = { type: 'Polygon' as const, coordinates: [[at(0, 0), at(4, 0), at(4, 2), at(6, 2), at(6, 0), at(10, 0), at(10, 6), at(0, 6), at(0, 0)]] };
    /** What checkOutside computed before any screen: the clipping, measured in the plane of its first vertex. */
    const clippedOutside = (g: LandUseFeature['geometry']) => {
      const outside = subtractAreas(g, [park]);
      if (!outside) return null;
      const p = polygonsOf(outside)[0][0][0];
      const plane = createTangentPlane(p[0], p[1]);
      const m2 = polygonsOf(outside).reduce((s, rings) => s + rings.reduce((t, r, i) => t + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r.map((q) => toPlane(plane, q)))) / 2, 0), 0);
      return m2 >= SLIVER_OVERLAP_M2 ? [p[0], p[1]] : null;
    };
    const next = seededRandom(31);
    // Corners on a quarter grid (on the boundary's edges and vertices), some nudged by a hair.
    const coord = () => Math.floor(next() * 44) / 4 - 0.5 + (next() < 0.2 ? (next() - 0.5) * 1e-6 : 0);
    let reported = 0;
    let screened = 0;
    for (let n = 0; n < 400; n++) {
      const x = coord();
      const y = Math.min(coord(), 6.5);
      const w = 0.25 + Math.floor(next() * 8) / 4;
      const h = 0.25 + Math.floor(next() * 8) / 4;
      // Rectangles with a T-junction vertex on the south edge, and triangles.
      const ring = next() < 0.7 ? [at(x, y), at(x + w / 2, y), at(x + w, y), at(x + w, y + h), at(x, y + h), at(x, y)] : [at(x, y), at(x + w, y), at(x + w / 2, y + h), at(x, y)];
      const feature: LandUseFeature = { id: `f${n}`, kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [ring] } };
      clipping.calls = 0;
      const issues = validateFeature(feature, { boundary: park }).filter((i) => i.reason === 'outside_boundary');
      if (clipping.calls === 0) screened++;
      const expected = clippedOutside(feature.geometry);
      expect(issues.length).toBe(expected ? 1 : 0);
      if (expected && clipping.calls > 0) expect(issues[0].at).toEqual(expected);
      // Decided by subtraction (no clipping): shown at a vertex of the polygon clearly outside the park.
      if (expected && clipping.calls === 0) {
        expect(ring).toContainEqual(issues[0].at);
        expect(booleanPointInPolygon(issues[0].at!, park)).toBe(false);
      }
      if (expected) reported++;
    }
    // Both outcomes are common, and most polygons inside were settled without clipping.
    expect(reported).toBeGreaterThan(60);
    expect(screened).toBeGreaterThan(100);
  });
});
