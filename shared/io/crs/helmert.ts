import { WGS84_ELLIPSOID, type Ellipsoid } from './transverse-mercator';

/**
 * Seven-parameter (Bursa–Wolf) datum shift through geocentric coordinates. Parameters are in
 * the *coordinate frame rotation* convention (EPSG method 9607 / 1032), the convention in which
 * EPSG publishes both VN-2000 → WGS 84 transformations (vn2000-transformations.ts).
 * PROJ's `+towgs84` uses the position-vector convention: same translations and scale, rotations
 * with the opposite sign.
 */
export interface HelmertParameters {
  /** Translations, metres. */
  txM: number;
  tyM: number;
  tzM: number;
  /** Rotations, arc-seconds, coordinate-frame convention. */
  rxSec: number;
  rySec: number;
  rzSec: number;
  /** Scale difference, parts per million. */
  scalePpm: number;
}

const SEC = Math.PI / (180 * 3600);
const DEG = Math.PI / 180;

export function geodeticToGeocentric(lonDeg: number, latDeg: number, hM: number, ell: Ellipsoid = WGS84_ELLIPSOID): [number, number, number] {
  const f = 1 / ell.invF;
  const e2 = f * (2 - f);
  const phi = latDeg * DEG;
  const lam = lonDeg * DEG;
  const sinPhi = Math.sin(phi);
  const nu = ell.aM / Math.sqrt(1 - e2 * sinPhi * sinPhi);
  return [(nu + hM) * Math.cos(phi) * Math.cos(lam), (nu + hM) * Math.cos(phi) * Math.sin(lam), (nu * (1 - e2) + hM) * sinPhi];
}

/** Geocentric → lon, lat (degrees), h (m); Bowring's start then fixed-point iteration to 1e-14 rad. */
export function geocentricToGeodetic(x: number, y: number, z: number, ell: Ellipsoid = WGS84_ELLIPSOID): [number, number, number] {
  const f = 1 / ell.invF;
  const e2 = f * (2 - f);
  const p = Math.hypot(x, y);
  const lam = Math.atan2(y, x);
  let phi = Math.atan2(z, p * (1 - e2));
  let h = 0;
  for (let i = 0; i < 10; i++) {
    const sinPhi = Math.sin(phi);
    const nu = ell.aM / Math.sqrt(1 - e2 * sinPhi * sinPhi);
    h = p / Math.cos(phi) - nu;
    const next = Math.atan2(z, p * (1 - (e2 * nu) / (nu + h)));
    const done = Math.abs(next - phi) < 1e-14;
    phi = next;
    if (done) break;
  }
  return [lam / DEG, phi / DEG, h];
}

/** Source geocentric → target geocentric (coordinate-frame convention, small-angle matrix as EPSG defines it). */
export function helmertForward(h: HelmertParameters, [x, y, z]: [number, number, number]): [number, number, number] {
  const m = 1 + h.scalePpm * 1e-6;
  const rx = h.rxSec * SEC;
  const ry = h.rySec * SEC;
  const rz = h.rzSec * SEC;
  return [m * (x + rz * y - ry * z) + h.txM, m * (-rz * x + y + rx * z) + h.tyM, m * (ry * x - rx * y + z) + h.tzM];
}

/**
 * Target → source: the exact inverse of helmertForward (the 3×3 system solved, not the
 * reversed-sign approximation), so a round trip returns the input to floating-point precision.
 */
export function helmertInverse(h: HelmertParameters, [x, y, z]: [number, number, number]): [number, number, number] {
  const m = 1 + h.scalePpm * 1e-6;
  const rx = h.rxSec * SEC;
  const ry = h.rySec * SEC;
  const rz = h.rzSec * SEC;
  const bx = (x - h.txM) / m;
  const by = (y - h.tyM) / m;
  const bz = (z - h.tzM) / m;
  // R = [[1, rz, -ry], [-rz, 1, rx], [ry, -rx, 1]]; solve R·v = b by Cramer's rule.
  const r = [
    [1, rz, -ry],
    [-rz, 1, rx],
    [ry, -rx, 1],
  ];
  const det = (a: number[][]): number =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(r);
  const b = [bx, by, bz];
  const col = (k: number): number[][] => r.map((row, i) => row.map((v, j) => (j === k ? b[i] : v)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}
