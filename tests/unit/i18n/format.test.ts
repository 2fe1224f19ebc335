import { describe, expect, it } from 'vitest';
import { formatEditableNumber, formatNumber, parseLocaleNumber } from '../../../renderer/src/i18n/format';
import { messages } from '../../../cli/i18n';
import { parseRectangleEntry, parseSegmentEntry } from '../../../renderer/src/drawing/numeric-entry';

// Every expectation below is written by hand from the conventions: Vietnamese groups thousands
// with "." and marks decimals with ","; English (en-GB) the reverse. The formatting itself
// (numbers, areas, percentages, dates) is shared/format, tested in tests/unit/format.

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
