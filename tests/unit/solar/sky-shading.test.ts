import { describe, expect, it } from 'vitest';
import { horizonProfile, planeSky, roofSkyView, skyViewFactor } from '../../../shared/solar/horizon';
import { runSolar } from '../../../shared/solar/park';
import { solarSettingsSchema } from '../../../shared/solar/settings';
import { CLIMATE_STATIONS, synthesizeTypicalDays } from '../../../shared/solar/weather';
import { obstacle, rect, roof } from './helpers';
import { solarJson } from '../../../cli/commands/solar';
import { rayCastShadingLoss } from './sky-shading-raycast';

const RAD = Math.PI / 180;
const hanoi = CLIMATE_STATIONS.find((s) => s.id === 'hanoi')!;
const weather = synthesizeTypicalDays(hanoi, hanoi.lat, hanoi.lon);
const settings = solarSettingsSchema.parse({});

describe('sky view factor with an obstacle horizon (closed forms)', () => {
  it('an open horizon gives (1 + cos β)/2 for any tilt and azimuth', () => {
    for (const [tilt, az] of [[0, 180], [10, 180], [30, 90], [60, 200], [45, 0]])
      expect(planeSky(tilt, az).openFactor).toBeCloseTo((1 + Math.cos(tilt * RAD)) / 2, 4);
  });

  it('profile of a block due south (hand-computed): tan e = ΔH·|cos φ| / 10 m on the sectors its north face spans', () => {
    // Block x ∈ [−5, 5], y ∈ [−20, −10], 10 m above the point; 36 sectors of 10°, centres at 5°, 15°, …
    // The ray at azimuth φ meets the face y = −10 at distance 10/|cos φ|, at x = 10·tan(180° − φ).
    const t = horizonProfile(0, 0, 6, [obstacle('b', rect(-5, -20, 5, -10), 16)], 36);
    const expected = new Array<number>(36).fill(0);
    for (const k of [15, 16, 17, 18, 19, 20]) expected[k] = Math.abs(Math.cos((k + 0.5) * 10 * RAD)); // 155°…205°: |x| ≤ 4.66 m
    t.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 12));
  });

  it('a horizon at elevation e all round leaves cos² e of a horizontal sky', () => {
    // ∫ from e to 90° of 2 sin e′ cos e′ de′ = cos² e; tan e = 0.75 → 0.64.
    expect(skyViewFactor(new Float64Array(72).fill(0.75), planeSky(0, 180))).toBeCloseTo(0.64, 10);
  });

  it('a long wall beside a horizontal point hides (1 − cos e)/2 of its sky (view factor to an infinite strip)', () => {
    // Wall 20 km long, 30 m above the point, 10 m south of it: cos e = 10/√(10² + 30²).
    const wall = obstacle('wall', rect(-10_000, -12, 10_000, -10), 36);
    const svf = roofSkyView([[0, 0]], 6, [wall], [{ tiltDeg: 0, azimuthDeg: 180 }]);
    const cosE = 10 / Math.hypot(10, 30);
    expect(svf.horizontalRatio).toBeCloseTo((1 + cosE) / 2, 3);
    expect(svf.planeRatios[0]).toBeCloseTo((1 + cosE) / 2, 3);
    expect(svf.neighbourIds).toEqual(['wall']);
  });

  it('lower obstacles, far ones under 2° and the footprint the point stands in hide nothing', () => {
    expect(roofSkyView([[0, 0]], 10, [obstacle('low', rect(5, 5, 20, 20), 9)], [{ tiltDeg: 10, azimuthDeg: 180 }]).planeRatios[0]).toBe(1);
    expect(roofSkyView([[0, 0]], 10, [obstacle('far', rect(600, 0, 620, 20), 30)], [{ tiltDeg: 10, azimuthDeg: 180 }]).planeRatios[0]).toBe(1);
    expect(roofSkyView([[0, 0]], 10, [obstacle('under', rect(-5, -5, 5, 5), 30)], [{ tiltDeg: 10, azimuthDeg: 180 }]).planeRatios[0]).toBe(1);
  });

  it('a south-facing plane loses more to a wall in the south than to the same wall in the north', () => {
    const south = roofSkyView([[0, 0]], 6, [obstacle('s', rect(-40, -30, 40, -10), 45)], [{ tiltDeg: 30, azimuthDeg: 180 }]).planeRatios[0];
    const north = roofSkyView([[0, 0]], 6, [obstacle('n', rect(-40, 10, 40, 30), 45)], [{ tiltDeg: 30, azimuthDeg: 180 }]).planeRatios[0];
    expect(south).toBeLessThan(north);
    expect(north).toBeLessThan(1);
  });
});

