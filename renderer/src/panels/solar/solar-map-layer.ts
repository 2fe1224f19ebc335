import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { activeScenario } from '../../../../shared/model';
import { buildingHeightM, NO_MODULES_COLOUR } from '../../../../shared/solar';
import { translate } from '../../i18n/strings';
import { fmt } from './format';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';
import { bandsOf, colourOf, legendEntries, metricValue } from './colour-scale';
import { useSolarStore } from './solar-store';

export const SOLAR_SOURCE_ID = 'solar-roofs';
export const SOLAR_LAYER_ID = 'solar-roof-colour';
/**
 * Roofs recoloured per frame. In the frame after a feature-state change MapLibre rewrites the
 * colour of every changed roof in its tile buffers (about 15 µs a roof, 3,400 roofs ≈ 55 ms):
 * a few hundred per frame keeps each frame short, and a park recolours within a second.
 */
const RECOLOUR_BATCH = 250;

/** Building footprints as thin slabs on their roofs; colours come from feature state. */
function roofGeometry(): FeatureCollection {
  const doc = useDocumentStore.getState().document;
  const features: Feature<Polygon | MultiPolygon>[] = [];
  if (doc) {
    for (const f of activeScenario(doc).features) {
      if (f.kind !== 'building') continue;
      const h = buildingHeightM(f);
      features.push({ type: 'Feature', geometry: f.geometry, properties: { id: f.id, base: h, top: h + 0.4 } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Colour per roof id on the fixed bands of the current metric (never stretched to this park). */
function roofColours(): Map<string, string> {
  const { result, metric } = useSolarStore.getState();
  const colours = new Map<string, string>();
  if (!result) return colours;
  const bands = bandsOf(metric);
  for (const b of result.buildings) colours.set(b.id, colourOf(metricValue(b, metric), bands));
  return colours;
}

/** The legend: every fixed band with its range and name (the data holds only numbers and names). */
export function legendHtml(lang: 'en' | 'vi', metric: 'specificYield' | 'kwhPerM2Roof'): string {
  const title = translate(lang, metric === 'specificYield' ? 'solar.metric.specificYield' : 'solar.metric.kwhPerM2');
  const rows = legendEntries(metric, lang, (v) => fmt(lang, v, 0));
  return `<strong>${translate(lang, 'solar.legend')}</strong><div>${title}</div>${rows.map((r) => `<div><i style="background:${r.colour}"></i>${r.range} · ${r.name}</div>`).join('')}<div><i style="background:${NO_MODULES_COLOUR}"></i>${translate(lang, 'solar.legendNoModules')}</div><div class="solar-legend-note">${translate(lang, 'solar.legendFixed')}</div>`;
}

export function attachSolarLayer(map: MapLibreMap): () => void {
  // promoteId: colours are feature state, so a new result recolours without re-tiling the roofs.
  map.addSource(SOLAR_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
  map.addLayer({
    id: SOLAR_LAYER_ID,
    type: 'fill-extrusion',
    source: SOLAR_SOURCE_ID,
    paint: {
      'fill-extrusion-color': ['coalesce', ['feature-state', 'color'], NO_MODULES_COLOUR],
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
  let shownDocument: unknown = null;
  let legendShown = '';
  const painted = new Map<string, string>();
  let pending: ReturnType<typeof setTimeout> | undefined;
  /** Roofs still to recolour, [id, colour], a batch per animation frame. */
  let recolourQueue: [string, string][] = [];
  let recolourFrame = 0;
  const recolourBatch = () => {
    recolourFrame = 0;
    for (const [id, color] of recolourQueue.splice(0, RECOLOUR_BATCH)) {
      map.setFeatureState({ source: SOLAR_SOURCE_ID, id }, { color });
      painted.set(id, color);
    }
    if (recolourQueue.length > 0) recolourFrame = requestAnimationFrame(recolourBatch);
  };
  // In a task of its own, after React has rendered the panel for the same result.
  const scheduleRefresh = () => {
    clearTimeout(pending);
    pending = setTimeout(refresh, 0);
  };
  const refresh = () => {
    const { result, panelOpen } = useSolarStore.getState();
    if (map.getLayer(SOLAR_LAYER_ID)) map.setLayoutProperty(SOLAR_LAYER_ID, 'visibility', panelOpen ? 'visible' : 'none');
    const doc = useDocumentStore.getState().document;
    const source = map.getSource(SOLAR_SOURCE_ID) as GeoJSONSource | undefined;
    if (!source) return;
    cancelAnimationFrame(recolourFrame);
    recolourQueue = [];
    if (!result) {
      source.setData({ type: 'FeatureCollection', features: [] });
      shownDocument = null;
      painted.clear();
      legend.hidden = true;
      return;
    }
    // Geometry only when the features changed; otherwise (weather, assumptions) just recolour.
    const features = doc ? activeScenario(doc).features : null;
    if (features !== shownDocument) {
      source.setData(roofGeometry());
      shownDocument = features;
      painted.clear();
    }
    const colours = roofColours();
    // Only roofs whose colour class changed: a weather or assumption edit often moves few.
    recolourQueue = [...colours].filter(([id, color]) => painted.get(id) !== color);
    recolourBatch();
    legend.hidden = colours.size === 0 || !panelOpen;
    // Rewritten only when it changes: a new result alone would otherwise lay the legend out anew.
    const html = legendHtml(useUiStore.getState().lang, useSolarStore.getState().metric);
    if (!legend.hidden && html !== legendShown) legend.innerHTML = legendShown = html;
  };
  const unsubs = [
    useSolarStore.subscribe((s, p) => {
      if (s.result !== p.result || s.metric !== p.metric || s.panelOpen !== p.panelOpen) scheduleRefresh();
    }),
    useUiStore.subscribe((s, p) => {
      if (s.lang !== p.lang) scheduleRefresh();
    }),
  ];
  refresh();
  return () => {
    unsubs.forEach((u) => u());
    clearTimeout(pending);
    cancelAnimationFrame(recolourFrame);
    legend.remove();
    if (map.getLayer(SOLAR_LAYER_ID)) map.removeLayer(SOLAR_LAYER_ID);
    if (map.getSource(SOLAR_SOURCE_ID)) map.removeSource(SOLAR_SOURCE_ID);
  };
}
