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
  /** Plan area after the edge setback and the obstruction fraction, m². */
  usableAreaM2: number;
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
  const usable: { ring: XY[]; holes: XY[][] }[] = [];
  let planAreaM2 = 0;
  for (const part of parts) {
    const ring = usableRing(part, s.edgeSetbackM);
    if (!ring) continue;
    const holesArea = part.holes.reduce((a, h) => a + Math.abs(planarRingAreaM2(h)), 0);
    const a = Math.max(0, Math.abs(planarRingAreaM2(ring)) - holesArea);
    if (a <= 0) continue;
    usable.push({ ring, holes: part.holes });
    planAreaM2 += a;
  }
  const usableAreaM2 = planAreaM2 * planarToGeodesic * (1 - s.obstructionFraction);
  const ridgeAz = parts.length > 0 ? longestEdgeAzimuthDeg(parts[0].outer) : 90;
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
  return { usableAreaM2, planes, moduleCount, kwp, samplePoints: samplePoints(usable, planAreaM2, targetSamples), groundCoverageRatio: gcr };
}

/** A regular grid of cell centres over the usable rings, about `target` points in all. */
export function samplePoints(usable: readonly { ring: XY[]; holes: XY[][] }[], areaM2: number, target: number): XY[] {
  if (usable.length === 0 || areaM2 <= 0) return [];
  const step = Math.max(0.5, Math.sqrt(areaM2 / target));
  const pts: XY[] = [];
  for (const { ring, holes } of usable) {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of ring) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    for (let x = minX + step / 2; x < maxX; x += step) {
      for (let y = minY + step / 2; y < maxY; y += step) {
        const p: XY = [x, y];
        if (pointInRing(p, ring) && !holes.some((h) => pointInRing(p, h))) pts.push(p);
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
