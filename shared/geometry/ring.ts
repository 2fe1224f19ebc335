/**
 * Ring utilities shared by every geometry, analysis, import and export routine: the one signed
 * (shoelace) area and the one way to drop a closing vertex. Coordinates are taken as given —
 * planar metres or lon/lat degrees — so the area is in the square of their unit; only its sign
 * (orientation) is meaningful for lon/lat. Geodesic areas a user reads come from geodesic.ts.
 */

/** A vertex [x, y] (metres) or [lon, lat] (degrees); further ordinates are ignored. */
export type RingVertex = readonly number[];

/**
 * Twice the signed area of a ring, positive counter-clockwise (x east, y north). The ring may
 * be open or closed: a repeated closing vertex adds an edge of zero length and nothing to the sum.
 * Summed relative to the first vertex (the same area): in lon/lat near 106° E the products of
 * absolute coordinates round at about 1e-13 deg², a thousandth of a square metre, which would
 * lose the orientation of a thin triangle.
 */
export function signedArea2(ring: readonly RingVertex[]): number {
  if (ring.length === 0) return 0;
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  const n = ring.length;
  let sum = 0;
  // Each vertex read once and carried to the next edge in locals: most calls run unoptimised,
  // where element loads cost more than the arithmetic.
  let ax = ring[0][0] - x0;
  let ay = ring[0][1] - y0;
  for (let i = 0; i < n; i++) {
    const b = ring[i + 1 < n ? i + 1 : 0];
    const bx = b[0] - x0;
    const by = b[1] - y0;
    sum += ax * by - bx * ay;
    ax = bx;
    ay = by;
  }
  return sum;
}

/** Signed area of a ring in the square of its coordinate unit, positive counter-clockwise. */
export function signedRingArea(ring: readonly RingVertex[]): number {
  return signedArea2(ring) / 2;
}

/** True when the ring turns counter-clockwise (positive area); false for clockwise or degenerate. */
export function isCounterClockwise(ring: readonly RingVertex[]): boolean {
  return signedArea2(ring) > 0;
}

/** The ring without its closing vertex when the last vertex repeats the first (a copy either way). */
export function openRing<T extends RingVertex>(ring: readonly T[]): T[] {
  const n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) return ring.slice(0, n - 1);
  return ring.slice();
}

/**
 * [minX, minY, maxX, maxY] of points, by a loop: Math.min(...points) overflows the stack on large
 * layers. [Infinity, Infinity, -Infinity, -Infinity] for none.
 */
export function pointsBox(points: readonly RingVertex[]): [number, number, number, number] {
  // Indexed and in locals: unoptimised code (most of a command's run) allocates for each step
  // of a for…of, and keyed loads and stores cost more than the comparisons.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < points.length; i++) {
    const x = points[i][0], y = points[i][1];
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}