describe('tall neighbour: the issue-14 case against an independent ray-cast', () => {
  // An 80 × 40 m roof 6 m high; a 45 m building of the same footprint 10 m to its south; Hà Nội.
  const target = roof('target', rect(0, 0, 80, 40), 6);
  const tall = roof('tall', rect(0, -50, 80, -10), 45);
  const run = (obstacles: ReturnType<typeof obstacle>[]) => runSolar({ settings, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather, roofs: [target], obstacles }).buildings[0];

  it('loses 12–22 % (beam and hidden sky), within 10 % of the ray-cast, and the parts add up', () => {
    const b = run([obstacle('target', target.parts[0].outer, 6), obstacle('tall', tall.parts[0].outer, 45)]);
    const ref = rayCastShadingLoss({ weather, latDeg: hanoi.lat, lonDeg: hanoi.lon, settings, roofHeightM: 6, roofBox: [0, 0, 80, 40], obstacleBox: [0, -50, 80, -10, 45] });
    expect(b.shadingLossPercent).toBeGreaterThan(12);
    expect(b.shadingLossPercent).toBeLessThan(22);
    expect(Math.abs(b.shadingLossPercent - ref.lossPercent) / ref.lossPercent).toBeLessThan(0.1);
    expect(b.beamShadingLossPercent + b.diffuseShadingLossPercent).toBeCloseTo(b.shadingLossPercent, 10);
    // The hidden sky is the larger part here, and both parts are close to the ray-cast's.
    expect(b.diffuseShadingLossPercent).toBeGreaterThan(4);
    expect(Math.abs(b.beamShadingLossPercent - ref.beamLossPercent)).toBeLessThan(0.1 * ref.lossPercent);
    expect(b.shadingNeighbourIds).toEqual(['tall']);
  }, 30_000);

  it('`ecopark solar --json` gives both parts per roof beside the total', () => {
    const r = runSolar({ settings, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather, roofs: [target], obstacles: [obstacle('tall', tall.parts[0].outer, 45)] });
    const j = solarJson(r).buildings[0];
    expect(j.beamShadingLossPercent + j.diffuseShadingLossPercent).toBeCloseTo(j.shadingLossPercent, 1);
    expect(j.diffuseShadingLossPercent).toBeGreaterThan(4);
    // The park's figures weight each roof by its unshaded energy: one roof, the same numbers.
    expect(r.shadingLossPercent).toBeCloseTo(r.buildings[0].shadingLossPercent, 10);
    expect(r.beamShadingLossPercent).toBeCloseTo(r.buildings[0].beamShadingLossPercent, 10);
  });

  it('a lone roof loses nothing (under 0.5 %)', () => {
    const b = run([obstacle('target', target.parts[0].outer, 6)]);
    expect(b.shadingLossPercent).toBeLessThan(0.5);
    expect(b.beamShadingLossPercent).toBe(0);
    expect(b.diffuseShadingLossPercent).toBe(0);
  });

  it('a tall building north of the roof casts no shadow at noon in winter but still hides sky', () => {
    const b = run([obstacle('north', rect(0, 50, 80, 90), 45)]);
    expect(b.diffuseShadingLossPercent).toBeGreaterThan(1);
    expect(b.shadingNeighbourIds).toEqual(['north']);
  });
});
