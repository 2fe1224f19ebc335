/**
 * Sun position by NREL's Solar Position Algorithm (SPA): I. Reda and A. Andreas, "Solar Position
 * Algorithm for Solar Radiation Applications", NREL/TP-560-34302 (2003, revised 2008), Solar
 * Energy 76(5), 2004, and the 2007 corrigendum. Stated uncertainty ±0.0003° for −2000…6000.
 * The periodic-term tables are data in spa-terms.ts; docs/solar-model.md §1 gives the steps.
 *
 * The Earth-centred part (heliocentric series, nutation, aberration, sidereal time) depends on
 * the instant only; it is memoised per instant, since a run evaluates the same 8,760 hours for
 * every roof, scenario and recomputation. The observer part (parallax, hour angle, refraction)
 * costs a dozen trigonometric calls.
 */
import { SPA_B_TERMS, SPA_L_TERMS, SPA_NUTATION_TERMS, SPA_R_TERMS, type SpaTerm } from './spa-terms';

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** A sun position. Angles in degrees; azimuth clockwise from north (90 = east, 180 = south). */
export interface SunPosition {
  /** Topocentric elevation above the horizon without refraction (SPA's e0), degrees. */
  elevationDeg: number;
  /** Topocentric elevation with SPA's refraction at the given pressure and temperature, degrees. */
  apparentElevationDeg: number;
  /** Topocentric azimuth, degrees in [0, 360). */
  azimuthDeg: number;
  /** Geocentric declination, degrees. */
  declinationDeg: number;
  /** Equation of time, minutes (apparent − mean solar time). */
  equationOfTimeMin: number;
  /** Earth–Sun distance, astronomical units. */
  earthSunDistanceAu: number;
}

/** Observer and time-scale inputs of SPA; every field has a documented default. */
export interface SunPositionOptions {
  /** Observer height above sea level, m (topocentric parallax). Default 0. */
  elevationM?: number;
  /** Annual mean local air pressure, mbar (refraction only). Default 1013.25. */
  pressureMbar?: number;
  /** Annual mean air temperature, °C (refraction only). Default 25 (Viet Nam lowlands). */
  temperatureC?: number;
  /** ΔT = TT − UT1, seconds. Default: Espenak–Meeus polynomial, see `deltaTSeconds`. */
  deltaTS?: number;
  /** UT1 − UTC, seconds (|value| < 0.9 s by definition). Default 0. */
  deltaUt1S?: number;
  /** Refraction at sunrise/sunset, degrees; SPA applies none below −(0.26667 + this). Default 0.5667. */
  atmosRefractDeg?: number;
}

/** Defaults of SunPositionOptions (SPA's own except temperature: a Vietnamese annual mean). */
export const SUN_POSITION_DEFAULTS = {
  elevationM: 0,
  pressureMbar: 1013.25,
  temperatureC: 25,
  deltaUt1S: 0,
  atmosRefractDeg: 0.5667,
} as const;

/** Sun radius seen from the Earth, degrees (SPA's constant for the refraction switch). */
const SUN_RADIUS_DEG = 0.26667;

/** Julian day (UT) of a UNIX time in milliseconds (valid for every Gregorian date). */
export function julianDay(unixMs: number): number {
  return unixMs / 86_400_000 + 2_440_587.5;
}

/**
 * ΔT = TT − UT1 in seconds for a date, by the Espenak & Meeus polynomial for 2005–2050
 * (NASA GSFC, "Polynomial expressions for Delta T", https://eclipse.gsfc.nasa.gov/SEcat5/deltatpoly.html):
 * ΔT = 62.92 + 0.32217 t + 0.005589 t², t = y − 2000, y = year + (month − 0.5)/12. Years outside
 * 2005–2050 use the nearest end. It gives 74.5 s for mid-2025 where IERS measured about 69 s;
 * 5 s of ΔT moves the sun by under 0.0001° (its ecliptic longitude advances 0.04° per hour).
 */
export function deltaTSeconds(unixMs: number): number {
  const d = new Date(unixMs);
  const y = Math.min(2050, Math.max(2005, d.getUTCFullYear() + (d.getUTCMonth() + 0.5) / 12));
  const t = y - 2000;
  return 62.92 + 0.32217 * t + 0.005589 * t * t;
}

/** The tables as flat [A, B, C, …] arrays: the inner loop of every call. */
const flatten = (series: readonly (readonly SpaTerm[])[]) => series.map((terms) => Float64Array.from(terms.flat()));
const L_SERIES = flatten(SPA_L_TERMS);
const B_SERIES = flatten(SPA_B_TERMS);
const R_SERIES = flatten(SPA_R_TERMS);
const NUTATION = Float64Array.from(SPA_NUTATION_TERMS.flat());
const NUTATION_ROW = 9;

