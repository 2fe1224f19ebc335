import { describe, expect, it } from 'vitest';
import { formatArea, formatBytes, formatDelta, formatHectares, formatLatLon, formatNumber, formatNumberAuto, formatPercent } from '../../../shared/format';

// Every expectation is written by hand from the conventions: Vietnamese groups thousands with
// "." and marks decimals with ","; English (en-GB) the reverse; a negative number takes the
// minus sign U+2212 ("−"), and a value that rounds to zero takes no sign at all.

describe('numbers', () => {
  it('group thousands and mark decimals per language', () => {
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatNumber('vi', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234)).toBe('1,234');
    expect(formatNumber('vi', 1234)).toBe('1.234');
    expect(formatNumber('en', 3347024.927)).toBe('3,347,025');
    expect(formatNumber('vi', 3347024.927, 2)).toBe('3.347.024,93');
    expect(formatNumber('vi', 0.5, 2)).toBe('0,50');
    expect(formatNumber('en', 999)).toBe('999');
  });

  it('round half away from zero on the number as written', () => {
    expect(formatNumber('en', 2.5)).toBe('3');
    expect(formatNumber('en', -2.5)).toBe('\u22123');
    expect(formatNumber('en', 0.125, 2)).toBe('0.13');
    // 1.005 is stored as 1.00499999999999989…; Intl rounds the shortest decimal that reads back
    // as it ("1.005"), as a reader would, where the old hand-written toFixed gave "1.00".
    expect(formatNumber('en', 1.005, 2)).toBe('1.01');
  });

  it('write negatives with U+2212 and never a negative zero', () => {
    expect(formatNumber('en', -1234.5, 2)).toBe('\u22121,234.50');
    expect(formatNumber('vi', -1234.5, 2)).toBe('\u22121.234,50');
    expect(formatNumber('en', -0.004, 2)).toBe('0.00');
    expect(formatNumber('vi', -0.004, 2)).toBe('0,00');
    expect(formatNumber('en', -0)).toBe('0');
    expect(formatNumber('en', -0.4)).toBe('0');
    expect(formatNumber('en', -0.006, 2)).toBe('\u22120.01');
  });

  it('write a dash for what is not a number', () => {
    expect(formatNumber('en', null, 1)).toBe('—');
    expect(formatNumber('vi', Number.NaN)).toBe('—');
    expect(formatNumber('en', Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('of unknown precision keep the decimals they have, up to the limit', () => {
    expect(formatNumberAuto('vi', 0.22)).toBe('0,22');
    expect(formatNumberAuto('en', 1234.5)).toBe('1,234.5');
    expect(formatNumberAuto('vi', 40)).toBe('40');
    expect(formatNumberAuto('vi', 1 / 3)).toBe('0,333333');
    expect(formatNumberAuto('en', -12.5)).toBe('\u221212.5');
    expect(formatNumberAuto('en', -1e-9)).toBe('0');
  });

  it('as differences carry their sign, and ±0 when they round to nothing', () => {
    expect(formatDelta('vi', 2.5, 1)).toBe('+2,5');
    expect(formatDelta('en', 1234.5, 1)).toBe('+1,234.5');
    expect(formatDelta('en', -0.4, 1)).toBe('\u22120.4');
    expect(formatDelta('en', 0.04, 1)).toBe('±0');
    expect(formatDelta('vi', -0.04, 1)).toBe('±0');
    expect(formatDelta('en', null, 1)).toBe('—');
  });
});

describe('areas, percentages, sizes, coordinates', () => {
  it('areas in m² with hectares', () => {
    // 12 345 m² = 1.2345 ha → 1.23 ha.
    expect(formatArea('vi', 12345)).toBe('12.345 m² (1,23 ha)');
    expect(formatArea('en', 12345)).toBe('12,345 m² (1.23 ha)');
    // 3 347 024.927 m² = 334.7024927 ha.
    expect(formatArea('en', 3347024.927)).toBe('3,347,025 m² (334.70 ha)');
    expect(formatHectares('vi', 15000)).toBe('1,50 ha');
    expect(formatHectares('en', 1_234_567, 1)).toBe('123.5 ha');
  });

  it('percentages from a ratio', () => {
    expect(formatPercent('en', 0.125)).toBe('12.5 %');
    expect(formatPercent('vi', 0.125)).toBe('12,5 %');
    expect(formatPercent('vi', 0.5, 2)).toBe('50,00 %');
    expect(formatPercent('en', -0.00001, 2)).toBe('0.00 %');
    expect(formatPercent('en', null)).toBe('—');
    expect(formatPercent('vi', Number.NaN)).toBe('—');
  });

  it('file sizes and coordinates', () => {
    // 1 536 000 bytes = 1.46484375 MiB; 2 048 bytes = 2 KiB.
    expect(formatBytes('vi', 1536000)).toBe('1,46 MB');
    expect(formatBytes('en', 2048)).toBe('2.0 KB');
    expect(formatBytes('en', 512)).toBe('512 B');
    expect(formatLatLon('vi', 21.1, 106)).toBe('21,100000° N, 106,000000° E');
    expect(formatLatLon('en', -8.5, -70.25, 2)).toBe('8.50° S, 70.25° W');
  });
});
