import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { ecoFlowsOf, FLOW_KINDS, type FlowKind } from '../../../shared/eco/flows';
import { translate } from '../i18n/strings';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useEcoFlows } from '../panels/eco/eco-flows-store';

/**
 * Accepted symbiosis exchanges drawn as flows between plots (shared/eco/flows.ts), in a GeoJSON
 * source of their own above the park: a curved line with an arrowhead at the receiver, its width
 * by quantity, its colour by kind. Switched from the Eco panel; a legend says the colours.
 */

export const ECO_FLOWS_SOURCE_ID = 'eco-flows';
export const ECO_FLOWS_LAYER_ID = 'eco-flows-line';

/** Colours by kind, far from the land-use fills: heat red-orange, by-products brown, water blue. */
export const FLOW_COLOURS: Record<FlowKind, string> = { heat: '#d7301f', 'by-product': '#7f3b08', water: '#1f78b4' };

function legendHtml(lang: 'en' | 'vi'): string {
  const rows = FLOW_KINDS.map((k) => `<div><i style="background:${FLOW_COLOURS[k]}"></i>${translate(lang, `eco.flows.kind.${k}`)}</div>`);
  return `<strong>${translate(lang, 'eco.flows.legend')}</strong>${rows.join('')}<div class="eco-flow-legend-note">${translate(lang, 'eco.flows.widthNote')}</div>`;
}

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
  const legend = document.createElement('div');
  legend.className = 'eco-flow-legend';
  legend.setAttribute('role', 'note');
  legend.hidden = true;
  map.getContainer().appendChild(legend);

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
    legend.hidden = !show || featureCount === 0;
    if (!legend.hidden) legend.innerHTML = legendHtml(useUiStore.getState().lang);
  };
  const schedule = () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 0);
  };
  const unsubs = [
    useDocumentStore.subscribe((s, p) => s.document !== p.document && schedule()),
    useEcoFlows.subscribe((s, p) => s.showFlows !== p.showFlows && schedule()),
    useUiStore.subscribe((s, p) => s.lang !== p.lang && schedule()),
  ];
  refresh();
  return () => {
    unsubs.forEach((u) => u());
    clearTimeout(pending);
    legend.remove();
    if (map.getLayer(ECO_FLOWS_LAYER_ID)) map.removeLayer(ECO_FLOWS_LAYER_ID);
    if (map.getSource(ECO_FLOWS_SOURCE_ID)) map.removeSource(ECO_FLOWS_SOURCE_ID);
  };
}
