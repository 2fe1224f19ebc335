import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { LonLat } from './tool-store';

/**
 * What the drawing and editing controllers need from a map, and nothing more (after
 * terra-draw's adapters): screen ↔ lng/lat, pointer events with lng/lat and modifier keys,
 * GeoJSON sources for drafts and handles, hit-testing, the cursor and the map's own gestures.
 * One implementation wraps MapLibre (maplibre-adapter.ts); unit tests drive the controllers
 * through a fake, without a map library or a DOM.
 */

/** A point on the map canvas, CSS pixels from its top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

export interface MapPointerEvent {
  lngLat: LonLat;
  point: ScreenPoint;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  /** Mouse button of a press (0 primary, 2 secondary). */
  button: number;
  /** Keeps the map's own handling of this event (pan on drag, zoom on double-click). */
  preventDefault(): void;
}

export const POINTER_EVENT_TYPES = ['down', 'move', 'up', 'click', 'dblclick', 'contextmenu'] as const;
export type PointerEventType = (typeof POINTER_EVENT_TYPES)[number];

/** A feature drawn on the map at a queried place; `source` names the GeoJSON source. */
export interface RenderedFeature {
  source: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
}

/** The map's own gestures that drawing has to switch off at times. */
export type MapInteraction = 'dragPan' | 'doubleClickZoom' | 'boxZoom';

/** A rectangle on screen, CSS pixels. */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface MapAdapter {
  project(at: LonLat): ScreenPoint;
  unproject(point: ScreenPoint): LonLat;
  setCursor(cursor: string): void;
  /** Adds a GeoJSON source and layers drawing from it, once (later calls are no-ops). */
  addGeoJsonLayers(sourceId: string, layers: LayerSpecification[]): void;
  setSourceData(sourceId: string, data: FeatureCollection): void;
  /** Subscribes to pointer events on the map; returns the unsubscribe function. */
  on(type: PointerEventType, handler: (event: MapPointerEvent) => void): () => void;
  /** Features rendered at a point or inside a box [corner, opposite corner], optionally of some layers only. */
  featuresAt(area: ScreenPoint | [ScreenPoint, ScreenPoint], layers?: string[]): RenderedFeature[];
  setInteraction(interaction: MapInteraction, enabled: boolean): void;
  /** Shows the Shift-drag selection rectangle, or hides it (null). */
  showSelectionBox(box: ScreenBox | null): void;
  /**
   * Calls `run` once the frame being prepared has been painted (map/after-paint.ts): a source
   * update made before would hold that frame back by a whole map redraw. Returns a cancel function.
   */
  afterPaint(run: () => void): () => void;
}
