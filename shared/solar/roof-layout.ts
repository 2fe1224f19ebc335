import { insetRing, planarRingAreaM2, pointInRing, type XY } from '../geometry/planar-ring';
import type { SolarSettings } from './settings';

/** One roof part in the local metric frame: an outer ring and holes (open rings, metres). */
export interface RoofPart {
  outer: XY[];
  holes: XY[][];
}

/** A module field on one roof plane. Areas m², angles degrees (azimuth clockwise from north). */
export interface RoofPlane {
  tiltDeg: number;
  azimuthDeg: number;
  /** Total module (aperture) area on this plane, m². */
  moduleAreaM2: number;
}

/** Layout of one roof: usable area, module fields and sample points for shading. */
export interface RoofLayout {
  /** Plan area after the edge setback, the access paths and the obstruction fraction, m². */
  usableAreaM2: number;
  /** Plan area of the access paths taken out of the set-back roof, m² (0 when none). */
  accessPathAreaM2: number;
  /** Access paths laid across the roof (crossing the ridge direction) and along it. */
  accessPaths: { across: number; along: number };
  planes: RoofPlane[];
  moduleCount: number;
  kwp: number;
  /** Points on the usable roof (local metres) where shading is sampled. */
  samplePoints: XY[];
  groundCoverageRatio: number;
}

/** Mean obliquity used for the winter-solstice rule, degrees. */
const OBLIQUITY_DEG = 23.44;
const RAD = Math.PI / 180;

/**
 * Ground-coverage ratio (module slope length ÷ row pitch) that leaves no row-to-row shading at
 * solar noon on the winter solstice: pitch = L·cos β + L·sin β·cos(Δγ)/tan αₙ, where αₙ is the
 * noon elevation 90° − |φ| − 23.44° and Δγ the angle between the row normal and due south
 * (north in the southern hemisphere).
 */
export function solsticeGcr(latDeg: number, tiltDeg: number, azimuthDeg: number): number {
  const noonEl = Math.max(5, 90 - Math.abs(latDeg) - OBLIQUITY_DEG);
  const facing = latDeg >= 0 ? 180 : 0;
  const cosDelta = Math.max(0, Math.cos((azimuthDeg - facing) * RAD));
  const pitch = Math.cos(tiltDeg * RAD) + (Math.sin(tiltDeg * RAD) * cosDelta) / Math.tan(noonEl * RAD);
  return Math.min(1, 1 / pitch);
}

/** Azimuth (clockwise from north, 0–180) of the longest edge of a ring. */
export function longestEdgeAzimuthDeg(ring: readonly XY[]): number {
  let best = 0;
  let az = 90;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len > best) {
      best = len;
      az = ((Math.atan2(b[0] - a[0], b[1] - a[1]) / RAD) % 180 + 180) % 180;
    }
  }
  return az;
}

/** Usable rings of a part: the outer ring inset by the setback (empty if it collapses). */
function usableRing(part: RoofPart, setbackM: number): XY[] | null {
  if (setbackM <= 0) return part.outer;
  const inset = insetRing(part.outer, setbackM);
  const before = planarRingAreaM2(part.outer);
  const after = planarRingAreaM2(inset);
  // A setback wider than half the roof flips the ring (opposite sign) or grows it: nothing usable.
  if (Math.sign(after) !== Math.sign(before) || Math.abs(after) >= Math.abs(before)) return null;
  return inset;
}

/**
 * Number of access paths of width `pathM` that split an extent `extentM` into arrays no longer
 * than `maxArrayM`: the least k with k·a + (k − 1)·w = L and a ≤ M, minus one.
 */
export function accessPathCount(extentM: number, maxArrayM: number, pathM: number): number {
  if (!(pathM > 0) || !(maxArrayM > 0) || extentM <= maxArrayM) return 0;
  return Math.max(0, Math.ceil((extentM + pathM) / (maxArrayM + pathM) - 1e-9) - 1);
}

