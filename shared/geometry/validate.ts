import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point as turfPoint, polygon as turfPolygon } from '@turf/helpers';
import type { ParkFeature } from '../model/feature';
import type { AreaGeometry, Position } from '../model/geometry-schema';
import { bboxOf, polygonsOf, subtractAreas } from './boolean';
import { clipByEdge, findOverlaps, SLIVER_OVERLAP_M2 } from './overlap';
import { createTangentPlane, fromPlane, toPlane, type TangentPlane } from './tangent-plane';
import { dedupe, DUPLICATE_VERTEX_M, ringCrossings } from './ring-checks';
import { pointInRings } from './planar-faces';
import { openRing, signedArea2 } from './ring';
import { issueSentence, type IssueParams } from './issue-sentence';

export { DUPLICATE_VERTEX_M } from './ring-checks';

export { repairFeature, REPAIR_FAILURES, type RepairFailure, type RepairResult } from './repair';

/**
 * Geometry validation of park features (docs/editing.md). Returns data — issues with a reason
 * code and the parameters of its sentence (worded in either language by issue-sentence.ts), an
 * English message for machine output, where to show it, and the safe repair when one exists —
 * and never throws on user input. Nothing is fixed silently:
 * repairs are separate, explicit operations (repair.ts).
 */

export const VALIDATION_REASONS = [
  'invalid_coordinate',
  'ring_not_closed',
  'too_few_vertices',
  'duplicate_vertex',
  'self_intersection',
  'sliver',
  'outside_boundary',
  'overlap',
  // A building standing across an industrial plot's edge (shared/analysis/building-crossings.ts).
  'building_crosses_plot',
] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

export const REPAIR_KINDS = ['split_bow_tie', 'remove_duplicate_vertices', 'close_ring'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

export interface ValidationIssue {
  reason: ValidationReason;
  /** What the sentence says besides the names and the place (see issue-sentence.ts). */
  params?: IssueParams;
  /** English, names the feature and where: for logs and `--json`; people read issueSentence. */
  message: string;
  featureId: string;
  /** The other feature, for overlaps. */
  otherId?: string;
  /** Where to show the issue, [lon, lat]. */
  at?: [number, number];
  /** The safe repair, when there is one. */
  repair?: RepairKind;
}

export interface ValidationContext {
  /** The park limit; features outside it are reported (not the boundary itself). */
  boundary?: AreaGeometry;
  /** Narrower polygons are slivers, metres (default 2). */
  minSliverWidthM?: number;
}


const KIND_NAMES: Record<ParkFeature['kind'], string> = {
  boundary: 'Park boundary',
  landuse: 'Land-use polygon',
  building: 'Building',
  road: 'Road',
  point: 'Point',
};

/** "Land-use polygon “CN-05”" — how messages name a feature. */
export function featureLabel(f: ParkFeature): string {
  const name = f.name ?? f.code;
  return name ? `${KIND_NAMES[f.kind]} “${name}”` : `${KIND_NAMES[f.kind]} ${f.id.slice(0, 8)}`;
}

export function validateFeature(feature: ParkFeature, context: ValidationContext = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const label = featureLabel(feature);
  const add = (reason: ValidationReason, params?: IssueParams, at?: Position, repair?: RepairKind) => {
    const where: [number, number] | undefined = at ? [at[0], at[1]] : undefined;
    const message = issueSentence({ reason, params, at: where }, label, undefined, 'en');
    issues.push({ reason, ...(params ? { params } : {}), message, featureId: feature.id, at: where, repair });
  };
  const g = feature.geometry;
  const paths: { ring: Position[]; closed: boolean; rings: Position[][] }[] = [];
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    for (const rings of polygonsOf(g)) for (const ring of rings) paths.push({ ring, closed: true, rings });
  } else if (g.type === 'LineString') paths.push({ ring: g.coordinates, closed: false, rings: [] });
  else if (g.type === 'MultiLineString') for (const line of g.coordinates) paths.push({ ring: line, closed: false, rings: [] });

  const all = g.type === 'Point' ? [g.coordinates] : paths.flatMap((p) => p.ring);
  const bad = all.find((p) => !(p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90));
  if (bad || all.length === 0) {
    add('invalid_coordinate');
    return issues;
  }
  const plane = createTangentPlane(all[0][0], all[0][1]);

  let structural = false;
  for (const { ring, closed } of paths) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    const isClosed = first[0] === last[0] && first[1] === last[1];
    if (closed && !isClosed) add('ring_not_closed', undefined, last, 'close_ring');
    const open = closed && isClosed ? ring.slice(0, -1) : ring;
    const xy = open.map((p) => toPlane(plane, p));
    const distinct = countDistinct(xy);
    const needed = closed ? 3 : 2;
    if (distinct < needed) {
      add('too_few_vertices', { distinct, needed, shape: closed ? 'polygon' : 'line' }, first);
      structural = true;
      continue;
    }
    const limit = closed ? xy.length : xy.length - 1;
    for (let i = 0; i < limit; i++) {
      const j = (i + 1) % xy.length;
      if (Math.hypot(xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]) < DUPLICATE_VERTEX_M) {
        add('duplicate_vertex', undefined, open[i], 'remove_duplicate_vertices');
        break;
      }
    }
  }
  if (structural || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    if (context.boundary && feature.kind !== 'boundary') checkOutside(feature, context.boundary, add);
    return issues;
  }

  // Self-intersections within each polygon (rings crossing themselves or each other).
  const polys = polygonsOf(g);
  for (const rings of polys) {
    const crossings = ringCrossings(rings.map((r) => dedupe(openRing(r).map((p) => toPlane(plane, p)))));
    if (crossings.length > 0) {
      const at = fromPlane(plane, crossings[0].at[0], crossings[0].at[1]);
      const bowTie = g.type === 'Polygon' && rings.length === 1 && crossings.length === 1;
      add('self_intersection', undefined, at, bowTie ? 'split_bow_tie' : undefined);
      structural = true;
    }
  }

  if (!structural) {
    const minWidthM = context.minSliverWidthM ?? 2;
    for (const rings of polys) {
      const sliverAt = sliverPosition(rings, minWidthM, plane);
      if (sliverAt) add('sliver', { minWidthM }, sliverAt);
    }
  }
  if (context.boundary && feature.kind !== 'boundary') checkOutside(feature, context.boundary, add);
  return issues;
}

