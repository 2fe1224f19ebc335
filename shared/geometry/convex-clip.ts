import type { Position } from '../model/geometry-schema';
import { signedArea2 } from './ring';

/**
 * Sutherland–Hodgman clipping of a convex ring by a convex ring, in lon/lat like Turf (straight
 * edges in degrees). Two convex polygons meet in a convex polygon, so the result is exact and
 * clean; it spares the exact-arithmetic Turf clipper for the common case of rectangular plots,
 * corridors and boundaries.
 */

const convexity = new WeakMap<Position[], boolean>();

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/**
 * Whether a closed ring is convex (colinear vertices allowed), memoised per ring: its turns are
 * all one way and it winds once. A pentagram also turns one way at every vertex but winds twice:
 * its edges' x direction changes sign four times, a convex ring's twice.
 */
export function isConvexRing(ring: Position[]): boolean {
  let known = convexity.get(ring);
  if (known !== undefined) return known;
  const n = ring.length - 1;
  let sign = 0;
  let xSignChanges = 0;
  // The last edge that moves in x, so the first is compared with it (round the ring).
  let lastDx = 0;
  for (let i = n; i > 0 && lastDx === 0; i--) lastDx = ring[i][0] - ring[i - 1][0];
  known = n >= 3;
  for (let i = 0; i < n && known; i++) {
    const c = cross(ring[i], ring[(i + 1) % n], ring[(i + 2) % n]);
    const dx = ring[(i + 1) % n][0] - ring[i][0];
    if (dx !== 0) {
      if (lastDx !== 0 && dx > 0 !== lastDx > 0) xSignChanges++;
      lastDx = dx;
    }
    // Relative to the edge lengths: tiny turns are colinear vertices, not concavities.
    const scale = Math.hypot(ring[(i + 1) % n][0] - ring[i][0], ring[(i + 1) % n][1] - ring[i][1]) *
      Math.hypot(ring[(i + 2) % n][0] - ring[(i + 1) % n][0], ring[(i + 2) % n][1] - ring[(i + 1) % n][1]);
    if (Math.abs(c) <= 1e-12 * scale) continue;
    const s = Math.sign(c);
    if (sign === 0) sign = s;
    else if (s !== sign) known = false;
  }
  if (known && sign !== 0 && xSignChanges !== 2) known = false;
  convexity.set(ring, known);
  return known;
}

/**
 * subject ∩ clip for closed rings, `clip` convex; null when they share no area. A concave subject
 * is clipped correctly in area (the output may hold zero-width bridges along clip edges).
 */
export function clipConvex(subject: Position[], clip: Position[]): Position[] | null {
  const c = signedArea2(clip) > 0 ? clip : [...clip].reverse();
  let output = subject.slice(0, -1);
  for (let i = 0; i < c.length - 1 && output.length > 0; i++) {
    const a = c[i];
    const b = c[i + 1];
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const pin = cross(a, b, p) >= 0;
      const qin = cross(a, b, q) >= 0;
      if (pin) output.push(p);
      if (pin !== qin) output.push(intersect(a, b, p, q));
    }
  }
  if (output.length < 3) return null;
  const ring = [...output, output[0]];
  return Math.abs(signedArea2(ring)) > 0 ? ring : null;
}

function intersect(a: Position, b: Position, p: Position, q: Position): Position {
  const d1 = cross(a, b, p);
  const d2 = cross(a, b, q);
  const t = d1 / (d1 - d2);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}
