import { fillPlaceholders } from '../i18n/fill-placeholders';
import { describeLimitExceeded, WEATHER_FIELD_BOUNDS, WEATHER_YEAR_BOUNDS, type LimitExceeded } from '../limits';
import { formatNumber } from '../format';
import { extraterrestrialHorizontalWm2, type HourlyWeather } from './weather';

/**
 * What makes a weather file unusable, as data (DESIGN.md §4): a field outside its physical
 * bounds (WEATHER_FIELD_BOUNDS), an hour given twice, sun on the ground at night or above the
 * top of the atmosphere, or a year that is not a year (WEATHER_YEAR_BOUNDS). Each problem names
 * the field, the record, the value and the bound; `describeWeatherProblem` words it in English
 * or Vietnamese for the UI and the CLI alike.
 */

export type WeatherFieldId = keyof typeof WEATHER_FIELD_BOUNDS;

/** A record of the file: its line (1-based) and its hour in local standard time (month 1–12, hour 0–23 = start). */
export interface WeatherRecordTime {
  line: number;
  month: number;
  day: number;
  hour: number;
}

export type WeatherProblem =
  | { code: 'out-of-range'; field: WeatherFieldId; value: number; min: number; max: number; at?: WeatherRecordTime }
  | { code: 'duplicate-hour'; at: WeatherRecordTime; firstLine: number }
  /** GHI while the sun stays below the horizon through the hour and the half hour either side. */
  | { code: 'irradiance-at-night'; value: number; max: number; at: WeatherRecordTime }
  /** GHI above the extraterrestrial horizontal irradiance at any moment of that window. */
  | { code: 'above-extraterrestrial'; value: number; max: number; at: WeatherRecordTime }
  | { code: 'hour-count'; value: number; min: number; max: number }
  | { code: 'annual-ghi'; value: number; min: number; max: number }
  | { code: 'limit'; exceeded: LimitExceeded };

/**
 * Tolerances of the irradiance plausibility check. Time stamps differ between sources (EPW marks
 * the hour's end, PVGIS its start, some files the middle), so the sun is looked for half an hour
 * either side of the hour, every 10 minutes; pyranometers read a few W/m² at night (thermal
 * offset, WMO-No. 8 (2018) Vol. I §7.3.2.2: up to ~10 W/m² for class-2 instruments).
 */
export const IRRADIANCE_PLAUSIBILITY = { windowMinutes: 30, stepMinutes: 10, toleranceWm2: 10 } as const;

/** The first field of a record outside its bounds, or null; missing values (NaN) are not checked. */
export function checkFields(values: Partial<Record<WeatherFieldId, number>>, at?: WeatherRecordTime): WeatherProblem | null {
  for (const [field, value] of Object.entries(values) as [WeatherFieldId, number][]) {
    const { min, max } = WEATHER_FIELD_BOUNDS[field];
    if (!Number.isNaN(value) && !(value >= min && value <= max)) return at ? { code: 'out-of-range', field, value, min, max, at } : { code: 'out-of-range', field, value, min, max };
  }
  return null;
}

/** Highest extraterrestrial horizontal irradiance within the hour of `midMs` and its window, W/m². */
function highestExtraterrestrialWm2(midMs: number, lat: number, lon: number): number {
  const { windowMinutes, stepMinutes } = IRRADIANCE_PLAUSIBILITY;
  const reach = 30 + windowMinutes;
  let highest = 0;
  for (let minutes = -reach; minutes <= reach; minutes += stepMinutes) highest = Math.max(highest, extraterrestrialHorizontalWm2(midMs + minutes * 60_000, lat, lon));
  return highest;
}

