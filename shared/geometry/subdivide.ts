import type { AreaGeometry, PolygonGeometry, Position } from '../model/geometry-schema';
import { intersectAreas } from './boolean';
import { convexHull } from './convex-hull';
import { polygonAreaM2 } from './geodesic';
import { type XY } from './planar-faces';
import { signedArea2 } from './ring';
import { createTangentPlane, fromPlane, toPlane, type TangentPlane } from './tangent-plane';

/**
 * Subdivision of a block into equal-area plots (docs/editing.md). Cut lines run perpendicular
 * to a direction (by default the long axis of the block's minimum-area rotated rectangle);
 * `s` is the position along that direction. A(t) = geodesic area of the block where s ≤ t is
 * monotone, so each cut is found by bisection on the cheap planar area (tangent-plane.ts),
 * then polished by Newton steps on the geodesic area itself (GeographicLib). Road strips of
 * `roadWidthM` are centred on each cut; their area depends on where the cuts fall, so the
 * common plot area is found by a fixed-point iteration on (block − roads) / N.
 * The pieces are the block intersected with slabs between consecutive cut lines that share
 * exactly the same coordinates, so plots and roads tile the block without gaps or overlaps.
 */

export const SUBDIVIDE_REASONS = ['invalid_block', 'invalid_options', 'target_too_large', 'roads_too_wide', 'no_convergence'] as const;
export type SubdivideReason = (typeof SUBDIVIDE_REASONS)[number];

export interface SubdivideOptions {
  /** Number of equal plots (≥ 1). Ignored when `targetAreaM2` is given. */
  count?: number;
  /** Area of every plot but the last, m²; the last plot takes the remainder. */
  targetAreaM2?: number;
  /** Bearing (degrees clockwise from north) along which plots follow each other; cuts are perpendicular. */
  directionDeg?: number;
  /** Width of the road strip centred on each cut, metres (default 0). */
  roadWidthM?: number;
}

export type SubdivideResult =
  | {
      ok: true;
      /** Plots in order along the direction; a concave block may give a MultiPolygon plot. */
      plots: AreaGeometry[];
      /** Road strips between consecutive plots, in the same order. */
      roads: AreaGeometry[];
      /** The direction used, degrees clockwise from north. */
      directionDeg: number;
    }
  | { ok: false; reason: SubdivideReason };

const REL_TOL = 1e-9;

