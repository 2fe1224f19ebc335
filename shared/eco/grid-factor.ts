import { z } from 'zod';
import gridJson from '../../data/eco/grid-emission-factor.json';
import { confidence, sourceRef, text } from './source-schema';

/**
 * Viet Nam's grid emission factor (data/eco/grid-emission-factor.json): the one source of the
 * default factor for the eco balances and the solar model's avoided emissions. A module of its
 * own so the solar model reads it without loading the rest of the eco data.
 */
const gridSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: text,
  unit: z.literal('tCO2/MWh'),
  defaultYear: z.number().int(),
  method: z.string(),
  source: sourceRef,
  factors: z.array(z.object({ year: z.number().int(), value: z.number().positive().max(2), document: z.string().optional(), url: z.string().url().optional() })).min(1),
  /** Published estimates by other methods or authors: shown for reference, never the default. */
  estimates: z
    .array(z.object({ year: z.number().int(), value: z.number().positive().max(2), method: z.string().min(1), document: z.string().min(1), url: z.string().url(), confidence }))
    .optional(),
  note: z.string(),
});

export const GRID_EMISSION_FACTOR = gridSchema.parse(gridJson);

/** The grid factor of the data's default year (tCO₂/MWh). */
export function defaultGridFactor(): { year: number; tPerMwh: number } {
  const entry = GRID_EMISSION_FACTOR.factors.find((f) => f.year === GRID_EMISSION_FACTOR.defaultYear);
  if (!entry) throw new Error('grid-emission-factor.json: no factor for the default year');
  return { year: entry.year, tPerMwh: entry.value };
}
