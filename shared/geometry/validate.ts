import { booleanPointInPolygon, buffer, point as turfPoint, polygon as turfPolygon } from '@turf/turf';
import type { ParkFeature } from '../model/feature';
import type { AreaGeometry, Position } from '../model/geometry-schema';
import { bboxOf, polygonsOf, subtractAreas } from './boolean';
import { clipByEdge, findOverlaps, SLIVER_OVERLAP_M2 } from './overlap';
import { createTangentPlane, fromPlane, toPlane, type TangentPlane } from './tangent-plane';
import { dedupe, DUPLICATE_VERTEX_M, ringCrossings } from './ring-checks';
import { openRing, signedArea2 } from './ring';

export { DUPLICATE_VERTEX_M } from './ring-checks';

export { repairFeature, REPAIR_FAILURES, type RepairFailure, type RepairResult } from './repair';

/**
 * Geometry validation of park features (docs/editing.md). Returns data — issues with a reason
 * code, a plain-English message naming the feature and the place, where to show it, and the
 * safe repair when one exists — and never throws on user input. Nothing is fixed silently:
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
] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

export const REPAIR_KINDS = ['split_bow_tie', 'remove_duplicate_vertices', 'close_ring'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

export interface ValidationIssue {
  reason: ValidationReason;
  /** Plain English, names the feature and where. */
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

function near(p: Position): string {
  return `near ${p[1].toFixed(6)}° N, ${p[0].toFixed(6)}° E`;
}

export function validateFeature(feature: ParkFeature, context: ValidationContext = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const label = featureLabel(feature);
  const add = (reason: ValidationReason, message: string, at?: Position, repair?: RepairKind) =>
    issues.push({ reason, message: `${label}: ${message}`, featureId: feature.id, at: at ? [at[0], at[1]] : undefined, repair });
  const g = feature.geometry;
  const paths: { ring: Position[]; closed: boolean; rings: Position[][] }[] = [];
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    for (const rings of polygonsOf(g)) for (const ring of rings) paths.push({ ring, closed: true, rings });
  } else if (g.type === 'LineString') paths.push({ ring: g.coordinates, closed: false, rings: [] });
  else if (g.type === 'MultiLineString') for (const line of g.coordinates) paths.push({ ring: line, closed: false, rings: [] });

  const all = g.type === 'Point' ? [g.coordinates] : paths.flatMap((p) => p.ring);
  const bad = all.find((p) => !(p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90));
  if (bad || all.length === 0) {
    add('invalid_coordinate', 'a coordinate is missing or outside the longitude/latitude range.');
    return issues;
  }
  const plane = createTangentPlane(all[0][0], all[0][1]);

  let structural = false;
  for (const { ring, closed } of paths) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    const isClosed = first[0] === last[0] && first[1] === last[1];
    if (closed && !isClosed) add('ring_not_closed', `the outline is not closed (it ends ${near(last)}).`, last, 'close_ring');
    const open = closed && isClosed ? ring.slice(0, -1) : ring;
    const xy = open.map((p) => toPlane(plane, p));
    const distinct = countDistinct(xy);
    const needed = closed ? 3 : 2;
    if (distinct < needed) {
      add('too_few_vertices', `it has ${distinct} distinct vertices; a ${closed ? 'polygon' : 'line'} needs at least ${needed}.`, first);
      structural = true;
      continue;
    }
    const limit = closed ? xy.length : xy.length - 1;
    for (let i = 0; i < limit; i++) {
      const j = (i + 1) % xy.length;
      if (Math.hypot(xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]) < DUPLICATE_VERTEX_M) {
        add('duplicate_vertex', `two consecutive vertices coincide ${near(open[i])}.`, open[i], 'remove_duplicate_vertices');
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
      add('self_intersection', `the outline crosses itself ${near(at)}.`, at, bowTie ? 'split_bow_tie' : undefined);
      structural = true;
    }
  }

  if (!structural) {
    const minWidthM = context.minSliverWidthM ?? 2;
    for (const rings of polys) {
      const sliverAt = sliverPosition(rings, minWidthM, plane);
      if (sliverAt) add('sliver', `it is a sliver narrower than ${minWidthM} m ${near(sliverAt)}.`, sliverAt);
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
    const m2 = o.areaM2 < 10 ? o.areaM2.toFixed(2) : o.areaM2.toFixed(0);
    issues.push({ reason: 'overlap', message: `${featureLabel(a)} overlaps ${featureLabel(b)} by ${m2} m² ${near(o.at)}.`, featureId: o.a, otherId: o.b, at: o.at });
    issues.push({ reason: 'overlap', message: `${featureLabel(b)} overlaps ${featureLabel(a)} by ${m2} m² ${near(o.at)}.`, featureId: o.b, otherId: o.a, at: o.at });
  }
  return issues;
}

type Add = (reason: ValidationReason, message: string, at?: Position) => void;

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
    if (m2 >= SLIVER_OVERLAP_M2) add('outside_boundary', `part of it lies outside the park boundary ${near(p)}.`, p);
    return;
  }
  const vertices = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  const boundaryPolys = polygonsOf(boundary).map((rings) => turfPolygon(rings));
  const out = vertices.find((v) => !boundaryPolys.some((b) => booleanPointInPolygon(turfPoint(v), b)));
  if (out) add('outside_boundary', `it lies outside the park boundary ${near(out)}.`, out);
}

/**
 * Sliver rule: a polygon is a sliver when it is narrower than `minWidthM` everywhere, i.e.
 * an inward buffer by minWidthM/2 makes it vanish. The cheap screen 2·area/perimeter (the
 * width of a long strip; never more than the width of any polygon that a buffer erases) keeps
 * the buffer to the candidates.
 */
function sliverPosition(rings: Position[][], minWidthM: number, plane: ReturnType<typeof createTangentPlane>): Position | null {
  const outer = openRing(rings[0]).map((p) => toPlane(plane, p));
  const areaM2 = rings.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea2(openRing(r).map((p) => toPlane(plane, p)))) / 2, 0);
  let perimeterM = 0;
  for (const r of rings) {
    const xy = openRing(r).map((p) => toPlane(plane, p));
    for (let i = 0; i < xy.length; i++) {
      const a = xy[i];
      const b = xy[(i + 1) % xy.length];
      perimeterM += Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
  }
  if (perimeterM === 0 || (2 * areaM2) / perimeterM >= minWidthM) return null;
  const shrunk = buffer(turfPolygon(rings), -minWidthM / 2, { units: 'meters' });
  const g = shrunk?.geometry;
  const empty = !g || (g.type === 'Polygon' ? g.coordinates.length === 0 : g.coordinates.length === 0);
  if (!empty) return null;
  const c = outer.reduce((s, p) => [s[0] + p[0] / outer.length, s[1] + p[1] / outer.length], [0, 0]);
  return fromPlane(plane, c[0], c[1]);
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
 * within the polygon's box and a vertex of it is inside the boundary (it lies wholly inside).
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
