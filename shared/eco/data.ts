import { z } from 'zod';
import vsicJson from '../../data/eco/vsic.json';
import intensitiesJson from '../../data/eco/sector-intensities.json';
import cbamJson from '../../data/eco/cbam.json';
import symbiosisJson from '../../data/eco/symbiosis.json';
import criteriaJson from '../../data/eco/eip-criteria.json';
import { SECTOR_SCHEMES } from '../model/feature';
import { confidence, isoDate, sourceRef, text } from './source-schema';

/**
 * The eco data of data/eco/ (sources in data/SOURCES.md), validated at load like the rule sets so
 * a broken data file fails loudly and early. Every reference value carries its source and a
 * confidence: primary (legal text, official dataset), secondary (reputable summary), rough (our
 * estimate, basis stated), unverified (recalled, not found in a source).
 */

export { ECO_CONFIDENCES, type EcoConfidence } from './source-schema';
export { GRID_EMISSION_FACTOR, defaultGridFactor } from './grid-factor';

const vsicSchema = z.object({
  id: z.literal('vsic'),
  version: z.string().min(1),
  schemes: z.record(z.enum(SECTOR_SCHEMES), z.object({ document: z.string(), signed: isoDate, inForce: isoDate.nullable(), levels: z.string(), url: z.string().url() })),
  completeness: text,
  sources: z.array(sourceRef),
  entries: z.array(
    z.object({ code: z.string().regex(/^\d{2,5}$/), level: z.number().int().min(2).max(5), schemes: z.array(z.enum(SECTOR_SCHEMES)).min(1), vi: z.string().min(1), en: z.string().min(1), confidence }),
  ),
});

/** A reference value: `source` names an entry of the file's `sources`; `basis` says how it was derived. */
const valueSchema = z.object({ value: z.number().finite().nonnegative(), source: z.string().min(1), basis: z.string().optional() });
export type SourcedValue = z.infer<typeof valueSchema>;

export const HEAT_LEVELS = ['low', 'medium', 'high'] as const;
export type HeatLevel = (typeof HEAT_LEVELS)[number];

const profileSchema = z.object({
  id: z.string().min(1),
  name: text,
  /** VSIC codes (any level) the profile applies to, in both schemes (the manufacturing codes kept their meaning). */
  codes: z.array(z.string().regex(/^\d{2,5}$/)),
  electricityMwhPerHaYear: valueSchema,
  waterM3PerHaDay: valueSchema,
  wastewaterShareOfWater: valueSchema,
  solidWasteTPerHaYear: valueSchema,
  /** Shares of the solid waste by stream; they add up to 1. */
  wasteStreams: z.record(z.string(), z.number().min(0).max(1)),
  scope1TPerHaYear: valueSchema,
  processHeatMwhPerHaYear: z.object({ low: valueSchema.optional(), medium: valueSchema.optional(), high: valueSchema.optional() }),
  byProducts: z.array(z.object({ resource: z.string().min(1), perHaYear: valueSchema, unit: z.string().min(1) })),
  /** Resources (by-products of others) this sector can take as an input. */
  accepts: z.array(z.string().min(1)),
  note: z.string(),
});
export type SectorProfile = z.infer<typeof profileSchema>;

const intensitiesSchema = z
  .object({ id: z.literal('sector-intensities'), version: z.string(), title: text, confidence: text, heatLevels: z.record(z.enum(HEAT_LEVELS), z.string()), sources: z.record(z.string(), sourceRef), profiles: z.array(profileSchema).min(1) })
  .superRefine((d, ctx) => {
    for (const p of d.profiles) {
      const values = [p.electricityMwhPerHaYear, p.waterM3PerHaDay, p.wastewaterShareOfWater, p.solidWasteTPerHaYear, p.scope1TPerHaYear, ...Object.values(p.processHeatMwhPerHaYear), ...p.byProducts.map((b) => b.perHaYear)];
      for (const v of values) if (v && !Object.hasOwn(d.sources, v.source)) ctx.addIssue({ code: 'custom', message: `${p.id}: unknown source ${v.source}` });
      const streams = Object.values(p.wasteStreams).reduce((a, b) => a + b, 0);
      if (Math.abs(streams - 1) > 1e-9) ctx.addIssue({ code: 'custom', message: `${p.id}: waste streams add up to ${streams}, not 1` });
    }
    if (!d.profiles.some((p) => p.id === 'general')) ctx.addIssue({ code: 'custom', message: 'the fallback profile "general" is missing' });
  });

