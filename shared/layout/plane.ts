import { bboxOf, polygonsOf } from '../geometry/boolean';
import { clipSegmentToRing, pointInRing, type XY } from '../geometry/planar-ring';
import { buffer } from '@turf/buffer';
import { multiPolygon, polygon as turfPolygon } from '@turf/helpers';
import { signedArea2 } from '../geometry/ring';
import { createTangentPlane, fromPlane, toPlane, type TangentPlane } from '../geometry/tangent-plane';
import type { AreaGeometry, LineStringGeometry, PolygonGeometry, Position } from '../model/geometry-schema';

/**
 * The generator's metric plane (geometry/tangent-plane.ts): linear in lon/lat, so a straight
 * line constructed here is exactly the straight lon/lat edge the booleans and the map use.
 * Polygons stay in lon/lat (booleans, subdivision, the document); lines, distances and
 * orderings are computed here.
 */

/** Polygons as plane rings: [polygon][ring][vertex], rings closed. */
export type PlanePolygons = XY[][][];

export function planeFor(g: AreaGeometry): TangentPlane {
  const [w, s, e, n] = bboxOf(g.coordinates);
  return createTangentPlane((w + e) / 2, (s + n) / 2);
}

export function toPlanePolygons(plane: TangentPlane, g: AreaGeometry): PlanePolygons {
  return polygonsOf(g).map((rings) => rings.map((ring) => ring.map((p) => toPlane(plane, p))));
}

export function lonLatOf(plane: TangentPlane, p: XY): Position {
  return fromPlane(plane, p[0], p[1]);
}

export function lineOf(plane: TangentPlane, pts: readonly XY[]): LineStringGeometry {
  return { type: 'LineString', coordinates: pts.map((p) => lonLatOf(plane, p)) };
}

/**
 * Every polygon of a geometry as its own Polygon (none for null), without the degenerate rings
 * (fewer than three distinct vertices) that booleans leave where two edges nearly touch.
 */
export function piecesOf(g: AreaGeometry | null): PolygonGeometry[] {
  if (!g) return [];
  const proper = (ring: Position[]) => ring.length >= 4 && signedArea2(ring) !== 0;
  return polygonsOf(g)
    .filter((rings) => proper(rings[0]))
    .map((rings) => ({ type: 'Polygon', coordinates: rings.filter(proper) }));
}

/**
 * `g` moved inward (`distanceM` < 0) or outward, through Turf's buffer (JSTS, in an azimuthal
 * equidistant projection on the sphere: a few centimetres on a 10 m strip, which
 * stripOffsetM covers). Not geometry/road-corridor.ts: the union inside roadCorridor fails on
 * closed rings with right-angle corners (polyclip-ts "Unable to complete output ring").
 */
function offsetArea(g: AreaGeometry, distanceM: number): AreaGeometry | null {
  const result = buffer(g.type === 'Polygon' ? turfPolygon(g.coordinates) : multiPolygon(g.coordinates), distanceM, { units: 'meters', steps: 8 });
  const geometry = result?.geometry;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return null;
  const out = geometry as AreaGeometry;
  return polygonsOf(out).length > 0 && out.coordinates.length > 0 ? out : null;
}

/** `g` moved inward by `distanceM`; null when nothing is left. */
export function insetArea(g: AreaGeometry, distanceM: number): AreaGeometry | null {
  return distanceM > 0 ? offsetArea(g, -distanceM) : g;
}

/** `g` grown outward by `distanceM`. */
export function growArea(g: AreaGeometry, distanceM: number): AreaGeometry {
  return (distanceM > 0 ? offsetArea(g, distanceM) : g) ?? g;
}

/**
 * The parts of segment a→b inside the polygons (inside an outer ring, outside its holes), in
 * the a→b direction. The crossings come from clipSegmentToRing on each ring.
 */
export function clipSegmentToPolygons(a: XY, b: XY, polygons: PlanePolygons): [XY, XY][] {
  const d: XY = [b[0] - a[0], b[1] - a[1]];
  const len2 = d[0] * d[0] + d[1] * d[1];
  if (len2 === 0) return [];
  const param = (p: XY) => ((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2;
  const ts = [0, 1];
  for (const rings of polygons) for (const ring of rings) for (const [p, q] of clipSegmentToRing(a, b, ring)) ts.push(param(p), param(q));
  ts.sort((x, y) => x - y);
  const at = (t: number): XY => [a[0] + d[0] * t, a[1] + d[1] * t];
  const inside = (p: XY) => polygons.some((rings) => pointInRing(p, rings[0]) && !rings.slice(1).some((hole) => pointInRing(p, hole)));
  const out: [XY, XY][] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    if (ts[i + 1] - ts[i] < 1e-9) continue;
    if (!inside(at((ts[i] + ts[i + 1]) / 2))) continue;
    const last = out[out.length - 1];
    // Pieces meeting at a vertex of the ring are one piece.
    if (last && Math.hypot(last[1][0] - at(ts[i])[0], last[1][1] - at(ts[i])[1]) < 1e-6) last[1] = at(ts[i + 1]);
    else out.push([at(ts[i]), at(ts[i + 1])]);
  }
  return out;
}

/** The geometry without degenerate rings (piecesOf), as a Polygon or MultiPolygon; null when nothing is left. */
export function cleanArea(g: AreaGeometry | null): AreaGeometry | null {
  const pieces = piecesOf(g);
  if (pieces.length === 0) return null;
  return pieces.length === 1 ? pieces[0] : { type: 'MultiPolygon', coordinates: pieces.map((p) => p.coordinates) };
}

function pointSegmentM(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

interface Edge {
  a: XY;
  b: XY;
  box: [number, number, number, number];
}

/** Edges of polygons with their boxes, for repeated nearest-edge questions. */
export class EdgeSet {
  readonly edges: Edge[] = [];

  constructor(polygons: PlanePolygons) {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1];
          const b = ring[i];
          this.edges.push({ a, b, box: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])] });
        }
      }
    }
  }

  /** Shortest distance from p to an edge, looking only within `reachM` (Infinity beyond). */
  distanceM(p: XY, reachM = Infinity): number {
    let best = Infinity;
    for (const e of this.edges) {
      if (p[0] < e.box[0] - reachM || p[0] > e.box[2] + reachM || p[1] < e.box[1] - reachM || p[1] > e.box[3] + reachM) continue;
      best = Math.min(best, pointSegmentM(p, e.a, e.b));
    }
    return best;
  }

  /**
   * Shortest distance between these edges and the other polygons' edges, when they do not cross
   * (the minimum of two non-crossing segments is at an endpoint, so vertices both ways suffice).
   */
  gapM(other: PlanePolygons, reachM = Infinity): number {
    let best = Infinity;
    const otherEdges = new EdgeSet(other);
    for (const rings of other) for (const ring of rings) for (const p of ring) best = Math.min(best, this.distanceM(p, reachM));
    for (const e of this.edges) best = Math.min(best, otherEdges.distanceM(e.a, reachM));
    return best;
  }
}

/** Mean of the vertices of the outer rings: a stable representative point for ordering. */
export function centreOf(polygons: PlanePolygons): XY {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const rings of polygons) {
    for (const p of rings[0].slice(0, -1)) {
      x += p[0];
      y += p[1];
      n++;
    }
  }
  return n > 0 ? [x / n, y / n] : [0, 0];
}
