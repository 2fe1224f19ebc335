import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { activeScenario, type ParkFeature } from '../../../shared/model';
import { createSnapIndex, snap, type SnapIndex } from '../../../shared/geometry/snapping';
import { constrainAngle } from '../../../shared/geometry/constraints';
import { roadCorridor } from '../../../shared/geometry/road-corridor';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import { useToolStore, type LonLat } from './tool-store';
import { addDraftLayers, renderDraft } from './draft-layers';
import { draftPreview, draftRectangle, isPolygonTool, isRectangleTool } from './draft-geometry';
import { createAreaFeature, createPoint, createRoad, type CreateOutcome } from './create-feature';
import { splitSelected } from './split-action';
import { issuesOf } from './feature-issues';

/**
 * The drawing tools on the map: clicks add vertices (snapped to existing vertices and edges,
 * Shift constrains to 0/45/90° relative to the previous segment, Alt inverts snapping), Enter or
 * a double-click finishes, Escape cancels, Ctrl+Z removes the last vertex first. The document
 * store stays the only truth: a finished shape becomes one EditCommand.
 */

let activeMap: MapLibreMap | null = null;
let snapIndex: SnapIndex | null = null;
let indexedFeatures: ParkFeature[] = [];

function t(key: MessageKey, params?: Record<string, string | number>) {
  return translate(useUiStore.getState().lang, key, params);
}

/** Keeps the snap index in step with the active scenario, updating only what changed. */
function syncSnapIndex(): SnapIndex | null {
  const doc = useDocumentStore.getState().document;
  if (!doc) return (snapIndex = null);
  const features = activeScenario(doc).features;
  if (features === indexedFeatures && snapIndex) return snapIndex;
  if (!snapIndex) {
    snapIndex = createSnapIndex(features);
  } else {
    const before = new Map(indexedFeatures.map((f) => [f.id, f]));
    const put = features.filter((f) => before.get(f.id) !== f);
    const present = new Set(features.map((f) => f.id));
    const deleted = indexedFeatures.filter((f) => !present.has(f.id)).map((f) => f.id);
    if (put.length > 0 || deleted.length > 0) snapIndex.update(put, deleted);
  }
  indexedFeatures = features;
  return snapIndex;
}

/** Metres covered by `pixels` on screen at `point` (pitch- and latitude-aware). */
function pixelsToMetres(map: MapLibreMap, point: { x: number; y: number }, pixels: number): number {
  const a = map.unproject([point.x, point.y]);
  const b = map.unproject([point.x + pixels, point.y]);
  return a.distanceTo(b);
}

function isDrawing(): boolean {
  return useToolStore.getState().tool !== 'select';
}

/** The cursor after snapping and the angle constraint. */
function resolveCursor(map: MapLibreMap, event: MapMouseEvent): { position: LonLat; snapped: ReturnType<typeof snap> } {
  const tools = useToolStore.getState();
  let position: LonLat = [event.lngLat.lng, event.lngLat.lat];
  const vertices = tools.draft.vertices;
  if (event.originalEvent.shiftKey && vertices.length > 0) {
    const previous = vertices.length > 1 ? vertices[vertices.length - 2] : null;
    position = constrainAngle(previous, vertices[vertices.length - 1], position) as LonLat;
    return { position, snapped: null };
  }
  // Holding Alt inverts the snapping toggle for this move, as in CAD tools.
  const snapping = tools.snapping !== event.originalEvent.altKey;
  if (!snapping) return { position, snapped: null };
  const index = syncSnapIndex();
  if (!index) return { position, snapped: null };
  const toleranceM = pixelsToMetres(map, event.point, tools.snapTolerancePx);
  const snapped = snap(index, position, toleranceM);
  if (snapped) position = snapped.position;
  return { position, snapped };
}

function refresh(map: MapLibreMap): void {
  const tools = useToolStore.getState();
  const preview = draftPreview(tools.tool, tools.draft, tools);
  let corridor = null;
  if (tools.tool === 'road' && preview.geometry?.type === 'LineString') corridor = roadCorridor(preview.geometry, tools.roadWidthM);
  renderDraft(map, tools.draft, preview.geometry, corridor);
}

function report(outcome: CreateOutcome): void {
  const ui = useUiStore.getState();
  if (!outcome.ok) {
    ui.notify({ tone: 'error', text: t(`draw.${outcome.reason}` as MessageKey) });
    return;
  }
  useDocumentStore.getState().apply(outcome.command);
  ui.select(outcome.createdIds);
  if (outcome.cutBy.length > 0) ui.notify({ tone: 'info', text: t('draw.cutByExisting', { count: outcome.cutBy.length }) });
  // A shape with problems is kept, never dropped or silently fixed: the user is told at once,
  // and the Properties panel offers the repair.
  const problems = issuesOf(...outcome.command.put);
  if (problems.length > 0) ui.notify({ tone: 'error', text: problems.map((p) => p.message).join(' ') });
}

