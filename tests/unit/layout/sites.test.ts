import { describe, expect, it } from 'vitest';
import { generateLayout } from '../../../shared/layout/generate';
import { defaultLayoutParameters } from '../../../shared/layout/parameters';
import type { ParkFeature } from '../../../shared/model/feature';
import { judgeLayout } from './judge';
import { distanceM } from '../../../shared/geometry/geodesic';
import { CANAL_CROSSINGS, canalSite, concaveSite, lShape, rotatedRectangle } from './sites';

/**
 * Generated layouts on real-shaped sites, each judged by GDAL/SpatiaLite (judge.ts), never by the
 * generator's own geometry: every polygon valid, no overlaps above 0.1 % of the park, at least 99 % of the boundary
 * assigned, every plot within 1 m of the traffic land, plot areas within the requested 1–5 ha,
 * and the analysis (shared/analysis, the same as the app) finds no failing rule.
 */
const RULE_DATE = '2026-06-01';

const SITES: { name: string; features: () => ParkFeature[]; parkM2: number; failingAllowed?: string[]; failingNear?: number[][] }[] = [
  // 800 × 625 m = 500,000 m² = 50 ha
  { name: 'rotated rectangle, 50 ha, grid at 30°', features: () => rotatedRectangle(800, 625, 30), parkM2: 500_000 },
  // 2,000 × 1,000 + 1,000 × 1,000 = 3,000,000 m² = 300 ha
  { name: 'L-shape, 300 ha', features: lShape, parkM2: 3_000_000 },
  // Shoelace of the outline in metres: 4,690,000 m² (rotation keeps area)
  { name: 'concave outline, 469 ha', features: concaveSite, parkM2: 4_690_000 },
  // 1,600 × 1,200 m = 1,920,000 m² = 192 ha
  {
    name: 'site crossed by a canal, 192 ha',
    features: canalSite,
    parkM2: 1_920_000,
    // Where the kept canal meets the boundary no green strip can exist: the analysis measures 0 m
    // there (reported to the analysis owners); nothing else may fail.
    failingAllowed: ['qcvn.park.isolation-strip-min'],
    // ... and only there: within half the canal's 40 m plus half a 10 m sample step of a crossing.
    failingNear: CANAL_CROSSINGS,
  },
  // 4,000 × 2,500 m = 10,000,000 m² = 1,000 ha
  { name: 'rotated rectangle, 1,000 ha, grid at 25°', features: () => rotatedRectangle(4000, 2500, 25), parkM2: 10_000_000 },
];

describe('layouts on real-shaped sites, judged by GDAL', () => {
  for (const site of SITES) {
    it(site.name, { timeout: 600_000 }, () => {
      const p = defaultLayoutParameters();
      const result = generateLayout(site.features(), p, { ruleDate: RULE_DATE });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const layout = result.layout;
      const judged = judgeLayout(layout.features);
      // The site is what it says (UTM area within 0.1 % of the hand-computed one).
      expect(Math.abs(judged.parkM2 - site.parkM2) / site.parkM2).toBeLessThan(1e-3);
      expect(judged.overlapM2).toBeLessThanOrEqual(1e-3 * judged.parkM2);
      // Every polygon is valid for GEOS (ST_IsValid), the isolation strip included.
      expect(judged.invalid).toEqual([]);
      expect(judged.assignedM2).toBeGreaterThanOrEqual(0.99 * judged.parkM2);
      expect(judged.plotCount).toBe(layout.plotCount);
      expect(judged.plotCount).toBeGreaterThan(0);
      expect(judged.worstPlotToRoadM).toBeLessThanOrEqual(1);
      // UTM areas are within 0.05 % of geodesic ones here; the range is 1–5 ha.
      expect(judged.plotMinM2).toBeGreaterThanOrEqual(p.plotMinM2 * 0.999);
      expect(judged.plotMaxM2).toBeLessThanOrEqual(p.plotMaxM2 * 1.001);
      const failing = layout.analysis.rules.filter((r) => r.status === 'fail').map((r) => r.id);
      expect(failing.filter((id) => !(site.failingAllowed ?? []).includes(id))).toEqual([]);
      const thin = layout.analysis.green.isolationSamples.filter((sample) => !sample.access && sample.widthM < p.isolationStripM);
      if (site.failingNear) for (const sample of thin) expect(Math.min(...site.failingNear.map((c) => distanceM(sample.position, c)))).toBeLessThan(25.1);
      else expect(thin).toEqual([]);
      // Nothing failing goes unreported.
      expect(layout.unmet.filter((u) => u.status === 'fail').map((u) => u.ruleId)).toEqual(failing);
    });
  }
});
