/**
 * Transverse Mercator on an ellipsoid by the Krüger series to sixth order in the third
 * flattening n (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers",
 * J. Geodesy 85:475–485, eqs. 35–36; the algorithm of GeographicLib's TransverseMercator).
 * The truncation error is below 5 nm within 3,900 km of the central meridian, so a 3° or
 * 6° zone is far inside the sub-millimetre budget.
 */

/** Ellipsoid by semi-major axis (m) and inverse flattening. */
export interface Ellipsoid {
  aM: number;
  invF: number;
}

export const WGS84_ELLIPSOID: Ellipsoid = { aM: 6378137, invF: 298.257223563 };

/** Zone parameters: central meridian (degrees), scale on it, false easting/northing (m). */
export interface TmParameters {
  lon0Deg: number;
  k0: number;
  falseEastingM: number;
  falseNorthingM: number;
}

interface Series {
  e: number;
  /** Rectifying radius A of Karney eq. 14, metres. */
  aRect: number;
  alpha: number[];
  beta: number[];
}

const seriesCache = new Map<string, Series>();

function series(ell: Ellipsoid): Series {
  const key = `${ell.aM}/${ell.invF}`;
  const cached = seriesCache.get(key);
  if (cached) return cached;
  const f = 1 / ell.invF;
  const n = f / (2 - f);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const n5 = n4 * n;
  const n6 = n5 * n;
  const aRect = (ell.aM / (1 + n)) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
  const alpha = [
    n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180 - (127 * n5) / 288 + (7891 * n6) / 37800,
    (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440 + (281 * n5) / 630 - (1983433 * n6) / 1935360,
    (61 * n3) / 240 - (103 * n4) / 140 + (15061 * n5) / 26880 + (167603 * n6) / 181440,
    (49561 * n4) / 161280 - (179 * n5) / 168 + (6601661 * n6) / 7257600,
    (34729 * n5) / 80640 - (3418889 * n6) / 1995840,
    (212378941 * n6) / 319334400,
  ];
  const beta = [
    n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360 - (81 * n5) / 512 + (96199 * n6) / 604800,
    n2 / 48 + n3 / 15 - (437 * n4) / 1440 + (46 * n5) / 105 - (1118711 * n6) / 3870720,
    (17 * n3) / 480 - (37 * n4) / 840 - (209 * n5) / 4480 + (5569 * n6) / 90720,
    (4397 * n4) / 161280 - (11 * n5) / 504 - (830251 * n6) / 7257600,
    (4583 * n5) / 161280 - (108847 * n6) / 3991680,
    (20648693 * n6) / 638668800,
  ];
  const s: Series = { e: Math.sqrt(f * (2 - f)), aRect, alpha, beta };
  seriesCache.set(key, s);
  return s;
}

const DEG = Math.PI / 180;

/** tan of the conformal latitude from tan of the geodetic latitude (Karney eqs. 7–9). */
function tauPrime(tau: number, e: number): number {
  const tau1 = Math.hypot(1, tau);
  const sigma = Math.sinh(e * Math.atanh((e * tau) / tau1));
  return Math.hypot(1, sigma) * tau - sigma * tau1;
}

/** Inverse of tauPrime by Newton's method (Karney eqs. 19–21); converges in 2–3 steps. */
function tauFromPrime(taup: number, e: number): number {
  const e2m = 1 - e * e;
  let tau = taup / e2m;
  for (let i = 0; i < 10; i++) {
    const tp = tauPrime(tau, e);
    const dtau = ((taup - tp) * (1 + e2m * tau * tau)) / (e2m * Math.hypot(1, tau) * Math.hypot(1, tp));
    tau += dtau;
    if (Math.abs(dtau) < 1e-15 * Math.max(1, Math.abs(tau))) break;
  }
  return tau;
}

/** Geodetic lon/lat (degrees) → easting, northing (m). */
export function tmForward(p: TmParameters, lonDeg: number, latDeg: number, ell: Ellipsoid = WGS84_ELLIPSOID): [number, number] {
  const s = series(ell);
  const lam = (lonDeg - p.lon0Deg) * DEG;
  const phi = latDeg * DEG;
  const taup = tauPrime(Math.tan(phi), s.e);
  const xip = Math.atan2(taup, Math.cos(lam));
  const etap = Math.asinh(Math.sin(lam) / Math.hypot(taup, Math.cos(lam)));
  let xi = xip;
  let eta = etap;
  for (let j = 1; j <= 6; j++) {
    xi += s.alpha[j - 1] * Math.sin(2 * j * xip) * Math.cosh(2 * j * etap);
    eta += s.alpha[j - 1] * Math.cos(2 * j * xip) * Math.sinh(2 * j * etap);
  }
  return [p.falseEastingM + p.k0 * s.aRect * eta, p.falseNorthingM + p.k0 * s.aRect * xi];
}

/** Easting, northing (m) → geodetic lon/lat (degrees). */
export function tmInverse(p: TmParameters, eastingM: number, northingM: number, ell: Ellipsoid = WGS84_ELLIPSOID): [number, number] {
  const s = series(ell);
  const xi = (northingM - p.falseNorthingM) / (p.k0 * s.aRect);
  const eta = (eastingM - p.falseEastingM) / (p.k0 * s.aRect);
  let xip = xi;
  let etap = eta;
  for (let j = 1; j <= 6; j++) {
    xip -= s.beta[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    etap -= s.beta[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const taup = Math.sin(xip) / Math.hypot(Math.sinh(etap), Math.cos(xip));
  const lam = Math.atan2(Math.sinh(etap), Math.cos(xip));
  const tau = tauFromPrime(taup, s.e);
  return [p.lon0Deg + lam / DEG, Math.atan(tau) / DEG];
}

/** Zone parameters of UTM `zone` (1–60) on its hemisphere: EPSG:326zz north, 327zz south. */
export function utmParameters(zone: number, north = true): TmParameters {
  return { lon0Deg: zone * 6 - 183, k0: 0.9996, falseEastingM: 500000, falseNorthingM: north ? 0 : 10000000 };
}

/** Lon/lat degrees of a WGS 84 UTM position (metres) in `zone`, hemisphere north or south. */
export function utmToLonLat(zone: number, north: boolean, eastingM: number, northingM: number): [number, number] {
  return tmInverse(utmParameters(zone, north), eastingM, northingM);
}
