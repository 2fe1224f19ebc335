import type { LonLat } from './overlay-model';

/**
 * Inverse UTM on WGS84 (EPSG:326zz north, 327zz south) by Krüger's series to n⁴ (Karney 2011,
 * "Transverse Mercator with an accuracy of a few nanometers", eqs. 35–36, 11, 19): sub-millimetre
 * within a zone, plenty for tracing a plan. Kept small and local to the overlay until
 * shared/io/crs/ offers a common one.
 */

const A_AXIS = 6378137;
const FLATTENING = 1 / 298.257223563;
const K0 = 0.9996;
const FALSE_EASTING = 500000;
const FALSE_NORTHING_SOUTH = 10000000;

const N = FLATTENING / (2 - FLATTENING);
const N2 = N * N;
const N3 = N2 * N;
const N4 = N3 * N;
/** Rectifying radius. */
const RECT_A = (A_AXIS / (1 + N)) * (1 + N2 / 4 + N4 / 64);
/** Krüger β coefficients (projected → Gauss–Schreiber). */
const BETA = [N / 2 - (2 * N2) / 3 + (37 * N3) / 96 - N4 / 360, N2 / 48 + N3 / 15 - (437 * N4) / 1440, (17 * N3) / 480 - (37 * N4) / 840, (4397 * N4) / 161280];
/** Conformal → geodetic latitude coefficients. */
const DELTA = [2 * N - (2 * N2) / 3 - 2 * N3 + (116 * N4) / 45, (7 * N2) / 3 - (8 * N3) / 5 - (227 * N4) / 45, (56 * N3) / 15 - (136 * N4) / 35, (4279 * N4) / 630];

const DEG = 180 / Math.PI;

/** Lon/lat degrees of a UTM position (metres) in `zone` (1–60), hemisphere north or south. */
export function utmToLonLat(zone: number, north: boolean, eastingM: number, northingM: number): LonLat {
  const xi = (northingM - (north ? 0 : FALSE_NORTHING_SOUTH)) / (K0 * RECT_A);
  const eta = (eastingM - FALSE_EASTING) / (K0 * RECT_A);
  let xiP = xi;
  let etaP = eta;
  BETA.forEach((beta, i) => {
    const j = 2 * (i + 1);
    xiP -= beta * Math.sin(j * xi) * Math.cosh(j * eta);
    etaP -= beta * Math.cos(j * xi) * Math.sinh(j * eta);
  });
  const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
  let phi = chi;
  DELTA.forEach((delta, i) => {
    phi += delta * Math.sin(2 * (i + 1) * chi);
  });
  const lambda0 = (zone * 6 - 183) / DEG;
  const lambda = lambda0 + Math.atan2(Math.sinh(etaP), Math.cos(xiP));
  return [lambda * DEG, phi * DEG];
}

/** Web Mercator (EPSG:3857, spherical) metres → lon/lat degrees. */
export function webMercatorToLonLat(xM: number, yM: number): LonLat {
  return [(xM / A_AXIS) * DEG, Math.atan(Math.sinh(yM / A_AXIS)) * DEG];
}
