import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { activeScenario } from '../../../../shared/model';
import { buildingHeightM } from '../../../../shared/solar';
import { formatNumber, translate } from '../../i18n/strings';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { breaksFor, colourOf, metricValue, RAMP } from './colour-scale';
import { useSolarStore } from './solar-store';

export const SOLAR_SOURCE_ID = 'solar-roofs';
export const SOLAR_LAYER_ID = 'solar-roof-colour';

/** Roofs coloured by specific yield or kWh/m² as a thin slab on top of each building. */
function roofCollection(): { data: FeatureCollection; breaks: number[] } {
  const { result, metric } = useSolarStore.getState();
  const doc = useDocumentStore.getState().document;
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (!result || !doc) return { data: empty, breaks: [] };
  const byId = new Map(activeScenario(doc).features.map((f) => [f.id, f]));
  const breaks = breaksFor(result.buildings.map((b) => metricValue(b, metric)));
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const b of result.buildings) {
    const f = byId.get(b.id);
    if (!f || f.kind !== 'building') continue;
    const h = buildingHeightM(f);
    features.push({ type: 'Feature', geometry: f.geometry, properties: { id: b.id, color: colourOf(metricValue(b, metric), breaks), base: h, top: h + 0.4 } });
  }
  return { data: { type: 'FeatureCollection', features }, breaks };
}

function legendHtml(breaks: number[]): string {
  const { lang } = useUiStore.getState();
  const metric = useSolarStore.getState().metric;
  const title = translate(lang, metric === 'specificYield' ? 'solar.metric.specificYield' : 'solar.metric.kwhPerM2');
  const n = (v: number) => formatNumber(lang, v, 0);
  const labels = RAMP.map((_, k) => (k === 0 ? `< ${n(breaks[0])}` : k === RAMP.length - 1 ? `≥ ${n(breaks[k - 1])}` : `${n(breaks[k - 1])} – ${n(breaks[k])}`));
  return `<strong>${translate(lang, 'solar.legend')}</strong><div>${title}</div>${RAMP.map((c, k) => `<div><i style="background:${c}"></i>${labels[k]}</div>`).join('')}`;
}

export function attachSolarLayer(map: MapLibreMap): () => void {
  map.addSource(SOLAR_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: SOLAR_LAYER_ID,
    type: 'fill-extrusion',
    source: SOLAR_SOURCE_ID,
    paint: {
      'fill-extrusion-color': ['get', 'color'],
      'fill-extrusion-base': ['get', 'base'],
      'fill-extrusion-height': ['get', 'top'],
      'fill-extrusion-opacity': 0.9,
    },
  });
  const legend = document.createElement('div');
  legend.className = 'solar-map-legend';
  legend.setAttribute('role', 'note');
  legend.hidden = true;
  map.getContainer().appendChild(legend);
  const refresh = () => {
    const { data, breaks } = roofCollection();
    (map.getSource(SOLAR_SOURCE_ID) as GeoJSONSource | undefined)?.setData(data);
    legend.hidden = data.features.length === 0;
    if (!legend.hidden) legend.innerHTML = legendHtml(breaks);
  };
  const unsubs = [
    useSolarStore.subscribe((s, p) => {
      if (s.result !== p.result || s.metric !== p.metric) refresh();
    }),
    useUiStore.subscribe((s, p) => {
      if (s.lang !== p.lang) refresh();
    }),
  ];
  refresh();
  return () => {
    unsubs.forEach((u) => u());
    legend.remove();
    if (map.getLayer(SOLAR_LAYER_ID)) map.removeLayer(SOLAR_LAYER_ID);
    if (map.getSource(SOLAR_SOURCE_ID)) map.removeSource(SOLAR_SOURCE_ID);
  };
}
