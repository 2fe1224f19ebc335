import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Geometry, Position } from 'geojson';
import { activeScenario, type ParkFeature } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Class of the overlay element; its paths carry `data-state` and `data-ids` (tests read them). */
export const SELECTION_OVERLAY_CLASS = 'map-selection-overlay';

/** Outline of the selected features (drawn on top) and of the hovered ones. */
const OUTLINES = [
  { state: 'hovered', colour: '#ff9800', widthPx: 3 },
  { state: 'selected', colour: '#0066ff', widthPx: 3.5 },
] as const;
const POINT_RADIUS_PX = 10;

// The scenario's features by id, rebuilt only when the feature list changes (features are immutable).
const indexes = new WeakMap<readonly ParkFeature[], Map<string, ParkFeature>>();
function byId(features: readonly ParkFeature[]): Map<string, ParkFeature> {
  let index = indexes.get(features);
  if (!index) {
    index = new Map(features.map((f) => [f.id, f]));
    indexes.set(features, index);
  }
  return index;
}

/** SVG path data of a geometry as it lies on the screen now (outlines at ground level). */
function pathOf(map: MapLibreMap, geometry: Geometry): string {
  const line = (positions: Position[], closed: boolean) => {
    const points = positions.map((p) => {
      const { x, y } = map.project([p[0], p[1]]);
      return `${x.toFixed(1)} ${y.toFixed(1)}`;
    });
    return points.length > 0 ? `M${points.join('L')}${closed ? 'Z' : ''}` : '';
  };
  switch (geometry.type) {
    case 'Point': {
      const { x, y } = map.project([geometry.coordinates[0], geometry.coordinates[1]]);
      const r = POINT_RADIUS_PX;
      return `M${(x - r).toFixed(1)} ${y.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
    }
    case 'MultiPoint':
      return geometry.coordinates.map((c) => pathOf(map, { type: 'Point', coordinates: c })).join('');
    case 'LineString':
      return line(geometry.coordinates, false);
    case 'MultiLineString':
      return geometry.coordinates.map((l) => line(l, false)).join('');
    case 'Polygon':
      return geometry.coordinates.map((ring) => line(ring, true)).join('');
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon.map((ring) => line(ring, true))).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => pathOf(map, g)).join('');
  }
}

/**
 * Outlines the selected and hovered features in an SVG layer over the map canvas. A selection
 * changes no map source, layer or feature state, so the map does not redraw: with software
 * WebGL one redraw of a 5,000-feature park takes the best part of a second, while this layer
 * appears in the next frame. It follows the camera on every move, at ground level as the map's
 * own outline layer drew it.
 */
export function attachSelectionOverlay(map: MapLibreMap): () => void {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', SELECTION_OVERLAY_CLASS);
  svg.setAttribute('aria-hidden', 'true');
  Object.assign(svg.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', pointerEvents: 'none' });
  const paths = OUTLINES.map(({ state, colour, widthPx }) => {
    const path = document.createElementNS(SVG_NS, 'path');
    path.dataset.state = state;
    Object.assign(path.style, { fill: 'none', stroke: colour, strokeWidth: String(widthPx), strokeLinejoin: 'round' });
    svg.appendChild(path);
    return path;
  });
  map.getCanvasContainer().appendChild(svg);

  const render = () => {
    const { selectedIds, hoveredIds } = useUiStore.getState();
    const doc = useDocumentStore.getState().document;
    const features = doc && selectedIds.length + hoveredIds.length > 0 ? byId(activeScenario(doc).features) : new Map<string, ParkFeature>();
    const selected = new Set(selectedIds);
    const idsOf = { selected: selectedIds, hovered: hoveredIds.filter((id) => !selected.has(id)) };
    OUTLINES.forEach(({ state }, i) => {
      const shown = idsOf[state].filter((id) => features.has(id));
      paths[i].dataset.ids = shown.join(' ');
      paths[i].setAttribute('d', shown.map((id) => pathOf(map, features.get(id)!.geometry as Geometry)).join(''));
    });
  };
  render();
  map.on('move', render);
  map.on('resize', render);
  const unsubscribeUi = useUiStore.subscribe((s, p) => (s.selectedIds !== p.selectedIds || s.hoveredIds !== p.hoveredIds) && render());
  const unsubscribeDocument = useDocumentStore.subscribe((s, p) => s.document !== p.document && render());
  return () => {
    map.off('move', render);
    map.off('resize', render);
    unsubscribeUi();
    unsubscribeDocument();
    svg.remove();
  };
}
