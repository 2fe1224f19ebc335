import { describe, expect, it } from 'vitest';
import { formatRatio, formatRuleValue } from '../../../renderer/src/panels/analysis/format';

// Expected strings written by hand from the locale conventions (en-GB: 1,234.56; vi-VN: 1.234,56).
describe('analysis number formats', () => {
  it('ratios as percentages', () => {
    expect(formatRatio('en', 0.122317, 2)).toBe('12.23 %');
    expect(formatRatio('vi', 0.122317, 2)).toBe('12,23 %');
    expect(formatRatio('en', null)).toBe('—');
    expect(formatRatio('en', NaN)).toBe('—');
  });
  it('rule values in their unit', () => {
    expect(formatRuleValue('en', { unit: 'ratio' }, 0.1)).toBe('10.00 %');
    expect(formatRuleValue('en', { unit: 'm' }, 1234.5)).toBe('1,234.50 m');
    expect(formatRuleValue('vi', { unit: 'm' }, 1234.5)).toBe('1.234,50 m');
    expect(formatRuleValue('en', { unit: 'factor' }, 2.5)).toBe('2.50');
    expect(formatRuleValue('en', { unit: 'count' }, 3)).toBe('3');
    expect(formatRuleValue('en', { unit: 'count' }, null)).toBe('—');
  });
});