export function subdivideBlock(block: PolygonGeometry, options: SubdivideOptions): SubdivideResult {
  const rings = block.coordinates;
  if (rings.length === 0 || rings.some((r) => r.length < 4)) return { ok: false, reason: 'invalid_block' };
  const roadW = options.roadWidthM ?? 0;
  const byTarget = options.targetAreaM2 !== undefined;
  if (!(roadW >= 0) || (byTarget && !((options.targetAreaM2 ?? 0) > 0))) return { ok: false, reason: 'invalid_options' };
  if (!byTarget && !(Number.isInteger(options.count) && (options.count ?? 0) >= 1)) return { ok: false, reason: 'invalid_options' };

  const plane = createTangentPlane(rings[0][0][0], rings[0][0][1]);
  const xyRings = rings.map((r) => r.slice(0, -1).map((p) => toPlane(plane, p)));
  if (Math.abs(signedArea2(xyRings[0])) === 0) return { ok: false, reason: 'invalid_block' };
  const dirDeg = options.directionDeg ?? longAxisBearingDeg(xyRings[0]);
  const rad = (dirDeg * Math.PI) / 180;
  const u: XY = [Math.sin(rad), Math.cos(rad)];
  const v: XY = [-u[1], u[0]];
  const ss = xyRings[0].map((p) => p[0] * u[0] + p[1] * u[1]);
  const sMin = Math.min(...ss);
  const sMax = Math.max(...ss);

  const planeArea = (t: number) => clippedRings(xyRings, u, t).reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedArea2(r)) / 2, 0);
  const geoArea = (t: number) => {
    if (t <= sMin) return 0;
    const clipped = clippedRings(xyRings, u, Math.min(t, sMax));
    if (clipped[0].length < 3) return 0;
    return polygonAreaM2(clipped.filter((r) => r.length >= 3).map((r) => ringToLonLat(plane, r)));
  };
  const total = geoArea(sMax);
  if (!(total > 0)) return { ok: false, reason: 'invalid_block' };
  const planeTotal = planeArea(sMax);
  const ratio = total / planeTotal;

  /** t in [lo, sMax] with geoArea(t) = value (value ≤ total). */
  const solve = (value: number, lo: number): number => {
    if (value >= total) return sMax;
    let a = lo;
    let b = sMax;
    const planeValue = value / ratio;
    // Bisection to 0.1 mm is enough: the Newton steps below converge quadratically from there.
    for (let i = 0; i < 80 && b - a > 1e-4; i++) {
      const m = (a + b) / 2;
      if (planeArea(m) < planeValue) a = m;
      else b = m;
    }
    let t = (a + b) / 2;
    for (let i = 0; i < 4; i++) {
      const err = geoArea(t) - value;
      if (Math.abs(err) <= REL_TOL * total) break;
      const h = 1e-3;
      const slope = (planeArea(t + h) - planeArea(t - h)) / (2 * h) * ratio;
      if (!(slope > 0)) break;
      t = Math.min(sMax, Math.max(lo, t - err / slope));
    }
    return t;
  };

  // Cut layout along s: [start of plot 0, end of plot 0, start of plot 1, ...].
  const layout = (plotAreaM2: number, maxPlots: number): { bounds: number[]; full: boolean } | null => {
    const bounds = [sMin];
    let start = sMin;
    let startArea = 0;
    for (let i = 0; i < maxPlots - 1; i++) {
      if (total - startArea <= plotAreaM2 * (1 + 1e-9)) return { bounds, full: false };
      const end = solve(startArea + plotAreaM2, start);
      const next = end + roadW;
      if (next >= sMax) return null;
      bounds.push(end, next);
      start = next;
      startArea = geoArea(next);
    }
    return { bounds, full: true };
  };

  let bounds: number[];
  if (byTarget) {
    const target = options.targetAreaM2 as number;
    if (target > total) return { ok: false, reason: 'target_too_large' };
    const r = layout(target, Number.MAX_SAFE_INTEGER);
    if (!r) return { ok: false, reason: 'roads_too_wide' };
    bounds = r.bounds;
  } else {
    const n = options.count as number;
    // Fixed point: the plots' common area is (block − roads) / n, roads depending on the cuts.
    let plot = (total - roadW * (n - 1) * widthAt(planeArea, (sMin + sMax) / 2, ratio)) / n;
    let found: number[] | null = null;
    for (let iter = 0; iter < 50; iter++) {
      // Plots must keep a real share of the block (1e-4 of it): otherwise the roads eat it.
      if (!(plot > 1e-4 * total)) return { ok: false, reason: 'roads_too_wide' };
      const r = layout(plot, n);
      if (!r || !r.full) return { ok: false, reason: 'roads_too_wide' };
      const last = total - geoArea(r.bounds[r.bounds.length - 1]);
      let roads = 0;
      for (let i = 1; i + 1 < r.bounds.length; i += 2) roads += geoArea(r.bounds[i + 1]) - geoArea(r.bounds[i]);
      const next = (total - roads) / n;
      if (Math.abs(last - plot) <= 1e-7 * total) {
        found = r.bounds;
        break;
      }
      plot = next;
    }
    if (!found) return { ok: false, reason: 'no_convergence' };
    bounds = found;
  }
  bounds.push(sMax);

  // One shared cut line per position, long enough to cross the block, so neighbours share it.
  const vs = xyRings[0].map((p) => p[0] * v[0] + p[1] * v[1]);
  const margin = 1 + (sMax - sMin) * 1e-3;
  const vMin = Math.min(...vs) - margin;
  const vMax = Math.max(...vs) + margin;
  const cutLine = (s: number): Position[] => {
    const steps = Math.max(1, Math.ceil((vMax - vMin) / 50));
    const pts: Position[] = [];
    for (let i = 0; i <= steps; i++) {
      const w = vMin + ((vMax - vMin) * i) / steps;
      pts.push(fromPlane(plane, u[0] * s + v[0] * w, u[1] * s + v[1] * w));
    }
    return pts;
  };
  const lines = bounds.map((s, i) => (i === 0 ? cutLine(s - margin) : i === bounds.length - 1 ? cutLine(s + margin) : cutLine(s)));
  const slab = (i: number): AreaGeometry | null => {
    const ring = [...lines[i], ...lines[i + 1].slice().reverse()];
    const closed = signedArea2(ring) > 0 ? ring : ring.slice().reverse();
    return intersectAreas(block, { type: 'Polygon', coordinates: [[...closed, closed[0]]] });
  };
  // A convex block without holes is clipped directly (fast, and exact: each cut point is
  // computed once from the original edge, so neighbouring pieces share it bit for bit);
  // anything else goes through Turf's polygon intersection.
  const convex = rings.length === 1 && isConvex(xyRings[0]);
  const plots: AreaGeometry[] = [];
  const roads: AreaGeometry[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (bounds[i + 1] - bounds[i] <= 0) continue;
    const piece = convex ? convexSlab(xyRings[0], rings[0], plane, u, i === 0 ? -Infinity : bounds[i], i + 2 === bounds.length ? Infinity : bounds[i + 1]) : slab(i);
    if (!piece) continue;
    (i % 2 === 0 ? plots : roads).push(piece);
  }
  return { ok: true, plots, roads, directionDeg: ((dirDeg % 360) + 360) % 360 };
}

