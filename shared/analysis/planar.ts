import type { AreaGeometry, Position } from '../model/geometry-schema';
import { bboxOf as coordinatesBbox, polygonsOf, ringsOf } from '../geometry/boolean';
import { pointInArea } from '../geometry/point-in-area';
import { isCounterClockwise } from '../geometry/ring';
import { edgesInBox, edgesNear } from '../geometry/edge-grid';
import { ringsApart } from '../geometry/rings-apart';

/**
 * Fast planar predicates in lon/lat degrees (x scaled by cos latitude so angles are true),
 * used only to decide *whether* two polygons can share area, so the costly Turf clipping runs
 * on the few pairs that really overlap. No number a user reads comes from here.
 */

/** [minLon, minLat, maxLon, maxLat] in degrees. */
export type BBox = [number, number, number, number];

/** Tolerance in degrees (~1 cm): contacts closer than this count as touching, not overlapping. */
export const EPS_DEG = 1e-7;
// Wedges meeting at less than this angle are slivers: with no vertex poking in further than EPS_DEG,
// such an overlap is nowhere wider than EPS_DEG (docs/analysis.md).
const ANGLE_EPS = 1e-3;

export function bboxOf(geometry: AreaGeometry | { type: string; coordinates: unknown }): BBox {
  return coordinatesBbox(geometry.coordinates);
}

/** True when the boxes share more than a sliver of `eps` in both directions. */
export function bboxesOverlap(a: BBox, b: BBox, eps = EPS_DEG): boolean {
  return Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > eps && Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > eps;
}

