/**
 * Language-aware formatting and parsing of what a user reads and types. Formatting (numbers,
 * areas, percentages, dates) is shared/format, the one module the report and the CLI use too;
 * what only the UI needs — reading numbers typed in either convention and pre-filling editable
 * fields — lives here.
 */
import type { Lang } from './strings';

export {
  formatArea,
  formatBytes,
  formatDate,
  formatDateTime,
  formatLatLon,
  formatNumber,
  formatNumberAuto,
  formatPercent,
} from '../../../shared/format';
export type { Lang };

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
