import { describe, expect, it } from 'vitest';
import { generateLayout } from '../../../shared/layout/generate';
import { defaultLayoutParameters } from '../../../shared/layout/parameters';
import { minimumRectangleSidesM } from '../../../shared/layout/plot-shape';
import { judgeLayout, smePlotRingsUtm } from './judge';
import { CONCAVE_500HA_SCALE, concaveSite } from './sites';

/**
 * SME plots are about as wide as deep: SME rows are cut back to back with a service lane, so no
 * plot is a 20–60 m strip 150 m deep (the old rows gave 131 such plots on this site). Judged on
 * the plots as GDAL reads them (UTM metres), by the sides of their minimum-area bounding
 * rectangle (plot-shape.test.ts checks that against shapely's minimum_rotated_rectangle).
 */
describe('SME plot proportions', () => {
  it('frontage ≥ 40 m, depth ≤ 100 m, sides within a factor 2.5 on the 500 ha concave site', { timeout: 600_000 }, () => {
    const p = { ...defaultLayoutParameters(), smeShare: 0.2 };
    const result = generateLayout(concaveSite(CONCAVE_500HA_SCALE), p, { ruleDate: '2026-06-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const judged = judgeLayout(result.layout.features);
    expect(judged.invalid).toEqual([]);
    expect(judged.overlapM2).toBeLessThanOrEqual(1e-3 * judged.parkM2);
    expect(judged.assignedM2).toBeGreaterThanOrEqual(0.99 * judged.parkM2);
    expect(judged.worstPlotToRoadM).toBeLessThanOrEqual(1);
    expect(result.layout.analysis.rules.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([]);
    const rings = smePlotRingsUtm(result.layout.features);
    expect(rings.length).toBe(result.layout.smePlotCount);
    expect(rings.length).toBeGreaterThan(20);
    const sides = rings.map((ring) => minimumRectangleSidesM(ring));
    // UTM lengths are within 0.02 % of true ones here; 0.1 % slack.
    for (const [short, long] of sides) {
      expect(short).toBeGreaterThanOrEqual(40 * 0.999);
      expect(short).toBeLessThanOrEqual(100 * 1.001);
      expect(long / short).toBeLessThanOrEqual(2.5);
    }
  });
});
