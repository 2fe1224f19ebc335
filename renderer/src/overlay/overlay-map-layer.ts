import type { GeoJSONSource, ImageSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { createLocalFrame, lonLatToLocal } from '../../../shared/geometry/local-frame';
import type { Overlay, OverlayCorners } from '../../../shared/overlay';
import { FIRST_PARK_LAYER } from '../map/map-style';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { completePick, currentOverlays, patchOverlay, useOverlayUi } from './overlay-store';
import { overlayDataUrl } from './read-overlay-file';

/** Ids on the map; tests read the image sources by these. */
export const overlaySourceId = (id: string) => `overlay-image-${id}`;
export const overlayLayerId = (id: string) => `overlay-raster-${id}`;
export const OVERLAY_HANDLES_LAYER = 'overlay-handles';
const HANDLES_SOURCE = 'overlay-handles';
const OUTLINE_LAYER = 'overlay-outline';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function handlesGeoJson(corners: OverlayCorners): FeatureCollection {
  const points: Feature[] = corners.map((c, corner) => ({ type: 'Feature', properties: { corner }, geometry: { type: 'Point', coordinates: c } }));
  const outline: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...corners, corners[0]] } };
  return { type: 'FeatureCollection', features: [outline, ...points] };
}

/**
 * Shows the document's visible overlays as MapLibre image sources under the park layers (and
 * above any basemap), and the corner handles of the overlay being adjusted. Dragging a handle
 * moves its corner live; the document is written once, on release, so a drag is one change.
 */
