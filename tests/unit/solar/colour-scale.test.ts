import { describe, expect, it } from 'vitest';
import { colourOf, legendEntries } from '../../../renderer/src/panels/solar/colour-scale';
import { fmt } from '../../../renderer/src/panels/solar/format';
import { bandColour, bandIndex, bandRangeLabels, KWH_PER_M2_BANDS, NO_MODULES_COLOUR, SPECIFIC_YIELD_BANDS } from '../../../shared/solar/yield-bands';

describe('fixed roof colour bands (shared/solar/yield-bands.ts)', () => {
  it('specific yield: < 900, 900–1,000, …, ≥ 1,300 kWh/kWp, lower bound inclusive', () => {
    expect(SPECIFIC_YIELD_BANDS.breaks).toEqual([900, 1000, 1100, 1200, 1300]);
    expect(SPECIFIC_YIELD_BANDS.colours).toHaveLength(6);
    expect([899.9, 900, 999.9, 1000, 1150, 1299.9, 1300, 1800].map((v) => bandIndex(v, SPECIFIC_YIELD_BANDS))).toEqual([0, 1, 1, 2, 3, 4, 5, 5]);
    expect(bandIndex(0, SPECIFIC_YIELD_BANDS)).toBe(-1);
    expect(bandIndex(Number.NaN, SPECIFIC_YIELD_BANDS)).toBe(-1);
    expect(bandColour(0, SPECIFIC_YIELD_BANDS)).toBe(NO_MODULES_COLOUR);
  });

  it('not stretched to the park: roofs within 2 % of each other share one colour or two neighbours', () => {
    // The case: yields 1,030–1,050 kWh/kWp (a 2 % spread) were painted red to green.
    const yields = [1030, 1035, 1040, 1045, 1050];
    const colours = new Set(yields.map((y) => colourOf(y, SPECIFIC_YIELD_BANDS)));
    expect([...colours]).toEqual([SPECIFIC_YIELD_BANDS.colours[2]]);
    // Across a break: 990 and 1,010 are neighbours, never red against green.
    expect([bandIndex(990, SPECIFIC_YIELD_BANDS), bandIndex(1010, SPECIFIC_YIELD_BANDS)]).toEqual([1, 2]);
  });

  it('labels every band with its range in the UI number format, in both languages', () => {
    expect(bandRangeLabels(SPECIFIC_YIELD_BANDS, (v) => fmt('en', v))).toEqual(['< 900', '900 – 1,000', '1,000 – 1,100', '1,100 – 1,200', '1,200 – 1,300', '≥ 1,300']);
    const vi = legendEntries('specificYield', 'vi', (v) => fmt('vi', v));
    expect(vi.map((e) => e.range)).toEqual(['< 900', '900 – 1.000', '1.000 – 1.100', '1.100 – 1.200', '1.200 – 1.300', '≥ 1.300']);
    expect(vi[0].name).toBe('rất thấp');
    expect(legendEntries('specificYield', 'en', String)[5]).toEqual({ colour: '#1a9850', range: '≥ 1300', name: 'excellent' });
    expect(legendEntries('kwhPerM2Roof', 'en', String).map((e) => e.range)).toEqual(['< 80', '80 – 110', '110 – 140', '140 – 170', '170 – 200', '≥ 200']);
    expect(KWH_PER_M2_BANDS.names.vi).toHaveLength(KWH_PER_M2_BANDS.colours.length);
  });
});
