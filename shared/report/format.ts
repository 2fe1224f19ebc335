import type { ReportLang } from './types';

/**
 * A number as the report's reader writes it: Vietnamese groups thousands with "." and uses ","
 * for decimals; English the reverse. Written by hand (not Intl) so the CLI, the worker and the
 * tests agree byte for byte whatever ICU data the runtime ships.
 */
export function formatNumber(value: number | null, digits: number, lang: ReportLang): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const fixed = Math.abs(value).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const group = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '−' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

/** A signed difference (+1.2 / −0.4 / ±0). */
export function formatDelta(value: number | null, digits: number, lang: ReportLang): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (Number(Math.abs(value).toFixed(digits)) === 0) return '±0';
  return value > 0 ? `+${formatNumber(value, digits, lang)}` : formatNumber(value, digits, lang);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date (ISO "2026-01-15") as the reader writes it: "15/01/2026" in Vietnamese,
 * "15 Jan 2026" in English (unambiguous either side of the Atlantic). By hand, like numbers.
 */
export function formatDate(isoDate: string, lang: ReportLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return lang === 'vi' ? `${day}/${month}/${year}` : `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}