/**
 * Validates every feature (against the scenario's boundary when there is one) and reports
 * overlaps between land-use polygons, once per pair, on both features. With `onlyIds` (the
 * features an edit touched) only those are validated, and only overlaps involving them.
 */
export function validateLayout(features: ParkFeature[], options: { minSliverWidthM?: number; onlyIds?: string[] } = {}): ValidationIssue[] {
  const boundary = features.find((f) => f.kind === 'boundary');
  const context: ValidationContext = {
    boundary: boundary && boundary.kind === 'boundary' ? boundary.geometry : undefined,
    minSliverWidthM: options.minSliverWidthM,
  };
  const only = options.onlyIds ? new Set(options.onlyIds) : null;
  const issues = features.filter((f) => !only || only.has(f.id)).flatMap((f) => validateFeature(f, context));
  const byId = new Map(features.map((f) => [f.id, f]));
  const landUse = features.filter((f) => f.kind === 'landuse');
  for (const o of findOverlaps(landUse, { onlyIds: options.onlyIds })) {
    const a = byId.get(o.a) as ParkFeature;
    const b = byId.get(o.b) as ParkFeature;
    const params = { areaM2: o.areaM2 };
    const message = (x: ParkFeature, y: ParkFeature) => issueSentence({ reason: 'overlap', params, at: o.at }, featureLabel(x), featureLabel(y), 'en');
    issues.push({ reason: 'overlap', params, message: message(a, b), featureId: o.a, otherId: o.b, at: o.at });
    issues.push({ reason: 'overlap', params, message: message(b, a), featureId: o.b, otherId: o.a, at: o.at });
  }
  return issues;
}

type Add = (reason: ValidationReason, params?: IssueParams, at?: Position) => void;

function checkOutside(feature: ParkFeature, boundary: AreaGeometry, add: Add) {
  const g = feature.geometry;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    if (surelyInside(g, boundary)) return;
    const outside = subtractAreas(g, [boundary]);
    if (!outside) return;
    // Measured in the plane: only the size matters here, not the number shown.
    const p = polygonsOf(outside)[0][0][0];
    const plane = createTangentPlane(p[0], p[1]);
    const m2 = polygonsOf(outside).reduce((s, rings) => s + rings.reduce((t, r, i) => t + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r.map((q) => toPlane(plane, q)))) / 2, 0), 0);
    if (m2 >= SLIVER_OVERLAP_M2) add('outside_boundary', { vertexOutside: false }, p);
    return;
  }
  const vertices = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  const boundaryPolys = polygonsOf(boundary).map((rings) => turfPolygon(rings));
  const out = vertices.find((v) => !boundaryPolys.some((b) => booleanPointInPolygon(turfPoint(v), b)));
  if (out) add('outside_boundary', { vertexOutside: true }, out);
}

/**
 * Sliver rule: a polygon is a sliver when it is narrower than `minWidthM` everywhere, i.e. no
 * point of it lies minWidthM/2 or more from its outline (an inward buffer by minWidthM/2 would
 * erase it). The cheap screen 2·area/perimeter (the width of a long strip; never more than the
 * width of any polygon such a buffer erases) keeps the search to the candidates. The issue is
 * shown at the mean of the outer ring's vertices.
 */
