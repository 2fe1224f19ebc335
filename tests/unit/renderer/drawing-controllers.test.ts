import { beforeEach, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { attachDrawingTools } from '../../../renderer/src/drawing/draw-controller';
import { attachEditing } from '../../../renderer/src/drawing/edit-controller';
import type { MapAdapter, MapInteraction, MapPointerEvent, PointerEventType, RenderedFeature, ScreenBox, ScreenPoint } from '../../../renderer/src/drawing/map-adapter';
import { useToolStore, type LonLat } from '../../../renderer/src/drawing/tool-store';
import { useDocumentStore } from '../../../renderer/src/state/document-store';
import { useUiStore } from '../../../renderer/src/state/ui-store';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { createEmptyDocument, type AreaGeometry, type ParkFeature, type PolygonGeometry, type Position } from '../../../shared/model';

/**
 * The drawing controllers driven through a fake map: a plain projection of 1 px = 1e-5° (about
 * 1 m), pointer events fed by the test, sources kept as data (with the updates each received).
 * Work waiting for the next paint runs when the test calls `paint()`. No MapLibre, no DOM.
 */
class FakeMap implements MapAdapter {
  readonly sources = new Map<string, FeatureCollection>();
  /** setSourceData calls per source: each one is a full redraw of a real map. */
  readonly updates = new Map<string, number>();
  private afterPaints: (() => void)[] = [];
  readonly interactions: Partial<Record<MapInteraction, boolean>> = {};
  cursor = '';
  box: ScreenBox | null = null;
  private readonly handlers = new Map<PointerEventType, Set<(e: MapPointerEvent) => void>>();

  project([lon, lat]: LonLat): ScreenPoint {
    return { x: (lon - 106.05) * 1e5, y: (21.06 - lat) * 1e5 };
  }
  unproject({ x, y }: ScreenPoint): LonLat {
    return [106.05 + x / 1e5, 21.06 - y / 1e5];
  }
  setCursor(cursor: string) {
    this.cursor = cursor;
  }
  addGeoJsonLayers(sourceId: string) {
    if (!this.sources.has(sourceId)) this.sources.set(sourceId, { type: 'FeatureCollection', features: [] });
  }
  setSourceData(sourceId: string, data: FeatureCollection) {
    this.sources.set(sourceId, data);
    this.updates.set(sourceId, (this.updates.get(sourceId) ?? 0) + 1);
  }
  afterPaint(run: () => void) {
    this.afterPaints.push(run);
    return () => {
      this.afterPaints = this.afterPaints.filter((r) => r !== run);
    };
  }
  /** The browser paints a frame: what waited for it runs. */
  paint() {
    const runs = this.afterPaints;
    this.afterPaints = [];
    runs.forEach((run) => run());
  }
  on(type: PointerEventType, handler: (e: MapPointerEvent) => void) {
    const set = this.handlers.get(type) ?? new Set();
    set.add(handler);
    this.handlers.set(type, set);
    return () => set.delete(handler);
  }
  /**
   * Edit handles of the given layers inside a box; without layers, the park features with a
   * vertex inside the box (a point query: every park feature, enough for these tests).
   */
  featuresAt(area: ScreenPoint | [ScreenPoint, ScreenPoint], layers?: string[]): RenderedFeature[] {
    const park = useDocumentStore.getState().document?.scenarios[0].features ?? [];
    const rendered = (f: ParkFeature): RenderedFeature => ({ source: 'park', properties: { id: f.id, kind: f.kind }, geometry: f.geometry });
    if (!Array.isArray(area)) return park.map(rendered);
    const [a, b] = area;
    const inBox = (at: LonLat) => {
      const p = this.project(at);
      return p.x >= Math.min(a.x, b.x) && p.x <= Math.max(a.x, b.x) && p.y >= Math.min(a.y, b.y) && p.y <= Math.max(a.y, b.y);
    };
    if (!layers) return park.filter((f) => (f.geometry.coordinates as LonLat[][]).flat().some(inBox)).map(rendered);
    const roles: string[] = layers.map((l) => (l === 'edit-vertices' ? 'vertex' : 'midpoint'));
    const handles = this.sources.get('edit-handles')?.features ?? [];
    return handles
      .filter((f: Feature) => roles.includes(String(f.properties?.role)) && f.geometry.type === 'Point' && inBox(f.geometry.coordinates as LonLat))
      .map((f) => ({ source: 'edit-handles', properties: f.properties ?? {}, geometry: f.geometry }));
  }
  setInteraction(interaction: MapInteraction, enabled: boolean) {
    this.interactions[interaction] = enabled;
  }
  showSelectionBox(box: ScreenBox | null) {
    this.box = box;
  }

  /** Fires a pointer event at a lng/lat; returns whether a handler prevented the map's default. */
  fire(type: PointerEventType, at: LonLat, keys: { shiftKey?: boolean; altKey?: boolean; ctrlKey?: boolean } = {}): boolean {
    let prevented = false;
    const event: MapPointerEvent = {
      lngLat: at,
      point: this.project(at),
      shiftKey: keys.shiftKey ?? false,
      altKey: keys.altKey ?? false,
      ctrlKey: keys.ctrlKey ?? false,
      button: 0,
      preventDefault: () => (prevented = true),
    };
    for (const handler of this.handlers.get(type) ?? []) handler(event);
    return prevented;
  }
  click(at: LonLat) {
    this.fire('move', at);
    this.fire('click', at);
  }
}

const square = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

const rect = (id: string, x0: number, x1: number, y0: number, y1: number, landUse: 'green' | 'industrial' = 'green'): ParkFeature => ({
  id,
  kind: 'landuse',
  landUse,
  geometry: square(x0, x1, y0, y1),
});

function load(features: ParkFeature[]) {
  const doc = createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' });
  doc.scenarios[0].features = features;
  useDocumentStore.getState().load(doc, 'test.gpkg');
}

const features = () => useDocumentStore.getState().document?.scenarios[0].features ?? [];

beforeEach(() => {
  useUiStore.getState().setLang('en');
  useUiStore.getState().select([]);
  useToolStore.getState().set({ snapping: false, rectangleMode: 'axis', newLandUse: 'industrial', overlapPolicy: 'prevent', clipToBoundary: true });
  useToolStore.getState().setTool('select');
});

describe('draw controller through a map adapter', () => {
  it('two clicks of the axis rectangle tool produce one command: the rectangle cut by the plot already there', () => {
    load([{ id: 'park', kind: 'boundary', geometry: square(106.04, 106.07, 21.04, 21.06) }, rect('old', 106.0505, 106.0515, 21.0505, 21.0515)]);
    const map = new FakeMap();
    const detach = attachDrawingTools(map);
    expect(map.interactions.boxZoom).toBe(false);
    useToolStore.getState().setTool('rectangle');
    expect(map.cursor).toBe('crosshair');
    expect(map.interactions.doubleClickZoom).toBe(false);

    map.click([106.05, 21.05]);
    map.fire('move', [106.051, 21.051]);
    // The draft source shows the rectangle under the cursor before the second click.
    expect(map.sources.get('draft')?.features.some((f) => f.properties?.role === 'shape')).toBe(true);
    map.click([106.051, 21.051]);

    const history = useDocumentStore.getState().undoStack;
    expect(history.map((e) => e.label)).toEqual(['Draw rectangle']);
    const created = features().find((f) => f.id !== 'park' && f.id !== 'old');
    expect(created).toMatchObject({ kind: 'landuse', landUse: 'industrial' });
    expect(useUiStore.getState().selectedIds).toEqual([created?.id]);
    // shapely 1.8.5 + GeographicLib (Debian python3-shapely, python3-geographiclib):
    //   geod(box(106.050, 21.050, 106.051, 21.051).difference(box(106.0505, 21.0505, 106.0515, 21.0515)))
    //   with geod = abs(Geodesic.WGS84.Polygon(False) over the exterior (lat, lon)).Compute(False, True)[2]) → 8630.61472953856
    // The tool builds the rectangle square to the local north, not along meridians: 1e-6 apart.
    expect(Math.abs(geodesicAreaM2(created?.geometry as AreaGeometry) / 8630.61472953856 - 1)).toBeLessThan(1e-6);
    expect(useToolStore.getState().draft.vertices).toEqual([]);

    useToolStore.getState().setTool('select');
    expect(map.cursor).toBe('');
    expect(map.interactions.doubleClickZoom).toBe(true);
    detach();
    map.click([106.06, 21.05]);
    expect(useDocumentStore.getState().undoStack).toHaveLength(1);
  });

  it('a polygon finished by double-click keeps one vertex for the two clicks, and snaps in screen pixels', () => {
    load([rect('old', 106.0505, 106.0515, 21.0505, 21.0515)]);
    const map = new FakeMap();
    const detach = attachDrawingTools(map);
    useToolStore.getState().set({ snapping: true, snapTolerancePx: 12, clipToBoundary: false });
    useToolStore.getState().setTool('polygon');
    // 5 px (≈ 5 m) from the plot's corner (106.0505, 21.0505): snapped onto it.
    map.click([106.05045, 21.0505]);
    map.click([106.0495, 21.0505]);
    map.click([106.0495, 21.0495]);
    map.click([106.0495, 21.0495]);
    expect(map.fire('dblclick', [106.0495, 21.0495])).toBe(true);
    const created = features().find((f) => f.id !== 'old');
    expect(created?.geometry.coordinates).toEqual([[[106.0505, 21.0505], [106.0495, 21.0505], [106.0495, 21.0495], [106.0505, 21.0505]]]);
    expect(useDocumentStore.getState().undoStack.map((e) => e.label)).toEqual(['Draw polygon']);
    detach();
  });
});

describe('draw controller messages', () => {
  it('a shape drawn with a problem is reported in the user’s language, not the validator’s English (issue 13)', () => {
    load([]);
    useUiStore.getState().setLang('vi');
    const map = new FakeMap();
    const detach = attachDrawingTools(map);
    useToolStore.getState().set({ clipToBoundary: false });
    useToolStore.getState().setTool('polygon');
    // A bow-tie: its edges (106.05, 21.05)–(106.051, 21.051) and (106.051, 21.05)–(106.05, 21.051)
    // cross at their common midpoint (106.0505, 21.0505), worked out by hand.
    for (const at of [[106.05, 21.05], [106.051, 21.051], [106.051, 21.05], [106.05, 21.051], [106.05, 21.051]] as LonLat[]) map.click(at);
    map.fire('dblclick', [106.05, 21.051]);
    expect(features()).toHaveLength(1);
    const notices = useUiStore.getState().notices.filter((n) => n.tone === 'error');
    expect(notices.map((n) => n.text)).toEqual(['Vùng sử dụng đất “CN-01”: đường bao tự cắt nhau gần 21,050500° B, 106,050500° Đ.']);
    detach();
  });
});

describe('edit controller through a map adapter', () => {
  it('dragging a corner shared by two plots moves it in both, as one undoable step', () => {
    load([rect('left', 106.05, 106.051, 21.05, 21.051), rect('right', 106.051, 106.052, 21.05, 21.051)]);
    const map = new FakeMap();
    const detach = attachEditing(map);
    useUiStore.getState().select(['left']);
    map.paint();
    expect(map.sources.get('edit-handles')?.features.filter((f) => f.properties?.role === 'vertex')).toHaveLength(4);

    expect(map.fire('down', [106.051, 21.051])).toBe(true);
    expect(map.interactions.dragPan).toBe(false);
    map.fire('move', [106.0512, 21.0512]);
    expect(map.sources.get('edit-preview')?.features).toHaveLength(2);
    map.fire('up', [106.0512, 21.0512]);
    expect(map.interactions.dragPan).toBe(true);

    const ring = (id: string) => (features().find((f) => f.id === id)?.geometry.coordinates as Position[][])[0];
    expect(ring('left')[2]).toEqual([106.0512, 21.0512]);
    expect(ring('right')[3]).toEqual([106.0512, 21.0512]);
    expect(useDocumentStore.getState().undoStack.map((e) => e.label)).toEqual(['Move vertex']);
    useDocumentStore.getState().undo();
    expect(ring('right')[3]).toEqual([106.051, 21.051]);
    detach();
  });

  it('Shift-drag selects by box and draws the box while dragging', () => {
    load([rect('left', 106.05, 106.051, 21.05, 21.051), rect('right', 106.051, 106.052, 21.05, 21.051), rect('far', 106.06, 106.061, 21.05, 21.051)]);
    const map = new FakeMap();
    const detach = attachEditing(map);
    map.fire('down', [106.0495, 21.0515], { shiftKey: true });
    map.fire('move', [106.0525, 21.0495]);
    // From (-50, 850) px to (250, 1050) px.
    const box = map.box;
    expect([box?.left, box?.top, box?.width, box?.height].map((v) => Math.round((v ?? NaN) * 1e6) / 1e6)).toEqual([-50, 850, 300, 200]);
    map.fire('up', [106.0525, 21.0495]);
    expect(map.box).toBeNull();
    expect(useUiStore.getState().selectedIds).toEqual(['left', 'right']);
    expect(useDocumentStore.getState().undoStack).toHaveLength(0);
    detach();
  });

  it('a Shift-click is left to the click handler: the selection is kept, never replaced or emptied', () => {
    load([rect('left', 106.05, 106.051, 21.05, 21.051), rect('right', 106.051, 106.052, 21.05, 21.051)]);
    const map = new FakeMap();
    const detach = attachEditing(map);
    useUiStore.getState().select(['left']);
    // Press and release 2 px apart (1 px = 1e-5°): under MapLibre's 3 px click tolerance.
    map.fire('down', [106.0515, 21.0505], { shiftKey: true });
    map.fire('move', [106.05152, 21.0505], { shiftKey: true });
    map.fire('up', [106.05152, 21.0505], { shiftKey: true });
    expect(map.box).toBeNull();
    expect(useUiStore.getState().selectedIds).toEqual(['left']);
    detach();
  });

  it('Shift-drag adds the boxed features to the selection', () => {
    load([rect('left', 106.05, 106.051, 21.05, 21.051), rect('right', 106.051, 106.052, 21.05, 21.051), rect('far', 106.06, 106.061, 21.05, 21.051)]);
    const map = new FakeMap();
    const detach = attachEditing(map);
    useUiStore.getState().select(['far']);
    // A box around 'right' only: its vertices from x = 100 to 200 px; 'left' ends at x = 100, so from 150 px.
    map.fire('down', [106.0515, 21.0515], { shiftKey: true });
    map.fire('move', [106.0525, 21.0495]);
    map.fire('up', [106.0525, 21.0495]);
    expect(useUiStore.getState().selectedIds).toEqual(['far', 'right']);
    detach();
  });

  it('draws the handles of a new selection after the frame that outlines it, once, and only when they change', () => {
    load([rect('left', 106.05, 106.051, 21.05, 21.051), rect('right', 106.051, 106.052, 21.05, 21.051), { id: 'well', kind: 'point', geometry: { type: 'Point', coordinates: [106.0505, 21.0505] } } as ParkFeature]);
    const map = new FakeMap();
    const detach = attachEditing(map);
    const handleUpdates = () => map.updates.get('edit-handles') ?? 0;
    const vertexIds = () => (map.sources.get('edit-handles')?.features ?? []).filter((f) => f.properties?.role === 'vertex').map((f) => f.properties?.featureId);
    const atStart = handleUpdates();

    // Two selections within one frame: nothing before the paint, then the last one's handles, once.
    useUiStore.getState().select(['left']);
    useUiStore.getState().select(['right']);
    expect(handleUpdates()).toBe(atStart);
    map.paint();
    expect(vertexIds()).toEqual(['right', 'right', 'right', 'right']);
    expect(handleUpdates()).toBe(atStart + 1);

    // The same feature object again (an edit elsewhere, a tool switched back): the source is left alone.
    useUiStore.getState().select(['right']);
    useToolStore.getState().setTool('rectangle');
    useToolStore.getState().setTool('select');
    map.paint();
    expect(handleUpdates()).toBe(atStart + 1);

    // No handles before and after (a point, then nothing selected): no update either.
    useUiStore.getState().select([]);
    map.paint();
    expect(handleUpdates()).toBe(atStart + 2);
    useUiStore.getState().select(['well']);
    map.paint();
    useUiStore.getState().select([]);
    map.paint();
    expect(vertexIds()).toEqual([]);
    expect(handleUpdates()).toBe(atStart + 2);

    // Detached before the paint: nothing is drawn afterwards.
    useUiStore.getState().select(['left']);
    detach();
    map.paint();
    expect(handleUpdates()).toBe(atStart + 2);
  });

  it('a click that moves nothing leaves the preview source alone; a drag fills it and its release empties it', () => {
    load([rect('left', 106.05, 106.051, 21.05, 21.051)]);
    const map = new FakeMap();
    const detach = attachEditing(map);
    useUiStore.getState().select(['left']);
    map.paint();
    const previewUpdates = () => map.updates.get('edit-preview') ?? 0;
    const atStart = previewUpdates();
    map.fire('down', [106.06, 21.06]);
    map.fire('up', [106.06, 21.06]);
    expect(previewUpdates()).toBe(atStart);

    map.fire('down', [106.0505, 21.0505]);
    map.fire('move', [106.0506, 21.0505]);
    expect(map.sources.get('edit-preview')?.features).toHaveLength(1);
    map.fire('up', [106.0506, 21.0505]);
    expect(map.sources.get('edit-preview')?.features).toHaveLength(0);
    expect(previewUpdates()).toBe(atStart + 2);
    detach();
  });
});
