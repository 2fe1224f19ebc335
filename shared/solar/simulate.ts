import type { XY } from '../geometry/planar-ring';
import { decomposeErbs, extraterrestrialNormalWm2, iamAshrae, poaComponents } from './irradiance';
import { faimanModuleTempC, pvwattsDcKw, systemAcKw } from './pv';
import { layoutRoof, type RoofPart, type RoofPlane } from './roof-layout';
import { combinedLossFraction, type SolarSettings } from './settings';
import { roofSkyView, type RoofSkyView } from './horizon';
import { ObstacleIndex, bboxOf, shadedFractions, type Obstacle, type SunDirection } from './shading';
import { sunPosition } from './sun-position';
import { KLEIN_DAY_OF_MONTH, type HourlyWeather } from './weather';

/** One roof to simulate, in the local metric frame (plain data: crosses worker boundaries). */
export interface RoofInput {
  id: string;
  name?: string;
  parts: RoofPart[];
  heightM: number;
  roofType: 'flat' | 'pitched' | 'sawtooth' | 'other';
  /** Geodesic footprint area, m² (what the user reads). */
  roofAreaM2: number;
  /** Geodesic ÷ planar area of the footprint, to report planar layout areas geodesically. */
  planarToGeodesic: number;
}

/** Everything a run needs, as plain data. */
export interface SolarModelInput {
  settings: SolarSettings;
  latDeg: number;
  lonDeg: number;
  weather: HourlyWeather;
  roofs: RoofInput[];
  /** Buildings and tall trees that cast shadows (roofs included: each is skipped for itself). */
  obstacles: Obstacle[];
}

/** Results for one roof. Energies in kWh/year (AC), areas m². */
export interface RoofResult {
  id: string;
  name?: string;
  roofAreaM2: number;
  usableAreaM2: number;
  moduleCount: number;
  kwp: number;
  planes: RoofPlane[];
  annualKwh: number;
  /** The same roof without neighbours (shading loss reference). */
  unshadedKwh: number;
  monthlyKwh: number[];
  /** kWh/kWp/year (0 for a roof without modules). */
  specificYield: number;
  /** AC energy ÷ (kWp × unshaded plane-of-array irradiation in kWh/m²). */
  performanceRatio: number;
  /** kWh per m² of footprint. */
  kwhPerM2Roof: number;
  /** Loss to neighbours, % of the unshaded AC energy: beam, sky and ground light together. */
  shadingLossPercent: number;
  /**
   * The part of `shadingLossPercent` due to the beam (with the circumsolar diffuse) and the part
   * due to the hidden sky and the darker ground, apportioned by the effective plane-of-array
   * irradiation each removes; the two add up to `shadingLossPercent`.
   */
  beamShadingLossPercent: number;
  diffuseShadingLossPercent: number;
  /** Neighbours that shade this roof at least once or hide ≥ 0.5 % of its sky (ids). */
  shadingNeighbourIds: string[];
}

/** Sun positions on which shading is evaluated: 12 typical days × 24 hour midpoints. */
export const SHADE_TABLE_SIZE = 12 * 24;
/** Lowest sun elevation at which shadows are traced; below, shadow lengths are clamped to it. */
const MIN_TRACE_EL_DEG = 2;
const RAD = Math.PI / 180;

interface Sky {
  n: number;
  elevationDeg: Float64Array;
  azimuthDeg: Float64Array;
  dni: Float64Array;
  dhi: Float64Array;
  ghi: Float64Array;
  g0n: Float64Array;
  shadeIndex: Int32Array;
}

/** State of one run, built once (orientation cache, index, sun table); not for cloning. */
export interface SolarContext {
  input: SolarModelInput;
  sky: Sky;
  suns: SunDirection[];
  /** Count of sun positions above the horizon in the shading table. */
  sunPositionCount: number;
  index: ObstacleIndex;
  maxObstacleHeightM: number;
  lossFraction: number;
  orientations: Map<string, OrientationRows>;
  /** Park AC energy per weather row, kWh per real hour (summed over roofs). */
  hourlyAcKw: Float64Array;
}

