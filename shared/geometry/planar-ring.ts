/**
 * Small planar operations on rings in a local metric frame (see local-frame.ts): used to lay
 * out a park in metres before converting to lon/lat. Not for lon/lat coordinates.
 */

import { openRing, signedArea2, signedRingArea, type RingVertex } from './ring';

/** A planar point [x, y], metres in a local frame. */
export type XY = readonly [number, number];

/** Signed planar area of a ring, m², positive counter-clockwise. Open or closed. */
export function planarRingAreaM2(ring: readonly XY[]): number {
  return signedRingArea(ring);
}

/**
 * The ring moved inward by `distanceM` with mitred corners (open ring out). Meant for simple
 * rings without very sharp corners or edges shorter than the distance, such as a park limit
 * from which a green isolation strip of constant width is taken.
 */
export function insetRing(ring: readonly XY[], distanceM: number): XY[] {
  const pts = openRing(ring);
  const ccw = signedArea2(pts) > 0;
  const n = pts.length;
  // Each edge shifted along its inward normal (left of the edge when the ring is CCW).
  const lines = pts.map((a, i) => {
    const b = pts[(i + 1) % n];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const nx = ((ccw ? -1 : 1) * (b[1] - a[1])) / len;
    const ny = ((ccw ? 1 : -1) * (b[0] - a[0])) / len;
    return { p: [a[0] + nx * distanceM, a[1] + ny * distanceM] as XY, d: [b[0] - a[0], b[1] - a[1]] as XY };
  });
  return lines.map((cur, i) => {
    const prev = lines[(i - 1 + n) % n];
    return intersectLines(prev.p, prev.d, cur.p, cur.d) ?? cur.p;
  });
}

function intersectLines(p: XY, d: XY, q: XY, e: XY): XY | null {
  const den = d[0] * e[1] - d[1] * e[0];
  if (Math.abs(den) < 1e-12) return null;
  const t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den;
  return [p[0] + d[0] * t, p[1] + d[1] * t];
}

/** Even-odd point-in-ring test. Points on an edge may fall either way. */
export function pointInRing(pt: RingVertex, ring: readonly RingVertex[]): boolean {
  const pts = openRing(ring);
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The parts of segment a→b inside the ring, as segments in the a→b direction. Used to end a
 * road centre line exactly where its corridor meets the park limit or the isolation strip.
 */
export function clipSegmentToRing(a: XY, b: XY, ring: readonly XY[]): [XY, XY][] {
  const pts = openRing(ring);
  const d: XY = [b[0] - a[0], b[1] - a[1]];
  const ts = [0, 1];
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    const q = pts[(i + 1) % pts.length];
    const e: XY = [q[0] - p[0], q[1] - p[1]];
    const den = d[0] * e[1] - d[1] * e[0];
    if (Math.abs(den) < 1e-12) continue;
    const t = ((p[0] - a[0]) * e[1] - (p[1] - a[1]) * e[0]) / den;
    const u = ((p[0] - a[0]) * d[1] - (p[1] - a[1]) * d[0]) / den;
    if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
  }
  ts.sort((x, y) => x - y);
  const at = (t: number): XY => [a[0] + d[0] * t, a[1] + d[1] * t];
  const out: [XY, XY][] = [];
  for (let i = 0; i + 1 < ts.length; i++) {
    if (ts[i + 1] - ts[i] < 1e-12) continue;
    if (pointInRing(at((ts[i] + ts[i + 1]) / 2), pts)) out.push([at(ts[i]), at(ts[i + 1])]);
  }
  return out;
}

/**
 * Adds to every ring the vertices of the other rings that lie on its edges (within
 * `toleranceM`), so that neighbouring polygons share identical vertex sequences along common
 * edges. Needed because a straight local edge becomes a slightly different curve in lon/lat
 * than the chord between its ends: without the shared vertices, a plot corner on the middle of
 * a long road edge would overlap the road by a few square metres after conversion.
 * Rings are closed (first = last); output rings are closed too.
 */
export function insertTJunctions(rings: readonly (readonly XY[])[], toleranceM = 1e-3): XY[][] {
  const all: XY[] = rings.flat();
  return rings.map((ring) => {
    const out: XY[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      out.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      const hits: { t: number; p: XY }[] = [];
      for (const p of all) {
        const along = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len;
        if (along < toleranceM || along > len - toleranceM) continue;
        const off = Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / len;
        if (off < toleranceM) hits.push({ t: along, p });
      }
      hits.sort((u, v) => u.t - v.t);
      let last = 0;
      for (const h of hits) {
        if (h.t - last < toleranceM) continue;
        out.push(h.p);
        last = h.t;
      }
    }
    out.push(ring[ring.length - 1]);
    return out;
  });
}
