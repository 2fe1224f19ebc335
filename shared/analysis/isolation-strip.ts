import { polygonsOf } from '../geometry/boolean';
import { distanceM } from '../geometry/geodesic';
import { metresPerDegree } from '../geometry/tangent-plane';
import { isCounterClockwise } from '../geometry/ring';
import type { AreaGeometry, LineStringGeometry, Position } from '../model/geometry-schema';
import { pointInArea } from '../geometry/point-in-area';
import { bboxOf, type BBox } from './planar';
import type { StripSample } from './types';

/** Default spacing of boundary samples in metres. */
export const STRIP_STEP_M = 10;
/**
 * Widths are searched up to this many metres inward; a wider strip reads as this value. Five
 * times the 10 m rule: enough for any threshold a project sets, and it keeps an edit in the
 * middle of the park from re-measuring the strip (see `nearBoundary`).
 */
export const STRIP_MAX_M = 50;
const COARSE_M = 1;
/** A run of road-covered boundary longer than this is a road along the boundary, not an access. */
export const MAX_ACCESS_M = 80;
const PRECISION_M = 0.01;

interface Cover {
  geometry: AreaGeometry;
  box: BBox;
}

/** Where a sample sits on the boundary and which way is inward; costly geodesics done once per boundary. */
export interface StripSkeleton {
  position: Position;
  /** The point 1 m inward along the edge normal. */
  inward: Position;
  from: Position;
  to: Position;
}

/** Raw measure of one sample before road accesses are settled. */
interface Measured {
  widthM: number;
  road: boolean;
}

/**
 * Sample places along the boundary (docs/analysis.md): every `stepM` metres along each outer ring
 * (the count per edge from its geodesic length), mid-piece, with the inward normal. Pieces are cut
 * along each edge's straight lon/lat line, the line the inside tests below use, so a sample lies
 * on the boundary exactly and a strip drawn on it is measured from its edge; its normal comes from
 * the WGS84 metres per degree at the edge's middle latitude (square to it there; the line's own
 * azimuth turns by about tan(lat)·Δlat along it, 7e-4° over a 1.2 km edge running north, 0.6 mm
 * sideways shift at the end of a 50 m ray, tests/unit/analysis/isolation-strip.test.ts).
 * The inward ray is linear in lon/lat over its few tens of metres (error well under 1 cm).
 */
export function stripSkeleton(boundary: AreaGeometry, stepM = STRIP_STEP_M): StripSkeleton[] {
  const out: StripSkeleton[] = [];
  for (const rings of polygonsOf(boundary)) {
    const ring = rings[0];
    const left = isCounterClockwise(ring); // counter-clockwise: the interior is left of each edge
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1];
      const b = ring[i];
      const len = distanceM(a, b);
      if (len === 0) continue;
      const { kx, ky } = metresPerDegree((a[1] + b[1]) / 2);
      const ex = (b[0] - a[0]) * kx;
      const ey = (b[1] - a[1]) * ky;
      const planeLen = Math.sqrt(ex * ex + ey * ey);
      // 1 m along the inward normal, in degrees.
      const inLon = (left ? -ey : ey) / planeLen / kx;
      const inLat = (left ? ex : -ex) / planeLen / ky;
      const count = Math.max(1, Math.round(len / stepM));
      const along = (t: number): Position => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      // Each piece ends where the next begins (the same array); the edge's ends are its vertices.
      let from: Position = [a[0], a[1]];
      for (let k = 0; k < count; k++) {
        const position = along((k + 0.5) / count);
        const to: Position = k + 1 === count ? [b[0], b[1]] : along((k + 1) / count);
        out.push({ position, inward: [position[0] + inLon, position[1] + inLat], from, to });
        from = to;
      }
    }
  }
  return out;
}

/** Incremental strip measure: keeps each sample's raw measure and re-measures only near edits. */
export class StripMeter {
  private raw: Measured[] = [];
  private greens: Cover[] = [];
  private roads: Cover[] = [];

  constructor(private readonly skeleton: StripSkeleton[]) {}

  /**
   * Measures with the given green and road polygons. `changed`: boxes of polygons added or removed
   * since the last call (undefined: measure every sample). Returns new samples.
   */
  measure(greens: AreaGeometry[], roads: AreaGeometry[], changed?: BBox[]): StripSample[] {
    this.greens = greens.map((geometry) => ({ geometry, box: bboxOf(geometry) }));
    this.roads = roads.map((geometry) => ({ geometry, box: bboxOf(geometry) }));
    const all = changed === undefined || this.raw.length !== this.skeleton.length;
    const reach = (STRIP_MAX_M + 1) / 111000;
    this.skeleton.forEach((sk, i) => {
      if (!all && !changed!.some((b) => near(sk.position, b, reach))) return;
      this.raw[i] = this.measureOne(sk);
    });
    return settle(this.skeleton, this.raw);
  }

