import stationsJson from '../../data/climate/vn-stations.json';
import { MONTHLY_SYNTHESIS, dayOfYearOf, typicalMonth } from './monthly-weather';
import { sunPosition } from './sun-position';

/** A climate station of data/climate/vn-stations.json; monthly arrays start in January. */
export interface ClimateStation {
  id: string;
  name: string;
  nameVi: string;
  lat: number;
  lon: number;
  /** Mean daily global horizontal irradiation per month, kWh/m²/day. */
  ghiKWhM2Day: number[];
  /** Mean air temperature per month, °C. */
  tempC: number[];
}

export const CLIMATE_STATIONS: readonly ClimateStation[] = stationsJson.stations;

/** The station typical days come from; `distanceKm` when it was picked as the nearest. */
export interface WeatherStationOrigin {
  /** The station's ASCII id in vn-stations.json: the reader's language picks its name from it. */
  id?: string;
  name: string;
  distanceKm?: number;
}

/**
 * What the user reads as the weather source: an imported file's own source as it is, or the
 * station, the method and (when it was the nearest) the distance, in the reader's language.
 */
export function describeWeatherSource(weather: { source: string; station?: WeatherStationOrigin }, lang: 'en' | 'vi'): string {
  const origin = weather.station;
  if (!origin) return weather.source;
  const station = origin.id === undefined ? undefined : CLIMATE_STATIONS.find((s) => s.id === origin.id);
  const name = station ? (lang === 'vi' ? station.nameVi : station.name) : origin.name;
  const km = origin.distanceKm === undefined ? '' : Math.round(origin.distanceKm).toString();
  const n = MONTHLY_SYNTHESIS.daysPerMonth;
  if (lang === 'vi') return `${name} — khí hậu theo tháng, ${n} ngày điển hình mỗi tháng${km ? ` (trạm gần nhất, ${km} km)` : ''}`;
  return `${name} — monthly climate, ${n} typical days a month${km ? ` (nearest station, ${km} km)` : ''}`;
}

/**
 * Hourly weather for the simulation. Either a full year from a file (8,760 rows, weight 1) or
 * synthetic typical days, N a month × 24 h (weight = days in the month ÷ N). Arrays share one index.
 */
