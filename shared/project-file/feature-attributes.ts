import { z } from 'zod';
import { LAND_USE_CODES } from '../model/land-use';
import {
  boundaryFeatureSchema,
  buildingFeatureSchema,
  isFreeProps,
  landUseFeatureSchema,
  pointFeatureSchema,
  roadFeatureSchema,
  ROOF_TYPES,
  SECTOR_SCHEMES,
  VSIC_CODE_PATTERN,
  type FeatureKind,
  type ParkFeature,
} from '../model/feature';

/**
 * Each kind's schema with the geometry left to geometry-check.ts: parsing a stand-in geometry
 * through the area schema's union cost most of zod's time per feature. The other fields, their
 * checks and their messages are the kind's own.
 */
export const FEATURE_ATTRIBUTES_SCHEMA = {
  boundary: boundaryFeatureSchema.extend({ geometry: z.unknown() }),
  landuse: landUseFeatureSchema.extend({ geometry: z.unknown() }),
  building: buildingFeatureSchema.extend({ geometry: z.unknown() }),
  road: roadFeatureSchema.extend({ geometry: z.unknown() }),
  point: pointFeatureSchema.extend({ geometry: z.unknown() }),
} satisfies Record<FeatureKind, z.ZodObject>;

type FieldCheck = (value: unknown) => boolean;

const text: FieldCheck = (v) => typeof v === 'string';
const ratio: FieldCheck = (v) => typeof v === 'number' && v >= 0 && v <= 1;
const positive: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;
const nonNegative: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
// zod's .int() takes safe integers only.
const positiveCount: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) > 0;
const count: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const oneOf = (list: readonly string[]): FieldCheck => (v) => typeof v === 'string' && list.includes(v);

/**
 * The attribute rules of shared/model/feature.ts as plain checks, for the common case of a valid
 * feature: zod costs tens of microseconds per feature, and a park has thousands. Each check may
 * only be stricter than the schema, never looser (a value it refuses goes to zod, which words
 * the refusal); tests/unit/project-file/fast-attributes.test.ts holds the two together.
 * `kind` and `geometry` are not here: the layer gives the kind, geometry-check.ts the geometry.
 */
const FIELD_CHECKS: Record<string, FieldCheck> = {
  id: (v) => typeof v === 'string' && v.length > 0,
  name: text,
  code: text,
  notes: text,
  props: isFreeProps,
  landUse: oneOf(LAND_USE_CODES),
  subtype: text,
  maxDensity: ratio,
  maxFloors: positiveCount,
  minGreenRatio: ratio,
  maxFar: positive,
  sector: (v) => typeof v === 'string' && VSIC_CODE_PATTERN.test(v),
  sectorScheme: oneOf(SECTOR_SCHEMES),
  tenant: text,
  employees: count,
  measuredElectricityMwhPerYear: nonNegative,
  measuredWaterM3PerDay: nonNegative,
  heightM: positive,
  floors: positiveCount,
  roofType: oneOf(ROOF_TYPES),
  widthM: positive,
  facilityType: text,
};

interface FastField {
  key: string;
  required: boolean;
  check: FieldCheck;
}

/**
 * A kind's fields in the schema's order (zod's output follows it), each with whether the schema
 * requires it; null when a field has no plain check, so a field added to the schema alone is
 * checked by zod until it gets one here.
 */
function fastFields(kind: FeatureKind): FastField[] | null {
  const fields: FastField[] = [];
  for (const [key, schema] of Object.entries(FEATURE_ATTRIBUTES_SCHEMA[kind].shape as Record<string, z.ZodType>)) {
    // Only an .optional() field may be absent (zod refuses a missing z.unknown() key too).
    const required = !(schema instanceof z.ZodOptional);
    if (key === 'kind') fields.push({ key, required, check: (v) => v === kind });
    else if (key === 'geometry') fields.push({ key, required, check: () => true });
    else if (Object.hasOwn(FIELD_CHECKS, key)) fields.push({ key, required, check: FIELD_CHECKS[key] });
    else return null;
  }
  return fields;
}

const FAST_FIELDS: Record<FeatureKind, FastField[] | null> = {
  boundary: fastFields('boundary'),
  landuse: fastFields('landuse'),
  building: fastFields('building'),
  road: fastFields('road'),
  point: fastFields('point'),
};

/** True when every kind has a plain check for each of its fields (a test keeps it so). */
export function everyKindHasFastFields(): boolean {
  return Object.values(FAST_FIELDS).every((fields) => fields !== null);
}

/**
 * The feature zod's FEATURE_ATTRIBUTES_SCHEMA[kind] would return for `candidate` (the same
 * fields in the same order, `geometry` and `props` the candidate's own), or undefined when the
 * plain checks cannot say so: then the caller asks zod, for its verdict and its wording.
 * The candidate's geometry must already have passed geometry-check.ts.
 */
export function fastFeatureAttributes(kind: FeatureKind, candidate: Record<string, unknown>): ParkFeature | undefined {
  const fields = FAST_FIELDS[kind];
  if (!fields) return undefined;
  const feature: Record<string, unknown> = {};
  let used = 0;
  // Indexed: run for every feature of a file, mostly as unoptimised code (a for…of allocates).
  for (let i = 0; i < fields.length; i++) {
    const { key, required, check } = fields[i];
    if (!Object.hasOwn(candidate, key)) {
      if (required) return undefined;
      continue;
    }
    const value = candidate[key];
    if (!check(value)) return undefined;
    feature[key] = value;
    used++;
  }
  // zod leaves unknown keys out; the reader never makes any, and a candidate with one is zod's.
  if (used !== Object.keys(candidate).length) return undefined;
  return feature as ParkFeature;
}
