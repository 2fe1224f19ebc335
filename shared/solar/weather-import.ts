import type { HourlyWeather } from './weather';

/**
 * Hourly weather import (docs/solar-model.md §2.2): EnergyPlus EPW and PVGIS TMY CSV. Every
 * row is mapped onto the non-leap year 2025 (TMY files mix years by month), Feb 29 dropped.
 */
export const WEATHER_IMPORT_ERRORS = ['unrecognised-format', 'too-few-rows', 'bad-location'] as const;
export type WeatherImportError = (typeof WEATHER_IMPORT_ERRORS)[number];
export type WeatherImportResult = { ok: true; weather: HourlyWeather } | { ok: false; reason: WeatherImportError; detail: string };

/** A full year must have nearly every hour; fewer means a truncated or wrong file. */
const MIN_ROWS = 8000;

function empty(source: string, lat: number, lon: number, utcOffsetH: number): HourlyWeather {
  return { source, kind: 'hourly-file', lat, lon, utcOffsetH, timeMs: [], month: [], hour: [], weight: [], ghiWm2: [], dniWm2: [], dhiWm2: [], tempC: [], windMs: [] };
}

function push(w: HourlyWeather, localMidMs: number, ghi: number, dni: number, dhi: number, t: number, ws: number): void {
  const d = new Date(localMidMs);
  if (d.getUTCMonth() === 1 && d.getUTCDate() === 29) return;
  w.timeMs.push(localMidMs - w.utcOffsetH * 3_600_000);
  w.month.push(d.getUTCMonth());
  w.hour.push(d.getUTCHours());
  w.weight.push(1);
  w.ghiWm2.push(ghi);
  w.dniWm2.push(dni);
  w.dhiWm2.push(dhi);
  w.tempC.push(t);
  w.windMs.push(ws);
}

/** EnergyPlus weather file: LOCATION header; data hour h (1–24) is the hour ending at h, local standard time. */
export function parseEpw(text: string, fileName = 'weather.epw'): WeatherImportResult {
  const lines = text.split(/\r?\n/);
  const loc = lines[0]?.split(',');
  if (!loc || loc[0].trim().toUpperCase() !== 'LOCATION' || loc.length < 10) return { ok: false, reason: 'unrecognised-format', detail: 'no LOCATION header line' };
  const lat = Number(loc[6]);
  const lon = Number(loc[7]);
  const tz = Number(loc[8]);
  if (![lat, lon, tz].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return { ok: false, reason: 'bad-location', detail: `LOCATION ${loc.slice(6, 9).join(',')}` };
  const w = empty(`${fileName} (EPW, ${loc[1].trim()})`, lat, lon, tz);
  for (const line of lines.slice(8)) {
    const c = line.split(',');
    if (c.length < 22) continue;
    const [month, day, hour] = [Number(c[1]), Number(c[2]), Number(c[3])];
    if (!(month >= 1 && month <= 12 && day >= 1 && hour >= 1 && hour <= 24)) continue;
    const num = (i: number, missing: number) => {
      const v = Number(c[i]);
      return Number.isFinite(v) && v < missing ? v : NaN;
    };
    const ghi = num(13, 9999);
    const dni = num(14, 9999);
    const dhi = num(15, 9999);
    push(w, Date.UTC(2025, month - 1, day, hour - 1, 30), Math.max(0, ghi || 0), dni, dhi, num(6, 99.9), num(21, 999));
  }
  if (w.timeMs.length < MIN_ROWS) return { ok: false, reason: 'too-few-rows', detail: `${w.timeMs.length} hourly rows` };
  return { ok: true, weather: w };
}

/**
 * PVGIS typical-meteorological-year CSV (https://re.jrc.ec.europa.eu/pvg_tools/en/, "TMY",
 * format csv): header lines with Latitude and Longitude, a table with columns
 * time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP and time stamps YYYYMMDD:HHMM (UTC,
 * start of the hour). Times are shifted to the zone of the longitude (UTC+7 in Viet Nam).
 */
export function parsePvgisTmyCsv(text: string, fileName = 'tmy.csv'): WeatherImportResult {
  const lines = text.split(/\r?\n/);
  const find = (re: RegExp) => {
    for (const l of lines.slice(0, 20)) {
      const m = re.exec(l);
      if (m) return Number(m[1]);
    }
    return NaN;
  };
  const lat = find(/^Latitude[^:]*:\s*(-?[\d.]+)/i);
  const lon = find(/^Longitude[^:]*:\s*(-?[\d.]+)/i);
  const headerIndex = lines.findIndex((l) => l.startsWith('time(UTC)'));
  if (headerIndex < 0) return { ok: false, reason: 'unrecognised-format', detail: 'no time(UTC) header' };
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { ok: false, reason: 'bad-location', detail: 'no Latitude/Longitude lines' };
  const cols = lines[headerIndex].split(',').map((s) => s.trim());
  const col = (name: string) => cols.indexOf(name);
  const [iT, iG, iB, iD, iW] = [col('T2m'), col('G(h)'), col('Gb(n)'), col('Gd(h)'), col('WS10m')];
  if ([iT, iG, iB, iD].some((i) => i < 0)) return { ok: false, reason: 'unrecognised-format', detail: 'missing T2m, G(h), Gb(n) or Gd(h)' };
  const tz = Math.round(lon / 15);
  const w = empty(`${fileName} (PVGIS TMY)`, lat, lon, tz);
  for (const line of lines.slice(headerIndex + 1)) {
    const m = /^(\d{4})(\d{2})(\d{2}):(\d{2})(\d{2}),/.exec(line);
    if (!m) continue;
    const c = line.split(',');
    const utcMid = Date.UTC(2025, Number(m[2]) - 1, Number(m[3]), Number(m[4]), 30);
    push(w, utcMid + tz * 3_600_000, Math.max(0, Number(c[iG]) || 0), Number(c[iB]), Number(c[iD]), Number(c[iT]), iW >= 0 ? Number(c[iW]) : NaN);
  }
  if (w.timeMs.length < MIN_ROWS) return { ok: false, reason: 'too-few-rows', detail: `${w.timeMs.length} hourly rows` };
  return { ok: true, weather: w };
}

/** Chooses the parser by content (EPW starts with LOCATION), else by file name. */
export function parseWeatherFile(text: string, fileName: string): WeatherImportResult {
  if (/^LOCATION,/i.test(text.trimStart()) || fileName.toLowerCase().endsWith('.epw')) return parseEpw(text, fileName);
  return parsePvgisTmyCsv(text, fileName);
}