export interface HourlyWeather {
  /** Source in English, for logs and machine output; the UI shows `describeWeatherSource`. */
  source: string;
  /** For typical days made from a station's monthly climate: which station, and how far. */
  station?: WeatherStationOrigin;
  kind: 'monthly-synthesis' | 'hourly-file';
  lat: number;
  lon: number;
  /** UTC offset of the time stamps, hours (Viet Nam: 7). */
  utcOffsetH: number;
  /** UNIX ms (UTC) of the middle of each hour. */
  timeMs: number[];
  /** Month 0–11 and local hour 0–23 of each row. */
  month: number[];
  hour: number[];
  /** How many real hours each row stands for. */
  weight: number[];
  ghiWm2: number[];
  /** Beam normal and diffuse horizontal if the source gives them, else NaN (decomposed later). */
  dniWm2: number[];
  dhiWm2: number[];
  tempC: number[];
  /** Wind speed m/s; NaN = use the settings' wind speed. */
  windMs: number[];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Klein's (1977) recommended average day of each month (Duffie & Beckman, table 1.6.1). */
export const KLEIN_DAY_OF_MONTH = [17, 16, 16, 15, 15, 11, 17, 16, 15, 15, 14, 10];
/** Solar constant, W/m² (Duffie & Beckman 4th ed.). */
export const SOLAR_CONSTANT_WM2 = 1367;

/** Great-circle distance in km (haversine); enough to pick the nearest station. */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** The station nearest to a location, with its distance in km. */
export function nearestStation(lat: number, lon: number): { station: ClimateStation; distanceKm: number } {
  let best = CLIMATE_STATIONS[0];
  let bestKm = Infinity;
  for (const s of CLIMATE_STATIONS) {
    const d = distanceKm(lat, lon, s.lat, s.lon);
    if (d < bestKm) [best, bestKm] = [s, d];
  }
  return { station: best, distanceKm: bestKm };
}

/** Extraterrestrial irradiance on a horizontal surface, W/m², at a time and place. */
export function extraterrestrialHorizontalWm2(timeMs: number, lat: number, lon: number): number {
  const dayOfYear = Math.floor((timeMs - Date.UTC(new Date(timeMs).getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const g0n = SOLAR_CONSTANT_WM2 * (1 + 0.033 * Math.cos((2 * Math.PI * dayOfYear) / 365));
  const el = sunPosition(timeMs, lat, lon).elevationDeg;
  return el > 0 ? g0n * Math.sin((el * Math.PI) / 180) : 0;
}

/**
 * Typical days from monthly means (docs/solar-model.md §2.1, shared/solar/monthly-weather.ts):
 * for each month, `daysPerMonth` days on Klein's average day whose daily clearness follows the
 * month's distribution of clear and overcast days (Bendt et al. 1981), each standing for
 * (days in month) ÷ daysPerMonth days: 8,760 h in all. Global, beam and diffuse are given per hour
 * (Erbs 1982 monthly diffuse fraction, Collares-Pereira & Rabl and Liu & Jordan hourly ratios), so
 * the simulation uses them as it uses an hourly file's. The days' mean global is exactly the
 * monthly mean. Temperature follows a cosine with its maximum at 14:00 and a diurnal range of
 * `diurnalRangeC`. Year 2025, UTC+7.
 */
export function synthesizeTypicalDays(
  station: ClimateStation,
  lat: number,
  lon: number,
  options: { diurnalRangeC?: number; windMs?: number; utcOffsetH?: number; daysPerMonth?: number } = {},
): HourlyWeather {
  const { diurnalRangeC = 7, windMs, utcOffsetH = 7, daysPerMonth = MONTHLY_SYNTHESIS.daysPerMonth } = options;
  const w: HourlyWeather = {
    source: `${station.name} — monthly climate, ${daysPerMonth} typical days a month`,
    station: { id: station.id, name: station.name },
    kind: 'monthly-synthesis',
    lat,
    lon,
    utcOffsetH,
    timeMs: [],
    month: [],
    hour: [],
    weight: [],
    ghiWm2: [],
    dniWm2: [],
    dhiWm2: [],
    tempC: [],
    windMs: [],
  };
  for (let m = 0; m < 12; m++) {
    const times: number[] = [];
    const sinEl: number[] = [];
    for (let h = 0; h < 24; h++) {
      const t = Date.UTC(2025, m, KLEIN_DAY_OF_MONTH[m], h, 30) - utcOffsetH * 3_600_000;
      times.push(t);
      sinEl.push(Math.sin((sunPosition(t, lat, lon).elevationDeg * Math.PI) / 180));
    }
    const month = typicalMonth({ latDeg: lat, lonDeg: lon, utcOffsetH, dayOfYear: dayOfYearOf(m, KLEIN_DAY_OF_MONTH[m]), ghiKWhM2Day: station.ghiKWhM2Day[m], daysPerMonth });
    for (const day of month.days)
      for (let h = 0; h < 24; h++) {
        const ghi = day.ghiWm2[h];
        // The split's geometry (D&B) and the simulation's (SPA) agree to ~0.2°; an hour whose
        // midpoint the SPA puts below the horizon keeps its light, all of it diffuse.
        const dhi = sinEl[h] > 0 ? day.dhiWm2[h] : ghi;
        w.timeMs.push(times[h]);
        w.month.push(m);
        w.hour.push(h);
        w.weight.push(DAYS_IN_MONTH[m] / daysPerMonth);
        w.ghiWm2.push(ghi);
        w.dhiWm2.push(dhi);
        w.dniWm2.push(ghi > dhi ? (ghi - dhi) / sinEl[h] : 0);
        w.tempC.push(station.tempC[m] + (diurnalRangeC / 2) * Math.cos((2 * Math.PI * (h + 0.5 - 14)) / 24));
        w.windMs.push(windMs ?? NaN);
      }
  }
  return w;
}

export { DAYS_IN_MONTH };
