import type { AreaGeometry, Position } from '../model/geometry-schema';
import { bboxOf as coordinatesBbox, polygonsOf, ringsOf } from '../geometry/boolean';
import { pointInRings, type XY } from '../geometry/planar-faces';
import { isCounterClockwise } from '../geometry/ring';
import { edgesNear } from './edge-grid';
import { ringsApart } from './rings-apart';

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

// Every ring of every part, listed once per geometry (features are immutable, DESIGN.md §2):
// pointInArea runs for every vertex of every neighbour.
const ringLists = new WeakMap<AreaGeometry, XY[][]>();

/** Even-odd point in polygon over every ring of every part (holes included). */
export function pointInArea(p: Position, geometry: AreaGeometry): boolean {
  let rings = ringLists.get(geometry);
  if (!rings) ringLists.set(geometry, (rings = ringsOf(geometry) as XY[][]));
  const bands = bandsOf(geometry, rings);
  return bands ? pointInBands(p, bands) : pointInRings(p as XY, rings);
}

/** From this many edges a polygon's point tests go through latitude bands (bandsOf). */
const MIN_BANDED_EDGES = 64;

/**
 * A big polygon's edges sorted into latitude bands. The even-odd test counts the edges that
 * cross the point's parallel, and every such edge spans the point's latitude, so it is in the
 * point's band: testing that band's edges, with pointInRings's arithmetic on each, gives
 * pointInRings's answer. An isolation strip drawn along the boundary has hundreds of vertices
 * and is tested at every metre inward from every boundary sample (isolation-strip.ts).
 */
interface Bands {
  y0: number;
  y1: number;
  height: number;
  /** Per band, its edges as xi, yi, xj, yj (pointInRings's vertex i and the one before it, j). */
  edges: Float64Array[];
}

const bandLists = new WeakMap<AreaGeometry, Bands | null>();

function bandsOf(geometry: AreaGeometry, rings: XY[][]): Bands | null {
  const known = bandLists.get(geometry);
  if (known !== undefined) return known;
  let count = 0;
  let minY = Infinity;
  let maxY = -Infinity;
  // Indexed loops in this file: its predicates run for every pair of neighbours, mostly as
  // unoptimised code, where each step of a for…of allocates.
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    count += ring.length;
    for (let i = 0; i < ring.length; i++) {
      const y = ring[i][1];
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  let bands: Bands | null = null;
  const n = Math.min(4096, Math.ceil(count / 4));
  const height = (maxY - minY) / n;
  if (count >= MIN_BANDED_EDGES && Number.isFinite(height) && height > 0 && bandEntries(rings, minY, height, n) <= MAX_BAND_ENTRIES_PER_EDGE * count) {
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r];
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i][0], yi = ring[i][1];
        const xj = ring[j][0], yj = ring[j][1];
        const last = bandAt(Math.max(yi, yj), minY, height, n);
        for (let b = bandAt(Math.min(yi, yj), minY, height, n); b <= last; b++) lists[b].push(xi, yi, xj, yj);
      }
    }
    bands = { y0: minY, y1: maxY, height, edges: lists.map((l) => Float64Array.from(l)) };
  }
  bandLists.set(geometry, bands);
  return bands;
}

/**
 * Bands an edge may sit in, on average: edges that each span most of the polygon's height (a
 * hostile zigzag) would fill every band, memory growing as edges × bands; such a polygon keeps
 * the plain test.
 */
const MAX_BAND_ENTRIES_PER_EDGE = 16;

/** How many band entries the edges of `rings` would take. */
function bandEntries(rings: XY[][], y0: number, height: number, n: number): number {
  let entries = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const yi = ring[i][1];
      const yj = ring[j][1];
      entries += bandAt(Math.max(yi, yj), y0, height, n) - bandAt(Math.min(yi, yj), y0, height, n) + 1;
    }
  }
  return entries;
}

/** The band of latitude y; the same monotone rounding for edges and points, so an edge spanning y is in y's band. */
function bandAt(y: number, y0: number, height: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor((y - y0) / height)));
}

function pointInBands(p: Position, bands: Bands): boolean {
  const px = p[0];
  const py = p[1];
  // Beyond the polygon's latitudes no edge crosses the point's parallel.
  if (!(py >= bands.y0 && py < bands.y1)) return false;
  const e = bands.edges[bandAt(py, bands.y0, bands.height, bands.edges.length)];
  let inside = false;
  for (let k = 0; k < e.length; k += 4) {
    const xi = e[k], yi = e[k + 1], xj = e[k + 2], yj = e[k + 3];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segDistance(p: Position, a: Position, b: Position, k: number): number {
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1], px = p[0] * k, py = p[1];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const ex = px - ax - t * dx, ey = py - ay - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

/** Planar distance (degrees of latitude) from a point to the nearest edge of the geometry. */
export function distanceToEdges(p: Position, geometry: AreaGeometry): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best = Infinity;
  const rings = ringsOf(geometry);
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 1; i < ring.length; i++) best = Math.min(best, segDistance(p, ring[i - 1], ring[i], k));
  }
  return best;
}

export function strictlyInside(p: Position, geometry: AreaGeometry, eps = EPS_DEG): boolean {
  return pointInArea(p, geometry) && distanceToEdges(p, geometry) > eps;
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

/** The edges whose boxes, widened by `eps`, meet `box`. */
function edgesNearBox(edges: Edge[], box: BBox, eps: number): Edge[] {
  const x0 = box[0] - eps, x1 = box[2] + eps, y0 = box[1] - eps, y1 = box[3] + eps;
  const near: Edge[] = [];
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.x1 >= x0 && e.x0 <= x1 && e.y1 >= y0 && e.y0 <= y1) near.push(e);
  }
  return near;
}

/**
 * Some edge of `a` crosses some edge of `b` at a point interior to both (not a touch). With
 * `boxA`, only the edges of `b` near it are searched (the others fail every edge's box test below).
 */
export function edgesProperlyCross(a: AreaGeometry, b: AreaGeometry, eps = EPS_DEG, boxB = bboxOf(b), boxA?: BBox): boolean {
  const edgesB = boxA ? edgesNearBox(edgesOf(b), boxA, eps) : edgesOf(b);
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
  const edges = edgesOf(geometry);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    if (edge.x1 < box[0] - margin || edge.x0 > box[2] + margin) continue;
    if (edge.y1 < box[1] - margin || edge.y0 > box[3] + margin) continue;
    return false;
  }
  return true;
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
  if (edgesProperlyCross(inner, outer, EPS_DEG, boxOuter)) return false;
  const innerRings = ringsOf(inner);
  for (let r = 0; r < innerRings.length; r++) {
    const ring = innerRings[r];
    for (let i = 0; i < ring.length; i++) if (distanceToEdges(ring[i], outer) > EPS_DEG && !pointInArea(ring[i], outer)) return false;
  }
  // A hole of `outer` (or a notch) lying wholly inside `inner` leaves no vertex of `inner` outside.
  const outerRings = ringsOf(outer);
  for (let r = 0; r < outerRings.length; r++) {
    const ring = outerRings[r];
    for (let i = 0; i < ring.length; i++) if (strictlyInside(ring[i], inner)) return false;
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
