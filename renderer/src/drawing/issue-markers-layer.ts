import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { selectedFeatures } from './edit-actions';
import { issuesOf } from './feature-issues';

const SOURCE = 'issue-markers';

/** Red markers where the selected features have problems, so each message has its place. */
export function attachIssueMarkers(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'issue-markers',
    type: 'circle',
    source: SOURCE,
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(211, 47, 47, 0.25)', 'circle-stroke-color': '#d32f2f', 'circle-stroke-width': 2.5 },
  });
  const render = () => {
    const features: Feature[] = issuesOf(...selectedFeatures())
      .filter((issue) => issue.at)
      .map((issue) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: issue.at! }, properties: { reason: issue.reason } }));
    (map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  };
  render();
  const unsubscribers = [
    useUiStore.subscribe((s, p) => s.selectedIds !== p.selectedIds && render()),
    useDocumentStore.subscribe((s, p) => s.document !== p.document && render()),
  ];
  return () => unsubscribers.forEach((u) => u());
}
