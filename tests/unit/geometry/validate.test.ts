import { describe, expect, it } from 'vitest';
import { repairFeature, validateFeature, validateLayout, VALIDATION_REASONS, type ValidationIssue } from '../../../shared/geometry/validate';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { LandUseFeature, ParkFeature, Position } from '../../../shared/model';

// python3-geographiclib (Debian): triangles of the bow tie (crossing X = (106.0005, 21.0005)):
//   right (X, (106.001, 21), (106.001, 21.001)) and left (X, (106, 21.001), (106, 21)) — both:
const BOW_TIE_TRIANGLE_M2 = 2877.814040377736;
// g.Inverse(21, 106, 21.00001, 106).s12 = 1.107 m: the width of the thin strip below.

const landuse = (id: string, ring: Position[], extra: Partial<LandUseFeature> = {}): LandUseFeature => ({
  id,
  kind: 'landuse',
  landUse: 'industrial',
  geometry: { type: 'Polygon', coordinates: [ring] },
  ...extra,
});
const rectRing = (x0: number, x1: number, y0: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const reasons = (issues: ValidationIssue[]) => issues.map((i) => i.reason);

const square = landuse('sq', rectRing(106.0, 106.001, 21.0, 21.001), { code: 'CN-05' });
const boundary = { type: 'Polygon' as const, coordinates: [rectRing(105.99, 106.01, 20.99, 21.01)] };

describe('validateFeature', () => {
  it('finds nothing wrong with a clean plot inside the boundary', () => {
    expect(validateFeature(square, { boundary })).toEqual([]);
  });

  it('exports its reason codes', () => {
    expect(VALIDATION_REASONS).toContain('self_intersection');
    expect(VALIDATION_REASONS).toContain('overlap');
  });

  it('invalid_coordinate', () => {
    const bad = landuse('bad', [[106, 21], [200, 21], [106, 21.001], [106, 21]]);
    expect(reasons(validateFeature(bad))).toEqual(['invalid_coordinate']);
  });

  it('ring_not_closed, repaired by close_ring', () => {
    const open = landuse('open', rectRing(106.0, 106.001, 21.0, 21.001).slice(0, 4));
    const issues = validateFeature(open);
    expect(reasons(issues)).toEqual(['ring_not_closed']);
    expect(issues[0].repair).toBe('close_ring');
    const fixed = repairFeature(open, 'close_ring');
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(validateFeature(fixed.features[0])).toEqual([]);
    expect(repairFeature(square, 'close_ring')).toEqual({ ok: false, reason: 'not_applicable' });
  });

  it('too_few_vertices for polygons and roads', () => {
    expect(reasons(validateFeature(landuse('two', [[106, 21], [106.001, 21], [106, 21], [106, 21]])))).toEqual(['too_few_vertices']);
    const road: ParkFeature = { id: 'r', kind: 'road', widthM: 10, geometry: { type: 'LineString', coordinates: [[106, 21], [106, 21]] } };
    expect(reasons(validateFeature(road))).toEqual(['too_few_vertices']);
    const goodRoad: ParkFeature = { ...road, geometry: { type: 'LineString', coordinates: [[106, 21], [106.001, 21]] } };
    expect(validateFeature(goodRoad)).toEqual([]);
  });

  it('duplicate_vertex, repaired by remove_duplicate_vertices', () => {
    const dup = landuse('dup', [[106, 21], [106.001, 21], [106.001, 21], [106.001, 21.001], [106, 21.001], [106, 21]]);
    const issues = validateFeature(dup);
    expect(reasons(issues)).toEqual(['duplicate_vertex']);
    expect(issues[0].at).toEqual([106.001, 21]);
    expect(issues[0].repair).toBe('remove_duplicate_vertices');
    const fixed = repairFeature(dup, 'remove_duplicate_vertices');
    expect(fixed.ok && fixed.features[0].geometry).toEqual(square.geometry);
  });

  it('self_intersection of a bow tie, repaired into two triangles', () => {
    const bowTie = landuse('bow', [[106.0, 21.0], [106.001, 21.001], [106.001, 21.0], [106.0, 21.001], [106.0, 21.0]], { name: 'Plot 7' });
    const issues = validateFeature(bowTie);
    expect(reasons(issues)).toEqual(['self_intersection']);
    expect(issues[0].message).toContain('Plot 7');
    expect(issues[0].message).toContain('crosses itself');
    expect(issues[0].at?.[0]).toBeCloseTo(106.0005, 9);
    expect(issues[0].at?.[1]).toBeCloseTo(21.0005, 9);
    expect(issues[0].repair).toBe('split_bow_tie');
    const fixed = repairFeature(bowTie, 'split_bow_tie', { newId: () => 'bow-2' });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(fixed.features.map((f) => f.id)).toEqual(['bow', 'bow-2']);
    for (const f of fixed.features) {
      expect(f.kind === 'landuse' && f.name).toBe('Plot 7');
      expect(Math.abs(geodesicAreaM2(f.geometry as never) / BOW_TIE_TRIANGLE_M2 - 1)).toBeLessThan(1e-6);
      expect(validateFeature(f)).toEqual([]);
    }
    expect(repairFeature(square, 'split_bow_tie')).toEqual({ ok: false, reason: 'not_a_bow_tie' });
  });

  it('self_intersection without a safe repair when the outline crosses twice', () => {
    // A zig-zag ring that crosses itself twice.
    const twice = landuse('z', [[106.0, 21.0], [106.003, 21.0], [106.0, 21.001], [106.003, 21.002], [106.0, 21.002], [106.003, 21.001], [106.0, 21.0]]);
    const issues = validateFeature(twice);
    expect(reasons(issues)).toEqual(['self_intersection']);
    expect(issues[0].repair).toBeUndefined();
  });

  it('sliver: a 1.1 m strip is one, an 11 m strip and a 3 m square are not', () => {
    const thin = landuse('thin', rectRing(106.0, 106.001, 21.0, 21.00001));
    const issues = validateFeature(thin);
    expect(reasons(issues)).toEqual(['sliver']);
    expect(issues[0].message).toContain('narrower than 2 m');
    expect(validateFeature(landuse('wide', rectRing(106.0, 106.001, 21.0, 21.0001)))).toEqual([]);
    // 3 m × 3 m: 2·area/perimeter = 1.5 m is below 2 m, but the inward buffer keeps a 1 m core.
    expect(validateFeature(landuse('small', rectRing(106.0, 106.0000289, 21.0, 21.0000271)))).toEqual([]);
    // A custom minimum width.
    expect(reasons(validateFeature(landuse('wide', rectRing(106.0, 106.001, 21.0, 21.0001)), { minSliverWidthM: 15 }))).toEqual(['sliver']);
    // A 1.1 m band around a courtyard (20 m square, 17.8 m hole; 1 m = 1/103,960° of longitude
    // and 1/110,700° of latitude at 21° N): 2·area/perimeter = 2·83.16/151.2 = 1.1 m, and no point
    // is 1 m from the outline, though the square's centre is 10 m from its outer ring.
    const lon = (m: number) => 106.0 + m / 103960;
    const lat = (m: number) => 21.0 + m / 110700;
    const courtyard = landuse('band', rectRing(lon(0), lon(20), lat(0), lat(20)));
    courtyard.geometry = { type: 'Polygon', coordinates: [rectRing(lon(0), lon(20), lat(0), lat(20)), rectRing(lon(1.1), lon(18.9), lat(1.1), lat(18.9)).reverse()] };
    expect(reasons(validateFeature(courtyard))).toEqual(['sliver']);
  });

  it('outside_boundary for polygons, roads and points', () => {
    const across = landuse('x', rectRing(106.009, 106.011, 21.0, 21.001));
    const issues = validateFeature(across, { boundary });
    expect(reasons(issues)).toEqual(['outside_boundary']);
    expect(issues[0].message).toContain('outside the park boundary');
    const gate: ParkFeature = { id: 'g', kind: 'point', geometry: { type: 'Point', coordinates: [106.02, 21.0] } };
    expect(reasons(validateFeature(gate, { boundary }))).toEqual(['outside_boundary']);
    expect(validateFeature({ ...gate, geometry: { type: 'Point', coordinates: [106.0, 21.0] } }, { boundary })).toEqual([]);
    const road: ParkFeature = { id: 'r', kind: 'road', widthM: 10, geometry: { type: 'LineString', coordinates: [[106, 21], [106.02, 21]] } };
    expect(reasons(validateFeature(road, { boundary }))).toEqual(['outside_boundary']);
    // The boundary itself is never outside itself.
    expect(validateFeature({ id: 'b', kind: 'boundary', geometry: boundary }, { boundary })).toEqual([]);
  });
});

describe('validateLayout', () => {
  it('reports overlapping land uses on both, not neighbours that only touch', () => {
    const a = landuse('a', rectRing(106.0, 106.002, 21.0, 21.002), { code: 'CN-01' });
    const b = landuse('b', rectRing(106.001, 106.003, 21.0, 21.001), { code: 'CN-02' });
    const c = landuse('c', rectRing(106.002, 106.004, 21.001, 21.002), { code: 'CN-03' });
    const issues = validateLayout([{ id: 'bd', kind: 'boundary', geometry: boundary }, a, b, c]);
    expect(issues.map((i) => [i.reason, i.featureId, i.otherId])).toEqual([
      ['overlap', 'a', 'b'],
      ['overlap', 'b', 'a'],
    ]);
    expect(issues[0].message).toMatch(/“CN-01” overlaps .*“CN-02” by 11511 m²/);
  });

  it('with onlyIds checks just the edited features and their overlaps', () => {
    const a = landuse('a', rectRing(106.0, 106.002, 21.0, 21.002));
    const b = landuse('b', rectRing(106.001, 106.003, 21.0, 21.001));
    const c = landuse('c', rectRing(106.0015, 106.0025, 21.0015, 21.0025));
    const thin = landuse('thin', rectRing(106.005, 106.006, 21.0, 21.00001));
    const all = [a, b, c, thin];
    expect(validateLayout(all).map((i) => `${i.reason}:${i.featureId}`).sort()).toEqual(['overlap:a', 'overlap:a', 'overlap:b', 'overlap:c', 'sliver:thin']);
    expect(validateLayout(all, { onlyIds: ['c'] }).map((i) => `${i.reason}:${i.featureId}`).sort()).toEqual(['overlap:a', 'overlap:c']);
  });

  it('includes each feature’s own issues and the boundary check', () => {
    const outside = landuse('o', rectRing(106.02, 106.021, 21.0, 21.001));
    const issues = validateLayout([{ id: 'bd', kind: 'boundary', geometry: boundary }, outside, square]);
    expect(reasons(issues)).toEqual(['outside_boundary']);
  });
});
