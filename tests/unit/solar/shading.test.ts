import { describe, expect, it } from 'vitest';
import { shadedFractions } from '../../../shared/solar/shading';
import { runSolar } from '../../../shared/solar/park';
import { createContext } from '../../../shared/solar/simulate';
import { solarSettingsSchema } from '../../../shared/solar/settings';
import { CLIMATE_STATIONS, synthesizeTypicalDays, type HourlyWeather } from '../../../shared/solar/weather';
import { obstacle, rect, roof } from './helpers';

const hanoi = CLIMATE_STATIONS.find((s) => s.id === 'hanoi')!;
const weather = synthesizeTypicalDays(hanoi, hanoi.lat, hanoi.lon);
const settings = solarSettingsSchema.parse({});

describe('shaded fraction of sample points (hand-computed geometry)', () => {
  it('a 10 m taller block due south, sun due south at 45°, shades the first 5 m of a 20 m roof', () => {
    // Shadow length (18 − 8)·cot 45° = 10 m northwards from the block's north face (y = 0).
    // Points at y = 5.5 … 24.5 every 1 m: those with y ≤ 10 (5.5 … 9.5) are in shadow: 5 of 20.
    const points: [number, number][] = Array.from({ length: 20 }, (_, i) => [10, 5.5 + i]);
    const block = obstacle('b', rect(0, -20, 20, 0), 18);
    const f = shadedFractions(points, 8, [block], [{ dx: 0, dy: -1, cotEl: 1 }]);
    expect(f[0]).toBeCloseTo(0.25, 12);
    // Sun in the north: the block is behind the roof and casts nothing on it.
    expect(shadedFractions(points, 8, [block], [{ dx: 0, dy: 1, cotEl: 1 }])[0]).toBe(0);
    // A lower neighbour never shades.
    expect(shadedFractions(points, 8, [obstacle('low', rect(0, -20, 20, 0), 6)], [{ dx: 0, dy: -1, cotEl: 1 }])[0]).toBe(0);
  });
  it('is exact for a non-convex (L-shaped) footprint: the notch lets the sun through', () => {
    const l = obstacle('L', [[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]], 30);
    // A point north-east of the notch, sun from the south-west at a high angle: the short ray ends in the notch.
    const f = shadedFractions([[8, 8]], 0, [l], [{ dx: -Math.SQRT1_2, dy: -Math.SQRT1_2, cotEl: 0.1 }]);
    expect(f[0]).toBe(0);
    expect(shadedFractions([[8, 8]], 0, [l], [{ dx: -Math.SQRT1_2, dy: -Math.SQRT1_2, cotEl: 1 }])[0]).toBe(1);
  });
});

describe('yield with neighbours', () => {
  const target = roof('target', rect(0, 0, 30, 30), 8);
  const tower = roof('tower', rect(0, -25, 30, -5), 60); // 5 m to the south, 52 m taller
  it('a roof next to a much taller building loses yield and names it; without the neighbour it loses none', () => {
    const withTower = runSolar({ settings, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather, roofs: [target, tower], obstacles: [target, tower].map((r) => obstacle(r.id, r.parts[0].outer, r.heightM)) });
    const alone = runSolar({ settings, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather, roofs: [target], obstacles: [obstacle('target', target.parts[0].outer, 8)] });
    const shaded = withTower.buildings.find((b) => b.id === 'target')!;
    // Hanoi's sky is hazy (Erbs gives ~70 % diffuse): a tower to the south costs a few % of the year.
    expect(shaded.shadingLossPercent).toBeGreaterThan(2);
    expect(shaded.shadingNeighbourIds).toEqual(['tower']);
    expect(shaded.annualKwh).toBeLessThan(alone.buildings[0].annualKwh * 0.98);
    expect(alone.buildings[0].shadingLossPercent).toBe(0);
    expect(alone.buildings[0].annualKwh).toBeCloseTo(shaded.unshadedKwh, 6);
    // The tower itself is not shaded by the lower roof.
    expect(withTower.buildings.find((b) => b.id === 'tower')!.shadingLossPercent).toBe(0);
  });

  it('a roof in full shade all day keeps only the sky its walls leave: nearly nothing', () => {
    // A 500 m high wall ring 3 m around the roof hides the sun at every traced position and all
    // but the sky above 86–89° of elevation (issue 14: neighbours hide sky, not only sun).
    const iso = solarSettingsSchema.parse({ transposition: 'isotropic' });
    const walls = [rect(-4, -4, 34, -3), rect(-4, 33, 34, 34), rect(-4, -3, -3, 33), rect(33, -3, 34, 33)].map((r, i) => obstacle(`wall${i}`, r, 500));
    const shadedRun = runSolar({ settings: iso, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather, roofs: [target], obstacles: walls });
    // Independent path to "diffuse only": the same weather with the beam removed from the data.
    const sky = runSolar({ settings: iso, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather: noBeam(weather), roofs: [target], obstacles: [] });
    const b = shadedRun.buildings[0];
    expect(b.annualKwh).toBeLessThan(sky.buildings[0].annualKwh * 0.05);
    expect(b.shadingLossPercent).toBeGreaterThan(95);
    // The beam part is what the sky-only run lacks of the unshaded yield (isotropic: no circumsolar).
    const beamShare = (1 - sky.buildings[0].annualKwh / b.unshadedKwh) * 100;
    expect(b.beamShadingLossPercent).toBeGreaterThan(beamShare * 0.9);
    expect(b.beamShadingLossPercent).toBeLessThan(beamShare * 1.1);
    expect(b.shadingNeighbourIds).toEqual(['wall0', 'wall1', 'wall2', 'wall3']);
  });
});

/** The model's own Erbs split, then DNI set to 0 with DHI kept: a sky without a sun disc. */
function noBeam(w: HourlyWeather): HourlyWeather {
  const ctx = createContext({ settings, latDeg: hanoi.lat, lonDeg: hanoi.lon, weather: w, roofs: [], obstacles: [] });
  return { ...w, dniWm2: w.dniWm2.map(() => 0), dhiWm2: Array.from(ctx.sky.dhi) };
}
