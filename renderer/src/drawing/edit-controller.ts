import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { activeScenario, type ParkFeature, type Position } from '../../../shared/model';
import { createLocalFrame, lonLatToLocal } from '../../../shared/geometry/local-frame';
import { translateFeature } from '../../../shared/geometry/transform';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import { useToolStore } from './tool-store';
import { insertVertex } from '../../../shared/editing/vertex-edit';
import { deleteVertexCommand, insertVertexCommand, moveCommand } from '../../../shared/editing/commands';
import { handlesOf, moveSharedVertex, samePosition } from './vertex-edit';
import { applyEdit, applyResult, selectedFeatures } from './edit-actions';

/**
 * Editing in the Select tool: vertex handles on a single selected shape (drag to move — every
 * feature sharing that vertex moves with it —, drag or click a midpoint to insert, Alt-click or
 * right-click a vertex to delete), drag the selection's body to move it, Shift-drag to select
 * by box. Each gesture commits exactly one command when the mouse is released.
 */

const HANDLES = 'edit-handles';
const PREVIEW = 'edit-preview';

function t(key: MessageKey) {
  return translate(useUiStore.getState().lang, key);
}

type Gesture =
  | { kind: 'vertex'; from: Position; to: Position; moved: boolean }
  | { kind: 'midpoint'; featureId: string; path: number[]; edgeIndex: number; to: Position; moved: boolean }
  | { kind: 'body'; start: Position; to: Position; moved: boolean }
  | { kind: 'box'; start: { x: number; y: number }; end: { x: number; y: number }; box: HTMLDivElement };

function scenarioFeatures(): ParkFeature[] {
  const doc = useDocumentStore.getState().document;
  return doc ? activeScenario(doc).features : [];
}

/** Features changed by moving the shared vertex `from` to `to` (the selection and neighbours). */
function vertexMoveResult(from: Position, to: Position): ParkFeature[] {
  return scenarioFeatures()
    .map((f) => moveSharedVertex(f, from, to))
    .filter((f): f is ParkFeature => f !== null);
}

function offsetMetres(start: Position, to: Position): [number, number] {
  return lonLatToLocal(createLocalFrame(start[0], start[1]), to[0], to[1]);
}

