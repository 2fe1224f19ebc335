import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deltaTSeconds, refractionDeg, sunPosition } from '../../../shared/solar/sun-position';

interface Place { name: string; lat: number; lon: number; elevationM: number; pressureMbar: number; temperatureC: number }
/** Rows: [place index, UNIX seconds, ΔT s, zenith°, apparent zenith°, azimuth°, equation of time min]. */
type Row = [number, number, number, number, number, number, number];
const reference = JSON.parse(readFileSync('tests/unit/solar/spa-reference.json', 'utf8')) as { places: Place[]; rows: Row[] };

const angleDiff = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('sun position (NREL SPA) against the published test case', () => {
  // Reda & Andreas, NREL/TP-560-34302 (rev. 2008), worked example: 17 Oct 2003 12:30:30 local
  // (UTC−7), 39.742476 N, 105.1786 W, 1830.14 m, 820 mbar, 11 °C, ΔT = 67 s, ΔUT1 = 0.
  const p = sunPosition(Date.UTC(2003, 9, 17, 19, 30, 30), 39.742476, -105.1786, {
    elevationM: 1830.14,
    pressureMbar: 820,
    temperatureC: 11,
    deltaTS: 67,
  });
  it('topocentric zenith 50.11162° and azimuth 194.34024° within 0.001°', () => {
    expect(Math.abs(90 - p.apparentElevationDeg - 50.11162)).toBeLessThan(0.001);
    expect(Math.abs(p.azimuthDeg - 194.34024)).toBeLessThan(0.001);
  });
  it('intermediate values of the same table: δ = −9.31434°, R = 0.9965422974 AU, e0 = 39.872046°', () => {
    expect(Math.abs(p.declinationDeg - -9.31434)).toBeLessThan(0.00001);
    expect(Math.abs(p.earthSunDistanceAu - 0.9965422974)).toBeLessThan(1e-9);
    expect(Math.abs(p.elevationDeg - 39.872046)).toBeLessThan(0.000001);
  });
});

describe('sun position (NREL SPA) against pvlib’s SPA across Viet Nam', () => {
  // spa-reference.json: pvlib/spa.py (an independent SPA implementation, run with Debian's
  // python3-numpy), 12 places from Ha Giang to Ca Mau at their elevation, pressure and
  // temperature, 10 dates 2025–2030, every 40 min from 05:07 to 19:27 local time, the sun down to
  // 2° below the horizon. Regenerate from the repository root with
  //   PYTHONPATH=/tmp /usr/bin/python3 tests/unit/solar/make-spa-reference.py > tests/unit/solar/spa-reference.json
  // after extracting pvlib/spa.py to /tmp (the exact git command is at the top of the script).
  const rows = reference.rows;
  it('covers the country, low sun and sun near the zenith', () => {
    expect(rows.length).toBeGreaterThan(2000);
    const lats = reference.places.map((pl) => pl.lat);
    expect(Math.max(...lats)).toBeGreaterThan(22.8); // Ha Giang
    expect(Math.min(...lats)).toBeLessThan(9.2); // Ca Mau
    expect(rows.some((r) => r[3] > 90)).toBe(true);
    expect(rows.some((r) => r[3] < 2)).toBe(true);
  });

  it('defaults ΔT to the Espenak–Meeus polynomial (same as pvlib calculate_deltat) to 1e-6 s', () => {
    for (const r of rows) expect(Math.abs(deltaTSeconds(r[1] * 1000) - r[2])).toBeLessThan(1e-6);
  });

  it('zenith (with and without refraction), azimuth and equation of time within 0.001°', () => {
    let maxZen = 0;
    let maxAppZen = 0;
    let maxAz = 0;
    let maxEotMin = 0;
    let azimuthCompared = 0;
    for (const [pi, unixS, , zen, appZen, az, eot] of rows) {
      const pl = reference.places[pi];
      const p = sunPosition(unixS * 1000, pl.lat, pl.lon, { elevationM: pl.elevationM, pressureMbar: pl.pressureMbar, temperatureC: pl.temperatureC });
      maxZen = Math.max(maxZen, Math.abs(90 - p.elevationDeg - zen));
      maxAppZen = Math.max(maxAppZen, Math.abs(90 - p.apparentElevationDeg - appZen));
      maxEotMin = Math.max(maxEotMin, Math.abs(p.equationOfTimeMin - eot));
      // Azimuth is undefined at the zenith and ill-conditioned beside it: an offset s on the sky
      // reads s / sin(zenith) of azimuth (×115 at 0.5°). Compare it where the zenith is ≥ 0.5°.
      if (zen >= 0.5) {
        maxAz = Math.max(maxAz, angleDiff(p.azimuthDeg, az));
        azimuthCompared++;
      }
    }
    expect(azimuthCompared).toBe(rows.length); // the grid's closest approach is 0.52°
    expect(maxZen).toBeLessThan(0.001);
    expect(maxAppZen).toBeLessThan(0.001);
    expect(maxAz).toBeLessThan(0.001);
    expect(maxEotMin).toBeLessThan(0.001 * 4); // 0.001° of hour angle = 0.004 min
    // Both are double-precision SPA: in fact they agree to about 1e-7° (the JSON's rounding).
    expect(Math.max(maxZen, maxAppZen, maxAz)).toBeLessThan(1e-6);
  });

  it('memoised results equal a fresh evaluation with an explicit ΔT', () => {
    const t = Date.UTC(2025, 5, 21, 5, 30);
    const cached = sunPosition(t, 21.186, 106.076);
    const again = sunPosition(t, 21.186, 106.076);
    const fresh = sunPosition(t, 21.186, 106.076, { deltaTS: deltaTSeconds(t) });
    expect(again).toEqual(cached);
    expect(fresh).toEqual(cached);
  });
});

describe('sun position: hand checks', () => {
  it('puts the sun due south at solar noon and north of the zenith in June in Ho Chi Minh City', () => {
    // On 21 June the declination is +23.44°, HCMC is at 10.78° N, so at noon the sun stands
    // 90 − (23.44 − 10.78) = 77.34° high in the north.
    const noonUtc = Date.UTC(2025, 5, 21, 12, 0) - (106.7009 / 15) * 3_600_000 + 1.7 * 60_000;
    const p = sunPosition(noonUtc, 10.7769, 106.7009);
    expect(p.elevationDeg).toBeCloseTo(77.34, 0);
    expect(Math.abs(((p.azimuthDeg + 180) % 360) - 180)).toBeLessThan(2);
  });

  it('refraction (SPA, 1010 mbar, 10 °C) is 0.483° at the horizon, ~0 at the zenith, none below the limb', () => {
    // Sæmundsson at e0 = 0: 1.02 / (60 tan(10.3/5.11 °)) = 0.4830°.
    expect(refractionDeg(0, 1010, 10)).toBeCloseTo(1.02 / (60 * Math.tan(((10.3 / 5.11) * Math.PI) / 180)), 9);
    expect(refractionDeg(0, 1010, 10)).toBeCloseTo(0.483, 4);
    expect(refractionDeg(89.9, 1010, 10)).toBeLessThan(0.0001);
    expect(refractionDeg(-0.9)).toBe(0);
  });
});
