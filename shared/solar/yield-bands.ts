/**
 * Fixed colour bands for roof results, shared by the map, its legend and the report
 * (docs/solar-model.md §5.1). Fixed, not stretched to the current park: a park whose roofs all
 * yield within 2 % of each other is painted in one or two colours, and the same colour means
 * the same yield in every park and every scenario.
 */

/** Bands of one metric: `breaks` ascending; band k holds breaks[k − 1] ≤ v < breaks[k]. */
export interface ColourBands {
  metric: 'specificYield' | 'kwhPerM2Roof';
  /** Unit of the breaks as the legend shows it. */
  unit: string;
  /** Inner breaks, ascending; there are breaks.length + 1 bands. */
  breaks: readonly number[];
  /** One colour per band, from poor to good. */
  colours: readonly string[];
  /** Short names per band, poor to good. */
  names: { en: readonly string[]; vi: readonly string[] };
  /** Why these breaks. */
  basis: string;
}

/** ColorBrewer RdYlGn, 6 classes (Brewer & Harrower, colorbrewer2.org): diverging, print-safe. */
const RD_YL_GN_6 = ['#d73027', '#fc8d59', '#fee08b', '#d9ef8b', '#91cf60', '#1a9850'] as const;
const NAMES = {
  en: ['very low', 'low', 'fair', 'good', 'very good', 'excellent'],
  vi: ['rất thấp', 'thấp', 'trung bình', 'khá', 'tốt', 'rất tốt'],
} as const;

/** Colour of a roof that carries no modules (or no result). */
export const NO_MODULES_COLOUR = '#9e9e9e';

/**
 * Specific yield, kWh/kWp/year. Viet Nam spans about 1,000–1,100 kWh/kWp for a well-placed
 * system in the north (Hà Nội) to 1,300–1,450 on the south-central coast and in the south
 * (Global Solar Atlas PVOUT ranges, read as approximate; standards.md §4). Steps of 100
 * (≈ 8–10 %) separate climate regions and real shading; below 900 a roof is heavily shaded or
 * badly oriented anywhere in the country.
 */
export const SPECIFIC_YIELD_BANDS: ColourBands = {
  metric: 'specificYield',
  unit: 'kWh/kWp',
  breaks: [900, 1000, 1100, 1200, 1300],
  colours: RD_YL_GN_6,
  names: NAMES,
  basis: 'Fixed 100 kWh/kWp steps across the range of rooftop PV in Viet Nam (≈ 1,000 north to ≈ 1,400 south); < 900 = heavily shaded or badly oriented',
};

/**
 * Energy per m² of footprint, kWh/m²/year: specific yield × kWp per m² of roof. With the
 * defaults a large flat roof carries about 0.8 (usable share) × 0.87 (GCR) × 0.21 kW/m² ≈ 0.15
 * kWp/m², so 1,100 kWh/kWp gives ≈ 160 kWh/m²; bands of 30 kWh/m² around that.
 */
export const KWH_PER_M2_BANDS: ColourBands = {
  metric: 'kwhPerM2Roof',
  unit: 'kWh/m²',
  breaks: [80, 110, 140, 170, 200],
  colours: RD_YL_GN_6,
  names: NAMES,
  basis: 'Fixed 30 kWh/m² steps around ≈ 160 kWh per m² of footprint (0.15 kWp/m² × 1,100 kWh/kWp with the default layout)',
};

export function bandsFor(metric: ColourBands['metric']): ColourBands {
  return metric === 'specificYield' ? SPECIFIC_YIELD_BANDS : KWH_PER_M2_BANDS;
}

/** Band index of a value (0 … breaks.length), or −1 for a roof without modules (value ≤ 0 or not a number). */
export function bandIndex(value: number, bands: ColourBands): number {
  if (!(value > 0)) return -1;
  let k = 0;
  while (k < bands.breaks.length && value >= bands.breaks[k]) k++;
  return k;
}

export function bandColour(value: number, bands: ColourBands): string {
  const k = bandIndex(value, bands);
  return k < 0 ? NO_MODULES_COLOUR : bands.colours[k];
}

/**
 * Range labels of every band with the caller's number format: "< 900", "900 – 1,000", …,
 * "≥ 1,300".
 */
export function bandRangeLabels(bands: ColourBands, format: (v: number) => string): string[] {
  const b = bands.breaks;
  return bands.colours.map((_, k) => (k === 0 ? `< ${format(b[0])}` : k === b.length ? `≥ ${format(b[k - 1])}` : `${format(b[k - 1])} – ${format(b[k])}`));
}
