import { checkLimit, DEFAULT_LIMITS, LimitExceededError, type Limits } from '../limits';
import type { HourlyWeather } from './weather';
import { checkFields, checkWeatherYear, describeWeatherProblem, type WeatherProblem, type WeatherRecordTime } from './weather-validation';

/**
 * Hourly weather import (docs/solar-model.md §2.2): EnergyPlus EPW and PVGIS TMY CSV. Every
 * row is mapped onto the non-leap year 2025 (TMY files mix years by month), Feb 29 dropped.
 * Every field of every record is range-checked, every hour must come once, and the year as a
 * whole must be plausible (weather-validation.ts); a refusal carries the problem as data.
 */
export const WEATHER_IMPORT_ERRORS = ['unrecognised-format', 'too-few-rows', 'bad-location', 'out-of-range', 'duplicate-hour', 'implausible', 'too-many-rows'] as const;
export type WeatherImportError = (typeof WEATHER_IMPORT_ERRORS)[number];
/** `problem`: the field, record, value and bound, for describeWeatherProblem; `detail` is English, for logs. */
export type WeatherImportResult = { ok: true; weather: HourlyWeather } | { ok: false; reason: WeatherImportError; detail: string; problem?: WeatherProblem };

/** Thrown inside a parser at the first bad record; the parser returns it as a refusal. */
class WeatherRefusal extends Error {
  constructor(
    readonly reason: WeatherImportError,
    readonly problem: WeatherProblem,
  ) {
    super(describeWeatherProblem(problem, 'en'));
  }
}

function refuse(reason: WeatherImportError, problem: WeatherProblem): WeatherImportResult {
  return { ok: false, reason, detail: describeWeatherProblem(problem, 'en'), problem };
}

/** The hours of one file as they are read: each checked, each hour once. */
function yearBuilder(source: string, lat: number, lon: number, utcOffsetH: number, limits: Limits) {
  const w: HourlyWeather = { source, kind: 'hourly-file', lat, lon, utcOffsetH, timeMs: [], month: [], hour: [], weight: [], ghiWm2: [], dniWm2: [], dhiWm2: [], tempC: [], windMs: [] };
  const records: WeatherRecordTime[] = [];
  const lineOfHour = new Map<number, number>();
  let seen = 0;
  return {
    weather: w,
    records,
    /** One record; `localMidMs` is the middle of its hour in local standard time, as UTC ms of 2025. */
    push(line: number, localMidMs: number, values: { ghiWm2: number; dniWm2: number; dhiWm2: number; tempC: number; windMs: number }): void {
      seen += 1;
      checkLimit(limits, 'weather-records', seen);
      const d = new Date(localMidMs);
      const at: WeatherRecordTime = { line, month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours() };
      const outOfRange = checkFields(values, at);
      if (outOfRange) throw new WeatherRefusal('out-of-range', outOfRange);
      if (d.getUTCMonth() === 1 && d.getUTCDate() === 29) return;
      const firstLine = lineOfHour.get(localMidMs);
      if (firstLine !== undefined) throw new WeatherRefusal('duplicate-hour', { code: 'duplicate-hour', at, firstLine });
      lineOfHour.set(localMidMs, line);
      records.push(at);
      w.timeMs.push(localMidMs - w.utcOffsetH * 3_600_000);
      w.month.push(d.getUTCMonth());
      w.hour.push(d.getUTCHours());
      w.weight.push(1);
      w.ghiWm2.push(values.ghiWm2);
      w.dniWm2.push(values.dniWm2);
      w.dhiWm2.push(values.dhiWm2);
      w.tempC.push(values.tempC);
      w.windMs.push(values.windMs);
    },
  };
}

/** Reads the records with `read`, then judges the year: the weather, or the first problem met. */
function finishYear(read: () => ReturnType<typeof yearBuilder>): WeatherImportResult {
  let built: ReturnType<typeof yearBuilder>;
  try {
    built = read();
  } catch (error) {
    if (error instanceof WeatherRefusal) return refuse(error.reason, error.problem);
    if (error instanceof LimitExceededError) return refuse('too-many-rows', { code: 'limit', exceeded: error.exceeded });
    throw error;
  }
  const problem = checkWeatherYear(built.weather, built.records);
  if (problem?.code === 'hour-count') return refuse(problem.value < problem.min ? 'too-few-rows' : 'too-many-rows', problem);
  if (problem) return refuse('implausible', problem);
  return { ok: true, weather: built.weather };
}

