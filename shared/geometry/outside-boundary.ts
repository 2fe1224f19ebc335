import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point as turfPoint, polygon as turfPolygon } from '@turf/helpers';
import { tesselate } from '@turf/tesselate';
import type { ParkGeometry, AreaGeometry, Position } from '../model/geometry-schema';
import { bboxOf, boxesMeet, geometryBox, polygonsOf, ringsOf, subtractAreas } from './boolean';
import { boxWithinArea } from './box-within';
import { areaInsideConvex, SLIVER_OVERLAP_M2 } from './overlap';
import { distanceToSegment, type XY } from './planar-depth';
import { edgesInBox } from './edge-grid';
import { pointInArea } from './point-in-area';
import { pointInRings } from './planar-faces';
import { openRing, signedArea2 } from './ring';
import { dedupe, ringCrossings } from './ring-checks';
import { createTangentPlane, fromPlane, toPlane, type TangentPlane } from './tangent-plane';

/**
 * The `outside_boundary` check of validate.ts: where a feature lies outside the park boundary.
 * A polygon is reported when at least SLIVER_OVERLAP_M2 of it is outside: measured by
 * subtraction and shown at its vertex farthest outside when both are simple rings
 * (outsideBySubtraction), otherwise by polygon clipping (polyclip-ts) and shown at the first
 * vertex of the clipped part; a line or point when a vertex is outside. Cheap screens settle
 * the polygons that are inside without either.
 */
export interface OutsideBoundary {
  vertexOutside: boolean;
  /** Where the map shows it, [lon, lat]. */
  at: Position;
}

/**
 * `simple`: the caller has found no crossing or touching of the polygon's rings (validate.ts), so
 * the area outside may be measured by subtraction (outsideBySubtraction) instead of clipping.
 */
export function outsideBoundary(g: ParkGeometry, boundary: AreaGeometry, known: { simple?: boolean } = {}): OutsideBoundary | null {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    if (surelyInside(g, boundary)) return null;
    const measured = known.simple ? outsideBySubtraction(g, boundary) : undefined;
    return measured === undefined ? clippedOutside(g, boundary) : measured;
  }
  const vertices = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  const boundaryPolys = polygonsOf(boundary).map((rings) => turfPolygon(rings));
  const out = vertices.find((v) => !boundaryPolys.some((b) => booleanPointInPolygon(turfPoint(v), b)));
  return out ? { vertexOutside: true, at: out } : null;
}

/**
 * The exact answer for a polygon, without screens: the part outside by polygon clipping,
 * measured in the plane (only the size matters here, not the number shown). Exported for the
 * tests that compare the screens with it.
 */
export function clippedOutside(g: AreaGeometry, boundary: AreaGeometry): OutsideBoundary | null {
  const outside = subtractAreas(g, [boundary]);
  if (!outside) return null;
  const p = polygonsOf(outside)[0][0][0];
  const plane = createTangentPlane(p[0], p[1]);
  const m2 = polygonsOf(outside).reduce((s, rings) => s + rings.reduce((t, r, i) => t + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r.map((q) => toPlane(plane, q)))) / 2, 0), 0);
  return m2 >= SLIVER_OVERLAP_M2 ? { vertexOutside: false, at: p } : null;
}

/**
 * clippedOutside's answer for a simple polygon of one ring (validate.ts found no crossing or
 * touching in it) against a boundary of one simple ring, without polygon clipping, the check's
 * cost on the polygons that cross the boundary: the area outside is the polygon's area less its
 * area in each triangle of the boundary. Sutherland–Hodgman by a convex clip gives that area
 * exactly for a concave polygon too, and the tangent plane is linear in lon/lat, so the edges
 * are the straight ones the clipping cuts. The place shown is the polygon's vertex farthest
 * outside the boundary, where the part outside reaches farthest. Undefined when this cannot
 * answer (holes or parts, a boundary that is not one simple ring, or area outside but no vertex
 * clearly outside: the boundary reaching into the polygon between its vertices); the clipping
 * answers then.
 */
