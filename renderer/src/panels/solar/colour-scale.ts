import { bandColour, bandRangeLabels, bandsFor, type ColourBands, type RoofResult } from '../../../../shared/solar';
import type { RoofMetric } from './solar-store';

/** The fixed bands of a metric (shared/solar/yield-bands.ts: the same for map, legend and report). */
export function bandsOf(metric: RoofMetric): ColourBands {
  return bandsFor(metric);
}

/** Colour of a roof on the fixed bands of its metric; grey without modules. */
export function colourOf(value: number, bands: ColourBands): string {
  return bandColour(value, bands);
}

export function metricValue(b: RoofResult, metric: RoofMetric): number {
  return metric === 'specificYield' ? b.specificYield : b.kwhPerM2Roof;
}

/** One legend row: colour, range in the UI's number format and the band's name. */
export interface LegendEntry {
  colour: string;
  range: string;
  name: string;
}

/** Legend rows of a metric's fixed bands, poor to good, in the UI language. */
export function legendEntries(metric: RoofMetric, lang: 'en' | 'vi', format: (v: number) => string): LegendEntry[] {
  const bands = bandsOf(metric);
  const ranges = bandRangeLabels(bands, format);
  return bands.colours.map((colour, k) => ({ colour, range: ranges[k], name: bands.names[lang][k] }));
}
