import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { activeScenario, type ParkFeature } from '../../../shared/model';
import { mergeCorridors } from '../../../shared/geometry/road-corridor';
import { useDocumentStore } from '../state/document-store';
import { PARK_LAYER_IDS } from '../map/map-style';

const SOURCE = 'road-corridors';

/**
 * Road corridors (centre line × width) drawn as one merged surface, so junctions read as one
 * paved area rather than overlapping strips. Recomputed only when a road changes.
 */
export function attachRoadCorridors(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    { id: 'park-road-corridor', type: 'fill', source: SOURCE, paint: { 'fill-color': '#cfcbc2', 'fill-opacity': 0.9, 'fill-outline-color': '#9d978b' } },
    PARK_LAYER_IDS.roads,
  );
  let lastRoads: ParkFeature[] = [];
  const render = () => {
    const doc = useDocumentStore.getState().document;
    const roads = doc ? activeScenario(doc).features.filter((f) => f.kind === 'road') : [];
    if (roads.length === lastRoads.length && roads.every((r, i) => r === lastRoads[i])) return;
    lastRoads = roads;
    const merged = mergeCorridors(roads.map((r) => ({ geometry: r.geometry, widthM: r.kind === 'road' ? r.widthM : 0 })));
    const features: Feature[] = merged ? [{ type: 'Feature', geometry: merged, properties: {} }] : [];
    (map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  };
  render();
  return useDocumentStore.subscribe((s, p) => s.document !== p.document && render());
}
