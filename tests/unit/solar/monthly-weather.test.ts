import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MONTHLY_SYNTHESIS,
  dayOfYearOf,
  erbsDailyDiffuseFraction,
  erbsMonthlyDiffuseFraction,
  monthlySky,
  typicalDayClearness,
  typicalMonth,
} from '../../../shared/solar/monthly-weather';
import { sunPosition } from '../../../shared/solar/sun-position';
import { CLIMATE_STATIONS, DAYS_IN_MONTH, KLEIN_DAY_OF_MONTH, synthesizeTypicalDays } from '../../../shared/solar/weather';

interface ReferenceMonth {
  month: number;
  dayOfYear: number;
  sunsetHourAngleDeg: number;
  ktMean: number;
  dayKt: number[];
  dayGhiWhM2: number[];
  dayDiffuseWhM2: number[];
  diffuseFractionErbsDailyOverDays: number;
  diffuseFractionErbsMonthly: number;
  diffuseFraction: number;
}
const reference = JSON.parse(readFileSync('tests/unit/solar/monthly-weather-reference.json', 'utf8')) as {
  station: string;
  lat: number;
  lon: number;
  utcOffsetH: number;
  daysPerMonth: number;
  hoursPerYear: number;
  yearlyDiffuseShare: number;
  months: ReferenceMonth[];
  diffuseFractionErbsDailyOverDaysN400: number[];
  hourly: { month: number; days: { ghiWm2: number[]; dhiWm2: number[] }[] };
};

/**
 * Known answers from an independent implementation of the published formulas (Bendt et al. 1981
 * distribution, Erbs et al. 1982 daily and monthly correlations, Collares-Pereira & Rabl and
 * Liu & Jordan hourly ratios, D&B geometry), written in Python with Debian's python3-numpy:
 *   /usr/bin/python3 tests/unit/solar/make-monthly-weather-reference.py > tests/unit/solar/monthly-weather-reference.json
 * Both implement the same closed forms, so they agree to rounding (1e-9 relative, 1e-6 W/m²).
 */
const hanoi = CLIMATE_STATIONS.find((s) => s.id === reference.station)!;
const N = reference.daysPerMonth;

describe('typical days of a month against the Python reference (Hà Nội)', () => {
  it('uses the documented number of days per month', () => expect(MONTHLY_SYNTHESIS.daysPerMonth).toBe(N));
  for (const ref of reference.months) {
    it(`month ${ref.month + 1}: K̄T, daily KT, day sums and diffuse fractions`, () => {
      const m = typicalMonth({ latDeg: reference.lat, lonDeg: reference.lon, utcOffsetH: reference.utcOffsetH, dayOfYear: dayOfYearOf(ref.month, KLEIN_DAY_OF_MONTH[ref.month]), ghiKWhM2Day: hanoi.ghiKWhM2Day[ref.month] });
      expect(dayOfYearOf(ref.month, KLEIN_DAY_OF_MONTH[ref.month])).toBe(ref.dayOfYear);
      expect(m.ktMean).toBeCloseTo(ref.ktMean, 12);
      expect(m.sunsetHourAngleDeg).toBeCloseTo(ref.sunsetHourAngleDeg, 9);
      expect(m.days.map((d) => d.kt)).toEqual(ref.dayKt.map((k) => expect.closeTo(k, 9)));
      expect(m.days.map((d) => d.ghiWhM2)).toEqual(ref.dayGhiWhM2.map((k) => expect.closeTo(k, 6)));
      expect(m.days.map((d) => d.dhiWhM2)).toEqual(ref.dayDiffuseWhM2.map((k) => expect.closeTo(k, 6)));
      expect(m.diffuseFraction).toBeCloseTo(ref.diffuseFraction, 9);
      expect(m.diffuseFraction).toBeCloseTo(ref.diffuseFractionErbsMonthly, 9); // the monthly correlation, by construction
      expect(m.diffuseFractionErbsDailyOverDays).toBeCloseTo(ref.diffuseFractionErbsDailyOverDays, 9);
      // Every day's hours sum to the day; the days' mean is the month's mean exactly.
      for (const d of m.days) {
        expect(d.ghiWm2.reduce((a, b) => a + b, 0)).toBeCloseTo(d.ghiWhM2, 6);
        expect(d.dhiWm2.reduce((a, b) => a + b, 0)).toBeCloseTo(d.dhiWhM2, 6);
        for (let h = 0; h < 24; h++) expect(d.dhiWm2[h]).toBeLessThanOrEqual(d.ghiWm2[h] + 1e-9);
      }
      expect(m.days.reduce((a, d) => a + d.ghiWhM2, 0) / N / 1000).toBeCloseTo(hanoi.ghiKWhM2Day[ref.month], 12);
    });
  }
  it(`hourly global and diffuse of the ${N} July days (1e-6 W/m²)`, () => {
    const mo = reference.hourly.month;
    const m = typicalMonth({ latDeg: reference.lat, lonDeg: reference.lon, utcOffsetH: 7, dayOfYear: dayOfYearOf(mo, KLEIN_DAY_OF_MONTH[mo]), ghiKWhM2Day: hanoi.ghiKWhM2Day[mo] });
    reference.hourly.days.forEach((ref, j) => {
      expect(m.days[j].ghiWm2).toEqual(ref.ghiWm2.map((v) => expect.closeTo(v, 6)));
      expect(m.days[j].dhiWm2).toEqual(ref.dhiWm2.map((v) => expect.closeTo(v, 6)));
    });
  });
  it('keeps clear and overcast days: July spans KT 0.14 (diffuse > 0.9) to 0.69 (diffuse < 0.25)', () => {
    const m = typicalMonth({ latDeg: hanoi.lat, lonDeg: hanoi.lon, utcOffsetH: 7, dayOfYear: dayOfYearOf(6, 17), ghiKWhM2Day: hanoi.ghiKWhM2Day[6] });
    const [dark, clear] = [m.days[0], m.days[N - 1]];
    expect(dark.kt).toBeLessThan(0.2);
    expect(dark.dhiWhM2 / dark.ghiWhM2).toBeGreaterThan(0.9);
    expect(clear.kt).toBeGreaterThan(0.65);
    expect(clear.dhiWhM2 / clear.ghiWhM2).toBeLessThan(0.25);
    // Strong beam on the clear day: around noon the beam is more than 3/4 of the global.
    expect(1 - clear.dhiWm2[12] / clear.ghiWm2[12]).toBeGreaterThan(0.75);
  });
  it(`${N} days are enough: the days' Erbs-daily diffuse fraction is within 0.012 of 400 days`, () => {
    // The quadrature of the distribution (what N controls) converges from above: 0.011 at worst (March).
    reference.months.forEach((ref, m) => expect(Math.abs(ref.diffuseFractionErbsDailyOverDays - reference.diffuseFractionErbsDailyOverDaysN400[m])).toBeLessThan(0.012));
  });
});

