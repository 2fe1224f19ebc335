import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { parseEpw, parsePvgisTmyCsv, type WeatherImportResult } from '../../../shared/solar/weather-import';
import { CONTEXT, memoryIo } from '../cli/helpers';
import { makeEpw, makePvgisCsv } from './helpers';

/**
 * Finding 9: weather files were not range-checked (GHI 5,000 W/m², DNI −500, 8,760 copies of
 * one hour and PVGIS latitude 999 were all accepted). Each file here is the good test year of
 * helpers.ts with one thing changed; each refusal must name the field, the record, the value
 * and the bound, in English and in Vietnamese.
 */

const EPW_HEADER_LINES = 8;
/** Line (1-based) of an EPW data row: month 1–12, day, hour 1–24 (the hour ending then), for a non-leap year. */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const epwLine = (month: number, day: number, hour: number) => EPW_HEADER_LINES + (DAYS.slice(0, month - 1).reduce((a, b) => a + b, 0) + day - 1) * 24 + hour;

/** The EPW test year with column `column` (0-based: 6 dry bulb, 13 GHI, 14 DNI, 15 DHI, 21 wind) of one row set to `value`. */
function epwWith(line: number, column: number, value: number | string): string {
  const lines = makeEpw(21.03, 105.8, 7).split('\n');
  const cells = lines[line - 1].split(',');
  cells[column] = String(value);
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

/** Loaded in each test, so on the code before this issue (no such module) the file still runs and each refusal test fails on its own. */
const describeWeatherProblem = async (...args: Parameters<typeof import('../../../shared/solar/weather-validation').describeWeatherProblem>) =>
  (await import('../../../shared/solar/weather-validation')).describeWeatherProblem(...args);

function refused(result: WeatherImportResult) {
  if (result.ok) throw new Error('the file was accepted');
  return result;
}

describe('weather files: every field of every record within physical bounds', () => {
  // 1,400 W/m²: the irradiance bound of WEATHER_FIELD_BOUNDS (shared/limits.ts), which says why.
  it('refuses GHI 5,000 W/m² at noon on 1 March, naming the field, the record, the value and the bound', async () => {
    const line = epwLine(3, 1, 13); // 12:00–13:00 local
    const r = refused(parseEpw(epwWith(line, 13, 5000), 'site.epw'));
    expect(r.reason).toBe('out-of-range');
    expect(r.problem).toEqual({ code: 'out-of-range', field: 'ghiWm2', value: 5000, min: 0, max: 1400, at: { line, month: 3, day: 1, hour: 12 } });
    expect(await describeWeatherProblem(r.problem!, 'en')).toBe(
      `the global horizontal irradiance is 5,000 W/m² on line ${line.toLocaleString('en-US')} (1 Mar, 12:00–13:00 local time), outside the physical bounds 0 to 1,400 W/m²`,
    );
    expect(await describeWeatherProblem(r.problem!, 'vi')).toBe(
      `bức xạ tổng trên mặt ngang là 5.000 W/m² ở dòng ${line.toLocaleString('en-US').replace(',', '.')} (ngày 1/3, 12:00–13:00 giờ địa phương), ngoài giới hạn vật lý 0 đến 1.400 W/m²`,
    );
  });

  it('refuses DNI −500, a temperature of 75 °C and a wind of −3 m/s', async () => {
    const line = epwLine(6, 15, 10);
    expect(refused(parseEpw(epwWith(line, 14, -500))).problem).toMatchObject({ field: 'dniWm2', value: -500, min: 0 });
    expect(refused(parseEpw(epwWith(line, 6, 75))).problem).toMatchObject({ field: 'tempC', value: 75, max: 60 });
    expect(refused(parseEpw(epwWith(line, 21, -3))).problem).toMatchObject({ field: 'windMs', value: -3, min: 0 });
    // EPW's own "missing" markers are not values: 9999 irradiance, 99.9 °C, 999 m/s.
    expect(parseEpw(epwWith(line, 14, 9999)).ok).toBe(true);
    expect(parseEpw(epwWith(line, 6, 99.9)).ok).toBe(true);
  });

  it('refuses a PVGIS file at latitude 999, and a PVGIS GHI of 5,000', async () => {
    const csv = makePvgisCsv(10.8, 106.7);
    const r = refused(parsePvgisTmyCsv(csv.replace('Latitude (decimal degrees): 10.8', 'Latitude (decimal degrees): 999')));
    expect(r).toMatchObject({ reason: 'bad-location', problem: { code: 'out-of-range', field: 'latitudeDeg', value: 999, min: -90, max: 90 } });
    expect(await describeWeatherProblem(r.problem!, 'en')).toBe('the latitude is 999 °, outside the physical bounds −90 to 90 °');
    expect(await describeWeatherProblem(r.problem!, 'vi')).toBe('vĩ độ là 999 °, ngoài giới hạn vật lý −90 đến 90 °');
    // 20100101:0500 UTC is 12:00–13:00 local (UTC+7), on line 7 + 5 (six header lines).
    const lines = csv.split('\n');
    const at = lines.findIndex((l) => l.startsWith('20100101:0500,'));
    lines[at] = lines[at].replace(/^(20100101:0500,[^,]+,[^,]+,)\d+/, '$15000');
    expect(refused(parsePvgisTmyCsv(lines.join('\n'))).problem).toEqual({ code: 'out-of-range', field: 'ghiWm2', value: 5000, min: 0, max: 1400, at: { line: at + 1, month: 1, day: 1, hour: 12 } });
  });
});

describe('weather files: every hour once, and a plausible year', () => {
  it('refuses 8,760 copies of one hour at its first repeat', async () => {
    const lines = makeEpw(21.03, 105.8, 7).split('\n');
    const noon = lines[epwLine(1, 1, 13) - 1];
    const copies = [...lines.slice(0, EPW_HEADER_LINES), ...Array<string>(8760).fill(noon)].join('\n');
    const r = refused(parseEpw(copies));
    expect(r).toMatchObject({ reason: 'duplicate-hour', problem: { code: 'duplicate-hour', firstLine: 9, at: { line: 10, month: 1, day: 1, hour: 12 } } });
    expect(await describeWeatherProblem(r.problem!, 'vi')).toContain('lặp lại (lần đầu ở dòng 9)');
  });

  it('refuses sunshine at midnight', async () => {
    const line = epwLine(1, 1, 1); // 00:00–01:00 local: the sun is far below the horizon
    const r = refused(parseEpw(epwWith(line, 13, 300)));
    expect(r).toMatchObject({ reason: 'implausible', problem: { code: 'irradiance-at-night', value: 300, at: { line, hour: 0 } } });
    expect(await describeWeatherProblem(r.problem!, 'en')).toContain('while the sun is below the horizon');
  });

  it('refuses GHI above what reaches the top of the atmosphere at that hour and place', async () => {
    // 07:00–08:00 local on 1 Jan at 21.03° N 105.8° E. By hand (Duffie & Beckman 1.6.5, 1.6.1):
    // at 08:30 (the end of the half-hour window) solar time ≈ 08:30 (+3.2 min longitude, −3.5 min
    // equation of time), hour angle −52.5°, declination −23.0°: sin α = sin21.03·sin(−23.0) +
    // cos21.03·cos23.0·cos52.5 = 0.383; G0n = 1367·(1 + 0.033·cos(360°/365)) = 1412 W/m²; so at
    // most ≈ 541 W/m² on a horizontal surface. 1,300 W/m² is within the field bound (1,400).
    const line = epwLine(1, 1, 8);
    const r = refused(parseEpw(epwWith(line, 13, 1300)));
    expect(r).toMatchObject({ reason: 'implausible', problem: { code: 'above-extraterrestrial', value: 1300, at: { line, hour: 7 } } });
    if (r.problem?.code !== 'above-extraterrestrial') return;
    expect(r.problem.max).toBeGreaterThan(520);
    expect(r.problem.max).toBeLessThan(560);
  });

  it('refuses a year whose GHI sums to far less than anywhere on Earth', async () => {
    // Every irradiance divided by 10: the test year's ≈ 2,230 kWh/m² (800·Σsin over 12 h ×365) becomes ≈ 223.
    const lines = makeEpw(21.03, 105.8, 7).split('\n');
    const dim = lines.map((l, i) => (i < EPW_HEADER_LINES ? l : l.split(',').map((c, k) => (k >= 13 && k <= 15 ? String(Math.round(Number(c) / 10)) : c)).join(',')));
    const r = refused(parseEpw(dim.join('\n')));
    expect(r).toMatchObject({ reason: 'implausible', problem: { code: 'annual-ghi', min: 400, max: 3000 } });
    if (r.problem?.code === 'annual-ghi') expect(Math.abs(r.problem.value - 223)).toBeLessThan(5);
  });

  it('refuses a year with an hour missing (a year has 8,760 hours)', async () => {
    const lines = makeEpw(21.03, 105.8, 7).split('\n');
    lines.splice(epwLine(7, 4, 3) - 1, 1);
    expect(refused(parseEpw(lines.join('\n')))).toMatchObject({ reason: 'too-few-rows', problem: { code: 'hour-count', value: 8759, min: 8760 } });
  });

  it('stops reading at the weather-records limit', async () => {
    const { DEFAULT_LIMITS } = await import('../../../shared/limits');
    const r = refused(parseEpw(makeEpw(21.03, 105.8, 7), 'big.epw', { ...DEFAULT_LIMITS, 'weather-records': 100 }));
    expect(r).toMatchObject({ reason: 'too-many-rows', problem: { code: 'limit', exceeded: { limit: 'weather-records', max: 100, value: 101 } } });
  });
});

describe('weather refusals reach the CLI in the reader’s language', () => {
  it('ecopark solar --weather names the field, the record, the value and the bound', async () => {
    const line = epwLine(3, 1, 13);
    const files = { 'park.gpkg': new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')), 'site.epw': new TextEncoder().encode(epwWith(line, 13, 5000)) };
    const en = memoryIo(files);
    expect(await run(['solar', 'park.gpkg', '--weather', 'site.epw', '--lang', 'en'], en.io, CONTEXT)).toBe(1);
    expect(en.err.join('\n')).toContain('a value outside its physical bounds (the global horizontal irradiance is 5,000 W/m² on line');
    const vi = memoryIo(files);
    expect(await run(['solar', 'park.gpkg', '--weather', 'site.epw', '--lang', 'vi'], vi.io, CONTEXT)).toBe(1);
    expect(vi.err.join('\n')).toContain('có giá trị ngoài giới hạn vật lý (bức xạ tổng trên mặt ngang là 5.000 W/m² ở dòng');
  });
});
