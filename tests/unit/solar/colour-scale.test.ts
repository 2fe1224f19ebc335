import { describe, expect, it } from 'vitest';
import { breaksFor, colourOf, RAMP } from '../../../renderer/src/panels/solar/colour-scale';

describe('roof colour classes of the map legend', () => {
  it('equal intervals between the 5th and 95th percentiles of the positive values', () => {
    // Values 1…101: 5th percentile = value at index 5 = 6, 95th = index 95 = 96; step (96 − 6)/5 = 18.
    const values = Array.from({ length: 101 }, (_, i) => i + 1);
    expect(breaksFor([0, ...values])).toEqual([24, 42, 60, 78]);
  });
  it('classes: below the first break is red, at or above the last is green, no modules grey', () => {
    const b = [24, 42, 60, 78];
    expect(colourOf(10, b)).toBe(RAMP[0]);
    expect(colourOf(42, b)).toBe(RAMP[2]);
    expect(colourOf(100, b)).toBe(RAMP[4]);
    expect(colourOf(0, b)).toBe('#9e9e9e');
  });
});
