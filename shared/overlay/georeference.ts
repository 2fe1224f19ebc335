import { createLocalFrame, localToLonLat, lonLatToLocal, type LocalFrame } from '../geometry/local-frame';
import type { ControlPoint, LonLat, OverlayCorners } from './overlay-model';

/**
 * Georeferencing an image from control points (issue 6). Fitting happens in a local
 * east/north frame in metres (azimuthal equidistant around the points' mean position), so the
 * least-squares weights and the residuals are metres on the ground, not degrees, whose east
 * and north lengths differ by cos(latitude).
 */

/**
 * Image pixel (x right, y down) → local metres: east = a·x + b·y + c, north = d·x + e·y + f.
 * A similarity is the special case d = b, e = −a (pixel rows run south), kept in the same form.
 */
export interface AffineTransform {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export const FIT_FAILURES = ['too_few_points', 'degenerate_points'] as const;
export type FitFailure = (typeof FIT_FAILURES)[number];

export type FitKind = 'similarity' | 'affine';

/** A fitted georeference: the transform, its frame, corners and the misfit of each point. */
export interface GeoreferenceFit {
  ok: true;
  kind: FitKind;
  frame: LocalFrame;
  transform: AffineTransform;
  corners: OverlayCorners;
  /** Distance in metres between each control point's map position and where the fit puts its pixel. */
  residualsM: number[];
  /** Root mean square of `residualsM`: sqrt(Σ r² / n), metres. */
  rmsM: number;
}

export type FitResult = GeoreferenceFit | { ok: false; reason: FitFailure };

/** Pixel → local metres. */
export function applyAffine(t: AffineTransform, x: number, y: number): [number, number] {
  return [t.a * x + t.b * y + t.c, t.d * x + t.e * y + t.f];
}

/** Frame centred on the mean position of the points (keeps local distances small and accurate). */
function frameFor(points: readonly ControlPoint[]): LocalFrame {
  const lon = points.reduce((s, p) => s + p.lon, 0) / points.length;
  const lat = points.reduce((s, p) => s + p.lat, 0) / points.length;
  return createLocalFrame(lon, lat);
}

/** Lon/lat of the image's four outer corners (pixel edges 0 and width/height). */
export function cornersFromTransform(frame: LocalFrame, t: AffineTransform, widthPx: number, heightPx: number): OverlayCorners {
  const at = (x: number, y: number): LonLat => {
    const [east, north] = applyAffine(t, x, y);
    return localToLonLat(frame, east, north);
  };
  return [at(0, 0), at(widthPx, 0), at(widthPx, heightPx), at(0, heightPx)];
}

function finish(kind: FitKind, frame: LocalFrame, t: AffineTransform, local: [number, number][], points: readonly ControlPoint[], widthPx: number, heightPx: number): GeoreferenceFit {
  const residualsM = points.map((p, i) => {
    const [east, north] = applyAffine(t, p.x, p.y);
    return Math.hypot(east - local[i][0], north - local[i][1]);
  });
  const rmsM = Math.sqrt(residualsM.reduce((s, r) => s + r * r, 0) / residualsM.length);
  return { ok: true, kind, frame, transform: t, corners: cornersFromTransform(frame, t, widthPx, heightPx), residualsM, rmsM };
}

/**
 * Least-squares similarity (uniform scale, rotation, translation; no mirroring) from ≥ 2
 * points. Written in complex numbers with the image's y axis flipped (pixel rows run south):
 * w = α·z + β with z = x − i·y and w = east + i·north; α = Σ conj(z̃)·w̃ / Σ |z̃|² over
 * centred coordinates. With exactly 2 points it passes through both.
 */
export function fitSimilarity(points: readonly ControlPoint[], widthPx: number, heightPx: number): FitResult {
  if (points.length < 2) return { ok: false, reason: 'too_few_points' };
  const frame = frameFor(points);
  const local = points.map((p) => lonLatToLocal(frame, p.lon, p.lat));
  const n = points.length;
  const zx = points.reduce((s, p) => s + p.x, 0) / n;
  const zy = points.reduce((s, p) => s - p.y, 0) / n;
  const wx = local.reduce((s, w) => s + w[0], 0) / n;
  const wy = local.reduce((s, w) => s + w[1], 0) / n;
  let re = 0;
  let im = 0;
  let norm = 0;
  points.forEach((p, i) => {
    const ur = p.x - zx;
    const ui = -p.y - zy;
    const vr = local[i][0] - wx;
    const vi = local[i][1] - wy;
    // conj(u)·v
    re += ur * vr + ui * vi;
    im += ur * vi - ui * vr;
    norm += ur * ur + ui * ui;
  });
  if (norm < 1e-12) return { ok: false, reason: 'degenerate_points' };
  const ar = re / norm;
  const ai = im / norm;
  // east + i·north = (ar + i·ai)(x − i·y) + β, expanded into the affine form.
  const t: AffineTransform = { a: ar, b: ai, c: 0, d: ai, e: -ar, f: 0 };
  t.c = wx - (ar * zx - ai * zy);
  t.f = wy - (ai * zx + ar * zy);
  return finish('similarity', frame, t, local, points, widthPx, heightPx);
}

/**
 * Least-squares affine transform from ≥ 3 points not all on one line: each of east and north
 * is fitted as a plane over the pixel coordinates (normal equations on centred coordinates,
 * which keeps them well conditioned for images thousands of pixels wide).
 */
export function fitAffine(points: readonly ControlPoint[], widthPx: number, heightPx: number): FitResult {
  if (points.length < 3) return { ok: false, reason: 'too_few_points' };
  const frame = frameFor(points);
  const local = points.map((p) => lonLatToLocal(frame, p.lon, p.lat));
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let sxE = 0;
  let syE = 0;
  let sxN = 0;
  let syN = 0;
  let sE = 0;
  let sN = 0;
  points.forEach((p, i) => {
    const x = p.x - mx;
    const y = p.y - my;
    const [east, north] = local[i];
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
    sxE += x * east;
    syE += y * east;
    sxN += x * north;
    syN += y * north;
    sE += east;
    sN += north;
  });
  // Centred x and y sum to zero, so the constant term decouples: a 2×2 system each.
  const det = sxx * syy - sxy * sxy;
  if (!(Math.abs(det) > 1e-9 * Math.max(sxx * syy, 1e-300))) return { ok: false, reason: 'degenerate_points' };
  const a = (sxE * syy - syE * sxy) / det;
  const b = (syE * sxx - sxE * sxy) / det;
  const d = (sxN * syy - syN * sxy) / det;
  const e = (syN * sxx - sxN * sxy) / det;
  const t: AffineTransform = { a, b, c: sE / n - a * mx - b * my, d, e, f: sN / n - d * mx - e * my };
  return finish('affine', frame, t, local, points, widthPx, heightPx);
}

/** The fit the control points allow: a similarity from 2, an affine from 3 or more. */
export function fitControlPoints(points: readonly ControlPoint[], widthPx: number, heightPx: number): FitResult {
  if (points.length < 2) return { ok: false, reason: 'too_few_points' };
  return points.length === 2 ? fitSimilarity(points, widthPx, heightPx) : fitAffine(points, widthPx, heightPx);
}
