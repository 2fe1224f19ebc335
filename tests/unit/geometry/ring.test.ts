import { describe, expect, it } from 'vitest';
import { isCounterClockwise, openRing, signedArea2, signedRingArea } from '../../../shared/geometry/ring';
import { bboxOf, geometryBox, polygonsOf, ringsOf } from '../../../shared/geometry/boolean';

// A 4 × 3 rectangle has area 12 (by hand); counter-clockwise is positive.
const ccw = [[0, 0], [4, 0], [4, 3], [0, 3]];

describe('the one signed ring area', () => {
  it('is positive counter-clockwise, negative clockwise, open or closed alike', () => {
    expect(signedRingArea(ccw)).toBe(12);
    expect(signedArea2(ccw)).toBe(24);
    expect(signedRingArea([...ccw, ccw[0]])).toBe(12);
    expect(signedRingArea(ccw.slice().reverse())).toBe(-12);
    expect(isCounterClockwise(ccw)).toBe(true);
    expect(isCounterClockwise(ccw.slice().reverse())).toBe(false);
  });

  it('is zero for a degenerate ring', () => {
    expect(signedRingArea([[0, 0], [1, 1], [2, 2]])).toBe(0);
    expect(isCounterClockwise([[0, 0], [1, 1]])).toBe(false);
  });

  it('drops only a repeated closing vertex', () => {
    expect(openRing([...ccw, [0, 0]])).toEqual(ccw);
    expect(openRing(ccw)).toEqual(ccw);
    expect(openRing(ccw)).not.toBe(ccw);
  });
});

describe('signedArea2 in lon/lat near 106° E', () => {
  // Corners on powers of two, so the exact area is known by hand: twice the area of the right
  // triangle with legs 2^-20° and 2^-30° is 2^-50 deg² (about 1e-5 m²). Products of the absolute
  // coordinates (about 2,226 deg²) round at 2^-41, which would bury it.
  const tri = [[106, 21], [106 + 2 ** -20, 21], [106, 21 + 2 ** -30]];
  it('gives a thin triangle its exact area and orientation', () => {
    expect(signedArea2(tri)).toBe(2 ** -50);
    expect(signedArea2([...tri].reverse())).toBe(-(2 ** -50));
    expect(signedArea2([...tri, tri[0]])).toBe(2 ** -50);
  });
});

describe('ringsOf', () => {
  const outer = [[0, 0], [4, 0], [4, 3], [0, 0]];
  const hole = [[1, 1], [2, 1], [2, 2], [1, 1]];
  const far = [[10, 10], [11, 10], [11, 11], [10, 10]];

  it("gives a Polygon's own rings, holes included", () => {
    const polygon = { type: 'Polygon' as const, coordinates: [outer, hole] };
    expect(ringsOf(polygon)).toBe(polygon.coordinates);
  });

  it("lists a MultiPolygon's rings part by part, as polygonsOf(g).flat() does", () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [[outer, hole], [far]] };
    expect(ringsOf(multi)).toEqual([outer, hole, far]);
    expect(ringsOf(multi)).toEqual(polygonsOf(multi).flat());
    expect(ringsOf({ type: 'MultiPolygon', coordinates: [] })).toEqual([]);
  });
});

describe('geometryBox', () => {
  it("is bboxOf of the geometry's coordinates, worked out once per geometry object", () => {
    const polygon = { type: 'Polygon' as const, coordinates: [[[106.1, 21.2], [106.3, 21.1], [106.2, 21.4], [106.1, 21.2]]] };
    const box = geometryBox(polygon);
    // By hand: the least and greatest longitude and latitude of the four positions.
    expect(box).toEqual([106.1, 21.1, 106.3, 21.4]);
    expect(geometryBox(polygon)).toBe(box);
    const copy = { ...polygon };
    expect(geometryBox(copy)).not.toBe(box);
    expect(geometryBox(copy)).toEqual(bboxOf(copy.coordinates));
  });
});
