import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { useDocumentStore } from '../../state/document-store';
import { currentAnalysis, subscribeAnalysis } from './use-analysis';

const SOURCE = 'rule-failure-segments';

/**
 * Boundary stretches where a rule fails (the green isolation strip narrower than required),
 * drawn on the map in red so the planner sees where to widen it, not only that it fails.
 */
export function attachRuleFailureSegments(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'rule-failure-segments',
    type: 'line',
    source: SOURCE,
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': '#d32f2f', 'line-width': 6, 'line-opacity': 0.8 },
  });
  const render = () => {
    const { document: doc, loadSeq } = useDocumentStore.getState();
    const features: Feature[] = doc
      ? (currentAnalysis(doc, loadSeq)?.rules ?? [])
          .filter((rule) => rule.status === 'fail')
          .flatMap((rule) => (rule.segments ?? []).map((geometry): Feature => ({ type: 'Feature', geometry, properties: { rule: rule.id } })))
      : [];
    (map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  };
  render();
  return subscribeAnalysis(render);
}
