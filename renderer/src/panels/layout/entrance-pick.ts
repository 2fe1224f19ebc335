import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { create } from 'zustand';
import type { Position } from '../../../../shared/model';
import { LABEL_FONT } from '../../map/map-style';

/**
 * Entrances the user picks on the map for the "Lay out park" panel: while `picking`, each click
 * on the map adds a point (the generator moves it onto the nearest boundary edge; the first is
 * the main entrance). The points are drawn numbered until cleared.
 */
export const useEntrancePick = create<{ picking: boolean; points: Position[] }>(() => ({ picking: false, points: [] }));

export function setPicking(picking: boolean): void {
  useEntrancePick.setState({ picking });
}

export function clearEntrances(): void {
  useEntrancePick.setState({ picking: false, points: [] });
}

const SOURCE = 'layout-entrances';
const CIRCLES = 'layout-entrances-circles';
const NUMBERS = 'layout-entrances-numbers';

function pointsGeoJson(points: readonly Position[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p, i) => ({ type: 'Feature', properties: { n: String(i + 1) }, geometry: { type: 'Point', coordinates: [p[0], p[1]] } })),
  };
}

/** The map side: clicks while picking add a point; the picked points as numbered red dots. */
export function attachEntrancePick(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: pointsGeoJson(useEntrancePick.getState().points) });
  map.addLayer({ id: CIRCLES, type: 'circle', source: SOURCE, paint: { 'circle-radius': 9, 'circle-color': '#c62828', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
  map.addLayer({ id: NUMBERS, type: 'symbol', source: SOURCE, layout: { 'text-field': ['get', 'n'], 'text-font': [LABEL_FONT], 'text-size': 11, 'text-allow-overlap': true }, paint: { 'text-color': '#ffffff' } });
  // While picking, a click on the map is an entrance, not a selection: it is taken in the
  // capture phase on the map's container and not passed on to the map's own handlers.
  const container = map.getContainer();
  let downAt: [number, number] | null = null;
  const onDown = (event: MouseEvent) => {
    downAt = [event.clientX, event.clientY];
  };
  const onClick = (event: MouseEvent) => {
    const { picking, points } = useEntrancePick.getState();
    if (!picking || event.target !== map.getCanvas()) return;
    event.stopPropagation();
    // A drag of the map ends in a click too: only a click that stayed put (MapLibre's 3 px) picks.
    if (downAt && Math.hypot(event.clientX - downAt[0], event.clientY - downAt[1]) > 3) return;
    const box = map.getCanvas().getBoundingClientRect();
    const { lng, lat } = map.unproject([event.clientX - box.left, event.clientY - box.top]);
    useEntrancePick.setState({ points: [...points, [lng, lat]] });
  };
  const onMove = () => {
    if (useEntrancePick.getState().picking) map.getCanvas().style.cursor = 'crosshair';
  };
  container.addEventListener('mousedown', onDown, true);
  container.addEventListener('click', onClick, true);
  map.on('mousemove', onMove);
  const unsubscribe = useEntrancePick.subscribe((state, previous) => {
    if (state.points !== previous.points) (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(pointsGeoJson(state.points));
    if (!state.picking && previous.picking) map.getCanvas().style.cursor = '';
  });
  return () => {
    unsubscribe();
    container.removeEventListener('mousedown', onDown, true);
    container.removeEventListener('click', onClick, true);
    map.off('mousemove', onMove);
    for (const layer of [NUMBERS, CIRCLES]) if (map.getLayer(layer)) map.removeLayer(layer);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
}
