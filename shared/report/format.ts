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
