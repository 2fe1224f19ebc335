import { describe, expect, it } from 'vitest';
import { fold } from '../../../shared/layout/orientation';
import { minimumRectangleSidesM, rectangularity } from '../../../shared/layout/plot-shape';
import { generateVariants } from '../../../shared/layout/variants';
import { defaultLayoutParameters } from '../../../shared/layout/parameters';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model/document';
import type { ParkFeature } from '../../../shared/model/feature';
import { concaveSite, lShape } from './sites';

type XY = [number, number];
const closed = (pts: XY[]): XY[][][] => [[[...pts, pts[0]]]];

describe('rectangularity (area ÷ minimum-area bounding rectangle)', () => {
  // Frozen from shapely: /usr/bin/python3 -c "from shapely.geometry import Polygon
  // for pts in [[(0,0),(100,0),(0,60)], [(0,0),(100,0),(130,60),(30,60)], [(0,0),(200,0),(200,50),(100,50),(100,150),(0,150)], [(0,0),(120,10),(110,90),(-5,80)]]:
  //   p=Polygon(pts); r=p.minimum_rotated_rectangle; print(round(p.area/r.area,6))"
  // → 0.5, 0.769231, 0.666667, 0.976804
  it('matches shapely minimum_rotated_rectangle', () => {
    expect(rectangularity(closed([[0, 0], [100, 0], [0, 60]]))).toBeCloseTo(0.5, 5);
    expect(rectangularity(closed([[0, 0], [100, 0], [130, 60], [30, 60]]))).toBeCloseTo(0.769231, 5);
    expect(rectangularity(closed([[0, 0], [200, 0], [200, 50], [100, 50], [100, 150], [0, 150]]))).toBeCloseTo(0.666667, 5);
    expect(rectangularity(closed([[0, 0], [120, 10], [110, 90], [-5, 80]]))).toBeCloseTo(0.976804, 5);
  });
  it('gives the sides of a turned rectangle', () => {
    // A 40 × 90 m rectangle turned by 30°: sides 40 and 90 whatever the turn.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const turned = ([x, y]: XY): XY => [x * c - y * s, x * s + y * c];
    const [a, b] = minimumRectangleSidesM(([[0, 0], [90, 0], [90, 40], [0, 40]] as XY[]).map(turned));
    expect(a).toBeCloseTo(40, 6);
    expect(b).toBeCloseTo(90, 6);
  });
});

/**
 * The grid aligned with the site's edges ranks above a grid turned 45° to them, which sells
 * about as much land but in triangles along every edge (on the old ranking by saleable share
 * alone, the L-shape's 53° grid ranked first).
 */
describe('ranking prefers the grid aligned with the boundary', () => {
  const variantsOf = (features: ParkFeature[]) => {
    const base: ParkDocument = createEmptyDocument('Test park', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
    const doc: ParkDocument = { ...base, scenarios: [{ ...base.scenarios[0], features }] };
    const result = generateVariants(doc, doc.activeScenarioId, defaultLayoutParameters(), 4, { ruleDate: '2026-06-01' });
    if (!result.ok) throw new Error(result.reason);
    return result.variants;
  };
  it('on the L-shape', { timeout: 300_000 }, () => {
    // sites.ts turns the L's axis-parallel edges by 8° clockwise: bearings 8° and 98°, folded 8°.
    const variants = variantsOf(lShape());
    expect(fold(variants[0].spec.bearingDeg)).toBeCloseTo(8, 1);
    // Every aligned variant before the one turned 45° (8 + 45 = 53°).
    const turned = variants.findIndex((v) => Math.abs(fold(v.spec.bearingDeg) - 53) < 0.5);
    expect(turned).toBeGreaterThan(0);
    expect(variants.slice(0, turned).every((v) => Math.abs(fold(v.spec.bearingDeg) - 8) < 0.5)).toBe(true);
  });
  it('on the concave site', { timeout: 300_000 }, () => {
    // Its longest edge (0,0)→(2600,−150) points atan2(−150, 2600) = −3.302° from east, bearing
    // 93.302°; sites.ts turns the outline 12° counter-clockwise: 81.302°.
    const variants = variantsOf(concaveSite());
    expect(variants[0].spec.bearingDeg).toBeCloseTo(81.302, 0);
  });
});