/** Keeps the part of a ring where d·p ≤ c (Sutherland–Hodgman; the area stays exact for non-convex rings). */
function clipHalfPlane(ring: readonly XY[], d: XY, c: number): XY[] {
  const out: XY[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    const fa = d[0] * a[0] + d[1] * a[1] - c;
    const fb = d[0] * b[0] + d[1] * b[1] - c;
    if (fa <= 0) out.push(a);
    if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/** A band lo ≤ axis·p ≤ hi (metres along the unit vector `axis`) across the roof: one access path. */
export interface Band {
  axis: XY;
  lo: number;
  hi: number;
}

/** Planar area of the part of a ring inside every band given. */
function areaInBands(ring: readonly XY[], bands: readonly Band[]): number {
  let r: XY[] = ring.slice();
  for (const b of bands) {
    r = clipHalfPlane(r, b.axis, b.hi);
    r = clipHalfPlane(r, [-b.axis[0], -b.axis[1]], -b.lo);
    if (r.length < 3) return 0;
  }
  return Math.abs(planarRingAreaM2(r));
}

/**
 * Access paths of a usable ring: along each axis (the ridge direction and across it) the extent
 * is split into equal arrays no longer than `maxArrayM`, separated by paths of width `pathM`.
 */
function accessBands(ring: readonly XY[], axes: readonly XY[], maxArrayM: number, pathM: number): Band[][] {
  return axes.map((axis) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of ring) {
      const t = axis[0] * p[0] + axis[1] * p[1];
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    const extent = hi - lo;
    const k = accessPathCount(extent, maxArrayM, pathM) + 1;
    const arrayM = (extent - (k - 1) * pathM) / k;
    const bands: Band[] = [];
    for (let i = 1; i < k; i++) bands.push({ axis, lo: lo + i * arrayM + (i - 1) * pathM, hi: lo + i * (arrayM + pathM) });
    return bands;
  });
}

/** Plan area the paths take from a ring with holes: each band, minus the crossings counted twice. */
function pathAreaM2(ring: readonly XY[], holes: readonly XY[][], [first, second]: Band[][]): number {
  const inRoof = (bands: Band[]) => areaInBands(ring, bands) - holes.reduce((a, h) => a + areaInBands(h, bands), 0);
  let area = 0;
  for (const b of first) area += inRoof([b]);
  for (const b of second) area += inRoof([b]);
  for (const b of first) for (const c of second) area -= inRoof([b, c]);
  return Math.max(0, area);
}

/**
 * Lays out modules on a roof (docs/solar-model.md §5). `planarToGeodesic` scales planar areas
 * of the local frame to the geodesic area the user reads (≈ 1).
 */
export function layoutRoof(
  parts: readonly RoofPart[],
  roofType: 'flat' | 'pitched' | 'sawtooth' | 'other',
  latDeg: number,
  s: SolarSettings,
  planarToGeodesic = 1,
  targetSamples = 48,
): RoofLayout {
  const ridgeAz = parts.length > 0 ? longestEdgeAzimuthDeg(parts[0].outer) : 90;
  // Path axes: along the ridge (the longest edge) and across it, so paths run square to the walls.
  const axes: XY[] = [
    [Math.sin(ridgeAz * RAD), Math.cos(ridgeAz * RAD)],
    [Math.cos(ridgeAz * RAD), -Math.sin(ridgeAz * RAD)],
  ];
  const usable: { ring: XY[]; holes: XY[][]; bands: Band[] }[] = [];
  let planAreaM2 = 0;
  let pathsM2 = 0;
  const paths = { across: 0, along: 0 };
  for (const part of parts) {
    const ring = usableRing(part, s.edgeSetbackM);
    if (!ring) continue;
    const holesArea = part.holes.reduce((a, h) => a + Math.abs(planarRingAreaM2(h)), 0);
    const bands = accessBands(ring, axes, s.maxArrayDimensionM, s.accessPathWidthM);
    const taken = pathAreaM2(ring, part.holes, bands);
    const a = Math.max(0, Math.abs(planarRingAreaM2(ring)) - holesArea - taken);
    if (a <= 0) continue;
    usable.push({ ring, holes: part.holes, bands: bands.flat() });
    planAreaM2 += a;
    pathsM2 += taken;
    paths.across += bands[0].length;
    paths.along += bands[1].length;
  }
  const usableAreaM2 = planAreaM2 * planarToGeodesic * (1 - s.obstructionFraction);
  const planes: RoofPlane[] = [];
  let gcr = 1;
  if (roofType === 'pitched' || roofType === 'sawtooth') {
    // Slopes fall perpendicular to the ridge (the longest edge); modules lie on the slope, so
    // their area is the plan area ÷ cos(slope).
    const onSlope = usableAreaM2 / Math.cos(s.pitchedSlopeDeg * RAD);
    const a1 = (ridgeAz + 90) % 360;
    const a2 = (ridgeAz + 270) % 360;
    if (roofType === 'pitched') {
      planes.push({ tiltDeg: s.pitchedSlopeDeg, azimuthDeg: a1, moduleAreaM2: onSlope / 2 }, { tiltDeg: s.pitchedSlopeDeg, azimuthDeg: a2, moduleAreaM2: onSlope / 2 });
    } else {
      // Sawtooth: modules only on the solid slopes facing the equator; the glazed ones stay clear.
      const facing = latDeg >= 0 ? 180 : 0;
      const d = (az: number) => Math.abs(((az - facing + 540) % 360) - 180);
      planes.push({ tiltDeg: s.pitchedSlopeDeg, azimuthDeg: d(a1) <= d(a2) ? a1 : a2, moduleAreaM2: onSlope / 2 });
    }
  } else {
    gcr = s.rowSpacing === 'gcr' ? s.groundCoverageRatio : solsticeGcr(latDeg, s.flatTiltDeg, s.flatAzimuthDeg);
    planes.push({ tiltDeg: s.flatTiltDeg, azimuthDeg: s.flatAzimuthDeg, moduleAreaM2: usableAreaM2 * gcr });
  }
  // Whole modules only, per plane; kWp follows from the modules actually placed.
  let moduleCount = 0;
  for (const p of planes) {
    const n = Math.floor(p.moduleAreaM2 / s.moduleAreaM2 + 1e-9);
    p.moduleAreaM2 = n * s.moduleAreaM2;
    moduleCount += n;
  }
  const kwp = (moduleCount * s.moduleAreaM2 * s.moduleDensityWPerM2) / 1000;
  return {
    usableAreaM2,
    accessPathAreaM2: pathsM2 * planarToGeodesic,
    accessPaths: paths,
    planes,
    moduleCount,
    kwp,
    samplePoints: samplePoints(usable, planAreaM2, targetSamples),
    groundCoverageRatio: gcr,
  };
}

/**
 * Usable share of a roof, %: plan area left for modules (after setback, access paths and
 * obstructions) ÷ footprint area. 0 for a roof without area.
 */
export function usableSharePercent(usableAreaM2: number, roofAreaM2: number): number {
  return roofAreaM2 > 0 ? (100 * usableAreaM2) / roofAreaM2 : 0;
}

/** A regular grid of cell centres over the usable rings, about `target` points in all. */
export function samplePoints(usable: readonly { ring: XY[]; holes: XY[][]; bands?: readonly Band[] }[], areaM2: number, target: number): XY[] {
  if (usable.length === 0 || areaM2 <= 0) return [];
  const step = Math.max(0.5, Math.sqrt(areaM2 / target));
  const pts: XY[] = [];
  for (const { ring, holes, bands = [] } of usable) {
    const inPath = (p: XY) => bands.some((b) => {
      const t = b.axis[0] * p[0] + b.axis[1] * p[1];
      return t >= b.lo && t <= b.hi;
    });
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of ring) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    for (let x = minX + step / 2; x < maxX; x += step) {
      for (let y = minY + step / 2; y < maxY; y += step) {
        const p: XY = [x, y];
        if (pointInRing(p, ring) && !holes.some((h) => pointInRing(p, h)) && !inPath(p)) pts.push(p);
      }
    }
    if (pts.length === 0) {
      // A sliver thinner than the grid step still gets one point, at its vertex mean.
      const n = ring.length;
      pts.push([ring.reduce((a, p) => a + p[0], 0) / n, ring.reduce((a, p) => a + p[1], 0) / n]);
    }
  }
  return pts;
}