  private measureOne(sk: StripSkeleton): Measured {
    const at = (t: number): Position => [sk.position[0] + (sk.inward[0] - sk.position[0]) * t, sk.position[1] + (sk.inward[1] - sk.position[1]) * t];
    const widthM = inwardWidth(at, (p) => inAny(this.greens, p));
    // Where a road enters the park the strip is interrupted on purpose: an access, not a gap.
    return { widthM, road: widthM === 0 && inAny(this.roads, at(PRECISION_M)) };
  }
}

function near(p: Position, b: BBox, reachDeg: number): boolean {
  const k = Math.cos((p[1] * Math.PI) / 180);
  return p[0] >= b[0] - reachDeg / k && p[0] <= b[2] + reachDeg / k && p[1] >= b[1] - reachDeg && p[1] <= b[3] + reachDeg;
}

function inAny(list: Cover[], p: Position): boolean {
  return list.some((c) => p[0] >= c.box[0] && p[0] <= c.box[2] && p[1] >= c.box[1] && p[1] <= c.box[3] && pointInArea(p, c.geometry));
}

function settle(skeleton: StripSkeleton[], raw: Measured[]): StripSample[] {
  const samples: StripSample[] = skeleton.map((sk, i) => ({
    position: sk.position,
    widthM: raw[i].widthM,
    ...(raw[i].road ? { access: true } : {}),
    from: sk.from,
    to: sk.to,
  }));
  unmarkLongAccessRuns(samples);
  return samples;
}


function unmarkLongAccessRuns(samples: StripSample[]): void {
  let start = 0;
  while (start < samples.length) {
    if (!samples[start].access) {
      start++;
      continue;
    }
    let end = start;
    let lengthM = 0;
    while (end < samples.length && samples[end].access) {
      lengthM += lengthOf(samples[end]);
      end++;
    }
    if (lengthM > MAX_ACCESS_M) for (let i = start; i < end; i++) delete samples[i].access;
    start = end;
  }
}

function lengthOf(s: StripSample): number {
  const k = Math.cos((s.from[1] * Math.PI) / 180);
  return Math.hypot((s.to[0] - s.from[0]) * k, s.to[1] - s.from[1]) * 111320;
}

/**
 * Whether a polygon can change the strip widths: only one reaching within STRIP_MAX_M (plus a
 * margin) of the boundary's box can. Conservative for concave boundaries, which is safe.
 */
export function nearBoundary(box: BBox, boundaryBox: BBox): boolean {
  const marginLat = (STRIP_MAX_M + 10) / 111000;
  const marginLon = marginLat / Math.cos((((boundaryBox[1] + boundaryBox[3]) / 2) * Math.PI) / 180);
  return (
    box[0] <= boundaryBox[0] + marginLon ||
    box[2] >= boundaryBox[2] - marginLon ||
    box[1] <= boundaryBox[1] + marginLat ||
    box[3] >= boundaryBox[3] - marginLat
  );
}

function inwardWidth(at: (t: number) => Position, covered: (p: Position) => boolean): number {
  // Start just inside: a strip drawn exactly on the boundary line must count.
  if (!covered(at(PRECISION_M))) return 0;
  let inside = PRECISION_M;
  let t = COARSE_M;
  while (t <= STRIP_MAX_M && covered(at(t))) {
    inside = t;
    t += COARSE_M;
  }
  if (t > STRIP_MAX_M) return STRIP_MAX_M;
  let outside = t;
  while (outside - inside > PRECISION_M) {
    const mid = (inside + outside) / 2;
    if (covered(at(mid))) inside = mid;
    else outside = mid;
  }
  return Math.round(((inside + outside) / 2) * 100) / 100;
}

/** Narrowest strip width in m over the samples that are not road accesses; null without any. */
export function minStripWidthM(samples: StripSample[]): number | null {
  let min: number | null = null;
  for (const s of samples) if (!s.access && (min === null || s.widthM < min)) min = s.widthM;
  return min;
}

/** Consecutive samples failing `ok` joined into boundary stretches (lines the map can highlight). */
export function stretchesWhere(samples: StripSample[], ok: (widthM: number) => boolean): LineStringGeometry[] {
  const lines: LineStringGeometry[] = [];
  let current: Position[] | null = null;
  for (const s of samples) {
    if (s.access || ok(s.widthM)) {
      current = null;
      continue;
    }
    if (current && current[current.length - 1][0] === s.from[0] && current[current.length - 1][1] === s.from[1]) current.push(s.to);
    else if (current && sameish(current[current.length - 1], s.from)) current.push(s.to);
    else lines.push({ type: 'LineString', coordinates: (current = [s.from, s.to]) });
  }
  return lines;
}

function sameish(a: Position, b: Position): boolean {
  return Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
}