/** Σᵢ (Σ A cos(B + C·JME))·JMEⁱ / 10⁸: one of L, B, R. */
function earthSeries(series: Float64Array[], jme: number): number {
  let total = 0;
  let power = 1;
  for (const terms of series) {
    let sum = 0;
    for (let k = 0; k < terms.length; k += 3) sum += terms[k] * Math.cos(terms[k + 1] + terms[k + 2] * jme);
    total += sum * power;
    power *= jme;
  }
  return total / 1e8;
}

const mod360 = (x: number) => ((x % 360) + 360) % 360;
const poly = (x: number, c: readonly number[]) => c.reduceRight((acc, ci) => acc * x + ci, 0);

/** The Earth-centred part of SPA at one instant (no observer). Angles in degrees. */
interface Geocentric {
  /** Apparent sidereal time at Greenwich, ν. */
  siderealDeg: number;
  /** Geocentric right ascension α and declination δ. */
  raDeg: number;
  declDeg: number;
  radiusAu: number;
  eotMin: number;
}

function geocentric(jd: number, deltaTS: number): Geocentric {
  const jde = jd + deltaTS / 86_400;
  const jc = (jd - 2_451_545) / 36_525;
  const jce = (jde - 2_451_545) / 36_525;
  const jme = jce / 10;
  // Heliocentric longitude, latitude and radius, then geocentric.
  const helioLonDeg = mod360(earthSeries(L_SERIES, jme) * DEG);
  const helioLatDeg = earthSeries(B_SERIES, jme) * DEG;
  const radiusAu = earthSeries(R_SERIES, jme);
  const theta = mod360(helioLonDeg + 180);
  const beta = -helioLatDeg;
  // Nutation in longitude and obliquity; the X are in degrees.
  const x = [
    poly(jce, [297.85036, 445267.11148, -0.0019142, 1 / 189474]),
    poly(jce, [357.52772, 35999.05034, -0.0001603, -1 / 300000]),
    poly(jce, [134.96298, 477198.867398, 0.0086972, 1 / 56250]),
    poly(jce, [93.27191, 483202.017538, -0.0036825, 1 / 327270]),
    poly(jce, [125.04452, -1934.136261, 0.0020708, 1 / 450000]),
  ];
  let dPsi = 0;
  let dEps = 0;
  for (let k = 0; k < NUTATION.length; k += NUTATION_ROW) {
    const arg = (NUTATION[k] * x[0] + NUTATION[k + 1] * x[1] + NUTATION[k + 2] * x[2] + NUTATION[k + 3] * x[3] + NUTATION[k + 4] * x[4]) * RAD;
    dPsi += (NUTATION[k + 5] + NUTATION[k + 6] * jce) * Math.sin(arg);
    dEps += (NUTATION[k + 7] + NUTATION[k + 8] * jce) * Math.cos(arg);
  }
  dPsi /= 36_000_000; // 0.0001″ → degrees
  dEps /= 36_000_000;
  // True obliquity, aberration, apparent longitude.
  const u = jme / 10;
  const eps0Arcsec = poly(u, [84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67, -39.05, 7.12, 27.87, 5.79, 2.45]);
  const eps = (eps0Arcsec / 3600 + dEps) * RAD;
  const lambda = (theta + dPsi - 20.4898 / (3600 * radiusAu)) * RAD;
  // Apparent sidereal time at Greenwich.
  const nu0 = mod360(280.46061837 + 360.98564736629 * (jd - 2_451_545) + jc * jc * (0.000387933 - jc / 38_710_000));
  const siderealDeg = nu0 + dPsi * Math.cos(eps);
  // Geocentric right ascension and declination.
  const b = beta * RAD;
  const raDeg = mod360(DEG * Math.atan2(Math.sin(lambda) * Math.cos(eps) - Math.tan(b) * Math.sin(eps), Math.cos(lambda)));
  const declDeg = DEG * Math.asin(Math.sin(b) * Math.cos(eps) + Math.cos(b) * Math.sin(eps) * Math.sin(lambda));
  // Equation of time (A.1): the Sun's mean longitude against its apparent right ascension.
  const meanLon = poly(jme, [280.4664567, 360007.6982779, 0.03032028, 1 / 49931, -1 / 15300, -1 / 2_000_000]);
  let eotMin = 4 * mod360(meanLon - 0.0057183 - raDeg + dPsi * Math.cos(eps));
  if (eotMin > 20) eotMin -= 1440;
  return { siderealDeg, raDeg, declDeg, radiusAu, eotMin };
}

