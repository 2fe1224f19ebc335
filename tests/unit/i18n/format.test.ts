import { describe, expect, it } from 'vitest';
import {
  formatArea,
  formatBytes,
  formatDate,
  formatDateTime,
  formatEditableNumber,
  formatLatLon,
  formatNumber,
  formatNumberAuto,
  formatPercent,
  parseLocaleNumber,
} from '../../../renderer/src/i18n/format';
import { formatNumber as reportNumber } from '../../../shared/report/format';
import { messages } from '../../../cli/i18n';
import { parseRectangleEntry, parseSegmentEntry } from '../../../renderer/src/drawing/numeric-entry';

// Every expectation below is written by hand from the conventions: Vietnamese groups thousands
// with "." and marks decimals with ","; English (en-GB) the reverse; vi dates dd/mm/yyyy.

describe('numbers in the UI language', () => {
  it('groups and marks decimals per language', () => {
    expect(formatNumber('vi', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatNumber('vi', 3347024.93)).toBe('3.347.025');
    expect(formatNumber('en', 3347024.93)).toBe('3,347,025');
    expect(formatNumber('vi', 0.5, 2)).toBe('0,50');
  });

  it('writes areas as m² and ha: the issue\'s example 1.234,5 m²', () => {
    expect(`${formatNumber('vi', 1234.5, 1)} m²`).toBe('1.234,5 m²');
    expect(`${formatNumber('en', 1234.5, 1)} m²`).toBe('1,234.5 m²');
    // 12 345 m² = 1.2345 ha → 1.23 ha.
    expect(formatArea('vi', 12345)).toBe('12.345 m² (1,23 ha)');
    expect(formatArea('en', 12345)).toBe('12,345 m² (1.23 ha)');
  });

  it('writes numbers of unknown precision with the decimals they have', () => {
    expect(formatNumberAuto('vi', 0.22)).toBe('0,22');
    expect(formatNumberAuto('en', 1234.5)).toBe('1,234.5');
    expect(formatNumberAuto('vi', 40)).toBe('40');
    expect(formatNumberAuto('vi', 1 / 3)).toBe('0,333333');
  });

  it('writes percentages, sizes and coordinates per language', () => {
    expect(formatPercent('vi', 0.12345, 1)).toBe('12,3 %');
    expect(formatPercent('en', 0.12345, 2)).toBe('12.35 %');
    expect(formatPercent('en', null)).toBe('—');
    // 1 536 000 bytes = 1.46484375 MiB.
    expect(formatBytes('vi', 1536000)).toBe('1,46 MB');
    expect(formatBytes('en', 2048)).toBe('2.0 KB');
    expect(formatLatLon('vi', 21.1, 106)).toBe('21,100000° N, 106,000000° E');
    expect(formatLatLon('en', -8.5, -70.25, 2)).toBe('8.50° S, 70.25° W');
  });

  it('agrees with the report and CLI formatter (hand-written, ICU-free) on positive numbers', () => {
    for (const [value, digits] of [[1234.5, 1], [3347024.927, 0], [0.1234, 3], [1000000.25, 2]] as const) {
      expect(formatNumber('vi', value, digits)).toBe(reportNumber(value, digits, 'vi'));
      expect(formatNumber('en', value, digits)).toBe(reportNumber(value, digits, 'en'));
    }
  });
});

describe('dates in the UI language', () => {
  // Local time, so the expectation holds in every time zone.
  const jan5 = new Date(2026, 0, 5, 14, 3);

  it('vi is dd/mm/yyyy; en spells the month', () => {
    expect(formatDate('vi', jan5)).toBe('05/01/2026');
    expect(formatDate('en', jan5)).toBe('5 Jan 2026');
    expect(formatDate('vi', new Date(2025, 11, 31))).toBe('31/12/2025');
    expect(formatDate('en', new Date(2025, 8, 9))).toBe('9 Sep 2025');
  });

  it('adds the 24-hour time', () => {
    expect(formatDateTime('vi', jan5)).toBe('05/01/2026 14:03');
    expect(formatDateTime('en', jan5)).toBe('5 Jan 2026, 14:03');
    expect(formatDateTime('vi', new Date(2026, 6, 4, 9, 5))).toBe('04/07/2026 09:05');
  });

  it('adds the seconds when asked (recovery copies of two tabs are seconds apart)', () => {
    const at = new Date(2026, 0, 5, 14, 3, 7);
    expect(formatDateTime('vi', at, { seconds: true })).toBe('05/01/2026 14:03:07');
    expect(formatDateTime('en', at, { seconds: true })).toBe('5 Jan 2026, 14:03:07');
  });

  it('reads a date-only ISO string as that calendar day, and says — for nonsense', () => {
    expect(formatDate('vi', '2026-01-15')).toBe('15/01/2026');
    expect(formatDate('en', '2026-01-15')).toBe('15 Jan 2026');
    expect(formatDate('en', 'not a date')).toBe('—');
    expect(formatDateTime('vi', new Date(2026, 1, 1, 8, 0).toISOString())).toBe('01/02/2026 08:00');
  });
});

describe('numbers typed by the user', () => {
  it.each([
    ['vi', '1234,5', 1234.5],
    ['vi', '1.234,5', 1234.5],
    ['vi', '1234.5', 1234.5],
    ['vi', '12,5', 12.5],
    ['vi', '12.5', 12.5],
    ['vi', '1.000', 1000],
    ['vi', '1.000.000', 1000000],
    ['vi', '0.125', 0.125],
    ['vi', '−3,5', -3.5],
    ['vi', ' 1 234,5 ', 1234.5],
    ['en', '1234.5', 1234.5],
    ['en', '1,234.5', 1234.5],
    ['en', '1234,5', 1234.5],
    ['en', '1,000', 1000],
    ['en', '0,5', 0.5],
    ['en', '-42', -42],
    ['en', '1e3', 1000],
  ] as const)('%s reads "%s" as %d', (lang, text, expected) => {
    expect(parseLocaleNumber(lang, text)).toBe(expected);
  });

  it.each([
    ['vi', ''],
    ['vi', 'abc'],
    ['vi', '12,5,3'],
    ['vi', '1,234.5,6'],
    ['en', '12.34,5'],
    ['en', '1.2.3'],
    ['en', '12 m'],
    ['en', 'Infinity'],
  ] as const)('%s refuses "%s"', (lang, text) => {
    expect(parseLocaleNumber(lang, text)).toBeNull();
  });

  it('reads back what the UI pre-fills in either language', () => {
    for (const value of [0, 0.15, 12.5, 1000, 1234.56, 250000]) {
      for (const lang of ['vi', 'en'] as const) {
        expect(parseLocaleNumber(lang, formatNumber(lang, value, 2))).toBeCloseTo(value, 9);
        expect(parseLocaleNumber(lang, formatEditableNumber(lang, value))).toBe(value);
      }
    }
    expect(formatEditableNumber('vi', 1234.5)).toBe('1234,5');
    expect(formatEditableNumber('en', 1234.5)).toBe('1234.5');
    expect(formatEditableNumber('vi', 0.1 + 0.2)).toBe('0,3');
  });
});

describe('CLI formatting', () => {
  it('numbers, percentages and UTC timestamps per language', () => {
    const vi = messages('vi');
    const en = messages('en');
    expect(vi.num(1234.5, 1)).toBe('1.234,5');
    expect(en.num(1234.5, 1)).toBe('1,234.5');
    expect(vi.pct(0.1223)).toBe('12,23 %');
    expect(en.pct(null)).toBe('—');
    expect(vi.dateTime('2026-01-15T08:00:00.000Z')).toBe('15/01/2026 08:00 UTC');
    expect(en.dateTime('2026-01-15T08:00:00.000Z')).toBe('15 Jan 2026, 08:00 UTC');
  });
});

describe('numeric entry while drawing (renderer/src/drawing/numeric-entry.ts)', () => {
  it('takes a Vietnamese decimal comma when "x" separates width and depth', () => {
    expect(parseRectangleEntry('12,5 x 30')).toEqual({ widthM: 12.5, depthM: 30 });
    expect(parseRectangleEntry('12,5×30,25')).toEqual({ widthM: 12.5, depthM: 30.25 });
    expect(parseRectangleEntry('12.5 x -30.5')).toEqual({ widthM: 12.5, depthM: -30.5 });
    // With a comma between the sizes, decimals take a dot (as before).
    expect(parseRectangleEntry('12.5,30')).toEqual({ widthM: 12.5, depthM: 30 });
    expect(parseRectangleEntry('120,80')).toEqual({ widthM: 120, depthM: 80 });
    expect(parseRectangleEntry('12,5,30')).toBeNull();
    expect(parseSegmentEntry('12,5<90')).toEqual({ lengthM: 12.5, angleDeg: 90 });
  });
});
