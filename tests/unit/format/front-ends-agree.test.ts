import { describe, expect, it } from 'vitest';
import { messages } from '../../../cli/i18n';
import { formatNumber as uiNumber } from '../../../renderer/src/i18n/strings';
import { formatPercent as uiPercent } from '../../../renderer/src/i18n/format';
import { fmt as solarPanelNumber } from '../../../renderer/src/panels/solar/format';
import { cellText as reportCell } from '../../../shared/report/pdf/table';

/*
 * Issue 12: the UI (Intl) wrote -0.004 as "-0.00" and -1234.5 as "-1,234.50" while the report
 * and the CLI (by hand) wrote "0.00" and "−1,234.50". All three now go through shared/format;
 * this checks each front end's own entry point gives the same string for the same value.
 * The agreed form: no sign on a value that rounds to zero, U+2212 on negatives.
 */
const cases: [value: number, digits: number, en: string, vi: string][] = [
  [-0.004, 2, '0.00', '0,00'],
  [-1234.5, 2, '\u22121,234.50', '\u22121.234,50'],
  [-1234.5, 1, '\u22121,234.5', '\u22121.234,5'],
  [3347024.927, 0, '3,347,025', '3.347.025'],
  [0.1234, 3, '0.123', '0,123'],
];

describe('the UI, the report and the CLI write numbers alike', () => {
  it.each(cases)('%d with %d decimals', (value, digits, en, vi) => {
    for (const [lang, expected] of [['en', en], ['vi', vi]] as const) {
      expect(uiNumber(lang, value, digits)).toBe(expected);
      expect(solarPanelNumber(lang, value, digits)).toBe(expected);
      expect(reportCell({ t: 'num', v: value, digits }, lang)).toBe(expected);
      expect(messages(lang).num(value, digits)).toBe(expected);
    }
  });

  it('and percentages', () => {
    expect(uiPercent('vi', -0.00001, 2)).toBe('0,00 %');
    expect(messages('vi').pct(-0.00001)).toBe('0,00 %');
    expect(uiPercent('en', 0.1223, 2)).toBe(messages('en').pct(0.1223));
    expect(messages('en').pct(0.1223)).toBe('12.23 %');
  });
});