/** Latitude and longitude against their bounds; the refusal, or null. */
function checkLocation(lat: number, lon: number): WeatherImportResult | null {
  const problem = checkFields({ latitudeDeg: lat, longitudeDeg: lon });
  return problem ? refuse('bad-location', problem) : null;
}

/** EnergyPlus weather file: LOCATION header; data hour h (1–24) is the hour ending at h, local standard time. */
export function parseEpw(text: string, fileName = 'weather.epw', limits: Limits = DEFAULT_LIMITS): WeatherImportResult {
  const lines = text.split(/\r?\n/);
  const loc = lines[0]?.split(',');
  if (!loc || loc[0].trim().toUpperCase() !== 'LOCATION' || loc.length < 10) return { ok: false, reason: 'unrecognised-format', detail: 'no LOCATION header line' };
  const lat = Number(loc[6]);
  const lon = Number(loc[7]);
  const tz = Number(loc[8]);
  if (![lat, lon, tz].every(Number.isFinite)) return { ok: false, reason: 'bad-location', detail: `LOCATION ${loc.slice(6, 9).join(',')}` };
  const badLocation = checkLocation(lat, lon);
  if (badLocation) return badLocation;
  return finishYear(() => {
    const year = yearBuilder(`${fileName} (EPW, ${loc[1].trim()})`, lat, lon, tz, limits);
    for (let index = 8; index < lines.length; index++) {
      const c = lines[index].split(',');
      if (c.length < 22) continue;
      const [month, day, hour] = [Number(c[1]), Number(c[2]), Number(c[3])];
      if (!(month >= 1 && month <= 12 && day >= 1 && hour >= 1 && hour <= 24)) continue;
      // EPW marks a missing value with 9999 (irradiance), 99.9 (temperature), 999 (wind): NaN here.
      const num = (i: number, missing: number) => {
        const v = Number(c[i]);
        return Number.isFinite(v) && v === missing ? NaN : v;
      };
      const ghi = num(13, 9999);
      year.push(index + 1, Date.UTC(2025, month - 1, day, hour - 1, 30), { ghiWm2: Number.isNaN(ghi) ? 0 : ghi, dniWm2: num(14, 9999), dhiWm2: num(15, 9999), tempC: num(6, 99.9), windMs: num(21, 999) });
    }
    return year;
  });
}

/**
 * PVGIS typical-meteorological-year CSV (https://re.jrc.ec.europa.eu/pvg_tools/en/, "TMY",
 * format csv): header lines with Latitude and Longitude, a table with columns
 * time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP and time stamps YYYYMMDD:HHMM (UTC,
 * start of the hour). Times are shifted to the zone of the longitude (UTC+7 in Viet Nam).
 */
export function parsePvgisTmyCsv(text: string, fileName = 'tmy.csv', limits: Limits = DEFAULT_LIMITS): WeatherImportResult {
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
  const badLocation = checkLocation(lat, lon);
  if (badLocation) return badLocation;
  const tz = Math.round(lon / 15);
  return finishYear(() => {
    const year = yearBuilder(`${fileName} (PVGIS TMY)`, lat, lon, tz, limits);
    for (let index = headerIndex + 1; index < lines.length; index++) {
      const m = /^(\d{4})(\d{2})(\d{2}):(\d{2})(\d{2}),/.exec(lines[index]);
      if (!m) continue;
      const c = lines[index].split(',');
      const utcMid = Date.UTC(2025, Number(m[2]) - 1, Number(m[3]), Number(m[4]), 30);
      // An empty or unreadable cell is missing (NaN, not checked); a number is held to its bounds.
      const cell = (i: number) => (i >= 0 && c[i] !== undefined && c[i].trim() !== '' ? Number(c[i]) : NaN);
      const ghi = cell(iG);
      year.push(index + 1, utcMid + tz * 3_600_000, { ghiWm2: Number.isNaN(ghi) ? 0 : ghi, dniWm2: cell(iB), dhiWm2: cell(iD), tempC: cell(iT), windMs: cell(iW) });
    }
    return year;
  });
}

/** Chooses the parser by content (EPW starts with LOCATION), else by file name. */
export function parseWeatherFile(text: string, fileName: string, limits: Limits = DEFAULT_LIMITS): WeatherImportResult {
  if (/^LOCATION,/i.test(text.trimStart()) || fileName.toLowerCase().endsWith('.epw')) return parseEpw(text, fileName, limits);
  return parsePvgisTmyCsv(text, fileName, limits);
}
