import { pointInRing, type XY } from '../geometry/planar-ring';
import { signedArea2 } from '../geometry/ring';
import { bboxOf, type Obstacle } from './shading';

/**
 * Obstacle horizons and the sky they leave to a tilted plane (docs/solar-model.md §6.2).
 *
 * A horizon profile is, for one point at one height, the tangent of the highest elevation at
 * which an obstacle is seen in each of `sectors` equal azimuth sectors (sector k covers
 * azimuths [k·w, (k + 1)·w), w = 360°/sectors, clockwise from north), sampled along the
 * sector's centre azimuth. Obstacles are vertical prisms with flat tops, so along one azimuth
 * the highest point seen is the top of the first footprint edge the horizontal ray meets:
 * tan(elevation) = (H − h) / distance. Walking each footprint edge over the sector centres it
 * spans makes a long wall cover every sector it subtends however far apart its vertices are.
 */
export const HORIZON_SECTORS = 36;

/**
 * Obstacles seen lower than this are ignored for the sky (and the search radius follows from
 * it): even a horizon raised to 2° all round hides sin²2° = 0.12 % of a horizontal plane's sky.
 */
export const MIN_SKY_ELEVATION_DEG = 2;

const RAD = Math.PI / 180;

/** Sector centre directions (east and north components), cached per sector count. */
const centres = new Map<number, { sin: Float64Array; cos: Float64Array }>();
function sectorCentres(n: number): { sin: Float64Array; cos: Float64Array } {
  let c = centres.get(n);
  if (!c) {
    c = { sin: new Float64Array(n), cos: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      const az = ((k + 0.5) * 2 * Math.PI) / n;
      c.sin[k] = Math.sin(az);
      c.cos[k] = Math.cos(az);
    }
    centres.set(n, c);
  }
  return c;
}

/** +1 for a counter-clockwise footprint ring (x east, y north), −1 for a clockwise one; cached. */
const orientations = new WeakMap<Obstacle, number>();
function ringOrientation(o: Obstacle): number {
  let v = orientations.get(o);
  if (v === undefined) {
    v = signedArea2(o.ring) >= 0 ? 1 : -1;
    orientations.set(o, v);
  }
  return v;
}

/**
 * tan(obstacle elevation) per azimuth sector seen from (px, py) at `heightM` (0 = open sky down
 * to the horizon). Obstacles not taller than the point, or whose footprint contains it, are
 * skipped; so are obstacles everywhere lower than MIN_SKY_ELEVATION_DEG.
 */
