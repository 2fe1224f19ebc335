import { polygon as turfPolygon } from '@turf/helpers';
import { tesselate } from '@turf/tesselate';
import type { AreaGeometry, ParkGeometry, Position } from '../model/geometry-schema';
import { bboxOf, geometryBox, intersectAreas, polygonsOf, subtractAreas } from './boolean';
import { convexHull, type PlanarPoint } from './convex-hull';
import { geodesicAreaM2 } from './geodesic';
import { dedupe, ringCrossings } from './ring-checks';
import { ringsApart } from './rings-apart';
import { createTangentPlane, toPlane, type TangentPlane } from './tangent-plane';
import { openRing, pointsBox, signedArea2 } from './ring';

/**
 * Overlap policies between land-use polygons (docs/editing.md): by default a new polygon is
 * cut by the existing ones ("existing wins"); the flag policy keeps both and reports each
 * overlap with its geodesic area. Overlaps below `SLIVER_OVERLAP_M2` are numerical noise of
 * shared edges and are ignored.
 */
export const SLIVER_OVERLAP_M2 = 0.01;

export interface AreaItem {
  id: string;
  geometry: AreaGeometry;
}

export interface CutResult {
  /** What is left of the new polygon; null when the existing ones cover it entirely. */
  geometry: AreaGeometry | null;
  /** Ids of the existing polygons that took a non-negligible part of it. */
  cutBy: string[];
}

/** The new polygon minus every existing polygon it overlaps by at least 0.01 m². */
export function cutByExisting(newPolygon: AreaGeometry, existing: AreaItem[]): CutResult {
  const box = bboxOf(newPolygon.coordinates);
  const cutters: AreaItem[] = [];
  for (const item of existing) {
    if (!boxesOverlap(box, bboxOf(item.geometry.coordinates))) continue;
    const common = intersectAreas(newPolygon, item.geometry);
    if (common && geodesicAreaM2(common) >= SLIVER_OVERLAP_M2) cutters.push(item);
  }
  if (cutters.length === 0) return { geometry: newPolygon, cutBy: [] };
  const rest = subtractAreas(newPolygon, cutters.map((c) => c.geometry));
  return { geometry: rest && geodesicAreaM2(rest) > 0 ? rest : null, cutBy: cutters.map((c) => c.id) };
}

export interface Overlap {
  a: string;
  b: string;
  /** Geodesic area of the intersection, m² (≥ SLIVER_OVERLAP_M2). */
  areaM2: number;
  /** A vertex of the overlap, where the UI shows it. */
  at: [number, number];
}

/**
 * Every pair of area features that overlap by at least 0.01 m² (with `onlyIds`, the pairs
 * involving those features). Non-area geometries are skipped. A sort-and-sweep over bounding boxes (the spatial index) keeps the exact
 * intersection to pairs whose boxes overlap by at least that much.
 */
