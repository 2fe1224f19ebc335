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