export function bboxesTouch(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function segDistance(p: Position, a: Position, b: Position, k: number): number {
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1], px = p[0] * k, py = p[1];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = px - ax - t * dx, ey = py - ay - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

/**
 * Whether p lies within eps of the geometry's outline: planar distance in degrees of latitude,
 * longitude scaled by k = cos latitude. Only the edges near p are asked (the edge grid): a
 * vertex of every feature near the park boundary is tested against it. An edge within eps of p
 * has p within eps / k (k ≤ 1) of its box in degrees, so the grid's search by that margin holds it.
 */
export function withinOfOutline(p: Position, geometry: AreaGeometry, eps: number): boolean {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const margin = eps / k;
  const near = edgesNear(p, geometry, margin);
  for (let m = 0; m < near.length; m++) {
    const a = near[m].ring[near[m].i], b = near[m].ring[near[m].i + 1];
    if (segDistance(p, a, b, k) <= eps) return true;
  }
  return false;
}

export function strictlyInside(p: Position, geometry: AreaGeometry, eps = EPS_DEG): boolean {
  return pointInArea(p, geometry) && !withinOfOutline(p, geometry, eps);
}

interface Edge {
  a: Position;
  b: Position;
  /** The edge's box, worked out once per edge rather than for every pair of edges. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

// Features are immutable (DESIGN.md §2, as measure.ts's memos rely on): a geometry's edges and a
// ring's orientation are worked out once, not for every pair and every contact vertex.
const edgeLists = new WeakMap<AreaGeometry, Edge[]>();
const counterClockwise = new WeakMap<Position[], boolean>();

function edgesOf(geometry: AreaGeometry): Edge[] {
  let edges = edgeLists.get(geometry);
  if (edges) return edges;
  edges = [];
  const rings = ringsOf(geometry);
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1], b = ring[i];
      edges.push({ a, b, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
    }
  }
  edgeLists.set(geometry, edges);
  return edges;
}

function ringIsCounterClockwise(ring: Position[]): boolean {
  let ccw = counterClockwise.get(ring);
  if (ccw === undefined) counterClockwise.set(ring, (ccw = isCounterClockwise(ring)));
  return ccw;
}

/** Signed distance of c from the line a→b (positive on the left), scaled degrees. */
function sideOf(a: Position, b: Position, c: Position, k: number): number {
  const dx = (b[0] - a[0]) * k, dy = b[1] - a[1];
  const len = Math.sqrt(dx * dx + dy * dy);
  if (len === 0) return 0;
  return (dx * (c[1] - a[1]) - dy * (c[0] - a[0]) * k) / len;
}

/**
 * The edges of `geometry` whose boxes, widened by `eps`, meet `box`: those the edge grid finds
 * near the box (edges are numbered alike there and in edgesOf), each box tested.
 */
function edgesNearBox(geometry: AreaGeometry, box: BBox, eps: number): Edge[] {
  const x0 = box[0] - eps, x1 = box[2] + eps, y0 = box[1] - eps, y1 = box[3] + eps;
  const edges = edgesOf(geometry);
  const candidates = edgesInBox(geometry, box[0], box[1], box[2], box[3], eps);
  const near: Edge[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const e = edges[candidates[i].index];
    if (e.x1 >= x0 && e.x0 <= x1 && e.y1 >= y0 && e.y0 <= y1) near.push(e);
  }
  return near;
}

/**
 * Some edge of `a` crosses some edge of `b` at a point interior to both (not a touch). With
 * `boxA`, only the edges of `b` near it are searched (the others fail every edge's box test below).
 */
export function edgesProperlyCross(a: AreaGeometry, b: AreaGeometry, eps = EPS_DEG, boxB = bboxOf(b), boxA?: BBox): boolean {
  const edgesB = boxA ? edgesNearBox(b, boxA, eps) : edgesOf(b);
  if (edgesB.length === 0) return false;
  const k = Math.cos((((boxB[1] + boxB[3]) / 2) * Math.PI) / 180);
  const edgesA = edgesOf(a);
  for (let m = 0; m < edgesA.length; m++) {
    const e = edgesA[m];
    if (e.x1 < boxB[0] || e.x0 > boxB[2]) continue;
    if (e.y1 < boxB[1] || e.y0 > boxB[3]) continue;
    const ex0 = e.x0 - eps, ex1 = e.x1 + eps;
    const ey0 = e.y0 - eps, ey1 = e.y1 + eps;
    for (let n = 0; n < edgesB.length; n++) {
      const f = edgesB[n];
      // Segments whose boxes are apart cannot cross: the common case, rejected cheaply.
      if (f.x1 < ex0 || f.x0 > ex1) continue;
      if (f.y1 < ey0 || f.y0 > ey1) continue;
      const d1 = sideOf(e.a, e.b, f.a, k);
      const d2 = sideOf(e.a, e.b, f.b, k);
      if (!((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))) continue;
      const d3 = sideOf(f.a, f.b, e.a, k);
      const d4 = sideOf(f.a, f.b, e.b, k);
      if ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps)) return true;
    }
  }
  return false;
}

/** An open angular interval: interior directions from `start`, counter-clockwise over `sweep`. */
interface Wedge {
  start: number;
  sweep: number;
}

const TAU = 2 * Math.PI;
const norm = (x: number) => ((x % TAU) + TAU) % TAU;

function angle(from: Position, to: Position, k: number): number {
  return Math.atan2(to[1] - from[1], (to[0] - from[0]) * k);
}

/**
 * The interior wedges of `geometry` at the point v (vertex or edge contact), if v is on its
 * boundary; null when v is not within `eps` of its outline at all (so the caller needs no second scan of the
 * edges near v to tell a vertex inside `geometry` from one on its outline).
 */
