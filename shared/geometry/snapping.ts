import type { ParkFeature } from '../model/feature';
import type { Position } from '../model/geometry-schema';
import { distanceM } from './geodesic';
import { metresPerDegree } from './tangent-plane';

/**
 * Snapping of the drawing cursor to existing vertices and edges (docs/editing.md).
 *
 * The index is a uniform grid in lon/lat degrees (cells about 64 m on a side at the park's
 * latitude): cheap to build and to update one feature at a time, and a pointer move only looks
 * at the few cells within the tolerance. Distances are geodesic; the projection onto an edge is
 * made in a metric tangent plane at the cursor (tangent-plane.ts), so the snapped point lies
 * exactly on the edge as drawn.
 */

/** Where a snapped vertex or edge lives in its feature's geometry. */
export interface SnapResult {
  /** The snapped position [lon, lat]. */
  position: [number, number];
  kind: 'vertex' | 'edge';
  featureId: string;
  /** Geodesic distance from the cursor to `position`, metres. */
  distanceM: number;
  /**
   * Indexes into `geometry.coordinates` down to the ring or line that holds the vertex/edge:
   * Polygon [ring], MultiPolygon [polygon, ring], LineString [], MultiLineString [line], Point [].
   */
  ringPath: number[];
  /** kind 'vertex': index of the vertex in that ring/line (never the closing duplicate). */
  vertexIndex?: number;
  /** kind 'edge': the edge from vertex `edgeIndex` to `edgeIndex + 1`. */
  edgeIndex?: number;
}

export interface SnapOptions {
  /** Features never snapped to, e.g. the one being edited. */
  excludeIds?: string[];
  /** Snap to vertices (default true). */
  vertices?: boolean;
  /** Snap to edges (default true). */
  edges?: boolean;
}

interface Entry {
  featureId: string;
  ringPath: number[];
  /** Vertex index (vertex entries) or edge start index (edge entries). */
  index: number;
  a: Position;
  /** Present for edges only. */
  b?: Position;
}

/** A mutable spatial index over every vertex and edge of a set of features. */
export interface SnapIndex {
  /** Replaces or adds `put` features and removes `deletedIds` (an EditCommand's effect). */
  update(put: ParkFeature[], deletedIds: string[]): void;
  /** Number of indexed features. */
  readonly size: number;
  /** Entries whose bounding box meets the lon/lat box (internal to snap()). */
  query(minLon: number, minLat: number, maxLon: number, maxLat: number): Iterable<Entry>;
}

const CELL_M = 64;
const M_PER_DEG_LAT = 110_574; // WGS84 near 20° N; only sizes cells, never measures.
// Above this many cells a diagonal edge is walked cell by cell instead of filling its bbox.
const MAX_BBOX_CELLS = 16;

