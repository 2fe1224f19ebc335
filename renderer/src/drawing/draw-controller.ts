import { activeScenario, type ParkFeature } from '../../../shared/model';
import { createSnapIndex, snap, type SnapIndex } from '../../../shared/geometry/snapping';
import { constrainAngle } from '../../../shared/geometry/constraints';
import { distanceM } from '../../../shared/geometry/geodesic';
import { roadCorridor } from '../../../shared/geometry/road-corridor';
import { describeProblem } from '../../../shared/analysis/problems';
import { createFeatureCommand, type CreateOutcome, type NewFeature } from '../../../shared/editing/create-feature';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import { useToolStore, type LonLat, type ToolState } from './tool-store';
import { addDraftLayers, renderDraft } from './draft-layers';
import { draftPreview, draftRectangle, isPolygonTool, isRectangleTool } from './draft-geometry';
import { splitSelected } from './split-action';
import type { MapAdapter, MapPointerEvent } from './map-adapter';

/**
 * The drawing tools on the map: clicks add vertices (snapped to existing vertices and edges,
 * Shift constrains to 0/45/90° relative to the previous segment, Alt inverts snapping), Enter or
 * a double-click finishes, Escape cancels, Ctrl+Z removes the last vertex first. The document
 * store stays the only truth: a finished shape becomes one EditCommand, built by the shared
 * creation rules (shared/editing/create-feature.ts) under the tool's overlap and clip options.
 */

let activeMap: MapAdapter | null = null;
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
function pixelsToMetres(map: MapAdapter, point: { x: number; y: number }, pixels: number): number {
  return distanceM(map.unproject(point), map.unproject({ x: point.x + pixels, y: point.y }));
}

function isDrawing(): boolean {
  return useToolStore.getState().tool !== 'select';
}

/** The cursor after snapping and the angle constraint. */
function resolveCursor(map: MapAdapter, event: MapPointerEvent): { position: LonLat; snapped: ReturnType<typeof snap> } {
  const tools = useToolStore.getState();
  let position: LonLat = event.lngLat;
  const vertices = tools.draft.vertices;
  if (event.shiftKey && vertices.length > 0) {
    const previous = vertices.length > 1 ? vertices[vertices.length - 2] : null;
    position = constrainAngle(previous, vertices[vertices.length - 1], position) as LonLat;
    return { position, snapped: null };
  }
  // Holding Alt inverts the snapping toggle for this move, as in CAD tools.
  const snapping = tools.snapping !== event.altKey;
  if (!snapping) return { position, snapped: null };
  const index = syncSnapIndex();
  if (!index) return { position, snapped: null };
  const toleranceM = pixelsToMetres(map, event.point, tools.snapTolerancePx);
  const snapped = snap(index, position, toleranceM);
  if (snapped) position = snapped.position;
  return { position, snapped };
}

function refresh(map: MapAdapter): void {
  const tools = useToolStore.getState();
  const preview = draftPreview(tools.tool, tools.draft, tools);
  let corridor = null;
  if (tools.tool === 'road' && preview.geometry?.type === 'LineString') corridor = roadCorridor(preview.geometry, tools.roadWidthM);
  renderDraft(map, tools.draft, preview.geometry, corridor);
}

function report(outcome: CreateOutcome): void {
  const ui = useUiStore.getState();
  if (!outcome.ok) {
    const key = outcome.reason === 'not_found' ? 'edit.failed' : (`draw.${outcome.reason}` as MessageKey);
    ui.notify({ tone: 'error', text: t(key, { reason: outcome.reason }) });
    return;
  }
  useDocumentStore.getState().apply(outcome.command);
  ui.select(outcome.createdIds);
  if (outcome.cutBy.length > 0) ui.notify({ tone: 'info', text: t('draw.cutByExisting', { count: outcome.cutBy.length }) });
  // A shape with problems is kept, never dropped or silently fixed: the user is told at once,
  // and the Properties panel offers the repair.
  // Worded in the user's language from the issues' data (p.message is the English one, for logs).
  const doc = useDocumentStore.getState().document;
  if (outcome.issues.length > 0 && doc) {
    const byId = new Map(activeScenario(doc).features.map((f) => [f.id, f]));
    ui.notify({ tone: 'error', text: outcome.issues.map((p) => describeProblem(p, byId, ui.lang)).join(' ') });
  }
}