const cbamSchema = z.object({
  id: z.literal('eu-cbam'),
  version: z.string(),
  regulation: sourceRef,
  timeline: z.object({ transitionalFrom: isoDate, definitiveFrom: isoDate, certificateSalesFrom: isoDate, source: sourceRef }),
  carbonPrice: z.object({ defaultEurPerT: z.number().positive(), basis: z.string(), sources: z.array(sourceRef) }),
  defaultEuExportShare: z.object({ value: z.number().min(0).max(1), basis: z.string() }),
  sectors: z.array(
    z.object({
      id: z.string(),
      name: text,
      cn: z.array(z.string()),
      vsic: z.record(z.enum(SECTOR_SCHEMES), z.array(z.string().regex(/^\d{2,5}$/))),
      indirectEmissionsCounted: z.boolean(),
      note: z.string().optional(),
    }),
  ),
  cnSource: z.array(sourceRef),
  indirectNote: sourceRef,
  method: z.string(),
});
export type CbamSector = z.infer<typeof cbamSchema>['sectors'][number];

const symbiosisSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: text,
  legalBasis: sourceRef,
  exchanges: z.array(
    z.object({
      resource: z.string().min(1),
      unit: z.string().min(1),
      name: text,
      receiverUse: text,
      co2SavedTPerUnit: z.object({ value: z.number().nonnegative(), basis: z.string(), source: sourceRef }).nullable(),
      /** Heat: the quantity is capped by the receiver's own heat demand below the supplier's level. */
      limitedByReceiverHeat: z.boolean().optional(),
      citation: sourceRef,
    }),
  ),
});
export type SymbiosisExchangeRow = z.infer<typeof symbiosisSchema>['exchanges'][number];

export const ECO_METRICS = ['eco.wwtpCapacityRatio', 'eco.symbiosisLinks', 'eco.symbiosisEnterpriseShare', 'eco.renewableShare', 'eco.greenSpaceRatio', 'eco.solidWasteExchangedShare', 'eco.employees'] as const;
export type EcoMetric = (typeof ECO_METRICS)[number];

const criterionSchema = z
  .object({
    id: z.string().min(1),
    framework: z.enum(['decree-35', 'eip-framework']),
    category: z.enum(['park-management', 'environmental', 'social', 'economic']),
    title: text,
    evaluation: z.enum(['model', 'checklist']),
    metric: z.enum(ECO_METRICS).optional(),
    comparator: z.enum(['>=', '<=']).optional(),
    threshold: z.number().nullable().optional(),
    unit: z.enum(['ratio', 'count']).optional(),
    citation: z.object({ document: text, article: text, url: z.string().url() }),
    confidence,
    note: z.string().optional(),
  })
  .refine((c) => c.evaluation === 'checklist' || (c.metric !== undefined && c.comparator !== undefined && c.threshold !== undefined), { message: 'a model criterion needs metric, comparator and threshold' });
export type EipCriterion = z.infer<typeof criterionSchema>;

const criteriaSchema = z.object({ id: z.literal('eip-criteria'), version: z.string(), title: text, effectiveFrom: isoDate, effectiveTo: isoDate.nullable(), completeness: text, criteria: z.array(criterionSchema).min(1) });

export const VSIC = vsicSchema.parse(vsicJson);
export const SECTOR_INTENSITIES = intensitiesSchema.parse(intensitiesJson);
export const CBAM = cbamSchema.parse(cbamJson);
export const SYMBIOSIS = symbiosisSchema.parse(symbiosisJson);
export const EIP_CRITERIA = criteriaSchema.parse(criteriaJson);

