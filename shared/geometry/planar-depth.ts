import { pointInRings, type XY } from './planar-faces';

export type { XY } from './planar-faces';

/** Distance (m) from p to the nearest edge of the rings, negative when p is outside them (even-odd). */
export function signedDepth(p: XY, rings: XY[][]): number {
  let best = Infinity;
  for (const ring of rings) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) best = Math.min(best, distanceToSegment(p, ring[i], ring[j]));
  return pointInRings(p, rings) ? best : -best;
}

/** Distance (m) from p to the segment ab. */
export function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
