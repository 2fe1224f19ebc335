import type { AttributeName, ParkFeature } from '../../../shared/model';
import { KIND_ATTRIBUTES } from '../../../shared/editing/commands';
import { TENANT_ATTRIBUTES } from '../../../shared/model/kind-attributes';

/** The tenant of an industrial plot (issue 16): shown only when every selected feature is one. */
export const TENANT_FIELDS = TENANT_ATTRIBUTES;

/** Attributes the inspector edits, in display order (all of the interchange profile's). */
const INSPECTOR_ORDER: AttributeName[] = ['name', 'code', 'landUse', 'subtype', 'heightM', 'floors', 'roofType', 'widthM', 'maxDensity', 'maxFloors', 'minGreenRatio', 'maxFar', 'facilityType', ...TENANT_FIELDS, 'notes'];

export type EditableField = AttributeName;

/** Fields shared by every feature of a (multi-)selection, in display order. */
export function sharedFields(features: ParkFeature[]): EditableField[] {
  const industrial = features.every((f) => f.kind === 'landuse' && f.landUse === 'industrial');
  return INSPECTOR_ORDER.filter((field) => (industrial || !TENANT_FIELDS.includes(field)) && features.every((f) => KIND_ATTRIBUTES[f.kind].includes(field)));
}

/** The common value of a field across features, or 'mixed'. */
export function commonValue(features: ParkFeature[], field: EditableField): unknown {
  const values = features.map((f) => (f as Record<string, unknown>)[field]);
  return values.every((v) => v === values[0]) ? values[0] : 'mixed';
}
