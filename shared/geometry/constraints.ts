import type { PolygonGeometry, Position } from '../model/geometry-schema';
import { createLocalFrame, localToLonLat, lonLatToLocal, type LocalFrame } from './local-frame';

/**
 * Drawing constraints and exact shapes (docs/editing.md). Every function works in the local
 * metric frame (geodesic azimuthal equidistant, local-frame.ts) around the point the user is
 * drawing from, so "90°" and "40 m" mean what a planner means on the ground. Bearings are
 * degrees clockwise from north, as on a compass; angles between segments are unsigned turns.
 */

type LonLat = [number, number];

/**
 * Right-angle (or any step) constraint. The direction of current→cursor, measured relative to
 * the previous segment's direction (previous→current), is rounded to a multiple of `stepDeg`;
 * the returned point lies on that direction at the length of the cursor's projection onto it.
 * With no previous vertex (the first segment) directions are relative to east, so 0/45/90° are
 * east, north-east, north...
 */
export function constrainAngle(
  previous: Position | null | undefined,
  current: Position,
  cursor: Position,
  stepDeg = 45,
): LonLat {
  const frame = createLocalFrame(current[0], current[1]);
  const c = lonLatToLocal(frame, cursor[0], cursor[1]);
  if (c[0] === 0 && c[1] === 0) return [current[0], current[1]];
  let baseRad = 0;
  if (previous) {
    const p = lonLatToLocal(frame, previous[0], previous[1]);
    // previous→current direction = the opposite of current→previous.
    if (p[0] !== 0 || p[1] !== 0) baseRad = Math.atan2(-p[1], -p[0]);
  }
  const stepRad = (Math.abs(stepDeg) * Math.PI) / 180;
  const rel = Math.atan2(c[1], c[0]) - baseRad;
  const dirRad = baseRad + (stepRad > 0 ? Math.round(rel / stepRad) * stepRad : rel);
  const ux = Math.cos(dirRad);
  const uy = Math.sin(dirRad);
  const lengthM = Math.max(0, c[0] * ux + c[1] * uy);
  return localToLonLat(frame, ux * lengthM, uy * lengthM);
}

/**
 * The point `lengthM` metres from `from` along `bearingDeg` (clockwise from north): the
 * geodesic Direct problem, for numeric entry of the next segment.
 */
export function pointAtDistanceAndBearing(from: Position, lengthM: number, bearingDeg: number): LonLat {
  const frame = createLocalFrame(from[0], from[1]);
  const rad = (bearingDeg * Math.PI) / 180;
  return localToLonLat(frame, lengthM * Math.sin(rad), lengthM * Math.cos(rad));
}

/** Bearing of a→b in degrees clockwise from north, in [0, 360), at a. */
export function bearingDeg(a: Position, b: Position): number {
  const frame = createLocalFrame(a[0], a[1]);
  const [e, n] = lonLatToLocal(frame, b[0], b[1]);
  const deg = (Math.atan2(e, n) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg;
}

/**
 * A rotated rectangle: a→b is the first edge (its orientation), c sets the depth as its
 * perpendicular distance from the line a→b; the side of c decides the side of the rectangle.
 * Null when a = b or c lies on the line (no area). The ring is counter-clockwise (RFC 7946).
 */
export function rectangleFromThreePoints(a: Position, b: Position, c: Position): PolygonGeometry | null {
  const frame = createLocalFrame(a[0], a[1]);
  const pb = lonLatToLocal(frame, b[0], b[1]);
  const pc = lonLatToLocal(frame, c[0], c[1]);
  const len = Math.hypot(pb[0], pb[1]);
  if (len === 0) return null;
  const ux = pb[0] / len;
  const uy = pb[1] / len;
  // Left normal of a→b; a negative depth puts the rectangle on the right.
  const nx = -uy;
  const ny = ux;
  const depth = pc[0] * nx + pc[1] * ny;
  if (depth === 0) return null;
  const corners: [number, number][] = [
    [0, 0],
    [pb[0], pb[1]],
    [pb[0] + nx * depth, pb[1] + ny * depth],
    [nx * depth, ny * depth],
  ];
  return ringPolygon(frame, corners, [a[0], a[1]], [b[0], b[1]]);
}

/**
 * An axis-aligned rectangle (north-up in local metres) with opposite corners a and c. Null when
 * a and c share an east or north coordinate.
 */
export function rectangleFromCorners(a: Position, c: Position): PolygonGeometry | null {
  const frame = createLocalFrame(a[0], a[1]);
  const [x, y] = lonLatToLocal(frame, c[0], c[1]);
  if (x === 0 || y === 0) return null;
  return ringPolygon(frame, [
    [0, 0],
    [x, 0],
    [x, y],
    [0, y],
  ], [a[0], a[1]], null);
}

/**
 * A rectangle of exact size: the first edge runs `widthM` from `origin` along `bearingDeg`
 * (clockwise from north), the depth `depthM` goes to the left of that edge (a negative depth
 * to the right). Bearing 90 with positive sizes: the rectangle lies north-east of the origin.
 */
export function rectangleFromSize(origin: Position, widthM: number, depthM: number, bearingDeg: number): PolygonGeometry | null {
  if (!(widthM > 0) || depthM === 0 || !Number.isFinite(depthM)) return null;
  const frame = createLocalFrame(origin[0], origin[1]);
  const rad = (bearingDeg * Math.PI) / 180;
  const ux = Math.sin(rad);
  const uy = Math.cos(rad);
  const nx = -uy;
  const ny = ux;
  return ringPolygon(frame, [
    [0, 0],
    [ux * widthM, uy * widthM],
    [ux * widthM + nx * depthM, uy * widthM + ny * depthM],
    [nx * depthM, ny * depthM],
  ], [origin[0], origin[1]], null);
}

/**
 * Closed counter-clockwise polygon from local corners. The user's own points (`first`, and
 * `second` when given) are kept bit-identical so snapped corners stay snapped.
 */
function ringPolygon(frame: LocalFrame, corners: [number, number][], first: LonLat, second: LonLat | null): PolygonGeometry {
  let ring: LonLat[] = corners.map(([x, y]) => localToLonLat(frame, x, y));
  ring[0] = first;
  if (second) ring[1] = second;
  let area2 = 0;
  for (let i = 0; i < corners.length; i++) {
    const [x1, y1] = corners[i];
    const [x2, y2] = corners[(i + 1) % corners.length];
    area2 += x1 * y2 - x2 * y1;
  }
  if (area2 < 0) ring = [ring[0], ...ring.slice(1).reverse()];
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}
