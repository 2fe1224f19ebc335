import { describe, expect, it } from 'vitest';
import { isCounterClockwise, openRing, signedArea2, signedRingArea } from '../../../shared/geometry/ring';

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
