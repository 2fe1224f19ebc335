import type { AreaGeometry, LineStringGeometry, PolygonGeometry, Position } from '../model/geometry-schema';
import { createTangentPlane, fromPlane, toPlane } from './tangent-plane';
import { cutRings, pointInRings, type InputRing, type XY } from './planar-faces';
import { signedArea2 } from './ring';

/** Why a split was refused; the UI turns the code into a message. */
export const SPLIT_REASONS = ['line_does_not_cross', 'line_ends_inside', 'invalid_polygon', 'invalid_line'] as const;
export type SplitReason = (typeof SPLIT_REASONS)[number];

export type SplitResult = { ok: true; parts: PolygonGeometry[] } | { ok: false; reason: SplitReason };

// Faces smaller than this are numerical debris of nearly coincident lines, not user intent.
const MIN_PART_M2 = 1e-6;
const END_ON_OUTLINE_M = 1e-3;

/**
 * Splits a polygon with a cut line that crosses it fully: both ends of the line must lie
 * outside, and the line must cut at least one polygon into two or more pieces. Works in a
 * metric tangent plane that keeps lon/lat edges straight (tangent-plane.ts), so the cut
 * follows the edges exactly as drawn; input vertices are returned bit-identical, new vertices lie where the
 * cut line crosses an edge. Holes stay with the piece that contains them, or are cut open when
 * the line runs through them. For a MultiPolygon, parts the line misses are returned whole.
 */
export function splitPolygon(polygon: AreaGeometry, line: LineStringGeometry): SplitResult {
  const polygons = polygon.type === 'Polygon' ? [polygon.coordinates] : polygon.coordinates;
  if (polygons.length === 0 || polygons.some((rings) => rings.length === 0 || rings.some((r) => r.length < 4))) {
    return { ok: false, reason: 'invalid_polygon' };
  }
  if (line.coordinates.length < 2) return { ok: false, reason: 'invalid_line' };
  const origin = polygons[0][0][0];
  const plane = createTangentPlane(origin[0], origin[1]);
  const toInput = (ring: Position[], closed: boolean): InputRing => {
    const pts = closed ? ring.slice(0, -1) : ring;
    return { xy: pts.map((p) => toPlane(plane, p)), lonLat: pts.map((p) => [p[0], p[1]]) };
  };
  const cut = toInput(line.coordinates, false);
  if (cut.xy.length < 2 || signedLength(cut.xy) === 0) return { ok: false, reason: 'invalid_line' };
  const inputs = polygons.map((rings) => rings.map((r) => toInput(r, true)));
  if (inputs.some((rings) => Math.abs(signedArea2(rings[0].xy)) === 0)) return { ok: false, reason: 'invalid_polygon' };

  // An end snapped onto the outline (within 1 mm) counts as outside: drawing the cut from edge
  // to edge with snapping is the usual way to split.
  const ends = [cut.xy[0], cut.xy[cut.xy.length - 1]];
  for (const rings of inputs) {
    const xy = rings.map((r) => r.xy);
    if (ends.some((p) => pointInRings(p, xy) && distanceToRings(p, xy) > END_ON_OUTLINE_M)) return { ok: false, reason: 'line_ends_inside' };
  }

  const parts: PolygonGeometry[] = [];
  let cutAny = false;
  inputs.forEach((rings, i) => {
    const { nodes, faces } = cutRings(rings, cut);
    const kept = faces.filter((f) => signedArea2(f.ring.map((n) => [nodes[n].x, nodes[n].y] as XY)) / 2 > MIN_PART_M2);
    if (kept.length < 2) {
      parts.push({ type: 'Polygon', coordinates: polygons[i] });
      return;
    }
    cutAny = true;
    const toLonLat = (ring: number[]) => {
      const out = ring.map((n) => nodes[n].lonLat ?? fromPlane(plane, nodes[n].x, nodes[n].y));
      return [...out, out[0]];
    };
    for (const f of kept) parts.push({ type: 'Polygon', coordinates: [toLonLat(f.ring), ...f.holes.map(toLonLat)] });
  });
  if (!cutAny) return { ok: false, reason: 'line_does_not_cross' };
  return { ok: true, parts };
}

function signedLength(pts: XY[]): number {
  let len = 0;
  for (let i = 1; i < pts.length; i++) len += Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
  return len;
}

function distanceToRings(p: XY, rings: XY[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
      best = Math.min(best, Math.hypot(p[0] - a[0] - dx * t, p[1] - a[1] - dy * t));
    }
  }
  return best;
}
