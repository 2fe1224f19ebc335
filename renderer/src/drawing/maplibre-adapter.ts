import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { MapAdapter, MapInteraction, MapPointerEvent, PointerEventType, RenderedFeature } from './map-adapter';
import { attachDrawingTools as attachDrawing } from './draw-controller';
import { attachEditing as attachEdit } from './edit-controller';
import { afterPaint } from '../map/after-paint';

/** The drawing controllers' view of a MapLibre map (map-adapter.ts). */

const MAPLIBRE_EVENTS: Record<PointerEventType, 'mousedown' | 'mousemove' | 'mouseup' | 'click' | 'dblclick' | 'contextmenu'> = {
  down: 'mousedown',
  move: 'mousemove',
  up: 'mouseup',
  click: 'click',
  dblclick: 'dblclick',
  contextmenu: 'contextmenu',
};

function pointerEvent(event: MapMouseEvent): MapPointerEvent {
  const { shiftKey, altKey, ctrlKey, button } = event.originalEvent;
  return {
    lngLat: [event.lngLat.lng, event.lngLat.lat],
    point: { x: event.point.x, y: event.point.y },
    shiftKey,
    altKey,
    ctrlKey,
    button,
    preventDefault: () => event.preventDefault(),
  };
}

export function createMapLibreAdapter(map: MapLibreMap): MapAdapter {
  let selectionBox: HTMLDivElement | null = null;
  const interactions: Record<MapInteraction, { enable(): void; disable(): void }> = {
    dragPan: map.dragPan,
    doubleClickZoom: map.doubleClickZoom,
    boxZoom: map.boxZoom,
  };
  return {
    project: (at) => {
      const p = map.project(at);
      return { x: p.x, y: p.y };
    },
    unproject: (point) => {
      const at = map.unproject([point.x, point.y]);
      return [at.lng, at.lat];
    },
    setCursor: (cursor) => {
      map.getCanvas().style.cursor = cursor;
    },
    addGeoJsonLayers: (sourceId, layers) => {
      if (!map.getSource(sourceId)) map.addSource(sourceId, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of layers) if (!map.getLayer(layer.id)) map.addLayer(layer);
    },
    setSourceData: (sourceId, data) => {
      (map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
    },
    on: (type, handler) => {
      const listener = (event: MapMouseEvent) => handler(pointerEvent(event));
      map.on(MAPLIBRE_EVENTS[type], listener);
      return () => {
        map.off(MAPLIBRE_EVENTS[type], listener);
      };
    },
    featuresAt: (area, layers) => {
      const geometry: [number, number] | [[number, number], [number, number]] = Array.isArray(area)
        ? [[area[0].x, area[0].y], [area[1].x, area[1].y]]
        : [area.x, area.y];
      // MapLibre's features read their geometry lazily, so they are returned as they are.
      return map.queryRenderedFeatures(geometry, layers ? { layers } : {}) as unknown as RenderedFeature[];
    },
    setInteraction: (interaction, enabled) => {
      if (enabled) interactions[interaction].enable();
      else interactions[interaction].disable();
    },
    showSelectionBox: (box) => {
      if (!box) {
        selectionBox?.remove();
        selectionBox = null;
        return;
      }
      if (!selectionBox) {
        selectionBox = document.createElement('div');
        selectionBox.className = 'select-box';
        map.getCanvasContainer().appendChild(selectionBox);
      }
      Object.assign(selectionBox.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    },
    afterPaint,
  };
}

/** Map extensions (map/extensions.ts): the drawing tools and the Select tool's editing on a MapLibre map. */
export const attachDrawingTools = (map: MapLibreMap): (() => void) => attachDrawing(createMapLibreAdapter(map));
export const attachEditing = (map: MapLibreMap): (() => void) => attachEdit(createMapLibreAdapter(map));