/** Memo of the Earth-centred part per instant at the default ΔT; bounded, cleared when full. */
const GEO_CACHE = new Map<number, Geocentric>();
const GEO_CACHE_MAX = 50_000;

function geocentricAt(unixMs: number, deltaTS: number | undefined, deltaUt1S: number): Geocentric {
  const utMs = unixMs + deltaUt1S * 1000;
  if (deltaTS !== undefined) return geocentric(julianDay(utMs), deltaTS);
  let g = GEO_CACHE.get(utMs);
  if (!g) {
    if (GEO_CACHE.size >= GEO_CACHE_MAX) GEO_CACHE.clear();
    g = geocentric(julianDay(utMs), deltaTSeconds(utMs));
    GEO_CACHE.set(utMs, g);
  }
  return g;
}

/**
 * Sun position at `unixMs` (a UTC instant) seen from `latDeg`, `lonDeg` (east positive), by SPA.
 * The model uses `elevationDeg` (topocentric, no refraction) for irradiance and shading.
 */
export function sunPosition(unixMs: number, latDeg: number, lonDeg: number, options: SunPositionOptions = {}): SunPosition {
  const d = SUN_POSITION_DEFAULTS;
  const elevationM = options.elevationM ?? d.elevationM;
  const g = geocentricAt(unixMs, options.deltaTS, options.deltaUt1S ?? d.deltaUt1S);
  // Observer local hour angle and topocentric parallax.
  const hDeg = mod360(g.siderealDeg + lonDeg - g.raDeg);
  const h = hDeg * RAD;
  const phi = latDeg * RAD;
  const decl = g.declDeg * RAD;
  const xi = (8.794 / (3600 * g.radiusAu)) * RAD;
  const uu = Math.atan(0.99664719 * Math.tan(phi));
  const xx = Math.cos(uu) + (elevationM / 6_378_140) * Math.cos(phi);
  const yy = 0.99664719 * Math.sin(uu) + (elevationM / 6_378_140) * Math.sin(phi);
  const denom = Math.cos(decl) - xx * Math.sin(xi) * Math.cos(h);
  const dAlpha = Math.atan2(-xx * Math.sin(xi) * Math.sin(h), denom);
  const declTopo = Math.atan2((Math.sin(decl) - yy * Math.sin(xi)) * Math.cos(dAlpha), denom);
  const hTopo = h - dAlpha;
  // Topocentric elevation and azimuth.
  const e0 = DEG * Math.asin(Math.sin(phi) * Math.sin(declTopo) + Math.cos(phi) * Math.cos(declTopo) * Math.cos(hTopo));
  const astroAz = DEG * Math.atan2(Math.sin(hTopo), Math.cos(hTopo) * Math.sin(phi) - Math.tan(declTopo) * Math.cos(phi));
  return {
    elevationDeg: e0,
    apparentElevationDeg: e0 + refractionDeg(e0, options.pressureMbar ?? d.pressureMbar, options.temperatureC ?? d.temperatureC, options.atmosRefractDeg ?? d.atmosRefractDeg),
    azimuthDeg: mod360(astroAz + 180),
    declinationDeg: g.declDeg,
    equationOfTimeMin: g.eotMin,
    earthSunDistanceAu: g.radiusAu,
  };
}

/**
 * SPA's atmospheric refraction (Sæmundsson's formula for the true elevation), degrees,
 * at a topocentric elevation without refraction; zero once the sun's upper limb is below the
 * refracted horizon.
 */
export function refractionDeg(
  elevationDeg: number,
  pressureMbar: number = SUN_POSITION_DEFAULTS.pressureMbar,
  temperatureC: number = SUN_POSITION_DEFAULTS.temperatureC,
  atmosRefractDeg: number = SUN_POSITION_DEFAULTS.atmosRefractDeg,
): number {
  if (elevationDeg < -(SUN_RADIUS_DEG + atmosRefractDeg)) return 0;
  const arg = (elevationDeg + 10.3 / (elevationDeg + 5.11)) * RAD;
  return (pressureMbar / 1010) * (283 / (273 + temperatureC)) * (1.02 / (60 * Math.tan(arg)));
}

/** Unit vector towards the sun in a local east/north/up frame. */
export function sunVector(pos: Pick<SunPosition, 'elevationDeg' | 'azimuthDeg'>): [east: number, north: number, up: number] {
  const el = pos.elevationDeg * RAD;
  const az = pos.azimuthDeg * RAD;
  return [Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el)];
}
