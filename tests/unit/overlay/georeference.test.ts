import { describe, expect, it } from 'vitest';
import { createLocalFrame, localToLonLat, lonLatToLocal } from '../../../shared/geometry/local-frame';
import { fitAffine, fitControlPoints, fitSimilarity, type ControlPoint, type LonLat } from '../../../shared/overlay';

// A known georeference, written down in a local east/north frame around the Yên Phong area:
// pixel (x right, y down) → east = a·x + b·y + c, north = d·x + e·y + f (metres).
const ORIGIN = createLocalFrame(106.05, 21.15);
const TRUE = { a: 0.5, b: 0.1, c: -300, d: -0.05, e: -0.48, f: 200 };
const W = 1200;
const H = 800;
const local = (x: number, y: number): [number, number] => [TRUE.a * x + TRUE.b * y + TRUE.c, TRUE.d * x + TRUE.e * y + TRUE.f];
const toLonLat = ([east, north]: [number, number]): LonLat => localToLonLat(ORIGIN, east, north);
/** Corners straight from the known transform: the answer the fit must recover. */
const TRUE_CORNERS = [toLonLat(local(0, 0)), toLonLat(local(W, 0)), toLonLat(local(W, H)), toLonLat(local(0, H))];

function point(x: number, y: number, noise: [number, number] = [0, 0]): ControlPoint {
  const [east, north] = local(x, y);
  const [lon, lat] = toLonLat([east + noise[0], north + noise[1]]);
  return { x, y, lon, lat };
}

/** Ground distance in metres between two lon/lat positions (local frame at the first). */
function metresApart(p: LonLat, q: LonLat): number {
  const [east, north] = lonLatToLocal(createLocalFrame(p[0], p[1]), q[0], q[1]);
  return Math.hypot(east, north);
}

describe('affine fit from control points', () => {
  it('recovers the corners of a known affine from 3 exact points, with zero residuals', () => {
    const fit = fitAffine([point(100, 50), point(1100, 120), point(400, 760)], W, H);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.kind).toBe('affine');
    fit.corners.forEach((corner, i) => {
      expect(corner[0]).toBeCloseTo(TRUE_CORNERS[i][0], 9);
      expect(corner[1]).toBeCloseTo(TRUE_CORNERS[i][1], 9);
      expect(metresApart(corner, TRUE_CORNERS[i])).toBeLessThan(1e-3);
    });
    fit.residualsM.forEach((r) => expect(r).toBeLessThan(1e-6));
    expect(fit.rmsM).toBeLessThan(1e-6);
  });

  it('recovers the same corners by least squares from 6 exact points', () => {
    const points = [point(0, 0), point(W, 0), point(W, H), point(0, H), point(600, 400), point(250, 700)];
    const fit = fitAffine(points, W, H);
    if (!fit.ok) throw new Error(fit.reason);
    fit.corners.forEach((corner, i) => expect(metresApart(corner, TRUE_CORNERS[i])).toBeLessThan(1e-3));
    expect(fit.rmsM).toBeLessThan(1e-6);
  });

  it('reports the RMS of noise the affine cannot absorb', () => {
    // Noise (+n, −n, +n, −n) on the four corners is orthogonal to 1, x and y at those pixels,
    // so least squares keeps the true transform and each residual is the noise itself:
    // east 0.3 m and north 0.4 m → 0.5 m at every point, RMS 0.5 m.
    const noise = (sign: number): [number, number] => [0.3 * sign, 0.4 * sign];
    const points = [point(0, 0, noise(1)), point(W, 0, noise(-1)), point(W, H, noise(1)), point(0, H, noise(-1))];
    const fit = fitAffine(points, W, H);
    if (!fit.ok) throw new Error(fit.reason);
    fit.residualsM.forEach((r) => expect(r).toBeCloseTo(0.5, 4));
    expect(fit.rmsM).toBeCloseTo(0.5, 4);
    fit.corners.forEach((corner, i) => expect(metresApart(corner, TRUE_CORNERS[i])).toBeLessThan(1e-3));
  });

  it('reports unequal residuals point by point', () => {
    // Same orthogonal pattern, east only, with weights 1, −1, 1, −1 times 2 m: residuals 2 m each;
    // a fifth exact point at the centre (x̄, ȳ) sits where the pattern's fit is zero: residual 0.
    const n = (s: number): [number, number] => [2 * s, 0];
    const points = [point(0, 0, n(1)), point(W, 0, n(-1)), point(W, H, n(1)), point(0, H, n(-1)), point(W / 2, H / 2)];
    const fit = fitAffine(points, W, H);
    if (!fit.ok) throw new Error(fit.reason);
    [2, 2, 2, 2, 0].forEach((expected, i) => expect(fit.residualsM[i]).toBeCloseTo(expected, 4));
    // sqrt((4 · 4 + 0) / 5)
    expect(fit.rmsM).toBeCloseTo(Math.sqrt(16 / 5), 4);
  });

  it('refuses fewer than 3 points and points on one line', () => {
    expect(fitAffine([point(0, 0), point(10, 10)], W, H)).toEqual({ ok: false, reason: 'too_few_points' });
    expect(fitAffine([point(0, 0), point(10, 10), point(20, 20), point(35, 35)], W, H)).toEqual({ ok: false, reason: 'degenerate_points' });
  });
});

