import { describe, expect, it } from 'vitest';
import { layoutRoof, longestEdgeAzimuthDeg, solsticeGcr } from '../../../shared/solar/roof-layout';
import { economics, energyBalance } from '../../../shared/solar/economics';
import { DEFAULT_SOLAR_SETTINGS, solarSettingsSchema } from '../../../shared/solar/settings';

const rect = (w: number, h: number): [number, number][] => [[0, 0], [w, 0], [w, h], [0, h]];
/** Without access paths (their hand checks are in roof-use.test.ts). */
const NO_PATHS = { ...DEFAULT_SOLAR_SETTINGS, accessPathWidthM: 0 };

describe('roof layout (hand-computed)', () => {
  it('flat roof: setback, obstruction, winter-solstice row spacing, whole modules', () => {
    // 100 × 50 m, setback 1.2 m: 97.6 × 47.6 = 4,645.76 m²; × 0.9 = 4,181.184 m² usable.
    // Lat 21°: noon elevation on 21 Dec = 90 − 21 − 23.44 = 45.56°; tilt 10°:
    // pitch/L = cos 10° + sin 10°/tan 45.56° = 0.984808 + 0.173648/1.019739 = 1.155095, GCR 0.865730.
    // Modules: 4,181.184 · 0.865730 = 3,619.77 m² → 1,809 modules of 2 m² → 1,809 · 2 · 0.21 = 759.78 kWp.
    const l = layoutRoof([{ outer: rect(100, 50), holes: [] }], 'flat', 21, NO_PATHS);
    expect(l.usableAreaM2).toBeCloseTo(4181.184, 3);
    expect(l.groundCoverageRatio).toBeCloseTo(0.86573, 4);
    expect(l.moduleCount).toBe(1809);
    expect(l.kwp).toBeCloseTo(759.78, 6);
    expect(l.samplePoints.length).toBeGreaterThan(30);
  });
  it('fixed ground-coverage ratio when chosen', () => {
    const s = solarSettingsSchema.parse({ rowSpacing: 'gcr', groundCoverageRatio: 0.5, obstructionFraction: 0, edgeSetbackM: 0 });
    const l = layoutRoof([{ outer: rect(20, 10), holes: [] }], 'flat', 21, s);
    expect(l.moduleCount).toBe(50); // 200 m² · 0.5 / 2 m²
  });
  it('pitched roof: two slopes facing away from the ridge, modules on the slope area', () => {
    // Ridge along the 100 m east–west edge: slopes face south (180°) and north (0°).
    // Usable plan 4,181.184 m² / cos 15° = 4,328.72 m², half per slope → 1,082 modules each.
    const l = layoutRoof([{ outer: rect(100, 50), holes: [] }], 'pitched', 21, NO_PATHS);
    expect(l.planes.map((p) => p.azimuthDeg).sort((a, b) => a - b)).toEqual([0, 180]);
    expect(l.moduleCount).toBe(2 * 1082);
    expect(longestEdgeAzimuthDeg(rect(10, 40))).toBe(0);
  });
  it('a setback wider than the roof leaves nothing usable', () => {
    const l = layoutRoof([{ outer: rect(2, 2), holes: [] }], 'flat', 21, DEFAULT_SOLAR_SETTINGS);
    expect(l.kwp).toBe(0);
  });
  it('solstice GCR of a horizontal module is 1', () => {
    expect(solsticeGcr(21, 0, 180)).toBe(1);
  });
});

describe('energy balance and economics (hand-computed)', () => {
  it('self-consumption, export cap and curtailment per hour', () => {
    // Demand 4 kW flat; PV 10 kW in one hour, 2 kW in another; cap 20 % of 20 kWp = 4 kW.
    const b = energyBalance([10, 2], [1, 1], 4 * 8760, 20, 0.2);
    expect(b.selfConsumedKwh).toBe(6); // 4 + 2
    expect(b.exportedKwh).toBe(4);
    expect(b.curtailedKwh).toBe(2);
    expect(b.demandShare).toBeCloseTo(12 / 35040, 12);
  });
  it('payback, LCOE and NPV without discounting or degradation', () => {
    // 100 kWp at 10 M VND: capex 1e9, O&M 1 % = 1e7/yr, 150 MWh self-consumed at 2,000 VND = 3e8/yr.
    const e = economics({ kwp: 100, capexVndPerKwp: 10_000_000, omFractionOfCapex: 0.01, selfConsumedKwh: 150_000, exportedKwh: 0, tariffVndPerKwh: 2000, exportTariffVndPerKwh: 0, discountRate: 0, degradationPerYear: 0, lifetimeYears: 10 });
    expect(e.simplePaybackYears).toBeCloseTo(1e9 / 2.9e8, 9);
    expect(e.lcoeVndPerKwh).toBeCloseTo(1.1e9 / 1.5e6, 6); // 733.33
    expect(e.npvVnd).toBeCloseTo(-1e9 + 10 * 2.9e8, 0);
  });
  it('discounting: one year at 10 %', () => {
    const e = economics({ kwp: 1, capexVndPerKwp: 1000, omFractionOfCapex: 0, selfConsumedKwh: 1100, exportedKwh: 0, tariffVndPerKwh: 1, exportTariffVndPerKwh: 0, discountRate: 0.1, degradationPerYear: 0, lifetimeYears: 1 });
    expect(e.npvVnd).toBeCloseTo(0, 9); // −1000 + 1100/1.1
    expect(e.lcoeVndPerKwh).toBeCloseTo(1000 / 1000, 9);
  });
});