/** Irradiance against the sun for each record, then the year as a whole; the first problem found, or null. */
export function checkWeatherYear(w: HourlyWeather, records: readonly WeatherRecordTime[]): WeatherProblem | null {
  const { toleranceWm2 } = IRRADIANCE_PLAUSIBILITY;
  for (let i = 0; i < w.ghiWm2.length; i++) {
    const ghi = w.ghiWm2[i];
    if (!(ghi > toleranceWm2)) continue;
    const ceiling = highestExtraterrestrialWm2(w.timeMs[i], w.lat, w.lon);
    if (ceiling === 0) return { code: 'irradiance-at-night', value: ghi, max: toleranceWm2, at: records[i] };
    if (ghi > ceiling + toleranceWm2) return { code: 'above-extraterrestrial', value: ghi, max: Math.round(ceiling), at: records[i] };
  }
  const hours = WEATHER_YEAR_BOUNDS.hours;
  if (w.timeMs.length < hours.min || w.timeMs.length > hours.max) return { code: 'hour-count', value: w.timeMs.length, min: hours.min, max: hours.max };
  const annual = WEATHER_YEAR_BOUNDS.annualGhiKwhM2;
  const annualKwhM2 = w.ghiWm2.reduce((sum, g) => sum + g, 0) / 1000;
  if (annualKwhM2 < annual.min || annualKwhM2 > annual.max) return { code: 'annual-ghi', value: Math.round(annualKwhM2), min: annual.min, max: annual.max };
  return null;
}

type Lang = 'en' | 'vi';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const SENTENCES: Record<Lang, Record<Exclude<WeatherProblem['code'], 'limit'> | 'at', string>> = {
  en: {
    at: ' on line {line} ({day} {monthName}, {from}–{to} local time)',
    'out-of-range': 'the {field} is {value} {unit}{at}, outside the physical bounds {min} to {max} {unit}',
    'duplicate-hour': 'the hour{at} is given again (first on line {firstLine}); each hour of the year must appear once',
    'irradiance-at-night': 'the global horizontal irradiance is {value} W/m²{at} while the sun is below the horizon (at most {max} W/m² is plausible)',
    'above-extraterrestrial': 'the global horizontal irradiance is {value} W/m²{at}, above the {max} W/m² that reaches the top of the atmosphere there and then',
    'hour-count': 'the file has {value} distinct hours; a year has {min} to {max}',
    'annual-ghi': 'the year’s global horizontal irradiation is {value} kWh/m², outside the {min} to {max} kWh/m² of any place on Earth',
  },
  vi: {
    at: ' ở dòng {line} (ngày {day}/{month}, {from}–{to} giờ địa phương)',
    'out-of-range': '{field} là {value} {unit}{at}, ngoài giới hạn vật lý {min} đến {max} {unit}',
    'duplicate-hour': 'giờ{at} bị lặp lại (lần đầu ở dòng {firstLine}); mỗi giờ trong năm chỉ được có một lần',
    'irradiance-at-night': 'bức xạ tổng trên mặt ngang là {value} W/m²{at} trong khi mặt trời ở dưới đường chân trời (hợp lý là tối đa {max} W/m²)',
    'above-extraterrestrial': 'bức xạ tổng trên mặt ngang là {value} W/m²{at}, cao hơn {max} W/m² tới đỉnh khí quyển ở nơi và lúc đó',
    'hour-count': 'tệp có {value} giờ khác nhau; một năm có từ {min} đến {max} giờ',
    'annual-ghi': 'tổng xạ năm trên mặt ngang là {value} kWh/m², ngoài khoảng {min} đến {max} kWh/m² của mọi nơi trên Trái Đất',
  },
};

const clock = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;

/** One clause (no capital, no full stop) naming the problem, the record, the value and the bound. */
export function describeWeatherProblem(problem: WeatherProblem, lang: Lang): string {
  if (problem.code === 'limit') return describeLimitExceeded(problem.exceeded, lang).replace(/\.$/, '');
  const s = SENTENCES[lang];
  const num = (v: number) => formatNumber(lang, v, Number.isInteger(v) ? 0 : 1);
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) if (typeof value === 'number') params[key] = num(value);
  if ('at' in problem && problem.at) {
    const { line, month, day, hour } = problem.at;
    params.at = fillPlaceholders(s.at, { line: num(line), day, month, monthName: MONTHS_EN[month - 1], from: clock(hour), to: clock(hour + 1) });
  } else params.at = '';
  if (problem.code === 'out-of-range') {
    const bounds = WEATHER_FIELD_BOUNDS[problem.field];
    params.field = lang === 'en' ? bounds.en : bounds.vi;
    params.unit = bounds.unit;
  }
  return fillPlaceholders(s[problem.code], params);
}