describe('similarity fit from 2 points', () => {
  it('places a 100 × 100 px image rotated 90° at 1 m per pixel (hand-computed corners)', () => {
    // Image x runs north, image y (down) runs east: TL (0,0), TR 100 m north,
    // BR 100 m east and north, BL 100 m east.
    const frame = createLocalFrame(106, 21);
    const at = (east: number, north: number) => localToLonLat(frame, east, north);
    const p0 = at(0, 0);
    const p1 = at(100, 100);
    const fit = fitSimilarity(
      [
        { x: 0, y: 0, lon: p0[0], lat: p0[1] },
        { x: 100, y: 100, lon: p1[0], lat: p1[1] },
      ],
      100,
      100,
    );
    if (!fit.ok) throw new Error(fit.reason);
    const expected = [at(0, 0), at(0, 100), at(100, 100), at(100, 0)];
    fit.corners.forEach((corner, i) => expect(metresApart(corner, expected[i])).toBeLessThan(1e-3));
    expect(fit.rmsM).toBeLessThan(1e-6);
  });

  it('recovers scale 0.2 m/px and rotation 30° from two points and keeps the image unmirrored', () => {
    const s = 0.2;
    const th = Math.PI / 6;
    // east + i·north = s·e^{iθ}·(x − i·y) + (50 + 20i)
    const sim = (x: number, y: number): [number, number] => [s * (Math.cos(th) * x + Math.sin(th) * y) + 50, s * (Math.sin(th) * x - Math.cos(th) * y) + 20];
    const pt = (x: number, y: number): ControlPoint => {
      const [lon, lat] = toLonLat(sim(x, y));
      return { x, y, lon, lat };
    };
    const fit = fitControlPoints([pt(10, 20), pt(900, 450)], 1000, 500);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.kind).toBe('similarity');
    const expected = [sim(0, 0), sim(1000, 0), sim(1000, 500), sim(0, 500)].map(toLonLat);
    fit.corners.forEach((corner, i) => expect(metresApart(corner, expected[i])).toBeLessThan(1e-3));
    // The top edge is 1000 px × 0.2 m = 200 m long.
    expect(metresApart(fit.corners[0], fit.corners[1])).toBeCloseTo(200, 3);
  });

  it('refuses two points at the same pixel', () => {
    const p = point(5, 5);
    expect(fitControlPoints([p, { ...p, lon: p.lon + 0.001 }], W, H)).toEqual({ ok: false, reason: 'degenerate_points' });
    expect(fitControlPoints([p], W, H)).toEqual({ ok: false, reason: 'too_few_points' });
  });
});