function sliverPosition(rings: Position[][], minWidthM: number, plane: ReturnType<typeof createTangentPlane>): Position | null {
  const xyRings = rings.map((r) => openRing(r).map((p) => toPlane(plane, p)));
  const outer = xyRings[0];
  const areaM2 = xyRings.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r)) / 2, 0);
  let perimeterM = 0;
  for (const xy of xyRings) {
    for (let i = 0; i < xy.length; i++) {
      const a = xy[i];
      const b = xy[(i + 1) % xy.length];
      perimeterM += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
  }
  if (perimeterM === 0 || (2 * areaM2) / perimeterM >= minWidthM) return null;
  if (hasPointAtDepth(xyRings, minWidthM / 2)) return null;
  const c = outer.reduce((s, p) => [s[0] + p[0] / outer.length, s[1] + p[1] / outer.length], [0, 0]);
  return fromPlane(plane, c[0], c[1]);
}

/** Cells finer than this (m) are not split further: widths are decided to within a millimetre. */
const DEPTH_PRECISION_M = 1e-3;
/** Bounds the search on hostile input; reaching it counts as "wide enough" (nothing reported). */
const DEPTH_MAX_CELLS = 100_000;

/**
 * Whether some point inside the rings (even-odd) lies at least `depthM` from every edge: a
 * branch-and-bound over square cells (as in Mapbox's polylabel). A cell of half-size h whose
 * centre is d from the outline (negative outside) holds no point deeper than d + h·√2, so
 * only cells that could still reach depthM are split.
 */
function hasPointAtDepth(rings: XY[][], depthM: number): boolean {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const h0 = Math.max(maxX - minX, maxY - minY) / 2;
  const cells: [number, number, number][] = [[(minX + maxX) / 2, (minY + maxY) / 2, h0]];
  for (let n = 0; cells.length > 0; n++) {
    if (n >= DEPTH_MAX_CELLS) return true;
    const [x, y, h] = cells.pop() as [number, number, number];
    const d = signedDepth([x, y], rings);
    if (d >= depthM) return true;
    if (d + h * Math.SQRT2 < depthM || h < DEPTH_PRECISION_M) continue;
    const q = h / 2;
    cells.push([x - q, y - q, q], [x + q, y - q, q], [x - q, y + q, q], [x + q, y + q, q]);
  }
  return false;
}

/** Distance (m) from p to the nearest edge of the rings, negative when p is outside them (even-odd). */
function signedDepth(p: XY, rings: XY[][]): number {
  let best = Infinity;
  for (const ring of rings) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) best = Math.min(best, distanceToSegment(p, ring[i], ring[j]));
  return pointInRings(p, rings) ? best : -best;
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function countDistinct(xy: [number, number][]): number {
  const keep: [number, number][] = [];
  for (const p of xy) if (!keep.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < DUPLICATE_VERTEX_M)) keep.push(p);
  return keep.length;
}

// ---------------------------------------------------------------------------------------------
// Cheap screens in front of the polygon clipping (polyclip-ts, the cost of every CLI command):
// they only ever skip work whose result is known to be "nothing to report", so the issues are
// exactly those of the full computation. Anything they cannot decide goes to the clipping.

/** Half the area limit: the screens' planar figures are within far less than that of the truth. */
const SCREEN_LIMIT_M2 = SLIVER_OVERLAP_M2 / 2;
/** A vertex whose two edges' cross product is below this (m²) is dropped as collinear; its triangle is accounted for. */
const COLLINEAR_CROSS_M2 = 1e-6;

type XY = [number, number];

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

