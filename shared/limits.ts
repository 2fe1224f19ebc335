import { fillPlaceholders } from './i18n/fill-placeholders';

/**
 * Every limit a reader of outside input enforces, as data in one place (DESIGN.md §4: input is
 * hostile until checked). Readers take a `Limits` (defaults below, possibly raised by the user)
 * and return a `LimitExceeded` instead of running out of time or memory; the UI, the CLI and the
 * report turn it into one sentence naming the limit and the value with `describeLimitExceeded`.
 *
 * The defaults are set well above anything a real park file holds (the 5,000-feature bench park
 * has ~40,000 vertices; a survey DXF of a 1,000 ha site a few hundred thousand) and well below
 * what exhausts a 32-bit-string JavaScript engine or a desktop's memory.
 */

const MiB = 1024 * 1024;

/** Units a limit is counted in; they decide how its values are written. */
export type LimitUnit = 'bytes' | 'count' | 'chars' | 'levels' | 'pixels';

export interface LimitSpec {
  /** The default maximum (inclusive). */
  max: number;
  unit: LimitUnit;
  /** What is counted, as a noun phrase in each language (after "the …"). */
  en: string;
  vi: string;
  /** Whether a user may raise it (`--limit id=value` in the CLI, Settings in the app). */
  raisable: boolean;
}

/** The limits by id; ids are kebab-case so they read as CLI option values. */
export const LIMIT_SPECS = {
  'archive-entries': { max: 65_535, unit: 'count', en: 'number of entries in a zip archive', vi: 'số mục trong một tệp zip', raisable: false },
  'archive-entry-inflated-bytes': { max: 256 * MiB, unit: 'bytes', en: 'uncompressed size of one zip entry', vi: 'dung lượng giải nén của một mục trong tệp zip', raisable: true },
  'archive-inflated-bytes': { max: 1024 * MiB, unit: 'bytes', en: 'uncompressed size of the entries read from one zip archive', vi: 'tổng dung lượng giải nén của các mục đọc từ một tệp zip', raisable: true },
  'tile-inflated-bytes': { max: 16 * MiB, unit: 'bytes', en: 'uncompressed size of one map tile', vi: 'dung lượng giải nén của một ô bản đồ', raisable: false },
  'tile-metadata-inflated-bytes': { max: 8 * MiB, unit: 'bytes', en: 'uncompressed size of a map file’s metadata', vi: 'dung lượng giải nén của siêu dữ liệu tệp bản đồ', raisable: false },
  'features-per-file': { max: 1_000_000, unit: 'count', en: 'number of features in one file', vi: 'số đối tượng trong một tệp', raisable: true },
  'vertices-per-feature': { max: 1_000_000, unit: 'count', en: 'number of vertices of one feature', vi: 'số đỉnh của một đối tượng', raisable: true },
  'vertices-per-file': { max: 10_000_000, unit: 'count', en: 'number of vertices in one file', vi: 'số đỉnh trong một tệp', raisable: true },
  'attribute-chars': { max: 65_536, unit: 'chars', en: 'length of one attribute value', vi: 'độ dài một giá trị thuộc tính', raisable: true },
  'attributes-per-feature': { max: 1_000, unit: 'count', en: 'number of attributes of one feature', vi: 'số thuộc tính của một đối tượng', raisable: false },
  'nesting-depth': { max: 256, unit: 'levels', en: 'nesting depth of the document', vi: 'độ sâu lồng nhau của tài liệu', raisable: false },
  'image-pixels': { max: 100_000_000, unit: 'pixels', en: 'number of pixels of an image', vi: 'số điểm ảnh của một ảnh', raisable: true },
  'weather-records': { max: 10_000, unit: 'count', en: 'number of hourly records in a weather file', vi: 'số bản ghi theo giờ trong một tệp thời tiết', raisable: false },
} as const satisfies Record<string, LimitSpec>;

export type LimitId = keyof typeof LIMIT_SPECS;
export const LIMIT_IDS = Object.keys(LIMIT_SPECS) as LimitId[];

/** The maxima in force: the defaults, or the defaults with some raised by the user. */
export type Limits = Readonly<Record<LimitId, number>>;

