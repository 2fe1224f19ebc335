import { z } from 'zod';
import { LAND_USE_CODES } from '../model/land-use';

/**
 * Rule sets as data (data/rules/*.json, docs/analysis.md). A rule names a metric the analysis
 * computes, a comparator and a threshold (a number, a plot attribute, or a table), with its
 * citation and the confidence of that citation from ../shared/reference/standards.md.
 */

/** Metrics the analysis computes; a rule may only name one of these. */
export const METRIC_IDS = [
  // park scope: ratios 0–1 of the park area, widths in m, counts
  'park.greenSpaceRatio',
  'park.totalGreenRatio',
  'park.share.industrial',
  'park.share.technical',
  'park.share.admin_services',
  'park.share.traffic',
  'park.share.green',
  'park.share.water',
  'park.share.infrastructure',
  'park.unassignedRatio',
  'park.roadAreaShare',
  'park.isolationStripMinWidthM',
  'park.adminInIsolationStripCount',
  // plot scope (each industrial plot)
  'plot.buildingDensity',
  'plot.greenRatio',
  'plot.far',
  'plot.maxFloors',
  // feature scope (each wastewater works)
  'wwtp.distanceToBoundaryM',
  'wwtp.distanceToLandUseM',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const COMPARATORS = ['<=', '<', '>=', '>'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const CONFIDENCES = ['exact', 'secondary', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Wastewater works types of the safety-distance table (standards.md §1). */
export const WWTP_TYPES = [
  'pumping_station',
  'wwtp_biological',
  'wwtp_enclosed',
  'sludge_drying_beds',
  'sludge_mechanical',
  'biological_ponds',
] as const;
export type WwtpType = (typeof WWTP_TYPES)[number];

/** Plot attributes a rule may take its threshold from (the plot's own indicators). */
export const PLOT_ATTRIBUTES = ['maxDensity', 'minGreenRatio', 'maxFar', 'maxFloors'] as const;

/**
 * The schemas of rule sets and rule settings, built on first use (ruleSchemas): a command that
 * reads no rule settings builds none of them (4 ms of each CLI start, most of it the rule schema).
 */
function buildRuleSchemas() {
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const text = z.object({ en: z.string().min(1), vi: z.string().min(1) });

  /**
   * A citation's words: one string where they are the same in every language (a document's
   * number, "Decree 35/2022/ND-CP"), or English and Vietnamese where they describe something.
   * Rules a user adds to a project cite in their own words, as one string.
   */
  const citationText = z.union([z.string().min(1), text]);

  const citationSchema = z.object({
    document: citationText,
    article: citationText.optional(),
    url: z.string().url().optional(),
  });

  /**
   * A distance table by works type and capacity (m³/day). `capacityBreaksM3PerDay` [200, 5000,
   * 50000] gives the columns <200, 200–5000, 5000–50000, ≥50000; a capacity equal to a break
   * falls in the higher column (the stricter distance). `null` cells: not given by the source.
   */
  const distanceTableSchema = z
    .object({
      capacityBreaksM3PerDay: z.array(z.number().positive()).min(1),
      distancesM: z.record(z.enum(WWTP_TYPES), z.array(z.number().nonnegative().nullable())),
    })
    .refine((t) => Object.values(t.distancesM).every((row) => row.length === t.capacityBreaksM3PerDay.length + 1), {
      message: 'each table row needs one value per capacity column',
    });

  const ruleSchema = z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
      title: text,
      scope: z.enum(['park', 'plot', 'feature']),
      metric: z.enum(METRIC_IDS),
      comparator: z.enum(COMPARATORS),
      /** A number in the metric's unit; null: no published number, a target the user sets. */
      threshold: z.number().finite().nullable(),
      thresholdFrom: z.enum(PLOT_ATTRIBUTES).optional(),
      table: distanceTableSchema.optional(),
      /** Land uses the metric measures to (wwtp.distanceToLandUseM). */
      landUses: z.array(z.enum(LAND_USE_CODES)).optional(),
      /** The rule applies to a plot only when this holds (e.g. more than 5 floors). */
      appliesWhen: z.object({ metric: z.enum(METRIC_IDS), comparator: z.enum(COMPARATORS), value: z.number() }).optional(),
      // ratio: a fraction 0–1 shown as %; factor: a plain multiple (FAR); m: metres; count.
      unit: z.enum(['ratio', 'factor', 'm', 'count']),
      severity: z.enum(['error', 'warning']),
      citation: citationSchema,
      confidence: z.enum(CONFIDENCES),
      effectiveFrom: isoDate,
      effectiveTo: isoDate.nullable().optional(),
      note: z.string().optional(),
    })
    .refine((r) => !(r.thresholdFrom && r.scope !== 'plot'), { message: 'thresholdFrom only for plot rules' })
    .refine((r) => r.metric.startsWith(`${r.scope === 'feature' ? 'wwtp' : r.scope}.`), {
      message: 'metric does not belong to the rule scope',
    });

  const ruleSetSchema = z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
    version: z.string().min(1),
    title: text,
    document: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().optional(),
    rules: z.array(ruleSchema).min(1),
  });

  /**
   * Project settings under `doc.settings.rules`: which rule sets apply, threshold overrides by rule
   * id, the project's own rules, and the storey height used when a building has only a height.
   */
  const ruleSettingsSchema = z.object({
    ruleSets: z.array(z.string()).optional(),
    storeyHeightM: z.number().finite().positive().optional(),
    overrides: z
      .record(z.string(), z.object({ threshold: z.number().finite().nullable().optional(), disabled: z.boolean().optional() }))
      .optional(),
    custom: z.array(ruleSchema).optional(),
  });
  return { citationSchema, distanceTableSchema, ruleSchema, ruleSetSchema, ruleSettingsSchema };
}

type RuleSchemas = ReturnType<typeof buildRuleSchemas>;
let ruleSchemasBuilt: RuleSchemas | undefined;

/** The rule schemas (built once, on first use). */
export function ruleSchemas(): RuleSchemas {
  return (ruleSchemasBuilt ??= buildRuleSchemas());
}

/** One rule of a rule set; thresholds in the metric's unit (ratio 0–1, m, count). */
export type Rule = z.infer<RuleSchemas['ruleSchema']>;
/** A versioned rule set (data/rules/<id>.json). */
export type RuleSet = z.infer<RuleSchemas['ruleSetSchema']>;
export type Citation = z.infer<RuleSchemas['citationSchema']>;
export type RuleSettings = z.infer<RuleSchemas['ruleSettingsSchema']>;

/** A citation's document and article in the reader's language. */
export function citationIn(citation: Citation, lang: 'en' | 'vi'): { document: string; article?: string } {
  const pick = (value: Citation['document']) => (typeof value === 'string' ? value : value[lang]);
  return { document: pick(citation.document), ...(citation.article !== undefined ? { article: pick(citation.article) } : {}) };
}

/** The settings key of the rule overrides in a project document. */
export const RULE_SETTINGS_KEY = 'rules';
