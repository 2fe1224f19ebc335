import { geodesicAreaM2 } from '../geometry/geodesic';
import { createLocalFrame, lonLatToLocal, type LocalFrame } from '../geometry/local-frame';
import { planarRingAreaM2, type XY } from '../geometry/planar-ring';
import { activeScenario, type ParkDocument, type ParkFeature } from '../model';
import { economics, energyBalance, type EconomicsResult, type EnergyBalance } from './economics';
import type { RoofPart } from './roof-layout';
import { type SolarSettings } from './settings';
import { bboxOf, type Obstacle } from './shading';
import { createContext, simulateRoof, type RoofInput, type RoofResult, type SolarContext, type SolarModelInput } from './simulate';
import { monthlySky, type MonthlySky } from './monthly-weather';
import { CLIMATE_STATIONS, describeWeatherSource, nearestStation, synthesizeTypicalDays, type HourlyWeather, type WeatherStationOrigin } from './weather';

// Building heights follow the one rule of shared/model/building.ts (also used by FAR and the map).
import { buildingHeightM } from '../model/building';
export { buildingHeightM, DEFAULT_BUILDING_HEIGHT_M } from '../model/building';
/** Tall trees: point features with facilityType 'tree'; crown as an octagon (defaults, m). */
export const DEFAULT_TREE_HEIGHT_M = 10;
export const DEFAULT_TREE_CROWN_M = 6;


function toLocalRing(frame: LocalFrame, ring: readonly (readonly number[])[]): XY[] {
  const pts = ring.map(([lon, lat]) => lonLatToLocal(frame, lon, lat) as XY);
  const n = pts.length;
  if (n > 1 && pts[0][0] === pts[n - 1][0] && pts[0][1] === pts[n - 1][1]) pts.pop();
  return pts;
}

/** Weather for a document: the imported hourly file if given, else the nearest (or chosen) station. */
export function weatherFor(doc: ParkDocument, settings: SolarSettings, hourly?: HourlyWeather | null): HourlyWeather {
  if (hourly) return hourly;
  const { lat, lon } = doc.project.location;
  const chosen = settings.stationId ? CLIMATE_STATIONS.find((s) => s.id === settings.stationId) : undefined;
  const station = chosen ?? nearestStation(lat, lon).station;
  const w = synthesizeTypicalDays(station, lat, lon);
  if (!chosen) {
    const distanceKm = nearestStation(lat, lon).distanceKm;
    w.station = { id: station.id, name: station.name, distanceKm };
    w.source = describeWeatherSource(w, 'en');
  }
  return w;
}

/** The model input of the active scenario (or `scenarioId`), as plain data. */
export function solarInputFromDocument(doc: ParkDocument, settings: SolarSettings, hourly?: HourlyWeather | null, scenarioId?: string): SolarModelInput {
  const scenario = scenarioId ? doc.scenarios.find((s) => s.id === scenarioId) ?? activeScenario(doc) : activeScenario(doc);
  const { lat, lon } = doc.project.location;
  const frame = createLocalFrame(lon, lat);
  const roofs: RoofInput[] = [];
  const obstacles: Obstacle[] = [];
  for (const f of scenario.features as ParkFeature[]) {
    if (f.kind === 'building') {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const parts: RoofPart[] = polys.map((rings) => ({ outer: toLocalRing(frame, rings[0]), holes: rings.slice(1).map((r) => toLocalRing(frame, r)) }));
      const planar = parts.reduce((a, p) => a + Math.abs(planarRingAreaM2(p.outer)) - p.holes.reduce((h, r) => h + Math.abs(planarRingAreaM2(r)), 0), 0);
      const roofAreaM2 = geodesicAreaM2(f.geometry);
      const heightM = buildingHeightM(f);
      roofs.push({ id: f.id, name: f.name, parts, heightM, roofType: f.roofType ?? 'flat', roofAreaM2, planarToGeodesic: planar > 0 ? roofAreaM2 / planar : 1 });
      for (const p of parts) obstacles.push({ id: f.id, ring: p.outer, heightM, bbox: bboxOf(p.outer) });
    } else if (f.kind === 'point' && f.facilityType === 'tree') {
      const h = typeof f.props?.heightM === 'number' ? f.props.heightM : DEFAULT_TREE_HEIGHT_M;
      const d = typeof f.props?.crownDiameterM === 'number' ? f.props.crownDiameterM : DEFAULT_TREE_CROWN_M;
      const [cx, cy] = lonLatToLocal(frame, f.geometry.coordinates[0], f.geometry.coordinates[1]);
      const ring: XY[] = Array.from({ length: 8 }, (_, k) => [cx + (d / 2) * Math.cos((k * Math.PI) / 4), cy + (d / 2) * Math.sin((k * Math.PI) / 4)] as XY);
      obstacles.push({ id: f.id, ring, heightM: h, bbox: bboxOf(ring) });
    }
  }
  return { settings, latDeg: lat, lonDeg: lon, weather: weatherFor(doc, settings, hourly), roofs, obstacles };
}