export function attachOverlays(map: MapLibreMap): () => void {
  /** What each image source currently shows, to update in place instead of reloading the image. */
  const shown = new Map<string, { data: string; corners: OverlayCorners }>();
  let drag: { id: string; corner: number; corners: OverlayCorners } | null = null;

  map.addSource(HANDLES_SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: OUTLINE_LAYER, type: 'line', source: HANDLES_SOURCE, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#d81b60', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
  map.addLayer({
    id: OVERLAY_HANDLES_LAYER,
    type: 'circle',
    source: HANDLES_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-stroke-color': '#d81b60', 'circle-stroke-width': 2.5 },
  });

  const removeOverlay = (id: string) => {
    if (map.getLayer(overlayLayerId(id))) map.removeLayer(overlayLayerId(id));
    if (map.getSource(overlaySourceId(id))) map.removeSource(overlaySourceId(id));
    shown.delete(id);
  };

  /** Overlays sit just under the park, in list order (last on top), above an online basemap. */
  const order = (overlays: Overlay[]) => {
    if (!map.getLayer(FIRST_PARK_LAYER)) return;
    for (const o of overlays) if (map.getLayer(overlayLayerId(o.id))) map.moveLayer(overlayLayerId(o.id), FIRST_PARK_LAYER);
  };

  const renderHandles = (overlays: Overlay[]) => {
    const { adjustingId } = useOverlayUi.getState();
    const overlay = overlays.find((o) => o.id === adjustingId && o.visible);
    const corners = drag && drag.id === adjustingId ? drag.corners : overlay?.corners;
    (map.getSource(HANDLES_SOURCE) as GeoJSONSource).setData(overlay && corners ? handlesGeoJson(corners) : EMPTY);
  };

  const sync = () => {
    const overlays = currentOverlays();
    const visible = overlays.filter((o) => o.visible);
    for (const id of [...shown.keys()]) if (!visible.some((o) => o.id === id)) removeOverlay(id);
    for (const o of visible) {
      const current = shown.get(o.id);
      // Same string object when unchanged, so this comparison does not walk megabytes of base64.
      if (current && current.data !== o.dataBase64) removeOverlay(o.id);
      if (!shown.has(o.id)) {
        map.addSource(overlaySourceId(o.id), { type: 'image', url: overlayDataUrl(o), coordinates: o.corners });
        map.addLayer({ id: overlayLayerId(o.id), type: 'raster', source: overlaySourceId(o.id), paint: { 'raster-opacity': o.opacity, 'raster-fade-duration': 0 } }, FIRST_PARK_LAYER);
      } else {
        if (current && current.corners !== o.corners && !(drag && drag.id === o.id)) (map.getSource(overlaySourceId(o.id)) as ImageSource).setCoordinates(o.corners);
        map.setPaintProperty(overlayLayerId(o.id), 'raster-opacity', o.opacity);
      }
      shown.set(o.id, { data: o.dataBase64, corners: o.corners });
    }
    order(visible);
    renderHandles(overlays);
  };

  const onDown = (event: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => {
    const { adjustingId } = useOverlayUi.getState();
    const overlay = currentOverlays().find((o) => o.id === adjustingId);
    const corner = Number(event.features?.[0]?.properties.corner);
    if (!overlay || !Number.isInteger(corner) || event.originalEvent.button !== 0) return;
    event.preventDefault();
    map.dragPan.disable();
    drag = { id: overlay.id, corner, corners: overlay.corners };
    map.getCanvas().style.cursor = 'grabbing';
    // A release outside the map never reaches the map's own mouseup: end the drag there too.
    window.addEventListener('mouseup', onUp, { once: true });
  };
  const onMove = (event: MapMouseEvent) => {
    if (drag) {
      const corners = drag.corners.map((c, i) => (i === drag!.corner ? [event.lngLat.lng, event.lngLat.lat] : c)) as OverlayCorners;
      drag = { ...drag, corners };
      (map.getSource(overlaySourceId(drag.id)) as ImageSource | undefined)?.setCoordinates(corners);
      (map.getSource(HANDLES_SOURCE) as GeoJSONSource).setData(handlesGeoJson(corners));
      return;
    }
    if (useOverlayUi.getState().pick?.pixel) map.getCanvas().style.cursor = 'crosshair';
  };
  function onUp(event?: MapMouseEvent | MouseEvent) {
    if (!drag) return;
    // The corner goes where the mouse is released, even if its last move was not seen.
    const at = releasePoint(event);
    if (at) drag = { ...drag, corners: drag.corners.map((c, i) => (i === drag!.corner ? at : c)) as OverlayCorners };
    const done = drag;
    drag = null;
    map.dragPan.enable();
    map.getCanvas().style.cursor = '';
    window.removeEventListener('mouseup', onUp);
    patchOverlay(done.id, { corners: done.corners });
  }
  function releasePoint(event?: MapMouseEvent | MouseEvent): [number, number] | null {
    if (!event) return null;
    if ('lngLat' in event) return [event.lngLat.lng, event.lngLat.lat];
    const box = map.getCanvas().getBoundingClientRect();
    const { lng, lat } = map.unproject([event.clientX - box.left, event.clientY - box.top]);
    return [lng, lat];
  }
  const onHandleEnter = () => {
    if (!drag) map.getCanvas().style.cursor = 'move';
  };
  const onClick = (event: MapMouseEvent) => {
    if (useOverlayUi.getState().pick?.pixel) completePick(event.lngLat.lng, event.lngLat.lat);
  };

  map.on('mousedown', OVERLAY_HANDLES_LAYER, onDown);
  map.on('mouseenter', OVERLAY_HANDLES_LAYER, onHandleEnter);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);
  map.on('click', onClick);

  useOverlayUi.setState({
    viewExtent: () => {
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      if (w === 0 || h === 0) return null;
      const center = map.getCenter();
      // Measured along the horizontal middle line, which a tilted (3D) view does not stretch.
      const left = map.unproject([0, h / 2]);
      const right = map.unproject([w, h / 2]);
      const frame = createLocalFrame(center.lng, center.lat);
      const [x0, y0] = lonLatToLocal(frame, left.lng, left.lat);
      const [x1, y1] = lonLatToLocal(frame, right.lng, right.lat);
      const widthM = Math.hypot(x1 - x0, y1 - y0);
      return { center: [center.lng, center.lat], widthM, heightM: (widthM * h) / w };
    },
  });

  const unsubscribers = [
    useDocumentStore.subscribe((s, p) => {
      if (s.document?.settings !== p.document?.settings) sync();
    }),
    useOverlayUi.subscribe((s, p) => {
      if (s.adjustingId !== p.adjustingId) renderHandles(currentOverlays());
      const preview = s.previewOpacity;
      if (preview && preview !== p.previewOpacity && map.getLayer(overlayLayerId(preview.overlayId))) {
        map.setPaintProperty(overlayLayerId(preview.overlayId), 'raster-opacity', preview.opacity);
      }
    }),
    useUiStore.subscribe((s, p) => {
      // The map view re-inserts an online basemap just under the park after this listener
      // runs; restore the overlays above it once it has.
      const rebuilt = s.basemap !== p.basemap || s.customBasemapUrl !== p.customBasemapUrl || s.customBasemapAttribution !== p.customBasemapAttribution;
      if (rebuilt) queueMicrotask(() => order(currentOverlays().filter((o) => o.visible)));
    }),
  ];
  sync();

  return () => {
    unsubscribers.forEach((u) => u());
    map.off('mousedown', OVERLAY_HANDLES_LAYER, onDown);
    map.off('mouseenter', OVERLAY_HANDLES_LAYER, onHandleEnter);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
    map.off('click', onClick);
    useOverlayUi.setState({ viewExtent: null });
    for (const id of [...shown.keys()]) removeOverlay(id);
  };
}
