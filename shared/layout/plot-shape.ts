import { convexHull, type PlanarPoint } from '../geometry/convex-hull';
import type { XY } from '../geometry/planar-ring';
import { signedArea2 } from '../geometry/ring';
import type { PlanePolygons } from './plane';

/**
 * Plot shape (docs/layout.md): a planner wants plots a factory fits in, not triangles cut by a
 * grid running diagonal to the boundary. Rectangularity is the plot's area over the area of its
 * minimum-area bounding rectangle (1 = a rectangle, 0.5 = a right triangle).
 */

/** A plot at least this rectangular counts as regular (a rectangle with a corner cut by up to ~30 %). */
export const REGULAR_PLOT_MIN_RECTANGULARITY = 0.85;

/** Sides of the minimum-area rectangle around the points (rotating calipers on the convex hull), m. */
export function minimumRectangleSidesM(points: readonly XY[]): [number, number] {
  const hull = convexHull(points.map((q) => [q[0], q[1]] as PlanarPoint));
  if (hull.length < 3) return [0, 0];
  let best: [number, number] = [Infinity, Infinity];
  hull.forEach((a, i) => {
    const b = hull[(i + 1) % hull.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) return;
    // The minimum rectangle has a side on a hull edge: project the hull on that edge and its normal.
    const u = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    const along = hull.map((q) => q[0] * u[0] + q[1] * u[1]);
    const across = hull.map((q) => -q[0] * u[1] + q[1] * u[0]);
    const w = Math.max(...along) - Math.min(...along);
    const h = Math.max(...across) - Math.min(...across);
    if (w * h < best[0] * best[1]) best = [w, h];
  });
  return best[0] <= best[1] ? best : [best[1], best[0]];
}

/** Area of the polygons (holes subtracted) over the area of the minimum rectangle around them, 0–1. */
export function rectangularity(polygons: PlanePolygons): number {
  const area = polygons.reduce((s, rings) => s + rings.reduce((t, ring, k) => t + (k === 0 ? 1 : -1) * Math.abs(signedArea2(ring)) / 2, 0), 0);
  const [w, h] = minimumRectangleSidesM(polygons.flatMap((rings) => rings[0]));
  return w * h > 0 ? area / (w * h) : 0;
}
