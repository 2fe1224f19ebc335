import { describe, expect, it } from 'vitest';
import { runSolar } from '../../../shared/solar/park';
import { solarSettingsSchema } from '../../../shared/solar/settings';
import { MONTHLY_SYNTHESIS } from '../../../shared/solar/monthly-weather';
import { CLIMATE_STATIONS, nearestStation, synthesizeTypicalDays } from '../../../shared/solar/weather';
import { rect, roof } from './helpers';

/**
 * Annual specific yield against the World Bank / ESMAP Global Solar Atlas (GSA, v2, Solargis
 * data; https://globalsolaratlas.info/) long-term PVOUT at each city centre, kWh/kWp/yr. GSA's
 * configuration is reproduced: fixed modules at its optimum tilt facing the equator, 3.5 %
 * soiling and 7.5 % other losses (inverter and cabling included), no shading.
 * The GSA values below were read from the atlas before this work and could not be re-read
 * offline while writing the test (confidence: secondary; re-check at the URL above):
 *   Ha Noi ≈ 3.0 kWh/kWp/day → 1,095 kWh/kWp/yr, optimum tilt ≈ 18°
 *   Da Nang ≈ 3.84 kWh/kWp/day → 1,400 kWh/kWp/yr, optimum tilt ≈ 15°
 *   Ho Chi Minh City ≈ 3.97 kWh/kWp/day → 1,450 kWh/kWp/yr, optimum tilt ≈ 12°
 */
const CASES = [
  { station: 'hanoi', tiltDeg: 18, gsaKwhPerKwp: 1095 },
  { station: 'da-nang', tiltDeg: 15, gsaKwhPerKwp: 1400 },
  { station: 'ho-chi-minh-city', tiltDeg: 12, gsaKwhPerKwp: 1450 },
];

describe('annual specific yield of the three regions against the Global Solar Atlas (±8 %)', () => {
  for (const c of CASES) {
    it(`${c.station}: within 8 % of ${c.gsaKwhPerKwp} kWh/kWp`, () => {
      const st = CLIMATE_STATIONS.find((s) => s.id === c.station)!;
      const settings = solarSettingsSchema.parse({
        flatTiltDeg: c.tiltDeg,
        shading: false,
        losses: { soiling: 3.5, shading: 0, mismatch: 0, wiring: 7.5, connections: 0, lid: 0, nameplate: 0, availability: 0 },
        inverterEfficiency: 1,
        dcAcRatio: 1,
      });
      const r = runSolar({ settings, latDeg: st.lat, lonDeg: st.lon, weather: synthesizeTypicalDays(st, st.lat, st.lon), roofs: [roof('r', rect(0, 0, 40, 40), 8)], obstacles: [] });
      const ratio = r.specificYieldKwhPerKwp / c.gsaKwhPerKwp;
      expect(Math.abs(ratio - 1)).toBeLessThan(0.08);
    });
  }
});

describe('climate table and typical days', () => {
  it('holds at least 10 stations from north (> 21° N) to south (< 10° N), 12 months each', () => {
    expect(CLIMATE_STATIONS.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...CLIMATE_STATIONS.map((s) => s.lat))).toBeGreaterThan(21);
    expect(Math.min(...CLIMATE_STATIONS.map((s) => s.lat))).toBeLessThan(10);
    for (const s of CLIMATE_STATIONS) expect([s.ghiKWhM2Day.length, s.tempC.length]).toEqual([12, 12]);
  });
  it('picks Ha Noi for the Bac Ninh sample (about 23 km) and Ca Mau at the southern tip', () => {
    const n = nearestStation(21.2, 105.95);
    expect(n.station.id).toBe('hanoi');
    expect(nearestStation(8.7, 104.9).station.id).toBe('ca-mau');
  });
  it("each month's typical days average exactly to the monthly mean daily irradiation, mean temperature kept", () => {
    const st = CLIMATE_STATIONS.find((s) => s.id === 'da-nang')!;
    const w = synthesizeTypicalDays(st, st.lat, st.lon);
    const n = MONTHLY_SYNTHESIS.daysPerMonth;
    expect(w.ghiWm2.length).toBe(12 * n * 24);
    for (let m = 0; m < 12; m++) {
      const month = w.ghiWm2.slice(m * n * 24, (m + 1) * n * 24);
      expect(month.reduce((a, b) => a + b, 0) / n / 1000).toBeCloseTo(st.ghiKWhM2Day[m], 9);
      expect(w.tempC.slice(m * n * 24, m * n * 24 + 24).reduce((a, b) => a + b, 0) / 24).toBeCloseTo(st.tempC[m], 9);
      expect(month[0]).toBe(0); // midnight
    }
    expect(w.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(8760, 9);
  });
});
