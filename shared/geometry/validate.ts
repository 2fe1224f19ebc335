import type { ParkFeature } from '../model/feature';
import type { AreaGeometry, Position } from '../model/geometry-schema';
import { polygonsOf, ringsOf } from './boolean';
import { findOverlaps } from './overlap';
import { outsideBoundary } from './outside-boundary';
import { signedDepth, type XY } from './planar-depth';
import { createTangentPlane, fromPlane, toPlane } from './tangent-plane';
import { closerThanDuplicate, dedupe, ringCrossings } from './ring-checks';
import { openRing, signedArea2 } from './ring';
import { issueSentence, type IssueParams } from './issue-sentence';
import { idLabel } from '../i18n/id-label';

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

/** "Land-use polygon “CN-05”", "Road road-000040" — how messages name a feature. */
export function featureLabel(f: ParkFeature): string {
  const name = f.name ?? f.code;
  return name ? `${KIND_NAMES[f.kind]} “${name}”` : `${KIND_NAMES[f.kind]} ${idLabel(f.id)}`;
}

/** A position of at least two numbers, finite and within ±180° longitude, ±90° latitude. */
export function validPosition(p: Position): boolean {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

export function validateFeature(feature: ParkFeature, context: ValidationContext = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (reason: ValidationReason, params?: IssueParams, at?: Position, repair?: RepairKind) => {
    const where: [number, number] | undefined = at ? [at[0], at[1]] : undefined;
    const message = issueSentence({ reason, params, at: where }, featureLabel(feature), undefined, 'en');
    issues.push({ reason, ...(params ? { params } : {}), message, featureId: feature.id, at: where, repair });
  };
  const g = feature.geometry;
  // Indexed loops here and below: validation runs on every feature of a file, mostly as
  // unoptimised code, where each step of a for…of allocates.
  const paths: { ring: Position[]; closed: boolean }[] = [];
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const rings = ringsOf(g);
    for (let r = 0; r < rings.length; r++) paths.push({ ring: rings[r], closed: true });
  } else if (g.type === 'LineString') paths.push({ ring: g.coordinates, closed: false });
  else if (g.type === 'MultiLineString') for (let l = 0; l < g.coordinates.length; l++) paths.push({ ring: g.coordinates[l], closed: false });

  const first = g.type === 'Point' ? g.coordinates : paths.find((p) => p.ring.length > 0)?.ring[0];
  if (!first || (g.type === 'Point' ? !validPosition(g.coordinates) : !paths.every((p) => p.ring.every(validPosition)))) {
    add('invalid_coordinate');
    return issues;
  }
  const plane = createTangentPlane(first[0], first[1]);

  let structural = false;
  // Each ring in the plane, open (what openRing gives): projected once, read by every check below.
  const planar = new Map<Position[], XY[]>();
  const inPlane = (ring: Position[]) => planar.get(ring) ?? openRing(ring).map((p) => toPlane(plane, p));
  // Rings with consecutive duplicates: only these differ from their dedupe() (see the crossings).
  const withDuplicates = new Set<Position[]>();
  for (let k = 0; k < paths.length; k++) {
    const { ring, closed } = paths[k];
    const first = ring[0];
    const last = ring[ring.length - 1];
    const isClosed = first[0] === last[0] && first[1] === last[1];
    if (closed && !isClosed) add('ring_not_closed', undefined, last, 'close_ring');
    const n = closed && isClosed ? ring.length - 1 : ring.length;
    const xy: XY[] = [];
    for (let i = 0; i < n; i++) xy.push(toPlane(plane, ring[i]));
    const needed = closed ? 3 : 2;
    const distinct = countDistinct(xy, needed);
    if (distinct < needed) {
      add('too_few_vertices', { distinct, needed, shape: closed ? 'polygon' : 'line' }, first);
      structural = true;
      continue;
    }
    planar.set(ring, xy);
    const limit = closed ? xy.length : xy.length - 1;
    for (let i = 0; i < limit; i++) {
      const j = (i + 1) % xy.length;
      if (closerThanDuplicate(xy[j], xy[i])) {
        add('duplicate_vertex', undefined, ring[i], 'remove_duplicate_vertices');
        withDuplicates.add(ring);
        break;
      }
    }
  }
  if (structural || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    if (context.boundary && feature.kind !== 'boundary') addOutside(feature, context.boundary, add);
    return issues;
  }

  // Self-intersections within each polygon (rings crossing themselves or each other).
  const polys = polygonsOf(g);
  for (let k = 0; k < polys.length; k++) {
    const rings = polys[k];
    // A closed ring without consecutive duplicates (each pair, the last and first too, checked
    // above) is its own dedupe(): only the others are copied.
    const crossings = ringCrossings(rings.map((r) => (withDuplicates.has(r) ? dedupe(inPlane(r)) : inPlane(r))));
    if (crossings.length > 0) {
      const at = fromPlane(plane, crossings[0].at[0], crossings[0].at[1]);
      const bowTie = g.type === 'Polygon' && rings.length === 1 && crossings.length === 1;
      add('self_intersection', undefined, at, bowTie ? 'split_bow_tie' : undefined);
      structural = true;
    }
  }

  if (!structural) {
    const minWidthM = context.minSliverWidthM ?? 2;
    for (let k = 0; k < polys.length; k++) {
      const sliverAt = sliverPosition(polys[k].map(inPlane), minWidthM, plane);
      if (sliverAt) add('sliver', { minWidthM }, sliverAt);
    }
  }
  // No ring of it crosses or touches itself or another: the outside check may measure by subtraction.
  if (context.boundary && feature.kind !== 'boundary') addOutside(feature, context.boundary, add, !structural);
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
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (only && !only.has(f.id)) continue;
    const own = validateFeature(f, context);
    for (let k = 0; k < own.length; k++) issues.push(own[k]);
  }
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

function addOutside(feature: ParkFeature, boundary: AreaGeometry, add: (reason: ValidationReason, params?: IssueParams, at?: Position) => void, simple = false) {
  const outside = outsideBoundary(feature.geometry, boundary, { simple });
  if (outside) add('outside_boundary', { vertexOutside: outside.vertexOutside }, outside.at);
}

/**
 * Sliver rule: a polygon is a sliver when it is narrower than `minWidthM` everywhere, i.e. no
 * point of it lies minWidthM/2 or more from its outline (an inward buffer by minWidthM/2 would
 * erase it). The cheap screen 2·area/perimeter (the width of a long strip; never more than the
 * width of any polygon such a buffer erases) keeps the search to the candidates. The issue is
 * shown at the mean of the outer ring's vertices.
 */
function sliverPosition(xyRings: XY[][], minWidthM: number, plane: ReturnType<typeof createTangentPlane>): Position | null {
  const outer = xyRings[0];
  const areaM2 = xyRings.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r)) / 2, 0);
  let perimeterM = 0;
  for (const xy of xyRings) {
    for (let i = 0; i < xy.length; i++) {
      const a = xy[i];
      const b = xy[(i + 1) % xy.length];
      perimeterM += Math.sqrt((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2);
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

/**
 * How many of the points are apart (greedily, by DUPLICATE_VERTEX_M), counted up to `enough`:
 * only a count below what a shape needs is reported, so the search stops there (O(n), not O(n²)).
 */
function countDistinct(xy: [number, number][], enough: number): number {
  const keep: [number, number][] = [];
  for (const p of xy) {
    if (!keep.some((q) => closerThanDuplicate(q, p))) keep.push(p);
    if (keep.length >= enough) break;
  }
  return keep.length;
}
