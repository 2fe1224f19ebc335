import type { RoofResult } from '../../../../shared/solar';
import type { RoofMetric } from './solar-store';

/** Five classes from poor (red) to good (green); colour-blind safe-ish diverging ramp (ColorBrewer RdYlGn 5). */
export const RAMP = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'] as const;

/** Class breaks of a metric (four inner breaks), equal intervals between the 5th and 95th percentiles. */
export function breaksFor(values: number[]): number[] {
  const v = values.filter((x) => x > 0).sort((a, b) => a - b);
  if (v.length === 0) return [0, 0, 0, 0];
  const lo = v[Math.floor(0.05 * (v.length - 1))];
  const hi = v[Math.floor(0.95 * (v.length - 1))];
  const step = (hi - lo) / 5;
  return [1, 2, 3, 4].map((k) => lo + k * step);
}

export function colourOf(value: number, breaks: number[]): string {
  if (!(value > 0)) return '#9e9e9e';
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return RAMP[k];
}

export function metricValue(b: RoofResult, metric: RoofMetric): number {
  return metric === 'specificYield' ? b.specificYield : b.kwhPerM2Roof;
}
