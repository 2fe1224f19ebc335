/** A point in a planar frame (metres, e.g. a tangent plane). */
export type PlanarPoint = [number, number];

/**
 * The convex hull of points (Andrew's monotone chain), counter-clockwise, without repeated or
 * collinear vertices; fewer than 3 points are returned sorted as they are. Every point lies in
 * or on the hull, so the hull is an upper bound of anything the points outline, whatever its
 * fill rule or validity.
 */
export function convexHull(points: readonly PlanarPoint[]): PlanarPoint[] {
  const pts = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: PlanarPoint, a: PlanarPoint, b: PlanarPoint) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: PlanarPoint[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: PlanarPoint[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}