export function horizonProfile(
  px: number,
  py: number,
  heightM: number,
  obstacles: readonly Obstacle[],
  sectors = HORIZON_SECTORS,
  out = new Float64Array(sectors),
  /** If given, receives per sector the index in `obstacles` of the highest one (−1 = none). */
  owner?: Int32Array,
): Float64Array {
  out.fill(0);
  owner?.fill(-1);
  const { sin, cos } = sectorCentres(sectors);
  const w = (2 * Math.PI) / sectors;
  const minTan = Math.tan(MIN_SKY_ELEVATION_DEG * RAD);
  for (let j = 0; j < obstacles.length; j++) {
    const o = obstacles[j];
    const dh = o.heightM - heightM;
    if (dh <= 0) continue;
    const gapX = Math.max(0, o.bbox[0] - px, px - o.bbox[2]);
    const gapY = Math.max(0, o.bbox[1] - py, py - o.bbox[3]);
    const nearest = Math.hypot(gapX, gapY);
    if (dh < minTan * nearest) continue;
    if (nearest === 0 && pointInRing([px, py] as XY, o.ring)) continue;
    // Cull an obstacle lower than what nearer ones already raised in every sector its bounding
    // circle spans (callers pass obstacles nearest first, which makes this the common case).
    if (nearest > 0) {
      const cx = (o.bbox[0] + o.bbox[2]) / 2 - px;
      const cy = (o.bbox[1] + o.bbox[3]) / 2 - py;
      const r = Math.hypot(o.bbox[2] - o.bbox[0], o.bbox[3] - o.bbox[1]) / 2;
      const dc = Math.hypot(cx, cy);
      if (dc > r) {
        const uc = Math.atan2(cx, cy) / w - 0.5;
        const half = Math.asin(r / dc) / w;
        const bound = dh / nearest;
        let hidden = true;
        for (let kk = Math.ceil(uc - half); kk <= Math.floor(uc + half) && hidden; kk++) hidden = out[((kk % sectors) + sectors) % sectors] >= bound;
        if (hidden) continue;
      }
    }
    const ring = o.ring;
    const m = ring.length;
    const orient = ringOrientation(o);
    let ax = ring[m - 1][0] - px;
    let ay = ring[m - 1][1] - py;
    let ua = NaN;
    for (let i = 0; i < m; i++) {
      const bx = ring[i][0] - px;
      const by = ring[i][1] - py;
      const ex = bx - ax;
      const ey = by - ay;
      const num = ax * ey - ay * ex; // cross(A, E)
      // A ray from outside first meets the footprint on an edge facing the point: skip the others.
      if (num * orient >= 0) {
        ax = bx;
        ay = by;
        ua = NaN;
        continue;
      }
      if (Number.isNaN(ua)) ua = Math.atan2(ax, ay) / w - 0.5;
      const ub = Math.atan2(bx, by) / w - 0.5;
      // The edge's angular span, the short way round (an edge not through the point spans < 180°).
      let du = ub - ua;
      if (du > sectors / 2) du -= sectors;
      else if (du < -sectors / 2) du += sectors;
      const k0 = Math.ceil(Math.min(ua, ua + du));
      const k1 = Math.floor(Math.max(ua, ua + du));
      for (let kk = k0; kk <= k1; kk++) {
        const k = ((kk % sectors) + sectors) % sectors;
        const den = sin[k] * ey - cos[k] * ex; // cross(u, E)
        if (den === 0) continue;
        const t = num / den;
        if (t <= 0) continue;
        const tanEl = dh / t;
        if (tanEl > out[k]) {
          out[k] = tanEl;
          if (owner) owner[k] = j;
        }
      }
      ax = bx;
      ay = by;
      ua = ub;
    }
  }
  return out;
}

/**
 * Per-sector constants of the sky seen by a plane of tilt β and azimuth γ. In a sector of centre
 * azimuth φ the cosine of incidence of a sky direction at elevation e is a·sin e + b·cos e with
 * a = cos β, b = sin β·cos(φ − γ); it is positive above e_p = max(0, atan(−b/a)) (behind the
 * plane below that). The cosine-weighted integral from e1 up to the zenith is
 * I(e1) = a·cos²e1/2 + b·(π/4 − e1/2 − sin 2e1/4).
 */
export interface PlaneSky {
  a: Float64Array;
  b: Float64Array;
  /** e_p per sector, radians. */
  planeEl: Float64Array;
  /** I(e_p) per sector: the open sky. */
  open: Float64Array;
  /** Sky view factor of the open sky, (1/π)·Σ w·I(e_p) ≈ (1 + cos β)/2. */
  openFactor: number;
}

function integral(a: number, b: number, e1: number): number {
  const c = Math.cos(e1);
  return (a * c * c) / 2 + b * (Math.PI / 4 - e1 / 2 - Math.sin(2 * e1) / 4);
}

export function planeSky(tiltDeg: number, azimuthDeg: number, sectors = HORIZON_SECTORS): PlaneSky {
  const ps: PlaneSky = { a: new Float64Array(sectors), b: new Float64Array(sectors), planeEl: new Float64Array(sectors), open: new Float64Array(sectors), openFactor: 0 };
  const beta = tiltDeg * RAD;
  const w = (2 * Math.PI) / sectors;
  let sum = 0;
  for (let k = 0; k < sectors; k++) {
    const a = Math.cos(beta);
    const b = Math.sin(beta) * Math.cos((k + 0.5) * w - azimuthDeg * RAD);
    const ep = b < 0 ? Math.atan2(-b, a) : 0;
    ps.a[k] = a;
    ps.b[k] = b;
    ps.planeEl[k] = ep;
    ps.open[k] = integral(a, b, ep);
    sum += ps.open[k];
  }
  ps.openFactor = (sum * w) / Math.PI;
  return ps;
}