export const DEFAULT_LIMITS: Limits = Object.fromEntries(LIMIT_IDS.map((id) => [id, LIMIT_SPECS[id].max])) as Record<LimitId, number>;

/** A limit that was exceeded, as data: which one, the maximum in force and the value met. */
export interface LimitExceeded {
  reason: 'limit_exceeded';
  limit: LimitId;
  max: number;
  /** The value met; for streamed input, the point at which reading stopped (a lower bound). */
  value: number;
  /** Where in the input (file or entry name, feature number), when known. */
  where?: string;
  /** Reading stopped at `value` (a streamed inflate): the real size is at least that, maybe much more. */
  streamed?: true;
}

export const limitExceeded = (limit: LimitId, max: number, value: number, where?: string): LimitExceeded =>
  where === undefined ? { reason: 'limit_exceeded', limit, max, value } : { reason: 'limit_exceeded', limit, max, value, where };

/** A limit met while streaming (inflating): `value` is where reading stopped, not the whole size. */
export const streamedLimitExceeded = (limit: LimitId, max: number, value: number, where?: string): LimitExceeded => ({
  ...limitExceeded(limit, max, value, where),
  streamed: true,
});

export function isLimitExceeded(value: unknown): value is LimitExceeded {
  return typeof value === 'object' && value !== null && (value as { reason?: unknown }).reason === 'limit_exceeded';
}

/**
 * Thrown inside a reader to unwind deep work (a parser loop, a streamed inflate) when a limit is
 * met; every public reader catches it at its boundary and returns the `LimitExceeded` as data.
 */
export class LimitExceededError extends Error {
  constructor(readonly exceeded: LimitExceeded) {
    super(describeLimitExceeded(exceeded, 'en'));
    this.name = 'LimitExceededError';
  }
}

/** Throws a LimitExceededError when `value` passes the maximum in force. */
export function checkLimit(limits: Limits, limit: LimitId, value: number, where?: string): void {
  if (value > limits[limit]) throw new LimitExceededError(limitExceeded(limit, limits[limit], value, where));
}

export type LimitsOverride = Partial<Record<LimitId, number>>;

export type ParseLimitResult = { ok: true; limits: Limits } | { ok: false; reason: 'unknown_limit' | 'not_raisable' | 'bad_value'; detail: string };

/** Raises limits from `id=value` settings (the CLI's `--limit`); a limit is never lowered below zero or set for an unknown id. */
export function raiseLimits(base: Limits, settings: readonly string[]): ParseLimitResult {
  const next: Record<LimitId, number> = { ...base };
  for (const setting of settings) {
    const match = /^([a-z-]+)=(\d+(?:\.\d+)?)([kKmMgG]?)$/.exec(setting.trim());
    if (!match) return { ok: false, reason: 'bad_value', detail: setting };
    const id = match[1] as LimitId;
    if (!Object.hasOwn(LIMIT_SPECS, id)) return { ok: false, reason: 'unknown_limit', detail: match[1] };
    if (!LIMIT_SPECS[id].raisable) return { ok: false, reason: 'not_raisable', detail: id };
    const scale = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[match[3].toLowerCase() as '' | 'k' | 'm' | 'g'];
    const value = Math.floor(Number(match[2]) * scale);
    if (!Number.isFinite(value) || value <= 0) return { ok: false, reason: 'bad_value', detail: setting };
    next[id] = value;
  }
  return { ok: true, limits: next };
}

export type LimitLang = 'en' | 'vi';

const UNIT_WORDS: Record<LimitLang, Record<LimitUnit, string>> = {
  en: { bytes: 'bytes', count: '', chars: 'characters', levels: 'levels', pixels: 'pixels' },
  vi: { bytes: 'byte', count: '', chars: 'ký tự', levels: 'cấp', pixels: 'điểm ảnh' },
};

