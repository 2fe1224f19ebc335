/**
 * Language-aware formatting and parsing of what a user reads and types: numbers, percentages,
 * dates. Numbers follow the UI language (vi: 1.234,5; en: 1,234.5) through Intl in strings.ts;
 * dates are written by hand so that they read the same in Chromium, Node and every ICU build.
 */
import { formatArea, formatBytes, formatNumber, type Lang } from './strings';

export { formatArea, formatBytes, formatNumber, type Lang };

/**
 * A number of unknown precision (a free attribute): as many decimals as it has, up to
 * `maxFractionDigits`, in the language's convention: vi "0,22", en "1,234.5".
 */
export function formatNumberAuto(lang: Lang, value: number, maxFractionDigits = 6): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A ratio 0–1 as a percentage, "12,5 %" (vi) / "12.5 %" (en); "—" for null or NaN. */
export function formatPercent(lang: Lang, ratio: number | null, fractionDigits = 1): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${formatNumber(lang, ratio * 100, fractionDigits)} %`;
}

/** Degrees of latitude/longitude with a hemisphere letter: "21,10000° N" (vi). */
export function formatLatLon(lang: Lang, lat: number, lon: number, fractionDigits = 6): string {
  const part = (v: number, pos: string, neg: string) => `${formatNumber(lang, Math.abs(v), fractionDigits)}° ${v >= 0 ? pos : neg}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar fields of a date. A date-only ISO string ("2026-01-15") is a calendar day, not
 * midnight UTC, so it never shifts by a day west of Greenwich; anything else is local time.
 */
function fields(date: Date | string): { y: number; m: number; d: number; hh: number; mm: number; ss: number } | null {
  if (typeof date === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (day) return { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]), hh: 0, mm: 0, ss: 0 };
  }
  const t = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(t.getTime())) return null;
  return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate(), hh: t.getHours(), mm: t.getMinutes(), ss: t.getSeconds() };
}

/**
 * A date as its reader writes it: vi "05/01/2026" (dd/mm/yyyy, as in Vietnamese documents);
 * en "5 Jan 2026" (month spelled, so no one reads it as 1 May). "—" for an invalid date.
 */
export function formatDate(lang: Lang, date: Date | string): string {
  const f = fields(date);
  if (!f) return '—';
  return lang === 'vi' ? `${pad2(f.d)}/${pad2(f.m)}/${f.y}` : `${f.d} ${MONTHS_EN[f.m - 1]} ${f.y}`;
}

/** Date and 24-hour local time: vi "05/01/2026 14:03"; en "5 Jan 2026, 14:03" (":27" more with `seconds`). */
export function formatDateTime(lang: Lang, date: Date | string, options: { seconds?: boolean } = {}): string {
  const f = fields(date);
  if (!f) return '—';
  const time = `${pad2(f.hh)}:${pad2(f.mm)}${options.seconds ? `:${pad2(f.ss)}` : ''}`;
  return lang === 'vi' ? `${formatDate(lang, date)} ${time}` : `${formatDate(lang, date)}, ${time}`;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a number typed in either convention, so that a value the UI pre-filled in the user's
 * language reads back, and so does the other habit: "1234,5" and "1.234,5" in vi, "1234.5" and
 * "1,234.5" in en, "12.5" in both. Separators: when both "." and "," occur, the last one is the
 * decimal mark; a lone separator followed by groups of exactly three digits (and no leading 0)
 * is the language's thousands mark ("1.000" is one thousand in vi, "1,000" in en); otherwise it is
 * the decimal mark. Spaces (also narrow/no-break ones) and "−" are accepted. Null if not a number.
 */
export function parseLocaleNumber(lang: Lang, text: string): number | null {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^−/, '-');
  if (s === '') return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [int, frac, ...more] = s.split(decimal);
    // The marks before the decimal one must group by threes: "1.234,5", not "12.34,5".
    if (more.length > 0 || !new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+$`).test(int)) return null;
    s = `${int.split(group).join('')}.${frac}`;
  } else {
    const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
    if (sep !== null) {
      const groupMark = lang === 'vi' ? '.' : ',';
      const grouping = new RegExp(`^[+-]?[1-9]\\d{0,2}(\\${sep}\\d{3})+$`);
      if (sep === groupMark && grouping.test(s)) s = s.split(sep).join('');
      else if (s.split(sep).length === 2) s = s.replace(sep, '.');
      else return null;
    }
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number for an editable field, in the user's language but without thousands marks (they get
 * in the way when editing): vi "1234,5", en "1234.5". Trailing zeros are dropped.
 */
export function formatEditableNumber(lang: Lang, value: number, maxFractionDigits = 6): string {
  if (!Number.isFinite(value)) return '';
  const text = String(Number(value.toFixed(maxFractionDigits)));
  return lang === 'vi' ? text.replace('.', ',') : text;
}