/** Area (m²) common to two convex counter-clockwise rings (Sutherland–Hodgman, exact for convex). */
function convexCommonM2(a: XY[], b: XY[]): number {
  let pts = a;
  for (let k = 0; k < b.length && pts.length > 0; k++) pts = clipByEdge(pts, b[k], b[(k + 1) % b.length]);
  return Math.abs(signedArea2(pts)) / 2;
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

/**
 * True only when the polygon surely has less than SLIVER_OVERLAP_M2 outside the boundary (so
 * checkOutside would report nothing): either both are convex and the planar outside area is
 * far below the limit, or no edge of the polygon meets the boundary, no boundary vertex lies
 * within the polygon's box and a vertex of it is inside the boundary (it lies wholly inside),
 * or, for a boundary of one ring, every point of the polygon's outline lies in the boundary.
 */
function surelyInside(g: AreaGeometry, boundary: AreaGeometry): boolean {
  if (!closedRings(g) || !closedRings(boundary)) return false;
  const box = bboxOf(g.coordinates);
  const bBox = bboxOf(boundary.coordinates);
  if (box[0] < bBox[0] || box[1] < bBox[1] || box[2] > bBox[2] || box[3] > bBox[3]) return false;
  const plane = createTangentPlane(box[0], box[1]);
  const f = nearConvex(g, plane);
  const b = f && nearConvex(boundary, plane);
  if (f && b) {
    const outsideM2 = Math.abs(signedArea2(f.pts)) / 2 - convexCommonM2(f.pts, b.pts);
    if (outsideM2 + 2 * (f.slackM2 + b.slackM2) < SCREEN_LIMIT_M2) return true;
  }
  if (boundary.type === 'Polygon' && boundary.coordinates.length === 1) return outlineWithin(g, boundary.coordinates[0], plane);
  const bRings = polygonsOf(boundary).flat();
  for (const ring of bRings) for (const v of ring) if (v[0] >= box[0] && v[0] <= box[2] && v[1] >= box[1] && v[1] <= box[3]) return false;
  const fRings = polygonsOf(g).flat();
  for (const ring of fRings) {
    for (let i = 1; i < ring.length; i++) {
      for (const bRing of bRings) for (let j = 1; j < bRing.length; j++) if (segmentsMeet(ring[i - 1], ring[i], bRing[j - 1], bRing[j])) return false;
    }
  }
  return pointInRingsEvenOdd(fRings[0][0], bRings);
}

/** Points this close (m) to the boundary's outline count as on it: T-junctions and shared edges. */
const ON_BOUNDARY_M = 1e-3;

/**
 * Whether the polygon lies inside the boundary ring but for less than SCREEN_LIMIT_M2. Each
 * edge of the polygon is cut where a boundary vertex lies on it or a boundary edge crosses it;
 * between cuts it does not meet the boundary's outline, so its ends and middle decide it: the
 * middle must be inside or within ON_BOUNDARY_M of the outline, and a piece along the outline
 * (T-junctions, shared edges, whose bends the convex screen rejects) can leave outside at most
 * its length times the farthest its ends and middle lie outside, which is summed and bounded.
 * Every point of the outline being in the ring (no holes), the whole polygon is, whatever its
 * fill rule: a point outside the ring reaches infinity without meeting the outline.
 */
function outlineWithin(g: AreaGeometry, boundaryRing: Position[], plane: TangentPlane): boolean {
  const b = [openRing(boundaryRing).map((p) => toPlane(plane, p))];
  let outsideBoundM2 = 0;
  for (const ring of polygonsOf(g).flat()) {
    const xy = ring.map((p) => toPlane(plane, p));
    for (let k = 1; k < xy.length; k++) {
      const p = xy[k - 1];
      const q = xy[k];
      const dx = q[0] - p[0];
      const dy = q[1] - p[1];
      const len2 = dx * dx + dy * dy;
      const cuts = [0, 1];
      // A boundary edge whose two ends lie beyond the same side of pq's box (with a margin
      // twice the contact distance) can neither cross pq nor bring its end within reach of it.
      const loX = Math.min(p[0], q[0]) - 2 * ON_BOUNDARY_M, hiX = Math.max(p[0], q[0]) + 2 * ON_BOUNDARY_M;
      const loY = Math.min(p[1], q[1]) - 2 * ON_BOUNDARY_M, hiY = Math.max(p[1], q[1]) + 2 * ON_BOUNDARY_M;
      for (let i = 0, j = b[0].length - 1; i < b[0].length && len2 > 0; j = i++) {
        const v = b[0][i];
        const w = b[0][j];
        if ((v[0] < loX && w[0] < loX) || (v[0] > hiX && w[0] > hiX) || (v[1] < loY && w[1] < loY) || (v[1] > hiY && w[1] > hiY)) continue;
        if (distanceToSegment(v, p, q) <= ON_BOUNDARY_M) cuts.push(((v[0] - p[0]) * dx + (v[1] - p[1]) * dy) / len2);
        const t = crossingParameter(p, q, w, v);
        if (t !== null) cuts.push(t);
      }
      cuts.sort((x, y) => x - y);
      const depthAt = (t: number) => signedDepth([p[0] + t * dx, p[1] + t * dy], b);
      // Each cut ends one piece and starts the next: its depth is computed once.
      let startDepth = depthAt(cuts[0]);
      for (let c = 1; c < cuts.length; c++) {
        const depths = [startDepth, depthAt((cuts[c - 1] + cuts[c]) / 2), depthAt(cuts[c])];
        startDepth = depths[2];
        if (depths.some((d) => d < -ON_BOUNDARY_M)) return false;
        if (depths[1] <= ON_BOUNDARY_M) outsideBoundM2 += Math.max(0, ...depths.map((d) => -d)) * (cuts[c] - cuts[c - 1]) * Math.sqrt(len2);
      }
    }
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
