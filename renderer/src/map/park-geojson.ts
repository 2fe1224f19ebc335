import type { FeatureCollection, Geometry } from 'geojson';
import type { ParkFeature, Scenario } from '../../../shared/model';

/** Storey height used to draw a building that has floors but no height (m per floor). */
export const DISPLAY_STOREY_HEIGHT_M = 4.5;
/** Height drawn for a building with neither height nor floors, so it stays visible (m). */
export const DISPLAY_DEFAULT_HEIGHT_M = 6;

/** Height a building is extruded to on the map, in metres. */
export function displayHeightM(feature: ParkFeature): number {
  if (feature.kind !== 'building') return 0;
  if (feature.heightM) return feature.heightM;
  if (feature.floors) return feature.floors * DISPLAY_STOREY_HEIGHT_M;
  return DISPLAY_DEFAULT_HEIGHT_M;
}

/**
 * The active scenario as one GeoJSON source for MapLibre: a view of the document, rebuilt from
 * it, never edited directly (DESIGN.md §2). Properties are flattened for style expressions.
 */
export function scenarioToMapGeoJson(scenario: Scenario): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: scenario.features.map((f) => ({
      type: 'Feature',
      id: f.id,
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
    })),
  };
}