function outsideBySubtraction(g: AreaGeometry, boundary: AreaGeometry): OutsideBoundary | null | undefined {
  if (g.type !== 'Polygon' || g.coordinates.length !== 1 || !closedRings(g)) return undefined;
  const triangles = boundaryTriangles(boundary);
  if (!triangles) return undefined;
  const ring = g.coordinates[0];
  const box = bboxOf(ring);
  const plane = createTangentPlane(ring[0][0], ring[0][1]);
  const xy = openRing(ring).map((p) => toPlane(plane, p));
  let outsideM2 = Math.abs(signedArea2(xy)) / 2;
  const near = triangles.filter((t) => boxesMeet(t.box, box));
  // Hostile sizes (thousands of vertices on both) go to the clipper, whose cost grows as n log n.
  if ((near.length + boundary.coordinates[0].length) * xy.length > MAX_SUBTRACTION_STEPS) return undefined;
  for (const t of near) outsideM2 -= areaInsideConvex(xy, t.ring.map((p) => toPlane(plane, p)));
  if (outsideM2 < SLIVER_OVERLAP_M2) return null;
  const at = farthestOutside(ring, boundary.coordinates[0] as Position[], plane);
  return at ? { vertexOutside: false, at } : undefined;
}

/** Above this many vertex steps (clips by triangles, distances to boundary edges) outsideBySubtraction leaves the answer to the clipping. */
const MAX_SUBTRACTION_STEPS = 1_000_000;

/** The vertex of `ring` farthest outside `boundaryRing` (by more than ON_BOUNDARY_M); null when none is. */
function farthestOutside(ring: Position[], boundaryRing: Position[], plane: TangentPlane): Position | null {
  const b = openRing(boundaryRing).map((p) => toPlane(plane, p));
  let best: Position | null = null;
  let bestM = ON_BOUNDARY_M;
  for (const v of openRing(ring)) {
    const p = toPlane(plane, v);
    if (pointInRings(p, [b])) continue;
    let m = Infinity;
    for (let i = 0, j = b.length - 1; i < b.length; j = i++) m = Math.min(m, distanceToSegment(p, b[j], b[i]));
    if (m > bestM) {
      bestM = m;
      best = [v[0], v[1]];
    }
  }
  return best;
}

interface BoundaryTriangle {
  /** Its three corners, counter-clockwise. */
  ring: Position[];
  box: [number, number, number, number];
}

const triangulations = new WeakMap<AreaGeometry, BoundaryTriangle[] | null>();
/** A boundary of more vertices is not triangulated (a drawn or imported park has hundreds). */
const MAX_TRIANGULATED_VERTICES = 5_000;

/**
 * The boundary cut into triangles (earcut, through Turf), once per boundary geometry; null
 * unless it is one closed ring that neither crosses nor touches itself and the triangles tile
 * it (their areas add up to its own).
 */
function boundaryTriangles(boundary: AreaGeometry): BoundaryTriangle[] | null {
  const known = triangulations.get(boundary);
  if (known !== undefined) return known;
  let triangles: BoundaryTriangle[] | null = null;
  // ringCrossings is quadratic: a boundary of hostile size is left to the clipping.
  if (boundary.type === 'Polygon' && boundary.coordinates.length === 1 && closedRings(boundary) && boundary.coordinates[0].length <= MAX_TRIANGULATED_VERTICES) {
    const ring = boundary.coordinates[0];
    const plane = createTangentPlane(ring[0][0], ring[0][1]);
    const open = openRing(ring).map((p) => toPlane(plane, p));
    const ringArea2 = Math.abs(signedArea2(open));
    if (ringArea2 > 0 && ringCrossings([dedupe(open)]).length === 0) {
      const rings = tesselate(turfPolygon([ring])).features.map((f) => f.geometry.coordinates[0] as Position[]);
      const ccw = rings.map((t) => (signedArea2(openRing(t).map((p) => toPlane(plane, p))) < 0 ? [...t].reverse() : t));
      const tiled2 = ccw.reduce((sum, t) => sum + signedArea2(openRing(t).map((p) => toPlane(plane, p))), 0);
      if (ccw.every((t) => t.length === 4) && Math.abs(tiled2 - ringArea2) <= 1e-9 * ringArea2) triangles = ccw.map((t) => ({ ring: openRing(t), box: bboxOf(t) }));
    }
  }
  triangulations.set(boundary, triangles);
  return triangles;
}

