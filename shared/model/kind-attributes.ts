import type { AttributeName, FeatureKind } from './feature';

const COMMON: readonly AttributeName[] = ['name', 'code', 'notes'];

/** The tenant of an industrial plot (issue 16, shared/eco): its sector, staff and measured use. */
export const TENANT_ATTRIBUTES: readonly AttributeName[] = ['sector', 'sectorScheme', 'tenant', 'employees', 'measuredElectricityMwhPerYear', 'measuredWaterM3PerDay'];

/**
 * The profile attributes each feature kind carries (the model schema of ./feature.ts): what an
 * attribute edit may set on a feature (shared/editing) and what an import reads from a foreign
 * file (shared/io). One table, so a new attribute is added once.
 */
export const KIND_ATTRIBUTES: Record<FeatureKind, readonly AttributeName[]> = {
  boundary: COMMON,
  landuse: [...COMMON, 'landUse', 'subtype', 'maxDensity', 'maxFloors', 'minGreenRatio', 'maxFar', ...TENANT_ATTRIBUTES],
  building: [...COMMON, 'heightM', 'floors', 'roofType'],
  road: [...COMMON, 'widthM'],
  point: [...COMMON, 'facilityType'],
};
