/**
 * Sun position by the NOAA Solar Calculator algorithm (NOAA Global Monitoring Laboratory,
 * "General Solar Position Calculations" and the NOAA_Solar_Calculations_day spreadsheet, after
 * Meeus, "Astronomical Algorithms", 1991). Stated accuracy about 0.01° for 1800–2100, well
 * inside the 0.05° the issue asks; checked against NREL SPA (pysolar) in the unit tests.
 */

const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** A sun position. Angles in degrees; azimuth clockwise from north (90 = east, 180 = south). */
export interface SunPosition {
  /** Geometric elevation above the horizon (no refraction), degrees. */
  elevationDeg: number;
  /** Elevation including NOAA's standard-atmosphere refraction, degrees. */
  apparentElevationDeg: number;
  azimuthDeg: number;
  /** Declination, degrees. */
  declinationDeg: number;
  /** Equation of time, minutes. */
  equationOfTimeMin: number;
}

/** Julian day (UT) of a UNIX time in milliseconds. */
export function julianDay(unixMs: number): number {
  return unixMs / 86_400_000 + 2_440_587.5;
}

/** Sun position at `unixMs` (UTC instant) seen from `latDeg`, `lonDeg` (east positive). */
export function sunPosition(unixMs: number, latDeg: number, lonDeg: number): SunPosition {
  const jc = (julianDay(unixMs) - 2_451_545) / 36_525;
  const l0 = mod(280.46646 + jc * (36000.76983 + jc * 0.0003032), 360);
  const m = 357.52911 + jc * (35999.05029 - 0.0001537 * jc);
  const e = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc);
  const c =
    Math.sin(m * RAD) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) +
    Math.sin(2 * m * RAD) * (0.019993 - 0.000101 * jc) +
    Math.sin(3 * m * RAD) * 0.000289;
  const trueLong = l0 + c;
  const omega = 125.04 - 1934.136 * jc;
  const appLong = trueLong - 0.00569 - 0.00478 * Math.sin(omega * RAD);
  const meanObliq = 23 + (26 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60) / 60;
  const obliq = meanObliq + 0.00256 * Math.cos(omega * RAD);
  const decl = Math.asin(Math.sin(obliq * RAD) * Math.sin(appLong * RAD));
  const y = Math.tan((obliq / 2) * RAD) ** 2;
  const eqTimeMin =
    4 *
    DEG *
    (y * Math.sin(2 * l0 * RAD) -
      2 * e * Math.sin(m * RAD) +
      4 * e * y * Math.sin(m * RAD) * Math.cos(2 * l0 * RAD) -
      0.5 * y * y * Math.sin(4 * l0 * RAD) -
      1.25 * e * e * Math.sin(2 * m * RAD));
  const minutesUtc = mod(unixMs / 60_000, 1440);
  const trueSolarMin = mod(minutesUtc + eqTimeMin + 4 * lonDeg, 1440);
  const hourAngle = trueSolarMin / 4 - 180;
  const lat = latDeg * RAD;
  const ha = hourAngle * RAD;
  const cosZen = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(ha);
  const zenith = Math.acos(Math.max(-1, Math.min(1, cosZen)));
  const elevationDeg = 90 - zenith * DEG;
  // atan2 form of the spreadsheet's acos expression: no special cases at noon or the poles.
  const azimuthDeg = mod(
    DEG * Math.atan2(Math.sin(ha), Math.cos(ha) * Math.sin(lat) - Math.tan(decl) * Math.cos(lat)) + 180,
    360,
  );
  return {
    elevationDeg,
    apparentElevationDeg: elevationDeg + refractionDeg(elevationDeg),
    azimuthDeg,
    declinationDeg: decl * DEG,
    equationOfTimeMin: eqTimeMin,
  };
}

/** NOAA's approximate atmospheric refraction (degrees) at a geometric elevation. */
export function refractionDeg(elevationDeg: number): number {
  if (elevationDeg > 85) return 0;
  const t = Math.tan(elevationDeg * RAD);
  let arcSec: number;
  if (elevationDeg > 5) arcSec = 58.1 / t - 0.07 / t ** 3 + 0.000086 / t ** 5;
  else if (elevationDeg > -0.575) {
    const h = elevationDeg;
    arcSec = 1735 + h * (-518.2 + h * (103.4 + h * (-12.79 + h * 0.711)));
  } else arcSec = -20.772 / t;
  return arcSec / 3600;
}

/** Unit vector towards the sun in a local east/north/up frame. */
export function sunVector(pos: Pick<SunPosition, 'elevationDeg' | 'azimuthDeg'>): [east: number, north: number, up: number] {
  const el = pos.elevationDeg * RAD;
  const az = pos.azimuthDeg * RAD;
  return [Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), Math.sin(el)];
}

function mod(x: number, n: number): number {
  return ((x % n) + n) % n;
}
