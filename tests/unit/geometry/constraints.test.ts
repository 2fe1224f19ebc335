import { describe, expect, it } from 'vitest';
import {
  bearingDeg,
  constrainAngle,
  pointAtDistanceAndBearing,
  rectangleFromCorners,
  rectangleFromSize,
  rectangleFromThreePoints,
} from '../../../shared/geometry/constraints';
import { distanceM, geodesicAreaM2 } from '../../../shared/geometry/geodesic';

// Expected positions computed independently with python3-geographiclib (Debian, /usr/bin/python3):
//   from geographiclib.geodesic import Geodesic; g = Geodesic.WGS84
const A: [number, number] = [106.0, 21.0];
// cur = g.Direct(21, 106, 90, 100)  (azi2 at cur = 90.0003446826648)
const CURRENT: [number, number] = [106.0009618121968, 20.999999997283236];
// cursor = g.Direct(cur, 10, 50): 80° left of the previous direction -> rounds to 90°;
// expected = g.Direct(cur, azi2 - 90, 50*cos(radians(azi2 - 90 - 10))) with length 49.24043988176608
const CURSOR: [number, number] = [106.0010453209118, 21.00044473812612];
const EXPECTED_RIGHT_ANGLE: [number, number] = [106.00096181504593, 21.00044473861834];
// First segment: cursor g.Direct(a, 70, 60) is 20° from east -> east, length 60*cos(20°):
// expected g.Direct(a, 90, 56.38155724..)
const FIRST_CURSOR: [number, number] = [106.00054228536384, 21.00018534739629];
const FIRST_EXPECTED: [number, number] = [106.00054228469436, 20.99999999913637];
// g.Direct(21, 106, 123, 250)
const AT_250M_123DEG: [number, number] = [106.00201659243537, 20.998770188343993];
// b = g.Direct(a, 60, 80); c = g.Direct(b, -30, 30) (30 m to the left); right: g.Direct(b, 150, 30)
const B: [number, number] = [106.0006663646404, 21.000361280064155];
const C_LEFT: [number, number] = [106.00052209223821, 21.000595939126907];
const C_RIGHT: [number, number] = [106.0008106365916, 21.00012662087268];
// i = g.Inverse(21, 106, 21.0005, 106.001); x = s12*sin(azi1), y = s12*cos(azi1) in the frame at a
const CORNER_X_M = 103.97005496527231;
const CORNER_Y_M = 55.358840489029326;
// g.Direct(a, 90, 100) and g.Direct(a, 0, 40)
const SIZE_EAST_100: [number, number] = [106.0009618121968, 20.999999997283236];
const SIZE_NORTH_40: [number, number] = [106.0, 21.000361281368214];

/** Shoelace in degrees: positive = counter-clockwise. */
function signedDeg2(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

describe('constrainAngle', () => {
  it('turns an 80° bend into a right angle, length the cursor projection', () => {
    const p = constrainAngle(A, CURRENT, CURSOR, 45);
    expect(distanceM(p, EXPECTED_RIGHT_ANGLE)).toBeLessThan(1e-4);
    expect(distanceM(CURRENT, p)).toBeCloseTo(49.24043988176608, 4);
  });

  it('constrains the first segment relative to east/north', () => {
    const p = constrainAngle(null, A, FIRST_CURSOR, 45);
    expect(distanceM(p, FIRST_EXPECTED)).toBeLessThan(1e-4);
  });

  it('with a 90° step a 50° bend rounds to 90°, a 40° bend to straight on', () => {
    const ahead = pointAtDistanceAndBearing(CURRENT, 10, 90 - 40);
    const straight = constrainAngle(A, CURRENT, ahead, 90);
    expect(bearingDeg(CURRENT, straight)).toBeCloseTo(90, 2);
    // 10 m at 40° off: projection 10 cos 40° = 7.66044 m
    expect(distanceM(CURRENT, straight)).toBeCloseTo(7.66044, 4);
    const bend = constrainAngle(A, CURRENT, pointAtDistanceAndBearing(CURRENT, 10, 90 - 50), 90);
    expect(bearingDeg(CURRENT, bend)).toBeCloseTo(0, 2);
    expect(distanceM(CURRENT, bend)).toBeCloseTo(7.66044, 4); // 10 cos 40° as well
  });

  it('returns the current point when the cursor is on it', () => {
    expect(constrainAngle(A, CURRENT, CURRENT)).toEqual(CURRENT);
  });
});

describe('numeric entry and rectangles', () => {
  it('pointAtDistanceAndBearing is the geodesic Direct problem', () => {
    expect(distanceM(pointAtDistanceAndBearing(A, 250, 123), AT_250M_123DEG)).toBeLessThan(1e-6);
  });

  it('rectangleFromThreePoints: 80 m × 30 m on the side of c', () => {
    for (const c of [C_LEFT, C_RIGHT]) {
      const rect = rectangleFromThreePoints(A, B, c);
      expect(rect).not.toBeNull();
      if (!rect) continue;
      const ring = rect.coordinates[0];
      expect(ring).toHaveLength(5);
      expect(ring[0]).toEqual(ring[4]);
      expect(signedDeg2(ring)).toBeGreaterThan(0);
      expect(geodesicAreaM2(rect)).toBeCloseTo(2400, 2); // 80 × 30
      // c is a corner of the rectangle. 1 mm: c was placed from b, the rectangle in the frame
      // at a, whose azimuthal equidistant scale 80 m from its origin differs by ~1e-10.
      expect(Math.min(...ring.map((p) => distanceM(p, c)))).toBeLessThan(1e-3);
      expect(ring.some((p) => p[0] === B[0] && p[1] === B[1])).toBe(true);
    }
    expect(rectangleFromThreePoints(A, A, C_LEFT)).toBeNull();
  });

  it('rectangleFromCorners is north-up in local metres', () => {
    const rect = rectangleFromCorners(A, [106.001, 21.0005]);
    expect(rect).not.toBeNull();
    if (!rect) return;
    expect(geodesicAreaM2(rect)).toBeCloseTo(CORNER_X_M * CORNER_Y_M, 1);
    const ring = rect.coordinates[0];
    expect(Math.min(...ring.map((p) => distanceM(p, [106.001, 21.0005])))).toBeLessThan(1e-6);
    expect(rectangleFromCorners(A, A)).toBeNull();
  });

  it('rectangleFromSize: 100 m along bearing 90, 40 m to the left (north)', () => {
    const rect = rectangleFromSize(A, 100, 40, 90);
    expect(rect).not.toBeNull();
    if (!rect) return;
    expect(geodesicAreaM2(rect)).toBeCloseTo(4000, 2);
    const ring = rect.coordinates[0];
    expect(Math.min(...ring.map((p) => distanceM(p, SIZE_EAST_100)))).toBeLessThan(1e-6);
    expect(Math.min(...ring.map((p) => distanceM(p, SIZE_NORTH_40)))).toBeLessThan(1e-6);
    expect(signedDeg2(ring)).toBeGreaterThan(0);
    expect(rectangleFromSize(A, 0, 40, 90)).toBeNull();
  });
});
