import type { Feature, FeatureCollection } from 'geojson';
import { activeScenario, type ParkFeature, type Position } from '../../../shared/model';
import { createLocalFrame, lonLatToLocal } from '../../../shared/geometry/local-frame';
import { translateFeature } from '../../../shared/geometry/transform';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import { useToolStore } from './tool-store';
import { handlesOf, insertVertex } from '../../../shared/editing/vertex-edit';
import { deleteVertexCommand, insertVertexCommand, moveCommand } from '../../../shared/editing/commands';
import { moveSharedVertexCommand, samePosition } from '../../../shared/editing/shared-vertex';
import { applyResult, selectedFeatures } from './edit-actions';
import type { MapAdapter, MapPointerEvent, ScreenPoint } from './map-adapter';
import { coalescedAfterPaint } from '../map/after-paint';

/**
 * Editing in the Select tool: vertex handles on a single selected shape (drag to move — every
 * feature sharing that vertex moves with it —, drag or click a midpoint to insert, Alt-click or
 * right-click a vertex to delete), drag the selection's body to move it, Shift-drag to add the
 * features in a box to the selection (a Shift-click that barely moves is a click: the map view
 * toggles the feature under it, as the Features list does). Each gesture commits exactly one command when the mouse is released; which features
 * a vertex drag moves is the shared rule of shared/editing/shared-vertex.ts.
 */

const HANDLES = 'edit-handles';
const PREVIEW = 'edit-preview';
/**
 * A press and release this close are a click, not a box (MapLibre's own `clickTolerance`
 * default, so exactly the presses it reports as clicks are left to the click handler).
 */
const CLICK_TOLERANCE_PX = 3;

function t(key: MessageKey) {
  return translate(useUiStore.getState().lang, key);
}

type Gesture =
  | { kind: 'vertex'; from: Position; to: Position; moved: boolean }
  | { kind: 'midpoint'; featureId: string; path: number[]; edgeIndex: number; to: Position; moved: boolean }
  | { kind: 'body'; start: Position; to: Position; moved: boolean }
  | { kind: 'box'; start: ScreenPoint; end: ScreenPoint };

function scenarioFeatures(): ParkFeature[] {
  const doc = useDocumentStore.getState().document;
  return doc ? activeScenario(doc).features : [];
}

