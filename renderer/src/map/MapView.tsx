import { useEffect, useRef } from 'react';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import bbox from '@turf/bbox';
import type { FeatureCollection } from 'geojson';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import labelFontUrl from '../../../data/fonts/NotoSans-Regular.ttf?url';
import countriesUrl from '../../../data/basemap/indochina-countries.geojson?url';
import { activeScenario, type ParkFeature } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate } from '../i18n/strings';
import { CLICKABLE_LAYERS, PARK_LAYER_IDS, baseStyle } from './map-style';
import { diffFeatures, inBatches, scenarioToMapGeoJson, toMapFeature, westToEast } from './park-geojson';
import { attachBasemapLayers } from './offline-basemap/basemap-layers';
import { NorthArrowControl } from './north-arrow';
import { applyMapUiLanguage } from './map-ui-language';
import { MAP_EXTENSIONS } from './extensions';
import { attachGoTo } from './go-to-map';
import { attachSelectionOverlay } from './selection-overlay';
import { attachHitTestWarmup } from './hit-test-warmup';
import { webglIsSoftware } from './software-webgl';
import { useToolStore } from '../drawing/tool-store';
import { useOverlayUi } from '../overlay/overlay-store';

// MapLibre 6 loads its worker as a separate, self-contained module next to its bundle; once
// bundled by Vite that guess is wrong, so point it at the copy Vite emits (offline, same origin).
setWorkerUrl(new URL(maplibreWorkerUrl, document.baseURI).href);

const TILTED_PITCH = 50;
/** Features sent to the map's worker per task when a whole park is shown. */
const MAP_BATCH_FEATURES = 1000;

declare global {
  interface Window {
    /** Handle for end-to-end tests and debugging: the live map. */
    __ecoparkMap?: MapLibreMap;
  }
}

function fitTo(map: MapLibreMap, collection: FeatureCollection, animate: boolean) {
  if (collection.features.length === 0) return;
  const [minX, minY, maxX, maxY] = bbox(collection);
  map.fitBounds(
    [
      [minX, minY],
      [maxX, maxY],
    ],
    { padding: 60, maxZoom: 18, duration: animate ? 600 : 0, pitch: map.getPitch(), bearing: map.getBearing() },
  );
}

