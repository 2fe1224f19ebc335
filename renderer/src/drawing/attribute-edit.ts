import type { AttributeName, ParkFeature } from '../../../shared/model';
import { KIND_ATTRIBUTES } from '../../../shared/editing/commands';

/** Attributes the inspector edits, in display order (all of the interchange profile's). */
const INSPECTOR_ORDER: AttributeName[] = ['name', 'code', 'landUse', 'subtype', 'heightM', 'floors', 'roofType', 'widthM', 'maxDensity', 'maxFloors', 'minGreenRatio', 'maxFar', 'facilityType', 'notes'];

export type EditableField = AttributeName;

/** Fields shared by every feature of a (multi-)selection, in display order. */
export function sharedFields(features: ParkFeature[]): EditableField[] {
  return INSPECTOR_ORDER.filter((field) => features.every((f) => KIND_ATTRIBUTES[f.kind].includes(field)));
}

/** The common value of a field across features, or 'mixed'. */
export function commonValue(features: ParkFeature[], field: EditableField): unknown {
  const values = features.map((f) => (f as Record<string, unknown>)[field]);
  return values.every((v) => v === values[0]) ? values[0] : 'mixed';
}
