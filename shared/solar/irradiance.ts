/**
 * Irradiance on a tilted plane (docs/solar-model.md §3): Erbs decomposition of global into
 * beam and diffuse, Hay–Davies (or isotropic) sky diffuse transposition, isotropic ground
 * reflection. Angles in degrees, irradiance in W/m². Surface azimuth clockwise from north.
 */

const RAD = Math.PI / 180;

/**
 * Erbs, Klein & Duffie (1982) diffuse fraction of hourly global horizontal irradiance as a
 * function of the hourly clearness index kt = GHI / G0,horizontal.
 */
export function erbsDiffuseFraction(kt: number): number {
  if (kt <= 0.22) return 1 - 0.09 * kt;
  if (kt <= 0.8) return 0.9511 - 0.1604 * kt + 4.388 * kt ** 2 - 16.638 * kt ** 3 + 12.336 * kt ** 4;
  return 0.165;
}

/** Beam normal and diffuse horizontal from global horizontal (Erbs). */
export function decomposeErbs(
  ghiWm2: number,
  extraHorizontalWm2: number,
  elevationDeg: number,
): { dniWm2: number; dhiWm2: number } {
  if (ghiWm2 <= 0 || elevationDeg <= 0 || extraHorizontalWm2 <= 0) return { dniWm2: 0, dhiWm2: Math.max(0, ghiWm2) };
  const kt = Math.min(1, ghiWm2 / extraHorizontalWm2);
  const dhi = ghiWm2 * erbsDiffuseFraction(kt);
  // Below ~2° the 1/sin(elevation) blows up; PVWatts and pvlib cap the beam similarly.
  const sinEl = Math.max(Math.sin(elevationDeg * RAD), Math.sin(2 * RAD));
  return { dniWm2: Math.max(0, (ghiWm2 - dhi) / sinEl), dhiWm2: dhi };
}

/** Cosine of the angle of incidence of the sun on a plane of `tiltDeg`, `surfaceAzimuthDeg`. */
export function cosIncidence(tiltDeg: number, surfaceAzimuthDeg: number, elevationDeg: number, sunAzimuthDeg: number): number {
  const zen = (90 - elevationDeg) * RAD;
  const b = tiltDeg * RAD;
  return Math.cos(zen) * Math.cos(b) + Math.sin(zen) * Math.sin(b) * Math.cos((sunAzimuthDeg - surfaceAzimuthDeg) * RAD);
}

/** Plane-of-array irradiance split so that neighbour shading can act on the beam parts only. */
export interface PoaComponents {
  /** Beam on the plane, DNI·cos θ (≥ 0). */
  beamWm2: number;
  /** Circumsolar diffuse (Hay–Davies Ai·Rb term), which a neighbour shades with the beam. */
  circumsolarWm2: number;
  /** Isotropic sky diffuse. */
  skyIsoWm2: number;
  /** Ground-reflected. */
  groundWm2: number;
  /**
   * The part of `groundWm2` that the ground reflects of the beam and circumsolar light (the rest
   * comes from its isotropic sky): a neighbour's shadow and hidden sky reduce the two parts
   * differently (docs/solar-model.md §6.2).
   */
  groundFromSunWm2: number;
  cosIncidence: number;
}

/**
 * Transposition to the tilted plane. Hay & Davies (1980): sky diffuse =
 * DHI·[(1 − Ai)(1 + cos β)/2 + Ai·Rb], Ai = DNI / G0n, Rb = cos θ / cos Z. Isotropic (Liu &
 * Jordan): Ai = 0. Ground: GHI·ρ·(1 − cos β)/2.
 */
export function poaComponents(input: {
  dniWm2: number;
  dhiWm2: number;
  ghiWm2: number;
  extraNormalWm2: number;
  elevationDeg: number;
  sunAzimuthDeg: number;
  tiltDeg: number;
  surfaceAzimuthDeg: number;
  albedo: number;
  model: 'hay-davies' | 'isotropic';
}): PoaComponents {
  const { dniWm2, dhiWm2, ghiWm2, extraNormalWm2, elevationDeg, sunAzimuthDeg, tiltDeg, surfaceAzimuthDeg, albedo, model } = input;
  const cb = Math.cos(tiltDeg * RAD);
  const ground = ghiWm2 * albedo * (1 - cb) / 2;
  if (elevationDeg <= 0) return { beamWm2: 0, circumsolarWm2: 0, skyIsoWm2: dhiWm2 * (1 + cb) / 2, groundWm2: ground, groundFromSunWm2: 0, cosIncidence: 0 };
  const cosT = cosIncidence(tiltDeg, surfaceAzimuthDeg, elevationDeg, sunAzimuthDeg);
  const cosZ = Math.max(Math.sin(elevationDeg * RAD), 0.0872); // cos 85°: keeps Rb finite at dawn
  const rb = Math.max(0, cosT) / cosZ;
  const ai = model === 'hay-davies' && extraNormalWm2 > 0 ? Math.min(1, dniWm2 / extraNormalWm2) : 0;
  // Horizontal beam + circumsolar (Rb = 1) against the isotropic rest: the ground's share of each.
  const sunH = dniWm2 * Math.sin(elevationDeg * RAD) + dhiWm2 * ai;
  const sunShare = sunH + dhiWm2 * (1 - ai) > 0 ? sunH / (sunH + dhiWm2 * (1 - ai)) : 0;
  return {
    beamWm2: dniWm2 * Math.max(0, cosT),
    circumsolarWm2: dhiWm2 * ai * rb,
    skyIsoWm2: dhiWm2 * (1 - ai) * (1 + cb) / 2,
    groundWm2: ground,
    groundFromSunWm2: ground * sunShare,
    cosIncidence: cosT,
  };
}

/**
 * ASHRAE incidence-angle modifier with b0 = 0.05 (Souka & Safwat 1966, as in pvlib.iam.ashrae):
 * transmitted fraction of the beam through the module cover.
 */
export function iamAshrae(cosTheta: number, b0 = 0.05): number {
  if (cosTheta <= 0) return 0;
  return Math.max(0, 1 - b0 * (1 / cosTheta - 1));
}

/** Extraterrestrial normal irradiance, W/m², on day of year `n` (Duffie & Beckman eq. 1.4.1b simplified). */
export function extraterrestrialNormalWm2(dayOfYear: number): number {
  return 1367 * (1 + 0.033 * Math.cos((2 * Math.PI * dayOfYear) / 365));
}