export function findOverlaps(features: { id: string; geometry: ParkGeometry }[], options: { onlyIds?: string[] } = {}): Overlap[] {
  // After an edit only pairs involving the edited features can have changed.
  const only = options.onlyIds ? new Set(options.onlyIds) : null;
  const items = features
    .filter((f): f is AreaItem => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    .map((f) => ({ f, box: geometryBox(f.geometry) }))
    .sort((p, q) => p.box[0] - q.box[0]);
  const out: Overlap[] = [];
  if (items.length === 0) return out;
  const plane = createTangentPlane(items[0].box[0], items[0].box[1]);
  const { kx, ky } = plane;
  const prepared = new Map<AreaItem, Screened>();
  const screen = (item: AreaItem) => {
    let s = prepared.get(item);
    if (!s) prepared.set(item, (s = screened(item.geometry, plane)));
    return s;
  };
  for (let i = 0; i < items.length; i++) {
    const p = items[i];
    const minY = p.box[1], maxY = p.box[3];
    for (let j = i + 1; j < items.length && items[j].box[0] < p.box[2]; j++) {
      const q = items[j];
      // Most boxes in the sweep's band lie above or below: rejected by comparisons alone (the
      // products below allocate a number each in unoptimised code).
      if (q.box[1] >= maxY || q.box[3] <= minY) continue;
      if (only && !only.has(p.f.id) && !only.has(q.f.id)) continue;
      const w = (Math.min(p.box[2], q.box[2]) - Math.max(p.box[0], q.box[0])) * kx;
      const h = (Math.min(p.box[3], q.box[3]) - Math.max(p.box[1], q.box[1])) * ky;
      // The overlap cannot exceed the boxes' overlap (1 % margin for the scale of kx).
      if (w <= 0 || h <= 0 || w * h * 1.01 < SLIVER_OVERLAP_M2) continue;
      // Rings whose hulls are apart share under 1e-9 m times their length (rings-apart.ts): no
      // overlap to report. On the 5,113-feature park that settles 2,933 of the 4,893 pairs that
      // get this far, with hulls the analysis has mostly made already, before any projection.
      if (ringsApart(p.f.geometry, q.f.geometry)) continue;
      if (overlapSurelyBelow(screen(p.f), screen(q.f), SLIVER_OVERLAP_M2 / 2)) continue;
      const common = intersectAreas(p.f.geometry, q.f.geometry);
      if (!common) continue;
      const areaM2 = geodesicAreaM2(common);
      if (areaM2 < SLIVER_OVERLAP_M2) continue;
      const first: Position = common.type === 'Polygon' ? common.coordinates[0][0] : common.coordinates[0][0][0];
      const [a, b] = p.f.id < q.f.id ? [p.f.id, q.f.id] : [q.f.id, p.f.id];
      out.push({ a, b, areaM2, at: [first[0], first[1]] });
    }
  }
  return out;
}

/** The part of `geometry` inside `boundary`; null when nothing is inside. */
export function clipToBoundary(geometry: AreaGeometry, boundary: AreaGeometry): AreaGeometry | null {
  const clipped = intersectAreas(geometry, boundary);
  return clipped && geodesicAreaM2(clipped) > 0 ? clipped : null;
}

function boxesOverlap(a: number[], b: number[]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * One area geometry as the screens below see it, in the plane of one findOverlaps call: its
 * rings, the convex hull of each polygon part and, built only when a pair needs them, its loops.
 */
interface Screened {
  rings: PlanarPoint[][];
  hulls: PlanarPoint[][];
  /** The rings cut into loops that neither cross nor touch themselves (see simpleLoops). */
  loops?: PlanarPoint[][];
  /** Those loops cut into counter-clockwise triangles; null when they could not be (see trianglesOf). */
  triangles?: PlanarPoint[][] | null;
}

function screened(g: AreaGeometry, plane: TangentPlane): Screened {
  const rings: PlanarPoint[][] = [];
  const hulls: PlanarPoint[][] = [];
  for (const part of polygonsOf(g)) {
    const planar = part.map((ring) => openRing(ring).map((p) => toPlane(plane, p)));
    rings.push(...planar);
    hulls.push(convexHull(planar.length === 1 ? planar[0] : planar.flat()));
  }
  return { rings, hulls };
}

function loopsOf(s: Screened): PlanarPoint[][] {
  s.loops ??= s.rings.flatMap((ring) => simpleLoops(ring));
  return s.loops;
}

/**
 * The loops cut into triangles by earcut (Turf's tesselate), each made counter-clockwise: they
 * tile the loops, since a loop neither crosses nor touches itself. Should earcut's triangles not
 * add up to a loop's area (a degenerate loop it could not cut cleanly), null: no triangle
 * screen for this geometry, the pair goes on to the exact intersection.
 */
function trianglesOf(s: Screened): PlanarPoint[][] | null {
  if (s.triangles !== undefined) return s.triangles;
  const out: PlanarPoint[][] = [];
  for (const loop of loopsOf(s)) {
    const loopM2 = Math.abs(signedArea2(loop)) / 2;
    let sumM2 = 0;
    for (const t of tesselate(turfPolygon([[...loop, loop[0]]])).features) {
      const tri = openRing(t.geometry.coordinates[0]) as PlanarPoint[];
      const area2 = signedArea2(tri);
      sumM2 += Math.abs(area2) / 2;
      out.push(area2 < 0 ? tri.reverse() : tri);
    }
    if (Math.abs(sumM2 - loopM2) > 1e-9 * loopM2) return (s.triangles = null);
  }
  return (s.triangles = out);
}

/** Cuts of a self-crossing ring made before the rest of it is replaced by its hull. */
const MAX_LOOPS = 32;

/**
 * A ring (open) as loops that neither cross nor touch themselves: cut at a crossing point X of
 * edges i and j, the ring is the loop X → i+1 … j → X followed by the loop X → j+1 … i → X, so
 * its winding number is the sum of theirs and whatever it encloses, by any fill rule, lies
 * inside one of them. Past MAX_LOOPS cuts the remaining loop is replaced by its convex hull
 * (which also contains what it encloses). Loops of fewer than 3 vertices enclose nothing.
 */
function simpleLoops(ring: PlanarPoint[]): PlanarPoint[][] {
  const out: PlanarPoint[][] = [];
  const pending = [dedupe(ring)];
  for (let cuts = 0; pending.length > 0; ) {
    const loop = pending.pop() as PlanarPoint[];
    if (loop.length < 3) continue;
    const crossing = ringCrossings([loop])[0];
    if (!crossing) out.push(loop);
    else if (++cuts > MAX_LOOPS) out.push(convexHull(loop));
    else {
      const [i, j] = crossing.edgeA < crossing.edgeB ? [crossing.edgeA, crossing.edgeB] : [crossing.edgeB, crossing.edgeA];
      const x = crossing.at;
      pending.push(dedupe([x, ...loop.slice(i + 1, j + 1)]), dedupe([x, ...loop.slice(j + 1), ...loop.slice(0, i + 1)]));
    }
  }
  return out;
}

/** areaInsideConvex, after a screen on the boxes. */
function areaInConvex(pts: PlanarPoint[], convex: PlanarPoint[]): number {
  // Rings whose boxes share no area share none: nothing to clip (most pairs of neighbours).
  return boxesShareArea(pts, convex) ? areaInsideConvex(pts, convex) : 0;
}

function boxesShareArea(a: PlanarPoint[], b: PlanarPoint[]): boolean {
  const p = pointsBox(a);
  const q = pointsBox(b);
  return Math.min(p[2], q[2]) > Math.max(p[0], q[0]) && Math.min(p[3], q[3]) > Math.max(p[1], q[1]);
}

/** Σ over `subjects` × `hulls` of the area of each subject ring inside each hull, stopping at `limitM2`. */
function areaInHulls(subjects: PlanarPoint[][], hulls: PlanarPoint[][], limitM2: number): number {
  let area = 0;
  for (let h = 0; h < hulls.length; h++) {
    for (let r = 0; r < subjects.length; r++) {
      area += areaInConvex(subjects[r], hulls[h]);
      if (area >= limitM2) return area;
    }
  }
  return area;
}

/**
 * Cheap screen before the exact intersection: true only when the two geometries surely overlap
 * by less than `limitM2` in the plane (whose scale error, ~1e-4, the halved limit absorbs), so
 * the exact intersection would report nothing. Three upper bounds of the overlap, by
 * Sutherland–Hodgman clipping against convex pieces, which needs no convexity of the features
 * (T-junction vertices that bend an edge by a hair change nothing):
 * 1. the parts' hulls against each other;
 * 2. one geometry's rings, cut into simple loops, against the other's hulls, holes added
 *    rather than subtracted. This rejects a plot beside an L-shaped block;
 * 3. one geometry's loops against the triangles of the other's loops. This rejects two concave
 *    neighbours, such as a self-crossing strip winding between blocks, whose hulls overlap.
 * All hold whatever the rings are, valid or not: whatever a geometry covers lies inside its
 * loops, and those inside its hulls. Anything they cannot decide goes to the exact intersection.
 */
function overlapSurelyBelow(a: Screened, b: Screened, limitM2: number): boolean {
  if (hullsMeetBelow(a.hulls, b.hulls, limitM2)) return true;
  if (areaInHulls(a.hulls, b.hulls, limitM2) < limitM2) return true;
  if (areaInHulls(loopsOf(a), b.hulls, limitM2) < limitM2 || areaInHulls(loopsOf(b), a.hulls, limitM2) < limitM2) return true;
  const triangles = trianglesOf(b);
  return triangles !== null && areaInHulls(loopsOf(a), triangles, limitM2) < limitM2;
}

/**
 * The cheapest bound, without clipping: two convex hulls side by side (neighbours sharing an
 * edge) overlap at most in a slab along one hull's edge, as deep as the other hull's vertices
 * reach past that edge's line, and no longer than the hull's box diagonal. Summed over the pairs
 * of hulls (each pair's smallest slab), true when below `limitM2`.
 */
function hullsMeetBelow(as: PlanarPoint[][], bs: PlanarPoint[][], limitM2: number): boolean {
  let sum = 0;
  for (let i = 0; i < as.length; i++) {
    const a = as[i];
    for (let j = 0; j < bs.length; j++) {
      const b = bs[j];
      const first = slabBound(a, b);
      sum += first < limitM2 - sum ? first : Math.min(first, slabBound(b, a));
      if (!(sum < limitM2)) return false;
    }
  }
  return true;
}

/**
 * Over the edges of the convex counter-clockwise ring `hull`, the smallest area of a slab that
 * holds hull ∩ other: (how deep the farthest vertex of `other` lies inside the edge's line) ×
 * (the diagonal of hull's box, at least its extent along any line). Infinity for a hull of fewer
 * than 3 vertices.
 */
function slabBound(hull: PlanarPoint[], other: PlanarPoint[]): number {
  if (hull.length < 3) return Infinity;
  const box = pointsBox(hull);
  const diagonal = Math.hypot(box[2] - box[0], box[3] - box[1]);
  let best = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    const ux = b[0] - a[0];
    const uy = b[1] - a[1];
    const len = Math.sqrt(ux * ux + uy * uy);
    if (!(len > 0)) continue;
    // Depth inside (left of a→b) of the other's deepest vertex; nothing of it inside: no overlap.
    // The deepest found before dividing by the edge's length once (the same quotient: division by
    // a positive number keeps the order), the edge's start in locals.
    const ax = a[0], ay = a[1];
    let deepest = 0;
    for (let k = 0; k < other.length; k++) deepest = Math.max(deepest, ux * (other[k][1] - ay) - uy * (other[k][0] - ax));
    best = Math.min(best, (deepest / len) * diagonal);
    if (best === 0) break;
  }
  return best;
}

/**
 * Planar area of the part of the open ring `pts` inside the convex counter-clockwise open ring
 * `convex` (Sutherland–Hodgman by each of its edges): exact for a concave `pts` too, whose
 * clipped outline may hold zero-width bridges along the clip edges that add no area.
 */
export function areaInsideConvex(pts: PlanarPoint[], convex: PlanarPoint[]): number {
  // clipByEdge's steps and signedArea2's sum, the same arithmetic in the same order (the same
  // bits), on two scratch buffers of x, y pairs: run for every land use under every corridor and
  // in the overlap and outside screens, where an array per cut point and per step was a tenth
  // of the analysis's allocation.
  let n = pts.length;
  if (n === 0) return 0;
  let src = scratch(0, 2 * n);
  for (let i = 0; i < n; i++) {
    src[2 * i] = pts[i][0];
    src[2 * i + 1] = pts[i][1];
  }
  let which = 0;
  for (let k = 0; k < convex.length && n > 0; k++) {
    const a = convex[k];
    const b = convex[(k + 1) % convex.length];
    const ax = a[0], ay = a[1], ux = b[0] - ax, uy = b[1] - ay;
    // A step keeps each point and adds at most one cut per edge: at most 2n points.
    const dst = scratch(1 - which, 4 * n);
    let m = 0;
    let px = src[0], py = src[1];
    let sp = ux * (py - ay) - uy * (px - ax);
    for (let i = 0; i < n; i++) {
      const j = i + 1 < n ? i + 1 : 0;
      const qx = src[2 * j], qy = src[2 * j + 1];
      const sq = ux * (qy - ay) - uy * (qx - ax);
      if (sp >= 0) {
        dst[m++] = px;
        dst[m++] = py;
      }
      if ((sp > 0 && sq < 0) || (sp < 0 && sq > 0)) {
        const t = sp / (sp - sq);
        dst[m++] = px + (qx - px) * t;
        dst[m++] = py + (qy - py) * t;
      }
      px = qx;
      py = qy;
      sp = sq;
    }
    src = dst;
    which = 1 - which;
    n = m / 2;
  }
  if (n === 0) return 0;
  const x0 = src[0], y0 = src[1];
  let sum = 0;
  let ax = src[0] - x0, ay = src[1] - y0;
  for (let i = 0; i < n; i++) {
    const j = i + 1 < n ? i + 1 : 0;
    const bx = src[2 * j] - x0, by = src[2 * j + 1] - y0;
    sum += ax * by - bx * ay;
    ax = bx;
    ay = by;
  }
  return Math.abs(sum) / 2;
}

/** areaInsideConvex's two buffers, grown (never shrunk) to the largest polygon it has clipped. */
const scratchBuffers = [new Float64Array(256), new Float64Array(256)];

function scratch(which: number, length: number): Float64Array {
  if (scratchBuffers[which].length < length) scratchBuffers[which] = new Float64Array(Math.max(length, 2 * scratchBuffers[which].length));
  return scratchBuffers[which];
}

/** Sutherland–Hodgman step: the part of polygon `pts` left of the directed edge a→b (planar metres). */
export function clipByEdge(pts: PlanarPoint[], a: PlanarPoint, b: PlanarPoint): PlanarPoint[] {
  // The side of a point (left of a→b positive), each point's computed once and carried from one
  // edge of pts to the next: no closure per call, the costlier in unoptimised code.
  const ax = a[0], ay = a[1], ux = b[0] - ax, uy = b[1] - ay;
  const out: PlanarPoint[] = [];
  const n = pts.length;
  if (n === 0) return out;
  let p = pts[0];
  let sp = ux * (p[1] - ay) - uy * (p[0] - ax);
  for (let i = 0; i < n; i++) {
    const q = i + 1 < n ? pts[i + 1] : pts[0];
    const sq = ux * (q[1] - ay) - uy * (q[0] - ax);
    if (sp >= 0) out.push(p);
    if ((sp > 0 && sq < 0) || (sp < 0 && sq > 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
    }
    p = q;
    sp = sq;
  }
  return out;
}