function wedgesAt(v: Position, geometry: AreaGeometry, k: number, eps: number): Wedge[] | null {
  const wedges: Wedge[] = [];
  let onOutline = false;
  // The edges near v only (edge-grid.ts), in no particular order: the caller asks whether any wedge meets.
  const near = edgesNear(v, geometry, eps);
  for (let m = 0; m < near.length; m++) {
    const ring = near[m].ring, r = near[m].r, i = near[m].i;
    const n = ring.length - 1;
    const a = ring[i];
    const b = ring[i + 1];
    // Most edges are nowhere near v: reject on their box before any distance.
    if (v[0] < Math.min(a[0], b[0]) - eps || v[0] > Math.max(a[0], b[0]) + eps) continue;
    if (v[1] < Math.min(a[1], b[1]) - eps || v[1] > Math.max(a[1], b[1]) + eps) continue;
    // Interior on the left of each edge: outer rings counter-clockwise, holes clockwise.
    const interiorLeft = ringIsCounterClockwise(ring) === (r === 0);
    const nearA = segDistance(v, a, a, k) <= eps;
    if (nearA) {
      const prev = ring[(i - 1 + n) % n];
      const start = angle(a, interiorLeft ? b : prev, k);
      wedges.push({ start, sweep: norm(angle(a, interiorLeft ? prev : b, k) - start) || TAU });
    } else if (segDistance(v, b, b, k) > eps) {
      if (segDistance(v, a, b, k) <= eps) {
        const start = interiorLeft ? angle(a, b, k) : angle(b, a, k);
        wedges.push({ start, sweep: Math.PI });
      }
    } else if (!onOutline) onOutline = segDistance(v, a, b, k) <= eps;
  }
  return wedges.length > 0 || onOutline ? wedges : null;
}

function wedgesMeet(w1: Wedge, w2: Wedge): boolean {
  return norm(w2.start - w1.start) < w1.sweep - ANGLE_EPS || norm(w1.start - w2.start) < w2.sweep - ANGLE_EPS;
}

/** At a vertex of `a` lying on the boundary of `b`, do their interiors meet? */
function contactOverlaps(a: AreaGeometry, b: AreaGeometry, boxB: BBox, eps: number): boolean {
  const k = Math.cos((((boxB[1] + boxB[3]) / 2) * Math.PI) / 180);
  const parts = polygonsOf(a);
  for (let p = 0; p < parts.length; p++) {
    for (let r = 0; r < parts[p].length; r++) {
      const ring = parts[p][r];
      for (let i = 0; i < ring.length - 1; i++) {
        const v = ring[i];
        if (v[0] < boxB[0] - eps || v[0] > boxB[2] + eps || v[1] < boxB[1] - eps || v[1] > boxB[3] + eps) continue;
        const wb = wedgesAt(v, b, k, eps);
        if (wb === null) {
          if (pointInArea(v, b)) return true;
          continue;
        }
        if (wb.length === 0) continue;
        const wa = wedgesAt(v, a, k, eps) ?? [];
        for (let x = 0; x < wa.length; x++) for (let y = 0; y < wb.length; y++) if (wedgesMeet(wa[x], wb[y])) return true;
      }
    }
  }
  return false;
}

