import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { coalescedAfterPaint } from '../map/after-paint';
import { selectedFeatures } from './edit-actions';
import { issuesOf } from './feature-issues';

const SOURCE = 'issue-markers';

/** The markers' GeoJSON features: one per problem of the selection that has a place. */
function issueMarkerFeatures(): Feature[] {
  return issuesOf(...selectedFeatures())
    .filter((issue) => issue.at)
    .map((issue) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: issue.at! }, properties: { reason: issue.reason } }));
}

/**
 * Red markers where the selected features have problems, so each message has its place. They
 * follow the selection after the frame that outlines it (map/after-paint.ts), and the source is
 * only set when the markers change: most selections have none before and after, and each
 * setData redraws the whole map.
 */
export function attachIssueMarkers(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'issue-markers',
    type: 'circle',
    source: SOURCE,
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(211, 47, 47, 0.25)', 'circle-stroke-color': '#d32f2f', 'circle-stroke-width': 2.5 },
  });
  let shown = '[]';
  const render = () => {
    const features = issueMarkerFeatures();
    const key = JSON.stringify(features);
    if (key === shown) return;
    shown = key;
    (map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  };
  const updates = coalescedAfterPaint(render);
  render();
  const unsubscribers = [
    useUiStore.subscribe((s, p) => s.selectedIds !== p.selectedIds && updates.request()),
    useDocumentStore.subscribe((s, p) => s.document !== p.document && updates.request()),
    updates.cancel,
  ];
  return () => unsubscribers.forEach((u) => u());
}