describe('building blocks', () => {
  it('the daily clearness of the typical days has the monthly mean, increases, stays in [0.05, KTmax]', () => {
    for (const kt of [0.3, 0.45, 0.6]) {
      const { kts, ktMax } = typicalDayClearness(kt, 7);
      expect(kts.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(kt, 12);
      for (let i = 1; i < kts.length; i++) expect(kts[i]).toBeGreaterThan(kts[i - 1]);
      expect(kts[0]).toBeGreaterThan(MONTHLY_SYNTHESIS.ktMin);
      expect(kts[6]).toBeLessThan(ktMax);
    }
    // Outside the distribution's range: no spread, the mean kept.
    expect(typicalDayClearness(0.04, 3).kts).toEqual([0.04, 0.04, 0.04]);
  });
  it('Erbs daily and monthly correlations, evaluated by hand', () => {
    // KT = 0.5, ωs ≤ 81.4°: 1 − 0.13635 + 0.612375 − 1.493925 + 0.58674375 = 0.56884375.
    expect(erbsDailyDiffuseFraction(0.5, (80 * Math.PI) / 180)).toBeCloseTo(0.56884375, 12);
    // K̄T = 0.5, ωs > 81.4°: 1.311 − 1.511 + 0.85675 − 0.227625 = 0.429125.
    expect(erbsMonthlyDiffuseFraction(0.5, (100 * Math.PI) / 180)).toBeCloseTo(0.429125, 12);
    expect(erbsDailyDiffuseFraction(0.8, (100 * Math.PI) / 180)).toBe(0.175);
  });
});

describe('synthesized weather year', () => {
  const w = synthesizeTypicalDays(hanoi, hanoi.lat, hanoi.lon);
  it(`${N} days × 24 h a month, weights summing to 8,760 h`, () => {
    expect(w.ghiWm2.length).toBe(12 * N * 24);
    expect(w.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(8760, 9);
    expect(reference.hoursPerYear).toBeCloseTo(8760, 9);
  });
  it('reproduces every monthly mean daily GHI exactly', () => {
    const sky = monthlySky(w);
    sky.ghiKWhM2Day.forEach((g, m) => expect(g).toBeCloseTo(hanoi.ghiKWhM2Day[m], 12));
    for (let m = 0; m < 12; m++) {
      let sum = 0;
      for (let i = 0; i < w.month.length; i++) if (w.month[i] === m) sum += w.ghiWm2[i] * w.weight[i];
      expect(sum / 1000 / DAYS_IN_MONTH[m]).toBeCloseTo(hanoi.ghiKWhM2Day[m], 12);
    }
  });
  it('hours are consistent: GHI = DHI + DNI·sin(elevation), no negative beam, no beam below the horizon', () => {
    for (let i = 0; i < w.ghiWm2.length; i++) {
      const el = sunPosition(w.timeMs[i], w.lat, w.lon).elevationDeg;
      expect(w.dniWm2[i]).toBeGreaterThanOrEqual(0);
      expect(w.dhiWm2[i]).toBeGreaterThanOrEqual(0);
      expect(w.dhiWm2[i]).toBeLessThanOrEqual(w.ghiWm2[i] + 1e-9);
      if (el <= 0) expect(w.dniWm2[i]).toBe(0);
      else expect(w.dhiWm2[i] + w.dniWm2[i] * Math.sin((el * Math.PI) / 180)).toBeCloseTo(w.ghiWm2[i], 9);
    }
  });
  it('monthly diffuse shares are the Erbs monthly correlation; the year is 0.539 (was 0.83)', () => {
    const sky = monthlySky(w);
    sky.diffuseShare.forEach((d, m) => expect(d).toBeCloseTo(reference.months[m].diffuseFraction, 9));
    expect(sky.yearlyDiffuseShare).toBeCloseTo(reference.yearlyDiffuseShare, 9);
    // Between the Erbs monthly correlation and the Erbs daily correlation over the days (0.58):
    // well away from the 0.83 of one constant-clearness day split hour by hour.
    expect(sky.yearlyDiffuseShare).toBeGreaterThan(0.5);
    expect(sky.yearlyDiffuseShare).toBeLessThan(0.6);
  });
});
