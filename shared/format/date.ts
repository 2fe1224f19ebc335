import { NO_VALUE, type FormatLang } from './number';

/*
 * Dates as a reader writes them, for every front end: vi "05/01/2026" (dd/mm/yyyy, as in
 * Vietnamese documents); en "5 Jan 2026" (the month spelled, so no one reads it as 1 May).
 * Written from the calendar fields rather than Intl.DateTimeFormat because ICU builds differ in
 * the abbreviations and separators they use for these two locales, and a report must read the
 * same from the desktop, the browser and the CLI.
 */

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number) => String(n).padStart(2, '0');

interface Fields {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

/** Options of formatDateTime. */
export interface DateTimeOptions {
  /** Add ":ss". */
  seconds?: boolean;
  /** Use UTC rather than local time, and say so (" UTC"): for stored timestamps in the CLI. */
  utc?: boolean;
}

/**
 * The calendar fields of a date. A date-only ISO string ("2026-01-15") is a calendar day, not
 * midnight UTC, so it never shifts by a day west of Greenwich; anything else is local time (or
 * UTC when asked).
 */
function fields(date: Date | string, utc: boolean): Fields | null {
  if (typeof date === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (day) return { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]), hh: 0, mm: 0, ss: 0 };
  }
  const t = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(t.getTime())) return null;
  return utc
    ? { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes(), ss: t.getUTCSeconds() }
    : { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate(), hh: t.getHours(), mm: t.getMinutes(), ss: t.getSeconds() };
}

function dayText(lang: FormatLang, f: Fields): string {
  return lang === 'vi' ? `${pad2(f.d)}/${pad2(f.m)}/${f.y}` : `${f.d} ${MONTHS_EN[f.m - 1]} ${f.y}`;
}

/** A calendar date: vi "05/01/2026", en "5 Jan 2026"; "—" for an invalid date. */
export function formatDate(lang: FormatLang, date: Date | string): string {
  const f = fields(date, false);
  return f ? dayText(lang, f) : NO_VALUE;
}

/**
 * Date and 24-hour time: vi "05/01/2026 14:03", en "5 Jan 2026, 14:03" (":27" more with
 * `seconds`, " UTC" more with `utc`); "—" for an invalid date.
 */
export function formatDateTime(lang: FormatLang, date: Date | string, options: DateTimeOptions = {}): string {
  const f = fields(date, options.utc === true);
  if (!f) return NO_VALUE;
  const time = `${pad2(f.hh)}:${pad2(f.mm)}${options.seconds ? `:${pad2(f.ss)}` : ''}${options.utc ? ' UTC' : ''}`;
  return lang === 'vi' ? `${dayText(lang, f)} ${time}` : `${dayText(lang, f)}, ${time}`;
}
