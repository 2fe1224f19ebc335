import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { ecoFlowsOf, FLOW_COLOURS } from '../../../shared/eco/flows';
import { useDocumentStore } from '../state/document-store';
import { useEcoFlows } from '../panels/eco/eco-flows-store';

/**
 * Accepted symbiosis exchanges drawn as flows between plots (shared/eco/flows.ts), in a GeoJSON
 * source of their own above the park: a curved line with an arrowhead at the receiver, its width
 * by quantity, its colour by kind. Switched from the Eco panel; the main map legend
 * (components/LegendPanel.tsx) lists the colours while flows are drawn.
 */

export const ECO_FLOWS_SOURCE_ID = 'eco-flows';
export const ECO_FLOWS_LAYER_ID = 'eco-flows-line';

export function attachEcoFlows(map: MapLibreMap): () => void {
  map.addSource(ECO_FLOWS_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: ECO_FLOWS_LAYER_ID,
    type: 'line',
    source: ECO_FLOWS_SOURCE_ID,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['match', ['get', 'kind'], 'heat', FLOW_COLOURS.heat, 'water', FLOW_COLOURS.water, FLOW_COLOURS['by-product']],
      'line-width': ['get', 'widthPx'],
      'line-opacity': 0.85,
    },
  });
  let shownEco: unknown = undefined;
  let shownFeatures: unknown = undefined;
  let featureCount = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    const doc = useDocumentStore.getState().document;
    const show = useEcoFlows.getState().showFlows;
    const source = map.getSource(ECO_FLOWS_SOURCE_ID) as GeoJSONSource | undefined;
    if (!source) return;
    map.setLayoutProperty(ECO_FLOWS_LAYER_ID, 'visibility', show ? 'visible' : 'none');
    // Recomputed only when the decisions or the features changed, and only while shown.
    const features = doc?.scenarios.find((s) => s.id === doc.activeScenarioId)?.features;
    if (show && (doc?.settings.eco !== shownEco || features !== shownFeatures)) {
      shownEco = doc?.settings.eco;
      shownFeatures = features;
      const flows = doc ? ecoFlowsOf(doc) : { type: 'FeatureCollection' as const, features: [] };
      featureCount = flows.features.length;
      source.setData(flows);
      map.getCanvas().dataset.ecoFlows = String(featureCount);
    }
    useEcoFlows.getState().setDrawnFlows(show ? featureCount : 0);
  };
  const schedule = () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 0);
  };
  const unsubs = [
    useDocumentStore.subscribe((s, p) => s.document !== p.document && schedule()),
    useEcoFlows.subscribe((s, p) => s.showFlows !== p.showFlows && schedule()),
  ];
  refresh();
  return () => {
    unsubs.forEach((u) => u());
    clearTimeout(pending);
    useEcoFlows.getState().setDrawnFlows(0);
    if (map.getLayer(ECO_FLOWS_LAYER_ID)) map.removeLayer(ECO_FLOWS_LAYER_ID);
    if (map.getSource(ECO_FLOWS_SOURCE_ID)) map.removeSource(ECO_FLOWS_SOURCE_ID);
  };
}
