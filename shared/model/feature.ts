import { z } from 'zod';
import { landUseCodeSchema } from './land-use';
import { areaGeometrySchema, lineGeometrySchema, pointSchema } from './geometry-schema';

/** Feature kinds of the handbook (DESIGN.md §3). */
export const FEATURE_KINDS = ['boundary', 'landuse', 'building', 'road', 'point'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export const ROOF_TYPES = ['flat', 'pitched', 'sawtooth', 'other'] as const;
export type RoofType = (typeof ROOF_TYPES)[number];

type FreeValue = string | number | boolean | null;
const isFreeValue = (value: unknown): value is FreeValue =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/**
 * Free user attributes kept through every import and export: a plain object of text, finite
 * numbers, booleans and nulls. Not a z.record: zod leaves a key named "__proto__" out of a
 * record's output, and an attribute from another tool may have any name (issue 11).
 */
export const freePropsSchema = z.custom<Record<string, FreeValue>>((value) => isFreeProps(value), {
  message: 'expected an object whose values are text, finite numbers, true/false or null',
});

/** What freePropsSchema accepts; also the project reader's fast attribute check (shared/project-file). */
export function isFreeProps(value: unknown): value is Record<string, FreeValue> {
  return typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value)) && Object.values(value).every(isFreeValue);
}

const ratio = z.number().min(0).max(1);
const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

/**
 * Industry classifications a plot's `sector` code is read in: VSIC 2025 (Decision 36/2025/QĐ-TTg,
 * in force 15 Nov 2025, the default) or VSIC 2018 (Decision 27/2018/QĐ-TTg). The same code can
 * mean different things in the two (electricity 35, electronics 26), so the scheme goes with it.
 */
export const SECTOR_SCHEMES = ['VSIC2025', 'VSIC2018'] as const;
export type SectorScheme = (typeof SECTOR_SCHEMES)[number];
export const DEFAULT_SECTOR_SCHEME: SectorScheme = 'VSIC2025';
/** A plot's `sector`: a VSIC code of 2 (division) to 5 digits. */
export const VSIC_CODE_PATTERN = /^\d{2,5}$/;

/** Attributes every kind may carry. */
const commonFields = {
  id: z.string().min(1),
  name: z.string().optional(),
  code: z.string().optional(),
  notes: z.string().optional(),
  props: freePropsSchema.optional(),
};

/** The park limit; one per scenario. */
export const boundaryFeatureSchema = z.object({
  ...commonFields,
  kind: z.literal('boundary'),
  geometry: areaGeometrySchema,
});

/**
 * A land-use polygon. Plot indicators apply to `industrial` plots: `maxDensity`,
 * `minGreenRatio` as fractions 0–1, `maxFloors` a count, `maxFar` floor area ÷ plot area.
 */
export const landUseFeatureSchema = z.object({
  ...commonFields,
  kind: z.literal('landuse'),
  geometry: areaGeometrySchema,
  landUse: landUseCodeSchema,
  subtype: z.string().optional(),
  maxDensity: ratio.optional(),
  maxFloors: z.number().int().positive().optional(),
  minGreenRatio: ratio.optional(),
  maxFar: positive.optional(),
  /** The tenant's industry: a VSIC code of 2 (division) to 5 digits, read in `sectorScheme` (VSIC2025 when absent). */
  sector: z.string().regex(VSIC_CODE_PATTERN, 'expected a VSIC code of 2 to 5 digits').optional(),
  sectorScheme: z.enum(SECTOR_SCHEMES).optional(),
  tenant: z.string().optional(),
  employees: z.number().int().nonnegative().optional(),
  /** Measured consumption of the plot's tenant; each overrides the sector default (shared/eco). */
  measuredElectricityMwhPerYear: nonNegative.optional(),
  measuredWaterM3PerDay: nonNegative.optional(),
});

/** A building footprint; `heightM` in metres above ground and/or `floors` above ground. */
export const buildingFeatureSchema = z.object({
  ...commonFields,
  kind: z.literal('building'),
  geometry: areaGeometrySchema,
  heightM: positive.optional(),
  floors: z.number().int().positive().optional(),
  roofType: z.enum(ROOF_TYPES).optional(),
});

/** A road centre line; `widthM` is the full corridor width in metres. */
export const roadFeatureSchema = z.object({
  ...commonFields,
  kind: z.literal('road'),
  geometry: lineGeometrySchema,
  widthM: positive,
});

/** A facility point (substation, gate, well...); `facilityType` is a free code. */
export const pointFeatureSchema = z.object({
  ...commonFields,
  kind: z.literal('point'),
  geometry: pointSchema,
  facilityType: z.string().optional(),
});

export const parkFeatureSchema = z.discriminatedUnion('kind', [
  boundaryFeatureSchema,
  landUseFeatureSchema,
  buildingFeatureSchema,
  roadFeatureSchema,
  pointFeatureSchema,
]);

export type BoundaryFeature = z.infer<typeof boundaryFeatureSchema>;
export type LandUseFeature = z.infer<typeof landUseFeatureSchema>;
export type BuildingFeature = z.infer<typeof buildingFeatureSchema>;
export type RoadFeature = z.infer<typeof roadFeatureSchema>;
export type PointFeature = z.infer<typeof pointFeatureSchema>;
/** One feature of a scenario. Geometry in EPSG:4326; the geometry type follows from `kind`. */
export type ParkFeature = z.infer<typeof parkFeatureSchema>;

/** Attribute names of the GeoJSON interchange profile (DESIGN.md §3), in column order. */
export const ATTRIBUTE_NAMES = [
  'name',
  'code',
  'landUse',
  'subtype',
  'heightM',
  'floors',
  'roofType',
  'widthM',
  'maxDensity',
  'maxFloors',
  'minGreenRatio',
  'maxFar',
  'sector',
  'sectorScheme',
  'tenant',
  'employees',
  'measuredElectricityMwhPerYear',
  'measuredWaterM3PerDay',
  'facilityType',
  'notes',
] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];
