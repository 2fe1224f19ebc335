import { longAxisBearingDeg } from '../geometry/subdivide';
import type { PlanePolygons } from './plane';

/**
 * Grid orientation from the boundary: a grid has two families of roads at right angles, so
 * edge bearings are folded modulo 90°. Each edge votes with its length into 1° bins; the
 * candidates are the strongest peaks (at least `separationDeg` apart), then the long axis of
 * the minimum-area rectangle. Bearings in [0, 90), degrees clockwise from north.
 */
export function candidateBearings(boundary: PlanePolygons, separationDeg = 12): number[] {
  const bins = new Array<number>(90).fill(0);
  const edges: { bearing: number; lengthM: number }[] = [];
  for (const rings of boundary) {
    const ring = rings[0];
    for (let i = 1; i < ring.length; i++) {
      const dx = ring[i][0] - ring[i - 1][0];
      const dy = ring[i][1] - ring[i - 1][1];
      const lengthM = Math.hypot(dx, dy);
      if (lengthM === 0) continue;
      const bearing = fold((Math.atan2(dx, dy) * 180) / Math.PI);
      edges.push({ bearing, lengthM });
      bins[Math.floor(bearing) % 90] += lengthM;
    }
  }
  // Smooth over ±2° (circularly) so an edge at 44.9° and one at 45.1° count together.
  const smooth = bins.map((_, i) => [-2, -1, 0, 1, 2].reduce((s, k) => s + bins[(i + k + 90) % 90] * (3 - Math.abs(k)), 0));
  const order = smooth.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  const peaks: number[] = [];
  for (const { w, i } of order) {
    if (w <= 0 || peaks.length >= 3) break;
    if (peaks.some((p) => angularGap(p, i + 0.5) < separationDeg)) continue;
    peaks.push(refine(edges, i + 0.5));
  }
  const rect = fold(longAxisBearingDeg(boundary.flatMap((rings) => rings[0].slice(0, -1).map((q): [number, number] => [q[0], q[1]]))));
  if (!peaks.some((p) => angularGap(p, rect) < 3)) peaks.push(rect);
  return peaks.length > 0 ? peaks : [0];
}

/** Length-weighted mean bearing of the edges within 3° of `around` (on the 90° circle). */
function refine(edges: { bearing: number; lengthM: number }[], around: number): number {
  let sum = 0;
  let weight = 0;
  for (const e of edges) {
    let d = e.bearing - around;
    d -= 90 * Math.round(d / 90);
    if (Math.abs(d) > 3) continue;
    sum += d * e.lengthM;
    weight += e.lengthM;
  }
  return fold(around + (weight > 0 ? sum / weight : 0));
}

/** Angle folded into [0, 90). */
export function fold(deg: number): number {
  const r = ((deg % 90) + 90) % 90;
  return r >= 90 - 1e-12 ? 0 : r;
}

function angularGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 90;
  return Math.min(d, 90 - d);
}