/**
 * The part of a convex ring with a ≤ s ≤ b, as a counter-clockwise polygon; original vertices
 * keep their lon/lat, a crossing of the line s = t is always computed from the original edge in
 * ring order, so the piece on the other side of t gets exactly the same point.
 */
function convexSlab(ring: XY[], lonLat: Position[], plane: TangentPlane, u: XY, a: number, b: number): PolygonGeometry | null {
  const out: Position[] = [];
  const s = ring.map((p) => p[0] * u[0] + p[1] * u[1]);
  for (let i = 0; i < ring.length; i++) {
    const j = (i + 1) % ring.length;
    if (s[i] >= a && s[i] <= b) out.push(lonLat[i]);
    const crossings: { k: number; t: number }[] = [];
    for (const t of [a, b]) {
      if (!Number.isFinite(t) || s[i] === s[j]) continue;
      const k = (t - s[i]) / (s[j] - s[i]);
      if (k > 0 && k < 1) crossings.push({ k, t });
    }
    crossings.sort((x, y) => x.k - y.k);
    for (const c of crossings) {
      // Canonical orientation of the edge (lower vertex index first) for identical bits.
      const [p, q, sp, sq] = i < j ? [ring[i], ring[j], s[i], s[j]] : [ring[j], ring[i], s[j], s[i]];
      const k = (c.t - sp) / (sq - sp);
      out.push(fromPlane(plane, p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k));
    }
  }
  if (out.length < 3) return null;
  const xy = out.map((p) => toPlane(plane, p));
  const ccw = signedArea2(xy) > 0 ? out : out.slice().reverse();
  return { type: 'Polygon', coordinates: [[...ccw, ccw[0]]] };
}

/** Convex and simple: every turn the same way, and the turns add up to one full turn. */
function isConvex(ring: XY[]): boolean {
  let sign = 0;
  let turning = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const c = ring[(i + 2) % ring.length];
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
    turning += Math.atan2(cross, dot);
    if (Math.abs(cross) < 1e-9) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return sign !== 0 && Math.abs(Math.abs(turning) - 2 * Math.PI) < 1e-6;
}

/** The ring parts where s = p·u ≤ t (Sutherland–Hodgman; degenerate bridges carry no area). */
function clippedRings(rings: XY[][], u: XY, t: number): XY[][] {
  return rings.map((ring) => {
    const out: XY[] = [];
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i];
      const q = ring[(i + 1) % ring.length];
      const sp = p[0] * u[0] + p[1] * u[1] - t;
      const sq = q[0] * u[0] + q[1] * u[1] - t;
      if (sp <= 0) out.push(p);
      if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
        const k = sp / (sp - sq);
        out.push([p[0] + (q[0] - p[0]) * k, p[1] + (q[1] - p[1]) * k]);
      }
    }
    return out;
  });
}

function ringToLonLat(plane: TangentPlane, ring: XY[]): Position[] {
  const out = ring.map((p) => fromPlane(plane, p[0], p[1]));
  return [...out, out[0]];
}

function widthAt(planeArea: (t: number) => number, t: number, ratio: number): number {
  const h = 1e-3;
  return ((planeArea(t + h) - planeArea(t - h)) / (2 * h)) * ratio;
}

/**
 * Bearing (degrees clockwise from north, in [0, 180)) of the long side of the ring's
 * minimum-area enclosing rectangle: rotating calipers over the convex hull's edge directions.
 */
export function longAxisBearingDeg(ring: XY[]): number {
  const hull = convexHull(ring);
  let best = { area: Infinity, bearing: 90 };
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const pu = p[0] * ux + p[1] * uy;
      const pv = -p[0] * uy + p[1] * ux;
      minU = Math.min(minU, pu);
      maxU = Math.max(maxU, pu);
      minV = Math.min(minV, pv);
      maxV = Math.max(maxV, pv);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < best.area * (1 - 1e-9)) {
      // Long side along u, or along the perpendicular.
      const [lx, ly] = maxU - minU >= maxV - minV ? [ux, uy] : [-uy, ux];
      let bearing = (Math.atan2(lx, ly) * 180) / Math.PI;
      bearing = ((bearing % 180) + 180) % 180;
      best = { area, bearing };
    }
  }
  return best.bearing;
}