/** A count with thousands separators in the reader's convention (1,048,576 · 1.048.576). */
function groupDigits(value: number, lang: LimitLang): string {
  const digits = String(Math.round(value));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

/** A limit value with its unit; bytes also in MiB so a person can judge them. */
export function formatLimitValue(limit: LimitId, value: number, lang: LimitLang): string {
  const unit = LIMIT_SPECS[limit].unit;
  const plain = `${groupDigits(value, lang)}${UNIT_WORDS[lang][unit] ? ` ${UNIT_WORDS[lang][unit]}` : ''}`;
  if (unit !== 'bytes' || value < MiB) return plain;
  const mib = (value / MiB).toFixed(value >= 100 * MiB ? 0 : 1);
  return `${plain} (${lang === 'vi' ? mib.replace('.', ',') : mib} MiB)`;
}

const SENTENCES: Record<LimitLang, { over: string; streamed: string; where: string; raise: string }> = {
  en: {
    over: 'The {what} is {value}, more than the limit of {max}',
    streamed: 'The {what} passed the limit of {max} (reading stopped at {value})',
    where: ' in {where}',
    raise: '; if the file is genuine, raise the limit with --limit {id}=N.',
  },
  vi: {
    over: '{What} là {value}, vượt giới hạn {max}',
    streamed: '{What} vượt giới hạn {max} (dừng đọc ở {value})',
    where: ' trong {where}',
    raise: '; nếu tệp là tệp thật, hãy nâng giới hạn bằng --limit {id}=N.',
  },
};

/**
 * One sentence naming the limit and the value, in the reader's language. `raiseHint` adds how to
 * raise it (the CLI's option) for limits a user may raise.
 */
export function describeLimitExceeded(exceeded: LimitExceeded, lang: LimitLang, options: { raiseHint?: boolean } = {}): string {
  const spec = LIMIT_SPECS[exceeded.limit];
  const s = SENTENCES[lang];
  const what = lang === 'en' ? spec.en : spec.vi;
  const params = {
    what,
    What: what.charAt(0).toUpperCase() + what.slice(1),
    value: formatLimitValue(exceeded.limit, exceeded.value, lang),
    max: formatLimitValue(exceeded.limit, exceeded.max, lang),
    where: exceeded.where ?? '',
    id: exceeded.limit,
  };
  let text = fillPlaceholders(exceeded.streamed ? s.streamed : s.over, params);
  if (exceeded.where) text += fillPlaceholders(s.where, params);
  text += spec.raisable && options.raiseHint ? fillPlaceholders(s.raise, params) : '.';
  return text;
}

/**
 * Physical bounds of every hourly weather field a weather file may carry (EPW, PVGIS TMY).
 * Hourly means at the ground never reach the solar constant (1,361 W/m², Kopp & Lean 2011);
 * cloud enhancement lifts GHI above clear sky for minutes, not for an hourly mean, so 1,400 W/m²
 * is a safe ceiling for GHI, DNI and the diffuse part alike. Temperature and wind bounds sit
 * outside the world records (−89.2 °C, 56.7 °C; 113 m/s gust) with room to spare.
 */
export const WEATHER_FIELD_BOUNDS = {
  ghiWm2: { min: 0, max: 1400, en: 'global horizontal irradiance', vi: 'bức xạ tổng trên mặt ngang', unit: 'W/m²' },
  dniWm2: { min: 0, max: 1400, en: 'direct normal irradiance', vi: 'bức xạ trực tiếp pháp tuyến', unit: 'W/m²' },
  dhiWm2: { min: 0, max: 1400, en: 'diffuse horizontal irradiance', vi: 'bức xạ khuếch tán trên mặt ngang', unit: 'W/m²' },
  tempC: { min: -90, max: 60, en: 'air temperature', vi: 'nhiệt độ không khí', unit: '°C' },
  windMs: { min: 0, max: 120, en: 'wind speed', vi: 'tốc độ gió', unit: 'm/s' },
  latitudeDeg: { min: -90, max: 90, en: 'latitude', vi: 'vĩ độ', unit: '°' },
  longitudeDeg: { min: -180, max: 180, en: 'longitude', vi: 'kinh độ', unit: '°' },
} as const;

/**
 * Plausibility of a weather year as a whole: the yearly GHI sum anywhere on Earth lies between
 * ~700 kWh/m² (cloudy high latitudes) and ~2,700 kWh/m² (Atacama); a file outside a wider band
 * than that is not a real year. A typical year has 8,760 hours (8,784 in a leap year).
 */
export const WEATHER_YEAR_BOUNDS = {
  annualGhiKwhM2: { min: 400, max: 3000 },
  hours: { min: 8760, max: 8784 },
} as const;
