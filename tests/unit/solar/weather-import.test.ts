import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEpw, parsePvgisTmyCsv, parseWeatherFile } from '../../../shared/solar/weather-import';
import { makeEpw, makePvgisCsv } from './helpers';

describe('hourly weather import', () => {
  it('reads an EPW year: location, 8,760 rows, hour-ending stamps to mid-hour, irradiance columns', () => {
    const r = parseEpw(makeEpw(21.03, 105.8, 7), 'hanoi.epw');
    if (!r.ok) throw new Error(r.detail);
    const w = r.weather;
    expect([w.lat, w.lon, w.utcOffsetH, w.kind]).toEqual([21.03, 105.8, 7, 'hourly-file']);
    expect(w.ghiWm2.length).toBe(8760);
    // Row 13 of 1 January is the hour 12:00–13:00 local: mid 12:30 local = 05:30 UTC.
    expect(new Date(w.timeMs[12]).toISOString()).toBe('2025-01-01T05:30:00.000Z');
    expect([w.month[12], w.hour[12]]).toEqual([0, 12]);
    expect(w.ghiWm2[12]).toBe(Math.round(800 * Math.sin((6.5 / 12) * Math.PI)));
    expect([w.dniWm2[12], w.dhiWm2[12], w.tempC[12], w.windMs[12]]).toEqual([Math.round(500 * Math.sin((6.5 / 12) * Math.PI)), Math.round(300 * Math.sin((6.5 / 12) * Math.PI)), 27.5, 2.5]);
  });
  it('reads a PVGIS TMY CSV in UTC and shifts it to local time (UTC+7 from the longitude)', () => {
    const r = parsePvgisTmyCsv(makePvgisCsv(10.8, 106.7), 'hcmc.csv');
    if (!r.ok) throw new Error(r.detail);
    const w = r.weather;
    expect(w.ghiWm2.length).toBe(8760);
    expect(w.utcOffsetH).toBe(7);
    // UTC 05:00–06:00 on 1 Jan = local 12:00–13:00: same values as the EPW's local noon hour.
    const i = w.hour.findIndex((h, k) => h === 12 && w.month[k] === 0);
    expect(new Date(w.timeMs[i]).toISOString()).toBe('2025-01-01T05:30:00.000Z');
    expect(w.ghiWm2[i]).toBe(Math.round(800 * Math.sin((6.5 / 12) * Math.PI)));
  });
  it('refuses files that are not weather, or are truncated, with a reason', () => {
    expect(parseWeatherFile('hello', 'x.csv')).toMatchObject({ ok: false, reason: 'unrecognised-format' });
    expect(parseEpw(makeEpw(21, 105, 7).split('\n').slice(0, 100).join('\n'))).toMatchObject({ ok: false, reason: 'too-few-rows' });
    expect(parseWeatherFile(readFileSync('tests/fixtures/weather/truncated.epw', 'utf8'), 'truncated.epw')).toMatchObject({ ok: false, reason: 'too-few-rows' });
  });
});
