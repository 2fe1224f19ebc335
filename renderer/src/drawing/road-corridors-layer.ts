import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { activeScenario, type AreaGeometry, type LineGeometry, type RoadFeature } from '../../../shared/model';
import { mergeCorridors } from '../../../shared/geometry/road-corridor';
import { useDocumentStore } from '../state/document-store';
import { PARK_LAYER_IDS } from '../map/map-style';

const SOURCE = 'road-corridors';
/** From this many roads the union is computed in road-corridors.worker.ts (a grid of 38 roads takes a second here). */
const WORKER_FROM_ROADS = 12;

type CorridorInput = { geometry: LineGeometry; widthM: number };
export interface CorridorRequest {
  seq: number;
  roads: CorridorInput[];
}
export interface CorridorResponse {
  seq: number;
  merged: AreaGeometry | null;
}

/**
 * Road corridors (centre line × width) drawn as one merged surface, so junctions read as one
 * paved area rather than overlapping strips. Recomputed only when a road changes; many roads
 * are merged in a worker so opening a large park does not freeze the page.
 */
export function attachRoadCorridors(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    { id: 'park-road-corridor', type: 'fill', source: SOURCE, paint: { 'fill-color': '#cfcbc2', 'fill-opacity': 0.9, 'fill-outline-color': '#9d978b' } },
    PARK_LAYER_IDS.roads,
  );
  const show = (merged: AreaGeometry | null) => {
    const features: Feature[] = merged ? [{ type: 'Feature', geometry: merged, properties: {} }] : [];
    (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
  };
  let worker: Worker | null = null;
  let seq = 0;
  const mergeInWorker = (roads: CorridorInput[]): boolean => {
    try {
      worker ??= new Worker(new URL('./road-corridors.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return false;
    }
    worker.onmessage = (event: MessageEvent<CorridorResponse>) => event.data.seq === seq && show(event.data.merged);
    worker.postMessage({ seq, roads } satisfies CorridorRequest);
    return true;
  };
  let lastRoads: RoadFeature[] = [];
  const render = () => {
    const doc = useDocumentStore.getState().document;
    const roads = doc ? activeScenario(doc).features.filter((f): f is RoadFeature => f.kind === 'road') : [];
    if (roads.length === lastRoads.length && roads.every((r, i) => r === lastRoads[i])) return;
    lastRoads = roads;
    const input = roads.map((r) => ({ geometry: r.geometry, widthM: r.widthM }));
    seq++; // an answer for older roads is no longer shown
    if (input.length >= WORKER_FROM_ROADS && typeof Worker !== 'undefined' && mergeInWorker(input)) return;
    show(mergeCorridors(input));
  };
  render();
  const unsubscribe = useDocumentStore.subscribe((s, p) => s.document !== p.document && render());
  return () => {
    unsubscribe();
    worker?.terminate();
  };
}