// ---------------------------------------------------------------------------------------------
// Cheap screens in front of the polygon clipping (polyclip-ts, the cost of every CLI command):
// they only ever skip work whose result is known to be "nothing to report", so the issues are
// exactly those of the full computation. Anything they cannot decide goes to the clipping.

/** Half the area limit: the screens' planar figures are within far less than that of the truth. */
const SCREEN_LIMIT_M2 = SLIVER_OVERLAP_M2 / 2;
/** A vertex whose two edges' cross product is below this (m²) is dropped as collinear; its triangle is accounted for. */
const COLLINEAR_CROSS_M2 = 1e-6;

/** Every ring closed with ≥ 4 positions (what Turf accepts): otherwise the full path runs, as before. */
function closedRings(g: AreaGeometry): boolean {
  return polygonsOf(g).every((rings) => rings.length > 0 && rings.every((r) => r.length >= 4 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]));
}

/**
 * A single-ring polygon in the plane as a convex counter-clockwise ring, after dropping
 * (near-)collinear vertices such as T-junctions; `slackM2` bounds the area those changed. Null
 * when the polygon is not convex.
 */
function nearConvex(g: AreaGeometry, plane: TangentPlane): { pts: XY[]; slackM2: number } | null {
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) return null;
  let pts = openRing(g.coordinates[0]).map((p) => toPlane(plane, p));
  if (signedArea2(pts) < 0) pts = pts.reverse();
  let slackM2 = 0;
  const cross = (i: number) => {
    const a = pts[(i - 1 + pts.length) % pts.length];
    const b = pts[i];
    const c = pts[(i + 1) % pts.length];
    return (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
  };
  for (let i = 0; i < pts.length && pts.length >= 3; ) {
    const x = cross(i);
    if (Math.abs(x) <= COLLINEAR_CROSS_M2) {
      slackM2 += Math.abs(x) / 2;
      pts.splice(i, 1);
      i = Math.max(0, i - 1);
    } else i++;
  }
  if (pts.length < 3) return null;
  for (let i = 0; i < pts.length; i++) if (cross(i) <= 0) return null;
  return { pts, slackM2 };
}

function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  if (Math.max(a[0], b[0]) < Math.min(c[0], d[0]) || Math.max(c[0], d[0]) < Math.min(a[0], b[0])) return false;
  if (Math.max(a[1], b[1]) < Math.min(c[1], d[1]) || Math.max(c[1], d[1]) < Math.min(a[1], b[1])) return false;
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const d1 = o(a, b, c), d2 = o(a, b, d), d3 = o(c, d, a), d4 = o(c, d, b);
  // Touching or collinear counts as meeting: undecided cases go to the clipping.
  return d1 * d2 <= 0 && d3 * d4 <= 0;
}