/** The command moving the shared vertex `from` to `to` (the selection and its neighbours). */
function vertexMove(from: Position, to: Position) {
  const doc = useDocumentStore.getState().document;
  return doc ? moveSharedVertexCommand(doc, doc.activeScenarioId, from, to, { label: t('command.moveVertex') }) : null;
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

/** Screen box spanned by two corners. */
function boxOf(a: ScreenPoint, b: ScreenPoint) {
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}

export function attachEditing(map: MapAdapter): () => void {
  map.addGeoJsonLayers(PREVIEW, [{ id: 'edit-preview-line', type: 'line', source: PREVIEW, paint: { 'line-color': '#0066ff', 'line-width': 2, 'line-dasharray': [2, 1] } }]);
  map.addGeoJsonLayers(HANDLES, [
    {
      id: 'edit-midpoints',
      type: 'circle',
      source: HANDLES,
      filter: ['==', ['get', 'role'], 'midpoint'],
      paint: { 'circle-radius': 3.5, 'circle-color': '#ffffff', 'circle-opacity': 0.85, 'circle-stroke-color': '#0066ff', 'circle-stroke-width': 1 },
    },
    {
      id: 'edit-vertices',
      type: 'circle',
      source: HANDLES,
      filter: ['==', ['get', 'role'], 'vertex'],
      paint: { 'circle-radius': 5, 'circle-color': '#0066ff', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    },
  ]);

  let gesture: Gesture | null = null;
  // What the handle and preview sources hold, so that an update changing nothing (no handles
  // before and after a click, the empty preview after every release) costs no map redraw. The
  // handles are those of one feature object (features are immutable); undefined: not yet drawn.
  let handlesFeature: ParkFeature | null | undefined;
  let previewShown = true;

  const renderHandles = () => {
    const feature = useToolStore.getState().tool === 'select' ? singleEditable() : null;
    if (feature === handlesFeature) return;
    handlesFeature = feature;
    const features: Feature[] = [];
    if (feature) {
      const { vertices, midpoints } = handlesOf(feature);
      for (const v of vertices) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: v.at }, properties: { role: 'vertex', featureId: feature.id, path: JSON.stringify(v.path), index: v.index, lon: v.at[0], lat: v.at[1] } });
      for (const m of midpoints) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: m.at }, properties: { role: 'midpoint', featureId: feature.id, path: JSON.stringify(m.path), index: m.edgeIndex, lon: m.at[0], lat: m.at[1] } });
    }
    map.setSourceData(HANDLES, collection(features));
  };
  // After the frame that outlines a new selection (map/after-paint.ts), once per frame.
  const handleUpdates = coalescedAfterPaint(renderHandles, (run) => map.afterPaint(run));

  const renderPreview = (features: ParkFeature[]) => {
    if (features.length === 0 && !previewShown) return;
    previewShown = features.length > 0;
    map.setSourceData(PREVIEW, collection(features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} }) as Feature)));
  };

  const handleAt = (event: MapPointerEvent) =>
    map.featuresAt([{ x: event.point.x - 6, y: event.point.y - 6 }, { x: event.point.x + 6, y: event.point.y + 6 }], ['edit-vertices', 'edit-midpoints'])[0];

  const onDown = (event: MapPointerEvent) => {
    if (useToolStore.getState().tool !== 'select' || event.button !== 0) return;
    const position: Position = event.lngLat;
    if (event.shiftKey) {
      gesture = { kind: 'box', start: { ...event.point }, end: { ...event.point } };
      map.showSelectionBox(boxOf(event.point, event.point));
    } else {
      const handle = handleAt(event);
      if (handle) {
        const props = handle.properties as { role: string; featureId: string; path: string; index: number; lon: number; lat: number };
        // The exact vertex from the properties: rendered geometry is rounded to the tile grid.
        const at: Position = [props.lon, props.lat];
        if (props.role === 'vertex' && (event.altKey || event.ctrlKey)) {
          removeVertex(props.featureId, JSON.parse(props.path), props.index);
          return;
        }
        gesture =
          props.role === 'vertex'
            ? { kind: 'vertex', from: at, to: at, moved: false }
            : { kind: 'midpoint', featureId: props.featureId, path: JSON.parse(props.path), edgeIndex: props.index, to: at, moved: false };
      } else {
        const ids = useUiStore.getState().selectedIds;
        const hit = map.featuresAt(event.point).find((f) => ids.includes(String(f.properties.id)));
        if (!hit) return;
        gesture = { kind: 'body', start: position, to: position, moved: false };
      }
    }
    event.preventDefault();
    map.setInteraction('dragPan', false);
  };

  const onMove = (event: MapPointerEvent) => {
    if (!gesture) return;
    const position: Position = event.lngLat;
    if (gesture.kind === 'box') {
      gesture.end = { ...event.point };
      map.showSelectionBox(boxOf(gesture.start, gesture.end));
      return;
    }
    gesture.to = position;
    gesture.moved = true;
    if (gesture.kind === 'vertex') {
      const move = vertexMove(gesture.from, position);
      renderPreview(move?.ok ? move.command.put : []);
    }
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
    map.setInteraction('dragPan', true);
    renderPreview([]);
    if (!done) return;
    if (done.kind === 'box') {
      map.showSelectionBox(null);
      // A Shift-click: selecting what a zero-size box holds here would let the click that
      // follows toggle that same feature straight back out (the selection emptied, issue 13).
      if (Math.hypot(done.end.x - done.start.x, done.end.y - done.start.y) < CLICK_TOLERANCE_PX) return;
      const boxed = map
        .featuresAt([done.start, done.end])
        .filter((f) => f.source === 'park' && f.properties.kind !== 'boundary')
        .map((f) => String(f.properties.id));
      // Shift adds, as Shift-click does: the box extends the selection.
      useUiStore.getState().select([...new Set([...useUiStore.getState().selectedIds, ...boxed])]);
      return;
    }
    if (done.kind === 'vertex' && done.moved && !samePosition(done.from, done.to)) {
      const move = vertexMove(done.from, done.to);
      if (move) applyResult(move);
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

  const onContextMenu = (event: MapPointerEvent) => {
    const handle = handleAt(event);
    if (!handle || handle.properties.role !== 'vertex') return;
    event.preventDefault();
    removeVertex(String(handle.properties.featureId), JSON.parse(String(handle.properties.path)), Number(handle.properties.index));
  };

  const unsubscribers = [
    map.on('down', onDown),
    map.on('move', onMove),
    map.on('up', onUp),
    map.on('contextmenu', onContextMenu),
    useUiStore.subscribe((s, p) => s.selectedIds !== p.selectedIds && handleUpdates.request()),
    useDocumentStore.subscribe((s, p) => s.document !== p.document && handleUpdates.request()),
    useToolStore.subscribe((s, p) => s.tool !== p.tool && handleUpdates.request()),
    handleUpdates.cancel,
  ];
  renderHandles();
  renderPreview([]);
  return () => {
    unsubscribers.forEach((u) => u());
  };
}