/** The map: a view of the active scenario of the document store (DESIGN.md §2). */
export function MapView() {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const ui = useUiStore.getState();
    const initialDoc = useDocumentStore.getState().document;
    const location = initialDoc?.project.location ?? { lon: 106.0, lat: 21.1 };
    const map = new MapLibreMap({
      container,
      style: baseStyle(new URL(labelFontUrl, document.baseURI).href),
      center: [location.lon, location.lat],
      zoom: 13.5,
      pitch: ui.view3d ? TILTED_PITCH : 0,
      maxPitch: 70,
      attributionControl: { compact: false },
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: !webglIsSoftware() },
    });
    window.__ecoparkMap = map;
    map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new NorthArrowControl(translate(ui.lang, 'map.northArrow')), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 160 }), 'bottom-left');
    applyMapUiLanguage(map, ui.lang);

    let lastLoadRevision = -1;
    const unsubscribers: (() => void)[] = [];

    const parkSource = () => map.getSource('park') as GeoJSONSource | undefined;
    // The park's layers a click can select (hidden ones are not drawn, so cannot be hit).
    const clickableLayers = () => CLICKABLE_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    const hitTestWarmup = attachHitTestWarmup(map, clickableLayers);
    unsubscribers.push(hitTestWarmup.detach);

    let shown: { scenarioId: string; features: ParkFeature[] } | null = null;
    // A newly shown park still being sent to the map (see sendInBatches); stop() abandons it.
    let pendingBatches: { stop(): void } | null = null;
    const sendInBatches = (source: GeoJSONSource, collection: FeatureCollection) => {
      // Cloning thousands of features to the map's worker is one long task, so a large park
      // goes in batches (the first draws at once). The worker takes one message at a time and
      // merges whatever queues meanwhile into its next message: queued all at once, four
      // batches went as one 4,000-feature clone, a 230 ms task. So one batch waits behind the
      // one being processed, and the next is queued when that one is done: every message is
      // one batch, and the worker never waits for work.
      const [first, ...rest] = inBatches(westToEast(collection.features), MAP_BATCH_FEATURES);
      let stopped = false;
      const queueNext = () => {
        if (stopped || rest.length === 0) return;
        void source.updateData({ add: rest.shift()! }).then(queueNext, queueNext);
        if (rest.length === 0) {
          pendingBatches = null;
          countSent(collection.features.length);
        }
      };
      void source.setData({ type: 'FeatureCollection', features: first ?? [] }).then(queueNext, queueNext);
      pendingBatches = rest.length > 0 ? { stop: () => void (stopped = true) } : null;
      countSent(pendingBatches ? null : collection.features.length);
      queueNext();
    };
    // How many features the map has been sent, once all are (tests and the bench wait for it).
    const countSent = (count: number | null) => {
      map.getCanvas().dataset.parkFeatures = count === null ? '' : String(count);
      if (count !== null) hitTestWarmup.markStale();
    };
    const renderDocument = (fit: boolean) => {
      const doc = useDocumentStore.getState().document;
      const scenario = doc ? activeScenario(doc) : null;
      const source = parkSource();
      if (!source) return;
      if (pendingBatches !== null) {
        // Still sending a park: start over with the document as it is now.
        pendingBatches.stop();
        pendingBatches = null;
        shown = null;
      }
      if (!fit && scenario && shown && shown.scenarioId === scenario.id) {
        // An edit touches a few features: send only those to the map's worker.
        const diff = diffFeatures(shown.features, scenario.features);
        if (diff.put.length + diff.removedIds.length < scenario.features.length / 2) {
          shown = { scenarioId: scenario.id, features: scenario.features };
          countSent(scenario.features.length);
          if (diff.put.length === 0 && diff.removedIds.length === 0) return;
          // MapLibre replaces a feature whose id is added again, so changed ones go in `add`.
          void source.updateData({ remove: diff.removedIds, add: diff.put.map(toMapFeature) });
          return;
        }
      }
      shown = scenario ? { scenarioId: scenario.id, features: scenario.features } : null;
      const collection = scenario ? scenarioToMapGeoJson(scenario) : { type: 'FeatureCollection' as const, features: [] };
      sendInBatches(source, collection);
      if (fit) fitTo(map, collection, false);
    };

    const render3d = () => {
      const { view3d } = useUiStore.getState();
      map.setLayoutProperty(PARK_LAYER_IDS.buildings3d, 'visibility', view3d ? 'visible' : 'none');
      map.setLayoutProperty(PARK_LAYER_IDS.buildings2d, 'visibility', view3d ? 'none' : 'visible');
      map.easeTo({ pitch: view3d ? TILTED_PITCH : 0, duration: 400 });
    };

    map.on('load', () => {
      fetch(countriesUrl)
        .then((response) => response.json())
        .then((data: FeatureCollection) => (map.getSource('countries') as GeoJSONSource).setData(data))
        .catch(() => undefined);
      lastLoadRevision = useDocumentStore.getState().loadSeq;
      renderDocument(true);
      render3d();
      // Basemaps first (Natural Earth, then a file or online one), then extensions above them.
      unsubscribers.push(attachBasemapLayers(map));
      unsubscribers.push(...MAP_EXTENSIONS.map((attach) => attach(map)));
      unsubscribers.push(attachGoTo(map));
      // Selection and hover outlines: an SVG layer, so a click never waits for a map redraw.
      unsubscribers.push(attachSelectionOverlay(map));
      map.getCanvas().dataset.ready = 'true';

      unsubscribers.push(
        useDocumentStore.subscribe((state, previous) => {
          if (state.document === previous.document) return;
          const loaded = state.loadSeq !== lastLoadRevision;
          lastLoadRevision = state.loadSeq;
          renderDocument(loaded);
        }),
        useUiStore.subscribe((state, previous) => {
          if (state.view3d !== previous.view3d) render3d();
          if (state.lang !== previous.lang) applyMapUiLanguage(map, state.lang);
          if (state.zoomRequest && state.zoomRequest !== previous.zoomRequest) {
            const doc = useDocumentStore.getState().document;
            if (!doc) return;
            const ids = new Set(state.zoomRequest.ids);
            const collection = scenarioToMapGeoJson(activeScenario(doc));
            fitTo(map, { ...collection, features: collection.features.filter((f) => ids.has(String(f.properties?.id))) }, true);
          }
        }),
      );
    });

    const hitAt = ([x, y]: [number, number]): MapGeoJSONFeature | undefined => {
      const layers = clickableLayers();
      const hits = map.queryRenderedFeatures(
        [
          [x - 3, y - 3],
          [x + 3, y + 3],
        ],
        { layers },
      );
      // Prefer the most specific feature: points, buildings, roads, then areas, then the boundary.
      return hits.sort((a, b) => layers.indexOf(a.layer.id) - layers.indexOf(b.layer.id))[0];
    };

    map.on('click', (event) => {
      if (useToolStore.getState().tool !== 'select') return; // drawing tools own clicks
      if (useOverlayUi.getState().pick) return; // picking an overlay control point, not a feature
      const hit = hitAt([event.point.x, event.point.y]);
      const ui = useUiStore.getState();
      const id = hit ? String(hit.properties.id) : null;
      if (event.originalEvent.shiftKey && id) {
        const ids = ui.selectedIds.includes(id) ? ui.selectedIds.filter((s) => s !== id) : [...ui.selectedIds, id];
        ui.select(ids);
      } else {
        ui.select(id ? [id] : []);
      }
    });
    map.on('mousemove', (event) => {
      if (useToolStore.getState().tool !== 'select') return;
      map.getCanvas().style.cursor = hitAt([event.point.x, event.point.y]) ? 'pointer' : '';
    });

    return () => {
      pendingBatches?.stop();
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      map.remove();
      delete window.__ecoparkMap;
    };
  }, []);

  return <div ref={containerRef} className="map" data-testid="map" />;
}