function dayOfYear(ms: number): number {
  const d = new Date(ms);
  return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

export function createContext(input: SolarModelInput): SolarContext {
  const w = input.weather;
  const n = w.ghiWm2.length;
  const sky: Sky = {
    n,
    elevationDeg: new Float64Array(n),
    azimuthDeg: new Float64Array(n),
    dni: new Float64Array(n),
    dhi: new Float64Array(n),
    ghi: new Float64Array(n),
    g0n: new Float64Array(n),
    shadeIndex: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = sunPosition(w.timeMs[i], input.latDeg, input.lonDeg);
    const g0n = extraterrestrialNormalWm2(dayOfYear(w.timeMs[i]));
    sky.elevationDeg[i] = p.elevationDeg;
    sky.azimuthDeg[i] = p.azimuthDeg;
    sky.g0n[i] = g0n;
    sky.ghi[i] = Math.max(0, w.ghiWm2[i]);
    if (Number.isFinite(w.dniWm2[i]) && Number.isFinite(w.dhiWm2[i])) {
      sky.dni[i] = p.elevationDeg > 0 ? Math.max(0, w.dniWm2[i]) : 0;
      sky.dhi[i] = Math.max(0, w.dhiWm2[i]);
    } else {
      const g0h = p.elevationDeg > 0 ? g0n * Math.sin(p.elevationDeg * RAD) : 0;
      const d = decomposeErbs(sky.ghi[i], g0h, p.elevationDeg);
      sky.dni[i] = d.dniWm2;
      sky.dhi[i] = d.dhiWm2;
    }
    sky.shadeIndex[i] = w.month[i] * 24 + w.hour[i];
  }
  // The shading table: Klein's day of each month at every hour midpoint (local time).
  const suns: SunDirection[] = [];
  let sunPositionCount = 0;
  for (let m = 0; m < 12; m++)
    for (let h = 0; h < 24; h++) {
      const t = Date.UTC(2025, m, KLEIN_DAY_OF_MONTH[m], h, 30) - w.utcOffsetH * 3_600_000;
      const p = sunPosition(t, input.latDeg, input.lonDeg);
      if (p.elevationDeg <= 0) {
        suns.push({ dx: 0, dy: 0, cotEl: NaN });
        continue;
      }
      sunPositionCount++;
      const el = Math.max(MIN_TRACE_EL_DEG, p.elevationDeg) * RAD;
      suns.push({ dx: Math.sin(p.azimuthDeg * RAD), dy: Math.cos(p.azimuthDeg * RAD), cotEl: 1 / Math.tan(el) });
    }
  return {
    input,
    sky,
    suns,
    sunPositionCount,
    index: new ObstacleIndex(input.obstacles),
    maxObstacleHeightM: input.obstacles.reduce((m, o) => Math.max(m, o.heightM), 0),
    lossFraction: combinedLossFraction(input.settings.losses),
    orientations: new Map(),
    hourlyAcKw: new Float64Array(n),
  };
}

/** POA components per weather row of one orientation, W/m²; `groundSun` is part of `ground`. */
interface OrientationRows {
  beam: Float64Array;
  circ: Float64Array;
  sky: Float64Array;
  ground: Float64Array;
  groundSun: Float64Array;
  iam: Float64Array;
}

/** Per-row POA components of one orientation (cached: most flat roofs share one). */
function orientation(ctx: SolarContext, tiltDeg: number, azimuthDeg: number): OrientationRows {
  const key = `${tiltDeg.toFixed(1)}|${azimuthDeg.toFixed(1)}`;
  let o = ctx.orientations.get(key);
  if (o) return o;
  const { sky } = ctx;
  const s = ctx.input.settings;
  o = { beam: new Float64Array(sky.n), circ: new Float64Array(sky.n), sky: new Float64Array(sky.n), ground: new Float64Array(sky.n), groundSun: new Float64Array(sky.n), iam: new Float64Array(sky.n) };
  for (let i = 0; i < sky.n; i++) {
    const c = poaComponents({
      dniWm2: sky.dni[i],
      dhiWm2: sky.dhi[i],
      ghiWm2: sky.ghi[i],
      extraNormalWm2: sky.g0n[i],
      elevationDeg: sky.elevationDeg[i],
      sunAzimuthDeg: sky.azimuthDeg[i],
      tiltDeg,
      surfaceAzimuthDeg: azimuthDeg,
      albedo: s.albedo,
      model: s.transposition,
    });
    o.beam[i] = c.beamWm2;
    o.circ[i] = c.circumsolarWm2;
    o.sky[i] = c.skyIsoWm2;
    o.ground[i] = c.groundWm2;
    o.groundSun[i] = c.groundFromSunWm2;
    o.iam[i] = iamAshrae(c.cosIncidence);
  }
  ctx.orientations.set(key, o);
  return o;
}

/** What neighbours take from a roof: beam per sun position, sky per plane, and who takes it. */
export interface RoofShading {
  /** Shaded fraction of the sample points per shading-table entry. */
  fractions: Float64Array;
  sky: RoofSkyView;
  neighbourIds: string[];
}

function unshadedRoof(planeCount: number): RoofShading {
  return { fractions: new Float64Array(SHADE_TABLE_SIZE), sky: { planeRatios: new Array<number>(planeCount).fill(1), horizontalRatio: 1, neighbourIds: [] }, neighbourIds: [] };
}

/**
 * Shaded fraction per shading-table entry, the sky left to each plane (horizon profile of every
 * sample point, once per roof), and which neighbours cast shadows or hide sky.
 */
export function roofShading(ctx: SolarContext, roof: RoofInput, points: readonly XY[], planes: readonly { tiltDeg: number; azimuthDeg: number }[] = []): RoofShading {
  if (!ctx.input.settings.shading || points.length === 0) return unshadedRoof(planes.length);
  const maxCot = 1 / Math.tan(MIN_TRACE_EL_DEG * RAD);
  const radius = Math.max(0, ctx.maxObstacleHeightM - roof.heightM) * maxCot;
  const near = ctx.index.near(bboxOf(points), radius, roof.heightM).filter((o) => o.id !== roof.id);
  const hits = new Set<string>();
  const fractions = shadedFractions(points, roof.heightM, near, ctx.suns, hits);
  // The sky search radius (MIN_SKY_ELEVATION_DEG) equals the shadow one (MIN_TRACE_EL_DEG).
  const sky = roofSkyView(points, roof.heightM, near, planes);
  for (const id of sky.neighbourIds) hits.add(id);
  return { fractions, sky, neighbourIds: [...hits].sort() };
}

/** Simulates one roof over every weather row; adds its AC energy to `ctx.hourlyAcKw`. */
export function simulateRoof(ctx: SolarContext, roof: RoofInput): RoofResult {
  const s = ctx.input.settings;
  const layout = layoutRoof(roof.parts, roof.roofType, ctx.input.latDeg, s, roof.planarToGeodesic);
  const { fractions, sky, neighbourIds } = layout.kwp > 0 ? roofShading(ctx, roof, layout.samplePoints, layout.planes) : unshadedRoof(layout.planes.length);
  const w = ctx.input.weather;
  const monthly = new Array<number>(12).fill(0);
  let annual = 0;
  let unshaded = 0;
  let poaKwhM2 = 0;
  // Effective POA irradiation removed by the beam shadow and by the hidden sky (Wh/m², weighted).
  let lostBeam = 0;
  let lostDiffuse = 0;
  layout.planes.forEach((plane, p) => {
    if (plane.moduleAreaM2 <= 0) return;
    const pdc0 = (plane.moduleAreaM2 * s.moduleDensityWPerM2) / 1000;
    const o = orientation(ctx, plane.tiltDeg, plane.azimuthDeg);
    const planeShare = pdc0 / layout.kwp;
    const skyRatio = sky.planeRatios[p] ?? 1;
    const groundSkyRatio = sky.horizontalRatio;
    for (let i = 0; i < ctx.sky.n; i++) {
      const beamPart = o.beam[i] + o.circ[i];
      const diffuse = o.sky[i] + o.ground[i];
      const poa = beamPart + diffuse;
      if (poa <= 0) continue;
      const weight = w.weight[i];
      const shade = fractions[ctx.sky.shadeIndex[i]];
      const iam = o.iam[i];
      const wind = Number.isFinite(w.windMs[i]) ? w.windMs[i] : s.windSpeedMs;
      // Hidden sky: the isotropic sky by the planes' view factor; the ground in front is assumed
      // lit like the roof (its beam shaded as the roof's, its sky hidden as a horizontal's).
      const diffuseShaded = o.sky[i] * skyRatio + o.groundSun[i] * (1 - shade) + (o.ground[i] - o.groundSun[i]) * groundSkyRatio;
      const beamEff = o.beam[i] * iam + o.circ[i];
      const effFull = beamEff + diffuse;
      const effShaded = beamEff * (1 - shade) + diffuseShaded;
      const shaded = shade > 0 || diffuseShaded < diffuse;
      lostBeam += beamEff * shade * weight * planeShare;
      lostDiffuse += (diffuse - diffuseShaded) * weight * planeShare;
      const tFull = faimanModuleTempC(poa, w.tempC[i], wind, s.faimanU0, s.faimanU1);
      const tShaded = faimanModuleTempC(beamPart * (1 - shade) + diffuseShaded, w.tempC[i], wind, s.faimanU0, s.faimanU1);
      const acFull = systemAcKw(pvwattsDcKw(effFull, tFull, pdc0, s.tempCoeffPerC), pdc0, ctx.lossFraction, s.inverterEfficiency, s.dcAcRatio);
      const acShaded = shaded ? systemAcKw(pvwattsDcKw(effShaded, tShaded, pdc0, s.tempCoeffPerC), pdc0, ctx.lossFraction, s.inverterEfficiency, s.dcAcRatio) : acFull;
      unshaded += acFull * weight;
      annual += acShaded * weight;
      monthly[w.month[i]] += acShaded * weight;
      ctx.hourlyAcKw[i] += acShaded;
      poaKwhM2 += ((poa * weight) / 1000) * planeShare;
    }
  });
  const kwp = layout.kwp;
  const lossPercent = unshaded > 0 ? Math.max(0, (1 - annual / unshaded) * 100) : 0;
  const beamShare = lostBeam + lostDiffuse > 0 ? lostBeam / (lostBeam + lostDiffuse) : 0;
  return {
    id: roof.id,
    name: roof.name,
    roofAreaM2: roof.roofAreaM2,
    usableAreaM2: layout.usableAreaM2,
    moduleCount: layout.moduleCount,
    kwp,
    planes: layout.planes,
    annualKwh: annual,
    unshadedKwh: unshaded,
    monthlyKwh: monthly,
    specificYield: kwp > 0 ? annual / kwp : 0,
    performanceRatio: kwp > 0 && poaKwhM2 > 0 ? annual / (kwp * poaKwhM2) : 0,
    kwhPerM2Roof: roof.roofAreaM2 > 0 ? annual / roof.roofAreaM2 : 0,
    shadingLossPercent: lossPercent,
    beamShadingLossPercent: lossPercent * beamShare,
    diffuseShadingLossPercent: lossPercent * (1 - beamShare),
    shadingNeighbourIds: neighbourIds,
  };
}
