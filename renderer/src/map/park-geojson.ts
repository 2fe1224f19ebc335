import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { buildingHeightM, type ParkFeature, type Scenario } from '../../../shared/model';

/** Height a building is extruded to on the map, in metres (the model's one height rule). */
export function displayHeightM(feature: ParkFeature): number {
  return feature.kind === 'building' ? buildingHeightM(feature) : 0;
}

/**
 * The active scenario as one GeoJSON source for MapLibre: a view of the document, rebuilt from
 * it, never edited directly (DESIGN.md §2). Properties are flattened for style expressions.
 */
export function scenarioToMapGeoJson(scenario: Scenario): FeatureCollection {
  return { type: 'FeatureCollection', features: scenario.features.map(toMapFeature) };
}

/** One park feature as the map draws it (the `id` property is the source's promoted id). */
export function toMapFeature(f: ParkFeature): Feature {
  return {
    type: 'Feature',
    geometry: f.geometry as Geometry,
    properties: {
      id: f.id,
      kind: f.kind,
      landUse: f.kind === 'landuse' ? f.landUse : null,
      subtype: f.kind === 'landuse' ? (f.subtype ?? null) : null,
      name: f.name ?? null,
      code: f.code ?? null,
      heightM: displayHeightM(f),
      widthM: f.kind === 'road' ? f.widthM : null,
    },
  };
}

/** What changed between two versions of a scenario's feature list, by object identity. */
export interface FeatureDiff {
  put: ParkFeature[];
  removedIds: string[];
}

/**
 * Features are immutable: an edit replaces the objects it touches and keeps the others, so a
 * changed feature is one whose object differs. O(n) with no geometry comparison.
 */
export function diffFeatures(before: ParkFeature[], after: ParkFeature[]): FeatureDiff {
  const previous = new Map(before.map((f) => [f.id, f]));
  const present = new Set<string>();
  const put: ParkFeature[] = [];
  for (const f of after) {
    present.add(f.id);
    if (previous.get(f.id) !== f) put.push(f);
  }
  return { put, removedIds: before.filter((f) => !present.has(f.id)).map((f) => f.id) };
}

/** `items` cut into consecutive slices of at most `size` (none for an empty list). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** Longitude of a geometry's first position (NaN for an empty one). */
function firstLongitude(geometry: Geometry): number {
  let coordinates: unknown = 'coordinates' in geometry ? geometry.coordinates : [];
  while (Array.isArray(coordinates) && Array.isArray(coordinates[0])) coordinates = coordinates[0];
  return Array.isArray(coordinates) && typeof coordinates[0] === 'number' ? coordinates[0] : NaN;
}

/**
 * Map features sorted west to east, so each batch sent to the map covers a strip of the park
 * and the map re-tiles only the tiles under that strip, not the whole park once per batch.
 */
export function westToEast(features: readonly Feature[]): Feature[] {
  const keyed = features.map((f) => ({ f, lon: firstLongitude(f.geometry) }));
  keyed.sort((a, b) => (Number.isNaN(a.lon) ? -Infinity : a.lon) - (Number.isNaN(b.lon) ? -Infinity : b.lon));
  return keyed.map((k) => k.f);
}