function boxInside(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/**
 * Whether the interiors of two polygons can share positive area. Complete for polygons whose
 * overlap has corners (every overlap region of two polygons does): a corner is a proper edge
 * crossing, a vertex strictly inside the other polygon, or a vertex on the other's boundary where
 * both interior wedges meet. Contacts within `eps` (shared edges, T-junctions) do not count.
 */
export function interiorsMayOverlap(a: AreaGeometry, b: AreaGeometry, boxA = bboxOf(a), boxB = bboxOf(b), eps = EPS_DEG): boolean {
  if (!bboxesOverlap(boxA, boxB, eps)) return false;
  // A box inside the other's (a building in its plot) is seldom apart, and a vertex of the inner
  // one inside the outer settles it at once (all 3,417 such pairs of the 5,113-feature park): its
  // contacts first, before the edge crossings. The tests answer together, in any order.
  if (boxInside(boxA, boxB)) return contactOverlaps(a, b, boxB, eps) || edgesProperlyCross(a, b, eps, boxB, boxA) || contactOverlaps(b, a, boxA, eps);
  if (boxInside(boxB, boxA)) return contactOverlaps(b, a, boxA, eps) || edgesProperlyCross(a, b, eps, boxB, boxA) || contactOverlaps(a, b, boxB, eps);
  if (ringsApart(a, b)) return false;
  if (edgesProperlyCross(a, b, eps, boxB, boxA)) return true;
  return contactOverlaps(a, b, boxB, eps) || contactOverlaps(b, a, boxA, eps);
}

/**
 * Margin (degrees, ~10 cm, ten times EPS_DEG) of isWithin's screens: a point this far outside a
 * polygon's box is outside the polygon whatever the rounding of the even-odd test (its crossing
 * abscissae are off by ~1e-14°), and an edge this far from a box is beyond every EPS_DEG test.
 */
const CLEAR_DEG = 1e-6;

/** No edge of `geometry` comes within `margin` of `box`: each edge's own box lies apart from it. */
function edgesClearOf(box: BBox, geometry: AreaGeometry, margin: number): boolean {
  return edgesNearBox(geometry, box, margin).length === 0;
}

/**
 * The exact fast answer of isWithin for the common case, and true only when isWithin is: no edge
 * of `outer` comes near inner's box (`boxInner` holds every vertex of `inner`), so no edge
 * crosses, the even-odd test gives every vertex of `inner` the answer it gives the first, and no
 * vertex of `outer` lies in `inner`. False says nothing. O(edges of outer).
 */
export function clearlyWithin(inner: AreaGeometry, outer: AreaGeometry, boxInner = bboxOf(inner)): boolean {
  const first = polygonsOf(inner)[0]?.[0]?.[0];
  return first !== undefined && edgesClearOf(boxInner, outer, CLEAR_DEG) && pointInArea(first, outer);
}

/**
 * isWithin's full test, vertex by vertex (exported as the reference its screen is tested
 * against): no proper crossing, every vertex of `inner` inside `outer` or within EPS_DEG of its
 * outline, and no vertex of `outer` strictly inside `inner`.
 */
export function withinByVertices(inner: AreaGeometry, outer: AreaGeometry, boxOuter = bboxOf(outer)): boolean {
  const boxInner = bboxOf(inner);
  // Only edges of `outer` near inner's box can cross one of inner's: the park boundary's edges
  // are searched through its grid, not all of them for every feature near it.
  if (edgesProperlyCross(inner, outer, EPS_DEG, boxOuter, boxInner)) return false;
  const innerRings = ringsOf(inner);
  for (let r = 0; r < innerRings.length; r++) {
    const ring = innerRings[r];
    for (let i = 0; i < ring.length; i++) if (!withinOfOutline(ring[i], outer, EPS_DEG) && !pointInArea(ring[i], outer)) return false;
  }
  // A hole of `outer` (or a notch) lying wholly inside `inner` leaves no vertex of `inner` outside.
  // A vertex outside inner's box is not inside `inner`.
  const outerRings = ringsOf(outer);
  for (let r = 0; r < outerRings.length; r++) {
    const ring = outerRings[r];
    for (let i = 0; i < ring.length; i++) {
      const v = ring[i];
      if (v[0] < boxInner[0] || v[0] > boxInner[2] || v[1] < boxInner[1] || v[1] > boxInner[3]) continue;
      if (strictlyInside(v, inner)) return false;
    }
  }
  return true;
}

/**
 * `inner` lies inside `outer` (touching allowed): no crossing, and no vertex of either pokes out/in.
 * `boxInner` must hold every vertex of `inner` (the default does).
 */
export function isWithin(inner: AreaGeometry, outer: AreaGeometry, boxInner = bboxOf(inner), boxOuter = bboxOf(outer)): boolean {
  if (boxInner[0] < boxOuter[0] - EPS_DEG || boxInner[1] < boxOuter[1] - EPS_DEG) return false;
  if (boxInner[2] > boxOuter[2] + EPS_DEG || boxInner[3] > boxOuter[3] + EPS_DEG) return false;
  return clearlyWithin(inner, outer, boxInner) || withinByVertices(inner, outer, boxOuter);
}