/** Finishes the current draft as a feature (Enter, double-click, closing click, last rectangle click). */
export function finishDraft(): void {
  const tools = useToolStore.getState();
  const doc = useDocumentStore.getState().document;
  const vertices = tools.draft.vertices;
  if (!doc) return;
  const label = t(`command.${tools.tool}` as MessageKey);
  if (isRectangleTool(tools.tool, tools.buildingShape)) {
    const ring = draftRectangle(vertices, tools.tool === 'building' ? 'rotated' : tools.rectangleMode);
    if (!ring) return;
    report(createAreaFeature(doc, tools.tool === 'building' ? 'building' : 'rectangle', ring, tools, label));
  } else if (isPolygonTool(tools.tool, tools.buildingShape)) {
    if (vertices.length < 3) return;
    report(createAreaFeature(doc, tools.tool === 'building' ? 'building' : 'polygon', [...vertices, vertices[0]], tools, label));
  } else if (tools.tool === 'road') {
    if (vertices.length < 2) return;
    report(createRoad(doc, vertices, tools, label));
  } else if (tools.tool === 'split') {
    if (vertices.length < 2) return;
    splitSelected(vertices);
  }
  useToolStore.getState().resetDraft();
  if (activeMap) refresh(activeMap);
}

export function cancelDraft(): boolean {
  const tools = useToolStore.getState();
  const hadDraft = tools.draft.vertices.length > 0;
  tools.resetDraft();
  if (activeMap) refresh(activeMap);
  return hadDraft;
}

/** Undo while drawing removes the last vertex first; false when there is no draft to shorten. */
export function undoLastVertex(): boolean {
  const tools = useToolStore.getState();
  if (tools.draft.vertices.length === 0) return false;
  tools.set({ draft: { ...tools.draft, vertices: tools.draft.vertices.slice(0, -1) } });
  if (activeMap) refresh(activeMap);
  return true;
}

/** Adds a vertex (from a click or from numeric entry); finishes rectangles on their last click. */
export function addVertex(position: LonLat): void {
  const tools = useToolStore.getState();
  const doc = useDocumentStore.getState().document;
  if (!doc) return;
  if (tools.tool === 'point') {
    report(createPoint(doc, position, tools, t('command.point')));
    return;
  }
  const vertices = [...tools.draft.vertices, position];
  tools.set({ draft: { ...tools.draft, vertices } });
  if (isRectangleTool(tools.tool, tools.buildingShape)) {
    const needed = tools.tool === 'rectangle' && tools.rectangleMode === 'axis' ? 2 : 3;
    if (vertices.length >= needed) finishDraft();
  }
  if (activeMap) refresh(activeMap);
}

function closesPolygon(map: MapLibreMap, event: MapMouseEvent): boolean {
  const tools = useToolStore.getState();
  const first = tools.draft.vertices[0];
  if (!first || tools.draft.vertices.length < 3 || !isPolygonTool(tools.tool, tools.buildingShape)) return false;
  const firstOnScreen = map.project(first);
  return Math.hypot(firstOnScreen.x - event.point.x, firstOnScreen.y - event.point.y) <= tools.snapTolerancePx;
}

/** Map extension: attaches the drawing tools to the map. */
export function attachDrawingTools(map: MapLibreMap): () => void {
  activeMap = map;
  addDraftLayers(map);

  const onMove = (event: MapMouseEvent) => {
    if (!isDrawing()) return;
    const { position, snapped } = resolveCursor(map, event);
    const tools = useToolStore.getState();
    tools.set({ draft: { ...tools.draft, cursor: position, cursorScreen: { x: event.point.x, y: event.point.y }, snap: snapped } });
    refresh(map);
  };
  const onClick = (event: MapMouseEvent) => {
    if (!isDrawing()) return;
    if (closesPolygon(map, event)) return finishDraft();
    addVertex(resolveCursor(map, event).position);
  };
  const onDoubleClick = (event: MapMouseEvent) => {
    if (!isDrawing()) return;
    event.preventDefault();
    // The two clicks of a double-click each added a vertex at the same place: keep one.
    const tools = useToolStore.getState();
    const v = tools.draft.vertices;
    if (v.length >= 2 && v[v.length - 1][0] === v[v.length - 2][0] && v[v.length - 1][1] === v[v.length - 2][1]) {
      tools.set({ draft: { ...tools.draft, vertices: v.slice(0, -1) } });
    }
    finishDraft();
  };
  const onToolChange = useToolStore.subscribe((state, previous) => {
    if (state.tool === previous.tool) return;
    map.getCanvas().style.cursor = state.tool === 'select' ? '' : 'crosshair';
    if (state.tool === 'select') map.doubleClickZoom.enable();
    else map.doubleClickZoom.disable();
    refresh(map);
  });
  const onDocument = useDocumentStore.subscribe((state, previous) => {
    if (state.document !== previous.document && state.loadSeq !== previous.loadSeq) {
      snapIndex = null;
      indexedFeatures = [];
    }
  });

  map.on('mousemove', onMove);
  map.on('click', onClick);
  map.on('dblclick', onDoubleClick);
  // Shift constrains angles and Shift-drag selects by box: MapLibre's box zoom would take it.
  map.boxZoom.disable();
  return () => {
    map.off('mousemove', onMove);
    map.off('click', onClick);
    map.off('dblclick', onDoubleClick);
    onToolChange();
    onDocument();
    activeMap = null;
  };
}