/** Park totals. Energies kWh/year, power kWp, money VND, CO₂ tonnes/year. */
export interface ParkSolarResult {
  weatherSource: string;
  /** The station of synthesized typical days (see describeWeatherSource). */
  weatherStation?: WeatherStationOrigin;
  weatherKind: HourlyWeather['kind'];
  /** Monthly mean daily GHI and diffuse share of the weather as simulated (after any decomposition). */
  monthlySky: MonthlySky;
  /** Sun positions above the horizon on which shading was traced. */
  shadingSunPositions: number;
  buildings: RoofResult[];
  totalKwp: number;
  annualKwh: number;
  monthlyKwh: number[];
  specificYieldKwhPerKwp: number;
  /**
   * Park loss to neighbours, % of the unshaded AC energy of all roofs, and its beam and sky parts
   * (each roof's parts weighted by its unshaded energy; they add up to the total).
   */
  shadingLossPercent: number;
  beamShadingLossPercent: number;
  diffuseShadingLossPercent: number;
  demandKwhPerYear: number;
  balance: EnergyBalance;
  co2AvoidedT: number;
  economics: EconomicsResult;
}

/** Totals from per-roof results and the park's hourly AC (kW per weather row). */
export function summarizePark(ctx: SolarContext, buildings: RoofResult[]): ParkSolarResult {
  const s = ctx.input.settings;
  const totalKwp = buildings.reduce((a, b) => a + b.kwp, 0);
  const annualKwh = buildings.reduce((a, b) => a + b.annualKwh, 0);
  const monthlyKwh = Array.from({ length: 12 }, (_, m) => buildings.reduce((a, b) => a + b.monthlyKwh[m], 0));
  const unshadedKwh = buildings.reduce((a, b) => a + b.unshadedKwh, 0);
  const lossPart = (pick: (b: RoofResult) => number) => (unshadedKwh > 0 ? buildings.reduce((a, b) => a + pick(b) * b.unshadedKwh, 0) / unshadedKwh : 0);
  const demand = s.parkDemandKwhPerYear + Object.values(s.plotDemandKwhPerYear).reduce((a, b) => a + b, 0);
  const balance = energyBalance(ctx.hourlyAcKw, ctx.input.weather.weight, demand, totalKwp, s.exportCapFraction);
  // Without a demand figure every kWh is assumed used on site (no export cap applies).
  const selfKwh = demand > 0 ? balance.selfConsumedKwh : annualKwh;
  const exportKwh = demand > 0 ? balance.exportedKwh : 0;
  return {
    weatherSource: ctx.input.weather.source,
    ...(ctx.input.weather.station ? { weatherStation: ctx.input.weather.station } : {}),
    weatherKind: ctx.input.weather.kind,
    monthlySky: monthlySky({ month: ctx.input.weather.month, weight: ctx.input.weather.weight, ghiWm2: ctx.sky.ghi, dhiWm2: ctx.sky.dhi }),
    shadingSunPositions: s.shading ? ctx.sunPositionCount : 0,
    buildings,
    totalKwp,
    annualKwh,
    monthlyKwh,
    specificYieldKwhPerKwp: totalKwp > 0 ? annualKwh / totalKwp : 0,
    shadingLossPercent: lossPart((b) => b.shadingLossPercent),
    beamShadingLossPercent: lossPart((b) => b.beamShadingLossPercent),
    diffuseShadingLossPercent: lossPart((b) => b.diffuseShadingLossPercent),
    demandKwhPerYear: demand,
    balance,
    // Avoided emissions count the energy that reaches a load or the grid (not curtailed).
    co2AvoidedT: ((selfKwh + exportKwh) / 1000) * s.emissionFactorTPerMWh,
    economics: economics({
      kwp: totalKwp,
      capexVndPerKwp: s.capexVndPerKwp,
      omFractionOfCapex: s.omFractionOfCapex,
      selfConsumedKwh: selfKwh,
      exportedKwh: exportKwh,
      tariffVndPerKwh: s.tariffVndPerKwh,
      exportTariffVndPerKwh: s.exportTariffVndPerKwh,
      discountRate: s.discountRate,
      degradationPerYear: s.degradationPerYear,
      lifetimeYears: s.lifetimeYears,
    }),
  };
}

/** The whole run in one call (CLI, tests). The worker runs the same steps in chunks. */
export function runSolar(input: SolarModelInput): ParkSolarResult {
  const ctx = createContext(input);
  return summarizePark(ctx, input.roofs.map((r) => simulateRoof(ctx, r)));
}