/** The feature the current tool makes from a finished shape, before the shared rules place it. */
function drawnFeature(tools: ToolState, geometry: NewFeature['geometry']): NewFeature {
  if (geometry.type === 'Point') return { kind: 'point', facilityType: tools.pointType, geometry };
  if (geometry.type === 'LineString') return { kind: 'road', widthM: tools.roadWidthM, geometry };
  if (geometry.type !== 'Polygon') throw new Error(`no tool draws a ${geometry.type}`);
  if (tools.tool === 'building') return { kind: 'building', geometry, heightM: tools.buildingHeightM, floors: tools.buildingFloors, roofType: tools.buildingRoofType };
  if (tools.newLandUse === 'boundary') return { kind: 'boundary', geometry };
  return { kind: 'landuse', landUse: tools.newLandUse, subtype: tools.newSubtype, geometry };
}

function create(geometry: NewFeature['geometry'], label: string): void {
  const tools = useToolStore.getState();
  const doc = useDocumentStore.getState().document;
  if (!doc) return;
  const policies = { overlapPolicy: tools.overlapPolicy, clipToBoundary: tools.clipToBoundary };
  report(createFeatureCommand(doc, doc.activeScenarioId, drawnFeature(tools, geometry), policies, { label }));
}

/** Finishes the current draft as a feature (Enter, double-click, closing click, last rectangle click). */
export function finishDraft(): void {
  const tools = useToolStore.getState();
  const vertices = tools.draft.vertices;
  if (!useDocumentStore.getState().document) return;
  const label = t(`command.${tools.tool}` as MessageKey);
  if (isRectangleTool(tools.tool, tools.buildingShape)) {
    const ring = draftRectangle(vertices, tools.tool === 'building' ? 'rotated' : tools.rectangleMode);
    if (!ring) return;
    create({ type: 'Polygon', coordinates: [ring] }, label);
  } else if (isPolygonTool(tools.tool, tools.buildingShape)) {
    if (vertices.length < 3) return;
    create({ type: 'Polygon', coordinates: [[...vertices, vertices[0]]] }, label);
  } else if (tools.tool === 'road') {
    if (vertices.length < 2) return;
    create({ type: 'LineString', coordinates: vertices }, label);
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
  if (!useDocumentStore.getState().document) return;
  if (tools.tool === 'point') {
    create({ type: 'Point', coordinates: position }, t('command.point'));
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

function closesPolygon(map: MapAdapter, event: MapPointerEvent): boolean {
  const tools = useToolStore.getState();
  const first = tools.draft.vertices[0];
  if (!first || tools.draft.vertices.length < 3 || !isPolygonTool(tools.tool, tools.buildingShape)) return false;
  const firstOnScreen = map.project(first);
  return Math.hypot(firstOnScreen.x - event.point.x, firstOnScreen.y - event.point.y) <= tools.snapTolerancePx;
}

/** Attaches the drawing tools to a map; returns the detach function. */
export function attachDrawingTools(map: MapAdapter): () => void {
  activeMap = map;
  addDraftLayers(map);

  const onMove = (event: MapPointerEvent) => {
    if (!isDrawing()) return;
    const { position, snapped } = resolveCursor(map, event);
    const tools = useToolStore.getState();
    tools.set({ draft: { ...tools.draft, cursor: position, cursorScreen: { x: event.point.x, y: event.point.y }, snap: snapped } });
    refresh(map);
  };
  const onClick = (event: MapPointerEvent) => {
    if (!isDrawing()) return;
    if (closesPolygon(map, event)) return finishDraft();
    addVertex(resolveCursor(map, event).position);
  };
  const onDoubleClick = (event: MapPointerEvent) => {
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
    map.setCursor(state.tool === 'select' ? '' : 'crosshair');
    map.setInteraction('doubleClickZoom', state.tool === 'select');
    refresh(map);
  });
  const onDocument = useDocumentStore.subscribe((state, previous) => {
    if (state.document !== previous.document && state.loadSeq !== previous.loadSeq) {
      snapIndex = null;
      indexedFeatures = [];
    }
  });

  const offPointer = [map.on('move', onMove), map.on('click', onClick), map.on('dblclick', onDoubleClick)];
  // Shift constrains angles and Shift-drag selects by box: the map's box zoom would take it.
  map.setInteraction('boxZoom', false);
  return () => {
    offPointer.forEach((off) => off());
    onToolChange();
    onDocument();
    activeMap = null;
  };
}
