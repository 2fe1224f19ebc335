import { describe, expect, it } from 'vitest';
import { validateFeature } from '../../../shared/geometry/validate';
import type { LandUseFeature, Position } from '../../../shared/model';

// A park of two parts, x 0–4 and 6–10 (units of 0.001°), with a gap between them.
const at = (x: number, y: number): Position => [106 + x * 0.001, 21 + y * 0.001];
const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)];
const park = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 4, 6)], [square(6, 0, 10, 6)]] };

describe('validateFeature: a polygon of two parts against a park of two parts', () => {
  it('reports the part standing in the gap between the park’s parts, at its first corner', () => {
    // Part one inside the west part; part two, 0.5 × 0.5 units (≈ 52 m × 55 m), in the gap. No
    // edge of either meets the other's, and part one's first vertex is inside the park: the screen
    // used to stop there and call the whole polygon inside.
    const f: LandUseFeature = { id: 'f', kind: 'landuse', landUse: 'industrial', geometry: { type: 'MultiPolygon', coordinates: [[square(3, 4, 3.9, 5)], [square(4.5, 4, 5, 4.5)]] } };
    const issues = validateFeature(f, { boundary: park }).filter((i) => i.reason === 'outside_boundary');
    expect(issues.map((i) => i.params)).toEqual([{ vertexOutside: false }]);
    // The outside part is the square in the gap, whose first corner (south-west) is shown.
    const [lon, lat] = issues[0].at!;
    expect(lon).toBeCloseTo(106.0045, 12);
    expect(lat).toBeCloseTo(21.004, 12);
  });
});
