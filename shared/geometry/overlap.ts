import type { AreaGeometry, ParkGeometry, Position } from '../model/geometry-schema';
import { bboxOf, intersectAreas, subtractAreas } from './boolean';
import { geodesicAreaM2 } from './geodesic';
import { metresPerDegree } from './tangent-plane';

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
 * Every pair of area features that overlap by at least 0.01 m². Non-area geometries are
 * skipped. A sort-and-sweep over bounding boxes (the spatial index) keeps the exact
 * intersection to pairs whose boxes overlap by at least that much.
 */
export function findOverlaps(features: { id: string; geometry: ParkGeometry }[]): Overlap[] {
  const items = features
    .filter((f): f is AreaItem => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
    .map((f) => ({ f, box: bboxOf(f.geometry.coordinates) }))
    .sort((p, q) => p.box[0] - q.box[0]);
  const out: Overlap[] = [];
  if (items.length === 0) return out;
  const { kx, ky } = metresPerDegree(items[0].box[1]);
  for (let i = 0; i < items.length; i++) {
    const p = items[i];
    for (let j = i + 1; j < items.length && items[j].box[0] < p.box[2]; j++) {
      const q = items[j];
      const w = (Math.min(p.box[2], q.box[2]) - Math.max(p.box[0], q.box[0])) * kx;
      const h = (Math.min(p.box[3], q.box[3]) - Math.max(p.box[1], q.box[1])) * ky;
      // The overlap cannot exceed the boxes' overlap (1 % margin for the scale of kx).
      if (w <= 0 || h <= 0 || w * h * 1.01 < SLIVER_OVERLAP_M2) continue;
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
