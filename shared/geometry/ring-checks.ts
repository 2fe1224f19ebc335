/** Checks on rings in a planar metric frame, shared by validation and repairs. */

/** Two consecutive vertices closer than this are duplicates, metres. */
export const DUPLICATE_VERTEX_M = 1e-3;

/** Where two edges meet. */
export interface Crossing {
  at: [number, number];
  /** Ring and edge index of the first and second edge (edge i runs from vertex i to i + 1). */
  ringA: number;
  edgeA: number;
  ringB: number;
  edgeB: number;
}

/**
 * Whether two planar points (metres) are closer than DUPLICATE_VERTEX_M. Squared, not Math.hypot:
 * most of a command's run is unoptimised code, where each call of the variadic builtin boxes its
 * arguments (megabytes of garbage over a park's rings).
 */
export function closerThanDuplicate(a: readonly number[], b: readonly number[]): boolean {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return dx * dx + dy * dy < DUPLICATE_VERTEX_M * DUPLICATE_VERTEX_M;
}

/** Consecutive duplicates (closer than DUPLICATE_VERTEX_M) removed, open ring in and out. */
export function dedupe(xy: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < xy.length; i++) {
    const p = xy[i];
    const q = out[out.length - 1];
    if (!q || !closerThanDuplicate(q, p)) out.push(p);
  }
  while (out.length > 1 && closerThanDuplicate(out[0], out[out.length - 1])) out.pop();
  return out;
}

/**
 * Points where edges of the rings cross or touch, other than consecutive edges of one ring
 * at their shared vertex. O(n²) over edges with a bounding-box screen: fine for drawn shapes.
 */
export function ringCrossings(rings: [number, number][][]): Crossing[] {
  // Each edge with its box, computed once rather than for every pair.
  const edges: { a: [number, number]; b: [number, number]; ring: number; i: number; n: number; x0: number; x1: number; y0: number; y1: number }[] = [];
  for (let ring = 0; ring < rings.length; ring++) {
    const r = rings[ring];
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      const b = r[(i + 1) % r.length];
      edges.push({ a, b, ring, i, n: r.length, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
    }
  }
  const out: Crossing[] = [];
  for (let x = 0; x < edges.length; x++) {
    const e = edges[x];
    for (let y = x + 1; y < edges.length; y++) {
      const f = edges[y];
      if (e.ring === f.ring && (Math.abs(e.i - f.i) === 1 || Math.abs(e.i - f.i) === e.n - 1)) continue;
      if (e.x1 < f.x0 || f.x1 < e.x0 || e.y1 < f.y0 || f.y1 < e.y0) continue;
      const hit = segmentsMeet(e.a, e.b, f.a, f.b);
      if (hit) out.push({ at: hit, ringA: e.ring, edgeA: e.i, ringB: f.ring, edgeB: f.i });
    }
  }
  return out;
}

function segmentsMeet(p: [number, number], q: [number, number], a: [number, number], b: [number, number]): [number, number] | null {
  const rx = q[0] - p[0];
  const ry = q[1] - p[1];
  const sx = b[0] - a[0];
  const sy = b[1] - a[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) {
    // Collinear overlap counts as touching; parallel apart does not.
    const cross = (a[0] - p[0]) * ry - (a[1] - p[1]) * rx;
    if (Math.abs(cross) > 1e-9) return null;
    const len2 = rx * rx + ry * ry;
    if (len2 === 0) return null;
    const t0 = ((a[0] - p[0]) * rx + (a[1] - p[1]) * ry) / len2;
    const t1 = ((b[0] - p[0]) * rx + (b[1] - p[1]) * ry) / len2;
    const lo = Math.max(0, Math.min(t0, t1));
    const hi = Math.min(1, Math.max(t0, t1));
    return hi - lo > 1e-9 ? [p[0] + rx * lo, p[1] + ry * lo] : null;
  }
  const t = ((a[0] - p[0]) * sy - (a[1] - p[1]) * sx) / den;
  const u = ((a[0] - p[0]) * ry - (a[1] - p[1]) * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [p[0] + rx * t, p[1] + ry * t];
}
