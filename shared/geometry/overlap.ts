import type { AreaGeometry, ParkGeometry, Position } from '../model/geometry-schema';
import { bboxOf, intersectAreas, subtractAreas } from './boolean';
import { geodesicAreaM2 } from './geodesic';
import { createTangentPlane, toPlane, type TangentPlane } from './tangent-plane';
import { signedArea2 } from './ring';

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
    .map((f) => ({ f, box: bboxOf(f.geometry.coordinates) }))
    .sort((p, q) => p.box[0] - q.box[0]);
  const out: Overlap[] = [];
  if (items.length === 0) return out;
  const plane = createTangentPlane(items[0].box[0], items[0].box[1]);
  const { kx, ky } = plane;
  for (let i = 0; i < items.length; i++) {
    const p = items[i];
    for (let j = i + 1; j < items.length && items[j].box[0] < p.box[2]; j++) {
      const q = items[j];
      if (only && !only.has(p.f.id) && !only.has(q.f.id)) continue;
      const w = (Math.min(p.box[2], q.box[2]) - Math.max(p.box[0], q.box[0])) * kx;
      const h = (Math.min(p.box[3], q.box[3]) - Math.max(p.box[1], q.box[1])) * ky;
      // The overlap cannot exceed the boxes' overlap (1 % margin for the scale of kx).
      if (w <= 0 || h <= 0 || w * h * 1.01 < SLIVER_OVERLAP_M2) continue;
      if (planarOverlapBelow(p.f.geometry, q.f.geometry, plane, SLIVER_OVERLAP_M2 / 2)) continue;
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
 * Cheap screen before the exact intersection: when one polygon is a single convex ring, the
 * other's rings clipped by it (Sutherland–Hodgman, right for any subject) give the overlap's
 * planar area. True when that is surely below `limitM2` (the plane's scale error is ~1e-4).
 * Shared edges of neighbouring plots, a few millimetres off, are rejected here.
 */
function planarOverlapBelow(a: AreaGeometry, b: AreaGeometry, plane: TangentPlane, limitM2: number): boolean {
  const convexB = convexRing(b, plane);
  const convex = convexB ?? convexRing(a, plane);
  if (!convex) return false;
  const subject = convexB ? a : b;
  let area = 0;
  for (const rings of subject.type === 'Polygon' ? [subject.coordinates] : subject.coordinates) {
    rings.forEach((ring, i) => {
      let pts = ring.slice(0, -1).map((p) => toPlane(plane, p));
      for (let k = 0; k < convex.length && pts.length > 0; k++) pts = clipByEdge(pts, convex[k], convex[(k + 1) % convex.length]);
      area += (i === 0 ? 1 : -1) * Math.abs(signedArea2(pts)) / 2;
    });
  }
  return area < limitM2;
}

/** The ring in the plane, counter-clockwise, when the geometry is one convex ring; else null. */
function convexRing(g: AreaGeometry, plane: TangentPlane): [number, number][] | null {
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) return null;
  let pts = g.coordinates[0].slice(0, -1).map((p) => toPlane(plane, p));
  if (pts.length < 3) return null;
  if (signedArea2(pts) < 0) pts = pts.reverse();
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    const c = pts[(i + 2) % pts.length];
    if ((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) < 0) return null;
  }
  return pts;
}

/** Sutherland–Hodgman step: the part of polygon `pts` left of the directed edge a→b (planar metres). */
export function clipByEdge(pts: [number, number][], a: [number, number], b: [number, number]): [number, number][] {
  const side = (p: [number, number]) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  const out: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    const q = pts[(i + 1) % pts.length];
    const sp = side(p);
    const sq = side(q);
    if (sp >= 0) out.push(p);
    if ((sp > 0 && sq < 0) || (sp < 0 && sq > 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
    }
  }
  return out;
}