/** Builds the snap index over `features` (vertices and edges of every geometry kind). */
export function createSnapIndex(features: ParkFeature[]): SnapIndex {
  const midLat = features.length > 0 ? firstLat(features[0]) : 0;
  const cellLat = CELL_M / M_PER_DEG_LAT;
  const cellLon = cellLat / Math.max(0.05, Math.cos((midLat * Math.PI) / 180));
  const cells = new Map<number, Entry[]>();
  const keysByFeature = new Map<string, number[]>();

  const key = (ix: number, iy: number) => (ix + 2_097_152) * 4_194_304 + (iy + 2_097_152);
  const cx = (lon: number) => Math.floor(lon / cellLon);
  const cy = (lat: number) => Math.floor(lat / cellLat);

  function addTo(k: number, entry: Entry, keys: Set<number>) {
    let list = cells.get(k);
    if (!list) cells.set(k, (list = []));
    list.push(entry);
    keys.add(k);
  }

  function insert(feature: ParkFeature) {
    const keys = new Set<number>();
    forEachPath(feature, (path, ringPath, closed) => {
      const n = closed ? path.length - 1 : path.length;
      for (let i = 0; i < n; i++) {
        addTo(key(cx(path[i][0]), cy(path[i][1])), { featureId: feature.id, ringPath, index: i, a: path[i] }, keys);
      }
      for (let i = 0; i + 1 < path.length; i++) {
        const entry: Entry = { featureId: feature.id, ringPath, index: i, a: path[i], b: path[i + 1] };
        for (const k of edgeCells(path[i], path[i + 1])) addTo(k, entry, keys);
      }
    });
    keysByFeature.set(feature.id, [...keys]);
  }

  function edgeCells(a: Position, b: Position): number[] {
    const x0 = cx(Math.min(a[0], b[0]));
    const x1 = cx(Math.max(a[0], b[0]));
    const y0 = cy(Math.min(a[1], b[1]));
    const y1 = cy(Math.max(a[1], b[1]));
    const out: number[] = [];
    // Small boxes, and a row or column of cells (axis-aligned roads and plot edges), are exact.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_BBOX_CELLS || x0 === x1 || y0 === y1) {
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(key(x, y));
      return out;
    }
    // Long diagonal edge: sample every half cell and take the 3×3 neighbourhood, a superset
    // of the cells the segment crosses.
    const steps = Math.ceil(Math.max((x1 - x0 + 1), (y1 - y0 + 1)) * 2);
    const seen = new Set<number>();
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const ix = cx(a[0] + (b[0] - a[0]) * t);
      const iy = cy(a[1] + (b[1] - a[1]) * t);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) seen.add(key(ix + dx, iy + dy));
    }
    return [...seen];
  }

  function remove(id: string) {
    const keys = keysByFeature.get(id);
    if (!keys) return;
    for (const k of keys) {
      const list = cells.get(k);
      if (!list) continue;
      const kept = list.filter((e) => e.featureId !== id);
      if (kept.length > 0) cells.set(k, kept);
      else cells.delete(k);
    }
    keysByFeature.delete(id);
  }

  for (const f of features) insert(f);

  return {
    update(put, deletedIds) {
      for (const id of deletedIds) remove(id);
      for (const f of put) {
        remove(f.id);
        insert(f);
      }
    },
    get size() {
      return keysByFeature.size;
    },
    *query(minLon, minLat, maxLon, maxLat) {
      const seen = new Set<Entry>();
      for (let x = cx(minLon); x <= cx(maxLon); x++) {
        for (let y = cy(minLat); y <= cy(maxLat); y++) {
          for (const e of cells.get(key(x, y)) ?? []) {
            if (seen.has(e)) continue;
            seen.add(e);
            yield e;
          }
        }
      }
    },
  };
}

/**
 * The nearest vertex within `toleranceM` of the cursor, else the nearest point on an edge
 * within `toleranceM` (vertices win over edges even when an edge is closer, so a corner is easy
 * to hit). Null when nothing is within tolerance.
 */