/**
 * Isotropic sky view factor (1/π)∫cos θ dΩ of a plane over the sky above both the horizon
 * profile and the plane itself; equals `plane.openFactor` for an open horizon.
 */
export function skyViewFactor(profileTan: ArrayLike<number>, plane: PlaneSky): number {
  const n = plane.a.length;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const t = profileTan[k];
    if (t === 0) {
      sum += plane.open[k];
      continue;
    }
    const e = Math.atan(t);
    sum += e > plane.planeEl[k] ? integral(plane.a[k], plane.b[k], e) : plane.open[k];
  }
  return (sum * 2) / n;
}

/** Sky left to a roof by its neighbours, as ratios to the open sky (1 = nothing hidden). */
export interface RoofSkyView {
  /** Per plane of the layout (same order): isotropic sky on the plane, shaded ÷ open. */
  planeRatios: number[];
  /** The same for a horizontal surface at the roof (used for the light the ground reflects). */
  horizontalRatio: number;
  /** Obstacles hiding at least NAMED_SKY_SHARE of a horizontal surface's sky (ids, sorted). */
  neighbourIds: string[];
}

/** An obstacle is named as hiding sky from a roof when it hides at least this share of it. */
export const NAMED_SKY_SHARE = 0.005;

/**
 * Mean sky-view ratios over a roof's sample points, each point with its own horizon profile
 * (computed once per roof, not per hour).
 */
export function roofSkyView(
  points: readonly XY[],
  heightM: number,
  obstacles: readonly Obstacle[],
  planes: readonly { tiltDeg: number; azimuthDeg: number }[],
  sectors = HORIZON_SECTORS,
): RoofSkyView {
  const skies = planes.map((p) => planeSky(p.tiltDeg, p.azimuthDeg, sectors));
  const sums = new Array<number>(planes.length).fill(0);
  let horizontal = 0;
  if (points.length === 0 || obstacles.every((o) => o.heightM <= heightM)) return { planeRatios: sums.map(() => 1), horizontalRatio: 1, neighbourIds: [] };
  // Highest-looking first (seen from the roof's bounding box), so that horizonProfile can cull
  // the many obstacles that nearer, taller ones already hide.
  const [x0, y0, x1, y1] = bboxOf(points);
  const rise = (o: Obstacle) => (o.heightM - heightM) / Math.max(1, Math.hypot(Math.max(0, o.bbox[0] - x1, x0 - o.bbox[2]), Math.max(0, o.bbox[1] - y1, y0 - o.bbox[3])));
  const sorted = obstacles.filter((o) => o.heightM > heightM).sort((p, q) => rise(q) - rise(p));
  const profile = new Float64Array(sectors);
  const owner = new Int32Array(sectors);
  const hidden = new Float64Array(sorted.length);
  for (const [x, y] of points) {
    horizonProfile(x, y, heightM, sorted, sectors, profile, owner);
    let h = 0;
    for (let k = 0; k < sectors; k++) {
      const c2 = 1 / (1 + profile[k] * profile[k]); // cos² e
      h += c2;
      if (owner[k] >= 0) hidden[owner[k]] += (1 - c2) / sectors;
    }
    horizontal += h / sectors;
    skies.forEach((sky, j) => {
      sums[j] += sky.openFactor > 0 ? skyViewFactor(profile, sky) / sky.openFactor : 1;
    });
  }
  const named = new Set<string>();
  hidden.forEach((v, j) => {
    if (v / points.length >= NAMED_SKY_SHARE) named.add(sorted[j].id);
  });
  return { planeRatios: sums.map((s) => s / points.length), horizontalRatio: horizontal / points.length, neighbourIds: [...named].sort() };
}