function singleEditable(): ParkFeature | null {
  const selected = selectedFeatures();
  return selected.length === 1 && selected[0].kind !== 'point' ? selected[0] : null;
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

export function attachEditing(map: MapLibreMap): () => void {
  map.addSource(HANDLES, { type: 'geojson', data: collection([]) });
  map.addSource(PREVIEW, { type: 'geojson', data: collection([]) });
  map.addLayer({ id: 'edit-preview-line', type: 'line', source: PREVIEW, paint: { 'line-color': '#0066ff', 'line-width': 2, 'line-dasharray': [2, 1] } });
  map.addLayer({
    id: 'edit-midpoints',
    type: 'circle',
    source: HANDLES,
    filter: ['==', ['get', 'role'], 'midpoint'],
    paint: { 'circle-radius': 3.5, 'circle-color': '#ffffff', 'circle-opacity': 0.85, 'circle-stroke-color': '#0066ff', 'circle-stroke-width': 1 },
  });
  map.addLayer({
    id: 'edit-vertices',
    type: 'circle',
    source: HANDLES,
    filter: ['==', ['get', 'role'], 'vertex'],
    paint: { 'circle-radius': 5, 'circle-color': '#0066ff', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });

  let gesture: Gesture | null = null;

  const renderHandles = () => {
    const feature = useToolStore.getState().tool === 'select' ? singleEditable() : null;
    const features: Feature[] = [];
    if (feature) {
      const { vertices, midpoints } = handlesOf(feature);
      for (const v of vertices) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: v.at }, properties: { role: 'vertex', featureId: feature.id, path: JSON.stringify(v.path), index: v.index } });
      for (const m of midpoints) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: m.at }, properties: { role: 'midpoint', featureId: feature.id, path: JSON.stringify(m.path), index: m.edgeIndex } });
    }
    (map.getSource(HANDLES) as GeoJSONSource).setData(collection(features));
  };

  const renderPreview = (features: ParkFeature[]) => {
    (map.getSource(PREVIEW) as GeoJSONSource).setData(collection(features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} }) as Feature)));
  };

  const handleAt = (event: MapMouseEvent) =>
    map.queryRenderedFeatures([[event.point.x - 6, event.point.y - 6], [event.point.x + 6, event.point.y + 6]], { layers: ['edit-vertices', 'edit-midpoints'] })[0];

  const onDown = (event: MapMouseEvent) => {
    if (useToolStore.getState().tool !== 'select' || event.originalEvent.button !== 0) return;
    const position: Position = [event.lngLat.lng, event.lngLat.lat];
    if (event.originalEvent.shiftKey) {
      const box = document.createElement('div');
      box.className = 'select-box';
      map.getCanvasContainer().appendChild(box);
      gesture = { kind: 'box', start: { ...event.point }, end: { ...event.point }, box };
    } else {
      const handle = handleAt(event);
      if (handle) {
        const props = handle.properties as { role: string; featureId: string; path: string; index: number };
        const at = (handle.geometry as GeoJSON.Point).coordinates;
        if (props.role === 'vertex' && (event.originalEvent.altKey || event.originalEvent.ctrlKey)) {
          removeVertex(props.featureId, JSON.parse(props.path), props.index);
          return;
        }
        gesture =
          props.role === 'vertex'
            ? { kind: 'vertex', from: at, to: at, moved: false }
            : { kind: 'midpoint', featureId: props.featureId, path: JSON.parse(props.path), edgeIndex: props.index, to: at, moved: false };
      } else {
        const ids = useUiStore.getState().selectedIds;
        const hit = map.queryRenderedFeatures(event.point).find((f) => ids.includes(String(f.properties?.id)));
        if (!hit) return;
        gesture = { kind: 'body', start: position, to: position, moved: false };
      }
    }
    event.preventDefault();
    map.dragPan.disable();
  };

  const onMove = (event: MapMouseEvent) => {
    if (!gesture) return;
    const position: Position = [event.lngLat.lng, event.lngLat.lat];
    if (gesture.kind === 'box') {
      gesture.end = { ...event.point };
      const left = Math.min(gesture.start.x, gesture.end.x);
      const top = Math.min(gesture.start.y, gesture.end.y);
      Object.assign(gesture.box.style, { left: `${left}px`, top: `${top}px`, width: `${Math.abs(gesture.end.x - gesture.start.x)}px`, height: `${Math.abs(gesture.end.y - gesture.start.y)}px` });
      return;
    }
    gesture.to = position;
    gesture.moved = true;
    if (gesture.kind === 'vertex') renderPreview(vertexMoveResult(gesture.from, position));
    else if (gesture.kind === 'midpoint') {
      const g = gesture;
      const feature = scenarioFeatures().find((f) => f.id === g.featureId);
      const geometry = feature ? insertVertex(feature.geometry, g.path, g.edgeIndex, position) : null;
      if (feature && geometry) renderPreview([{ ...feature, geometry } as ParkFeature]);
    } else {
      const [dx, dy] = offsetMetres(gesture.start, position);
      renderPreview(selectedFeatures().map((f) => translateFeature(f, dx, dy)));
    }
  };

  const onUp = () => {
    const done = gesture;
    gesture = null;
    map.dragPan.enable();
    renderPreview([]);
    if (!done) return;
    if (done.kind === 'box') {
      done.box.remove();
      const ids = map
        .queryRenderedFeatures([[Math.min(done.start.x, done.end.x), Math.min(done.start.y, done.end.y)], [Math.max(done.start.x, done.end.x), Math.max(done.start.y, done.end.y)]])
        .filter((f) => f.source === 'park' && f.properties?.kind !== 'boundary')
        .map((f) => String(f.properties?.id));
      useUiStore.getState().select([...new Set(ids)]);
      return;
    }
    if (done.kind === 'vertex' && done.moved && !samePosition(done.from, done.to)) {
      applyEdit({ label: t('command.moveVertex'), put: vertexMoveResult(done.from, done.to), delete: [] });
    } else if (done.kind === 'midpoint') {
      const doc = useDocumentStore.getState().document;
      if (doc) applyResult(insertVertexCommand(doc, doc.activeScenarioId, done.featureId, done.path, done.edgeIndex, done.to, { label: t('command.insertVertex') }));
    } else if (done.kind === 'body' && done.moved) {
      const [dx, dy] = offsetMetres(done.start, done.to);
      const doc = useDocumentStore.getState().document;
      if (doc) applyResult(moveCommand(doc, doc.activeScenarioId, useUiStore.getState().selectedIds, dx, dy, { label: t('command.move') }));
    }
  };

  const removeVertex = (featureId: string, path: number[], index: number) => {
    const doc = useDocumentStore.getState().document;
    if (doc) applyResult(deleteVertexCommand(doc, doc.activeScenarioId, featureId, path, index, { label: t('command.deleteVertex') }));
  };

  const onContextMenu = (event: MapMouseEvent) => {
    const handle = handleAt(event);
    if (!handle || handle.properties?.role !== 'vertex') return;
    event.preventDefault();
    removeVertex(String(handle.properties.featureId), JSON.parse(String(handle.properties.path)), Number(handle.properties.index));
  };

  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);
  map.on('contextmenu', onContextMenu);
  const unsubscribers = [
    useUiStore.subscribe((s, p) => s.selectedIds !== p.selectedIds && renderHandles()),
    useDocumentStore.subscribe((s, p) => s.document !== p.document && renderHandles()),
    useToolStore.subscribe((s, p) => s.tool !== p.tool && renderHandles()),
  ];
  renderHandles();
  return () => {
    unsubscribers.forEach((u) => u());
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
    map.off('contextmenu', onContextMenu);
  };
}
