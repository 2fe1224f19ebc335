import type { AreaGeometry, Position } from '../model/geometry-schema';
import { polygonsOf, unionAreas } from './boolean';
import { createTangentPlane, toPlane } from './tangent-plane';

/**
 * Merging neighbouring polygons into one (docs/editing.md). Polygons drawn separately rarely
 * share bit-identical edges, and a union of nearly coincident edges keeps a hairline seam or
 * a sliver gap. So before the union, every vertex within `toleranceM` (default 5 cm) of a
 * vertex of another polygon takes that vertex's exact coordinates, and every vertex lying
 * within the tolerance of another polygon's edge is inserted into that edge: shared
 * boundaries then become identical segments, which the union removes.
 */

export const MERGE_REASONS = ['too_few_polygons', 'invalid_polygon', 'not_adjacent'] as const;
export type MergeReason = (typeof MERGE_REASONS)[number];

export type MergeResult = { ok: true; polygon: AreaGeometry } | { ok: false; reason: MergeReason };

export function mergePolygons(polygons: AreaGeometry[], options: { toleranceM?: number } = {}): MergeResult {
  if (polygons.length < 2) return { ok: false, reason: 'too_few_polygons' };
  const tol = options.toleranceM ?? 0.05;
  const parts = polygons.map(polygonsOf);
  if (parts.some((p) => p.length === 0 || p.some((rings) => rings.length === 0 || rings.some((r) => r.length < 4)))) {
    return { ok: false, reason: 'invalid_polygon' };
  }
  const first = parts[0][0][0][0];
  const plane = createTangentPlane(first[0], first[1]);

  // 1. Vertex to vertex: the first polygon's coordinates win.
  const reps: { xy: [number, number]; p: Position; owner: number }[] = [];
  const snapped = parts.map((polys, owner) =>
    polys.map((rings) =>
      rings.map((ring) =>
        ring.map((p) => {
          const xy = toPlane(plane, p);
          const hit = reps.find((r) => r.owner !== owner && Math.hypot(r.xy[0] - xy[0], r.xy[1] - xy[1]) <= tol);
          if (hit) return hit.p;
          reps.push({ xy, p, owner });
          return p;
        }),
      ),
    ),
  );

  // 2. Vertex on another polygon's edge: insert it there.
  const allVertices = snapped.map((polys) => polys.flat(2).map((p) => ({ p, xy: toPlane(plane, p) })));
  const noded = snapped.map((polys, owner) =>
    polys.map((rings) =>
      rings.map((ring) => {
        const out: Position[] = [];
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = toPlane(plane, ring[i]);
          const b = toPlane(plane, ring[i + 1]);
          out.push(ring[i]);
          const dx = b[0] - a[0];
          const dy = b[1] - a[1];
          const len = Math.hypot(dx, dy);
          if (len === 0) continue;
          const hits: { t: number; p: Position }[] = [];
          allVertices.forEach((vs, other) => {
            if (other === owner) return;
            for (const v of vs) {
              const along = ((v.xy[0] - a[0]) * dx + (v.xy[1] - a[1]) * dy) / len;
              if (along <= tol || along >= len - tol) continue;
              const off = Math.abs((v.xy[0] - a[0]) * dy - (v.xy[1] - a[1]) * dx) / len;
              if (off <= tol) hits.push({ t: along, p: v.p });
            }
          });
          hits.sort((u, v) => u.t - v.t);
          for (const h of hits) if (out[out.length - 1] !== h.p) out.push(h.p);
        }
        out.push(ring[ring.length - 1]);
        return out;
      }),
    ),
  );

  const geometries: AreaGeometry[] = noded.map((polys) =>
    polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
  );
  const merged = unionAreas(geometries);
  if (!merged) return { ok: false, reason: 'invalid_polygon' };
  // One connected piece, or the polygons were not neighbours (a shared corner is not enough).
  if (merged.type === 'MultiPolygon' && merged.coordinates.length > 1) return { ok: false, reason: 'not_adjacent' };
  return { ok: true, polygon: merged };
}