function pointInRingsEvenOdd(p: Position, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

// Features are immutable (DESIGN.md §2): what the screens ask of the boundary, for every
// feature of a layout, is worked out once per boundary geometry.
const boundaries = new WeakMap<AreaGeometry, { closed: boolean; box: [number, number, number, number] }>();

function boundaryFacts(boundary: AreaGeometry): { closed: boolean; box: [number, number, number, number] } {
  let facts = boundaries.get(boundary);
  if (!facts) boundaries.set(boundary, (facts = { closed: closedRings(boundary), box: bboxOf(boundary.coordinates) }));
  return facts;
}

/**
 * True only when the polygon surely has less than SLIVER_OVERLAP_M2 outside the boundary (so
 * clippedOutside would report nothing): either both are convex and the planar outside area is
 * far below the limit, or no edge of the polygon meets the boundary, no boundary vertex lies
 * within the polygon's box and a vertex of each of its rings is inside the boundary (it lies
 * wholly inside),
 * or, for a boundary of one ring, every point of the polygon's outline lies in the boundary.
 */
function surelyInside(g: AreaGeometry, boundary: AreaGeometry): boolean {
  const { closed, box: bBox } = boundaryFacts(boundary);
  if (!closed || !closedRings(g)) return false;
  const box = geometryBox(g);
  if (box[0] < bBox[0] || box[1] < bBox[1] || box[2] > bBox[2] || box[3] > bBox[3]) return false;
  if (boundary.type === 'Polygon' && boundary.coordinates.length === 1 && boxWithinArea(box, boundary, BOX_CLEARANCE_DEG)) return true;
  const plane = createTangentPlane(box[0], box[1]);
  const f = nearConvex(g, plane);
  const b = f && nearConvex(boundary, plane);
  if (f && b) {
    const outsideM2 = Math.abs(signedArea2(f.pts)) / 2 - areaInsideConvex(f.pts, b.pts);
    if (outsideM2 + 2 * (f.slackM2 + b.slackM2) < SCREEN_LIMIT_M2) return true;
  }
  if (boundary.type === 'Polygon' && boundary.coordinates.length === 1) return outlineWithin(g, boundary, plane);
  const bRings = ringsOf(boundary);
  for (const ring of bRings) for (const v of ring) if (v[0] >= box[0] && v[0] <= box[2] && v[1] >= box[1] && v[1] <= box[3]) return false;
  const fRings = ringsOf(g);
  for (const ring of fRings) {
    for (let i = 1; i < ring.length; i++) {
      for (const bRing of bRings) for (let j = 1; j < bRing.length; j++) if (segmentsMeet(ring[i - 1], ring[i], bRing[j - 1], bRing[j])) return false;
    }
  }
  // Every ring, not only the first: the parts of a MultiPolygon are apart, and one may lie in a
  // gap between the boundary's parts (no edge of either meets the other's there).
  return fRings.every((ring) => pointInRingsEvenOdd(ring[0], bRings));
}

/**
 * Margin (degrees, ~1 mm) by which a feature's box must clear the boundary's edges for the
 * first and cheapest screen (boxWithinArea), which settles the many features far from a
 * boundary of one ring: odd winding is inside by any fill rule, so nothing of them is outside.
 */
const BOX_CLEARANCE_DEG = 1e-8;

/** Points this close (m) to the boundary's outline count as on it: T-junctions and shared edges. */
const ON_BOUNDARY_M = 1e-3;
/**
 * A boundary edge farther than this (m, on one side of an edge's box) from an edge of the
 * polygon is farther than ON_BOUNDARY_M from every point the check looks at along that edge
 * (its cuts lie at most ON_BOUNDARY_M beyond its ends), so it can change neither a cut nor a
 * decision there.
 */
const NEAR_EDGE_M = 2 * ON_BOUNDARY_M;

/**
 * Whether the polygon lies inside the boundary ring but for less than SCREEN_LIMIT_M2. Each
 * edge of the polygon is cut where a boundary vertex lies on it or a boundary edge crosses it;
 * between cuts it does not meet the boundary's outline, so its ends and middle decide it: the
 * middle must be inside or within ON_BOUNDARY_M of the outline, and a piece along the outline
 * (T-junctions, shared edges, whose bends the convex screen rejects) can leave outside at most
 * its length times the farthest its ends and middle lie outside, which is summed and bounded.
 * Every point of the outline being in the ring (no holes), the whole polygon is, whatever its
 * fill rule: a point outside the ring reaches infinity without meeting the outline.
 *
 * Only the boundary edges within NEAR_EDGE_M of an edge's box can cut it or come within
 * ON_BOUNDARY_M of it: distances are measured to those alone (the others' are larger than any
 * threshold they are compared with), and an edge with none near it is wholly on one side of the
 * outline, the side of its ends. So a chain of such edges is inside exactly when the end of the
 * edge before it is, which that edge's depths decide; a ring of such edges only, when its
 * first vertex is.
 */
function outlineWithin(g: AreaGeometry, boundary: AreaGeometry, plane: TangentPlane): boolean {
  // The boundary's edges near each edge of the polygon come from its edge grid (a drawn or
  // imported boundary has hundreds; every feature along it asks), by a margin in degrees that
  // holds NEAR_EDGE_M at any latitude of the plane, then pass the test in the plane below. Their
  // ends are projected once per call; which side of the outline a point lies on comes from the
  // boundary's latitude bands, in lon/lat (the plane is linear in lon/lat, so the two agree but
  // within rounding of the outline, where the depth is that rounding and its sign changes no sum).
  const marginDeg = (2 * NEAR_EDGE_M) / Math.min(plane.kx, plane.ky);
  const projected = new Map<Position, XY>();
  const inPlane = (p: Position): XY => {
    let xy = projected.get(p);
    if (!xy) projected.set(p, (xy = toPlane(plane, p)));
    return xy;
  };
  const inside = (xy: XY) => pointInArea(fromPlane(plane, xy[0], xy[1]), boundary);
  // Each near boundary edge as its start w and end v in the plane.
  const nearW: XY[] = [];
  const nearV: XY[] = [];
  let outsideBoundM2 = 0;
  for (const ring of ringsOf(g)) {
    const xy = ring.map((p) => toPlane(plane, p));
    let anyNear = false;
    for (let k = 1; k < xy.length; k++) {
      const p = xy[k - 1];
      const q = xy[k];
      const dx = q[0] - p[0];
      const dy = q[1] - p[1];
      const len2 = dx * dx + dy * dy;
      // A boundary edge whose two ends lie beyond the same side of pq's box (with the margin)
      // can neither cross pq nor come within reach of it.
      const loX = Math.min(p[0], q[0]) - NEAR_EDGE_M, hiX = Math.max(p[0], q[0]) + NEAR_EDGE_M;
      const loY = Math.min(p[1], q[1]) - NEAR_EDGE_M, hiY = Math.max(p[1], q[1]) + NEAR_EDGE_M;
      const a = ring[k - 1], c = ring[k];
      const candidates = edgesInBox(boundary, Math.min(a[0], c[0]), Math.min(a[1], c[1]), Math.max(a[0], c[0]), Math.max(a[1], c[1]), marginDeg);
      nearW.length = 0;
      nearV.length = 0;
      for (let e = 0; e < candidates.length; e++) {
        const w = inPlane(candidates[e].ring[candidates[e].i]);
        const v = inPlane(candidates[e].ring[candidates[e].i + 1]);
        if ((v[0] < loX && w[0] < loX) || (v[0] > hiX && w[0] > hiX) || (v[1] < loY && w[1] < loY) || (v[1] > hiY && w[1] > hiY)) continue;
        nearW.push(w);
        nearV.push(v);
      }
      if (nearV.length === 0) continue;
      anyNear = true;
      const cuts = [0, 1];
      if (len2 > 0) {
        for (let i = 0; i < nearV.length; i++) {
          const v = nearV[i];
          if (distanceToSegment(v, p, q) <= ON_BOUNDARY_M) cuts.push(((v[0] - p[0]) * dx + (v[1] - p[1]) * dy) / len2);
          const t = crossingParameter(p, q, nearW[i], v);
          if (t !== null) cuts.push(t);
        }
      }
      cuts.sort((x, y) => x - y);
      const depthAt = (t: number) => {
        const at: XY = [p[0] + t * dx, p[1] + t * dy];
        let best = Infinity;
        for (let i = 0; i < nearV.length; i++) best = Math.min(best, distanceToSegment(at, nearV[i], nearW[i]));
        return inside(at) ? best : -best;
      };
      // Each cut ends one piece and starts the next: its depth is computed once.
      let startDepth = depthAt(cuts[0]);
      for (let c = 1; c < cuts.length; c++) {
        const depths = [startDepth, depthAt((cuts[c - 1] + cuts[c]) / 2), depthAt(cuts[c])];
        startDepth = depths[2];
        if (depths.some((d) => d < -ON_BOUNDARY_M)) return false;
        if (depths[1] <= ON_BOUNDARY_M) outsideBoundM2 += Math.max(0, ...depths.map((d) => -d)) * (cuts[c] - cuts[c - 1]) * Math.sqrt(len2);
      }
    }
    // No boundary edge near any edge of the ring: the ring lies wholly on one side, its first vertex's.
    if (!anyNear && ring.length > 0 && !pointInArea(ring[0], boundary)) return false;
  }
  return outsideBoundM2 < SCREEN_LIMIT_M2;
}

/** Where segment pq properly crosses segment ab, as a fraction of pq; null when they do not cross. */
function crossingParameter(p: XY, q: XY, a: XY, b: XY): number | null {
  const rx = q[0] - p[0], ry = q[1] - p[1], sx = b[0] - a[0], sy = b[1] - a[1];
  const denom = rx * sy - ry * sx;
  if (denom === 0) return null;
  const t = ((a[0] - p[0]) * sy - (a[1] - p[1]) * sx) / denom;
  const u = ((a[0] - p[0]) * ry - (a[1] - p[1]) * rx) / denom;
  return t > 0 && t < 1 && u > 0 && u < 1 ? t : null;
}
