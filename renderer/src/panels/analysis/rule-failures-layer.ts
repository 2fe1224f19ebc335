import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { useDocumentStore } from '../../state/document-store';
import { currentAnalysis, subscribeAnalysis } from './use-analysis';

const SOURCE = 'rule-failure-segments';
const FAIL_RED = '#d32f2f';

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
    // The colour is read from each feature, not set once for the layer: MapLibre then draws it
    // with the line program the park's outlines already use (colour per feature). A constant
    // colour needs a program of its own, compiled on the first frame that shows a failing rule,
    // a task of 130-900 ms in software WebGL just after a large park opens (issue 13 bug 7).
    paint: { 'line-color': ['get', 'colour'], 'line-width': 6, 'line-opacity': 0.8 },
  });
  const render = () => {
    const { document: doc, loadSeq } = useDocumentStore.getState();
    const features: Feature[] = doc
      ? (currentAnalysis(doc, loadSeq)?.rules ?? [])
          .filter((rule) => rule.status === 'fail')
          .flatMap((rule) => (rule.segments ?? []).map((geometry): Feature => ({ type: 'Feature', geometry, properties: { rule: rule.id, colour: FAIL_RED } })))
      : [];
    (map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  };
  render();
  return subscribeAnalysis(render);
}
