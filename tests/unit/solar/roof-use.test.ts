import { describe, expect, it } from 'vitest';
import type { XY } from '../../../shared/geometry/planar-ring';
import { accessPathCount, layoutRoof, usableSharePercent } from '../../../shared/solar/roof-layout';
import { DEFAULT_SOLAR_SETTINGS, SOLAR_DEFAULT_SOURCES, solarSettingsSchema } from '../../../shared/solar/settings';

const rect = (w: number, h: number): XY[] => [[0, 0], [w, 0], [w, h], [0, h]];
const rotate = (ring: XY[], deg: number): XY[] => {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return ring.map(([x, y]) => [x * c - y * s + 500, x * s + y * c - 300]);
};

describe('roof use defaults (settings)', () => {
  it('perimeter 1.2 m, paths 1.5 m, groups ≤ 40 m, each with a cited source', () => {
    expect(DEFAULT_SOLAR_SETTINGS.edgeSetbackM).toBe(1.2);
    expect(DEFAULT_SOLAR_SETTINGS.accessPathWidthM).toBe(1.5);
    expect(DEFAULT_SOLAR_SETTINGS.maxArrayDimensionM).toBe(40);
    for (const k of ['edgeSetbackM', 'accessPathWidthM', 'maxArrayDimensionM', 'obstructionFraction'] as const) {
      expect(SOLAR_DEFAULT_SOURCES[k]).toMatch(/\((secondary|recalled|assumption)/);
    }
  });
});

describe('access paths: how many split an extent', () => {
  it('k arrays of ≤ M with k − 1 paths of w: k·a + (k − 1)·w = L', () => {
    expect(accessPathCount(40, 40, 1.5)).toBe(0);
    expect(accessPathCount(40.01, 40, 1.5)).toBe(1);
    expect(accessPathCount(81.5, 40, 1.5)).toBe(1); // two arrays of exactly 40 m
    expect(accessPathCount(81.6, 40, 1.5)).toBe(2);
    expect(accessPathCount(500, 40, 0)).toBe(0); // width 0 switches paths off
  });
});

describe('roof layout with setback and access paths (hand-computed)', () => {
  it('80 × 40 m roof, defaults: (80 − 2s)(40 − 2s) − w(40 − 2s), then × (1 − obstruction)', () => {
    // s = 1.2: 77.6 × 37.6 m. Along the 77.6 m side: ceil((77.6 + 1.5)/(40 + 1.5)) = 2 arrays → 1 path;
    // across, 37.6 ≤ 40 → none. Plan 77.6·37.6 − 1.5·37.6 = 2,861.36 m²; × 0.9 = 2,575.224 m².
    const l = layoutRoof([{ outer: rect(80, 40), holes: [] }], 'flat', 21, DEFAULT_SOLAR_SETTINGS);
    expect(l.accessPaths).toEqual({ across: 1, along: 0 });
    expect(l.accessPathAreaM2).toBeCloseTo(56.4, 9);
    expect(l.usableAreaM2).toBeCloseTo(2575.224, 9);
    // Usable share 2,575.224 / 3,200 = 80.47575 %.
    expect(usableSharePercent(l.usableAreaM2, 3200)).toBeCloseTo(80.47575, 9);
  });

  it('80 × 40 m roof, IFC-like values s = 2, w = 1.2, M = 45.72 m, no obstruction', () => {
    // 76 × 36 m; ceil((76 + 1.2)/(45.72 + 1.2)) = 2 → one path: 76·36 − 1.2·36 = 2,692.8 m².
    const s = solarSettingsSchema.parse({ edgeSetbackM: 2, accessPathWidthM: 1.2, maxArrayDimensionM: 45.72, obstructionFraction: 0 });
    expect(layoutRoof([{ outer: rect(80, 40), holes: [] }], 'flat', 21, s).usableAreaM2).toBeCloseTo(2692.8, 9);
  });

  it('100 × 100 m roof: two paths each way, their four crossings counted once', () => {
    // 97.6 m each way: ceil(99.1/41.5) = 3 arrays of (97.6 − 3)/3 = 31.53 m → 2 paths each way.
    // 97.6² − 2·2·1.5·97.6 + 4·1.5² = 9,525.76 − 585.6 + 9 = 8,949.16 m².
    const s = { ...DEFAULT_SOLAR_SETTINGS, obstructionFraction: 0 };
    const l = layoutRoof([{ outer: rect(100, 100), holes: [] }], 'flat', 21, s);
    expect(l.accessPaths).toEqual({ across: 2, along: 2 });
    expect(l.usableAreaM2).toBeCloseTo(8949.16, 9);
  });

  it('a rotated roof gets the same paths (they run square to its longest wall)', () => {
    const s = { ...DEFAULT_SOLAR_SETTINGS, obstructionFraction: 0 };
    const l = layoutRoof([{ outer: rotate(rect(80, 40), 33), holes: [] }], 'flat', 21, s);
    expect(l.usableAreaM2).toBeCloseTo(2861.36, 6);
  });

  it('a hole under a path is not taken twice', () => {
    // Path across x from 1.2 + 38.05 = 39.25 to 40.75; the 10 × 10 m hole [35, 45] × [15, 25] shares
    // 1.5 × 10 = 15 m² with it: 2,861.36 − (100 − 15) = 2,776.36 m².
    const s = { ...DEFAULT_SOLAR_SETTINGS, obstructionFraction: 0 };
    const hole: XY[] = [[35, 15], [35, 25], [45, 25], [45, 15]];
    const l = layoutRoof([{ outer: rect(80, 40), holes: [hole] }], 'flat', 21, s);
    expect(l.usableAreaM2).toBeCloseTo(2776.36, 9);
    // No shading sample point stands on the path.
    expect(l.samplePoints.length).toBeGreaterThan(20);
    expect(l.samplePoints.every(([x]) => x < 39.25 || x > 40.75)).toBe(true);
  });

  it('an L-shaped roof: each path counts only where it crosses the roof', () => {
    // L = 100 × 20 bar + 20 × 40 leg = 2,800 m² (no setback, paths 2 m, groups ≤ 40 m).
    // Along x (100 m): 3 arrays of 32 m, paths x ∈ [32, 34] and [66, 68], each 2 × 20 = 40 m².
    // Along y (60 m): 2 arrays of 29 m, path y ∈ [29, 31], in the leg only: 2 × 20 = 40 m².
    // Crossings fall outside the roof. 2,800 − 120 = 2,680 m².
    const L: XY[] = [[0, 0], [100, 0], [100, 20], [20, 20], [20, 60], [0, 60]];
    const s = solarSettingsSchema.parse({ edgeSetbackM: 0, accessPathWidthM: 2, maxArrayDimensionM: 40, obstructionFraction: 0 });
    const l = layoutRoof([{ outer: L, holes: [] }], 'flat', 21, s);
    expect(l.accessPaths).toEqual({ across: 2, along: 1 });
    expect(l.accessPathAreaM2).toBeCloseTo(120, 9);
    expect(l.usableAreaM2).toBeCloseTo(2680, 9);
  });

  it('a small roof needs no path', () => {
    const l = layoutRoof([{ outer: rect(30, 20), holes: [] }], 'flat', 21, DEFAULT_SOLAR_SETTINGS);
    expect(l.accessPaths).toEqual({ across: 0, along: 0 });
    expect(l.usableAreaM2).toBeCloseTo(27.6 * 17.6 * 0.9, 9);
  });
});