export function snap(
  index: SnapIndex,
  pointLonLat: Position,
  toleranceM: number,
  options: SnapOptions = {},
): SnapResult | null {
  if (!(toleranceM > 0)) return null;
  const wantVertices = options.vertices ?? true;
  const wantEdges = options.edges ?? true;
  const exclude = new Set(options.excludeIds ?? []);
  const [lon, lat] = pointLonLat;
  // A generous degree box: 1° of latitude is ≥ 110.5 km; longitude shrinks with cos(lat).
  const dLat = (toleranceM / 110_000) * 1.01;
  const dLon = dLat / Math.max(0.05, Math.cos((lat * Math.PI) / 180));
  const { kx, ky } = metresPerDegree(lat);

  // The tangent-plane distance is within ~1e-4 of the geodesic one at snapping range, so
  // candidates clearly beyond the tolerance or the best so far skip the geodesic solve (this
  // matters when the renderer's pixel tolerance covers hundreds of metres when zoomed out).
  const surelyWorse = (planarM: number, bestM: number | undefined) =>
    planarM > toleranceM * 1.001 + 1e-6 || (bestM !== undefined && planarM > bestM * 1.001 + 1e-6);
  let bestVertex: { entry: Entry; d: number } | null = null;
  let bestEdge: { entry: Entry; d: number; p: [number, number] } | null = null;
  for (const e of index.query(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
    if (exclude.has(e.featureId)) continue;
    if (!e.b) {
      if (!wantVertices) continue;
      if (Math.abs(e.a[0] - lon) > dLon || Math.abs(e.a[1] - lat) > dLat) continue;
      if (surelyWorse(Math.hypot((e.a[0] - lon) * kx, (e.a[1] - lat) * ky), bestVertex?.d)) continue;
      const d = distanceM(pointLonLat, e.a);
      if (d <= toleranceM && (!bestVertex || d < bestVertex.d)) bestVertex = { entry: e, d };
    } else {
      if (!wantEdges) continue;
      if (Math.min(e.a[0], e.b[0]) > lon + dLon || Math.max(e.a[0], e.b[0]) < lon - dLon) continue;
      if (Math.min(e.a[1], e.b[1]) > lat + dLat || Math.max(e.a[1], e.b[1]) < lat - dLat) continue;
      // Project onto the edge as drawn and as the polygon booleans see it: the straight chord
      // in lon/lat. Locally (metres around the cursor) that chord is a straight segment in a
      // tangent plane scaled by the ellipsoid's radii at the cursor, so the foot of the
      // perpendicular is found there and read back on the chord itself.
      const ax = (e.a[0] - lon) * kx;
      const ay = (e.a[1] - lat) * ky;
      const dx = (e.b[0] - e.a[0]) * kx;
      const dy = (e.b[1] - e.a[1]) * ky;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      if (surelyWorse(Math.hypot(ax + dx * t, ay + dy * t), bestEdge?.d)) continue;
      const p: [number, number] = [e.a[0] + (e.b[0] - e.a[0]) * t, e.a[1] + (e.b[1] - e.a[1]) * t];
      const d = distanceM(pointLonLat, p);
      if (d <= toleranceM && (!bestEdge || d < bestEdge.d)) bestEdge = { entry: e, d, p };
    }
  }
  if (bestVertex) {
    const { entry, d } = bestVertex;
    return {
      position: [entry.a[0], entry.a[1]],
      kind: 'vertex',
      featureId: entry.featureId,
      distanceM: d,
      ringPath: entry.ringPath,
      vertexIndex: entry.index,
    };
  }
  if (bestEdge) {
    const { entry, p, d } = bestEdge;
    return {
      position: p,
      kind: 'edge',
      featureId: entry.featureId,
      distanceM: d,
      ringPath: entry.ringPath,
      edgeIndex: entry.index,
    };
  }
  return null;
}

/** Calls `visit` for every ring or line of the feature's geometry (points as 1-vertex lines). */
export function forEachPath(
  feature: ParkFeature,
  visit: (path: Position[], ringPath: number[], closed: boolean) => void,
): void {
  const g = feature.geometry;
  switch (g.type) {
    case 'Point':
      visit([g.coordinates], [], false);
      break;
    case 'LineString':
      visit(g.coordinates, [], false);
      break;
    case 'MultiLineString':
      g.coordinates.forEach((line, i) => visit(line, [i], false));
      break;
    case 'Polygon':
      g.coordinates.forEach((ring, i) => visit(ring, [i], true));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly, p) => poly.forEach((ring, i) => visit(ring, [p, i], true)));
      break;
  }
}

function firstLat(feature: ParkFeature): number {
  let lat = 0;
  let found = false;
  forEachPath(feature, (path) => {
    if (!found && path.length > 0) {
      lat = path[0][1];
      found = true;
    }
  });
  return lat;
}

