import { geodesicAreaM2 } from '../geometry/geodesic';
import { DEFAULT_SECTOR_SCHEME, type LandUseFeature, type ParkFeature, type SectorScheme } from '../model/feature';
import { energyBalance } from '../solar/economics';
import { HEAT_LEVELS, type HeatLevel } from './data';
import { profileFor } from './sectors';

/**
 * Resource figures of every industrial plot from its sector's intensities (data/eco/
 * sector-intensities.json) × its area, with the tenant's measured consumption overriding the
 * defaults; and the park balances: electricity against rooftop PV (hourly), water against
 * supply capacity, wastewater against the WWTP's capacity, solid waste by stream.
 */

const M2_PER_HA = 10_000;

/** One industrial plot's figures. Energies MWh/year, water m³/day, waste and CO₂ t/year. */
export interface PlotResources {
  id: string;
  name?: string;
  code?: string;
  /** The VSIC code, or null for a plot without a tenant (figures from the "general" profile). */
  sector: string | null;
  sectorScheme: SectorScheme;
  tenant?: string;
  employees?: number;
  areaHa: number;
  profileId: string;
  electricityMwhPerYear: number;
  electricityMeasured: boolean;
  waterM3PerDay: number;
  waterMeasured: boolean;
  wastewaterM3PerDay: number;
  solidWasteTPerYear: number;
  wasteByStreamTPerYear: Record<string, number>;
  processHeatMwhPerYear: Record<HeatLevel, number>;
  scope1T: number;
  byProducts: { resource: string; quantity: number; unit: string }[];
}

export function isIndustrialPlot(f: ParkFeature): f is LandUseFeature {
  return f.kind === 'landuse' && f.landUse === 'industrial';
}

export function plotResources(plot: LandUseFeature): PlotResources {
  const areaHa = geodesicAreaM2(plot.geometry) / M2_PER_HA;
  const profile = profileFor(plot.sector);
  const electricityMeasured = plot.measuredElectricityMwhPerYear !== undefined;
  const waterMeasured = plot.measuredWaterM3PerDay !== undefined;
  const waterM3PerDay = plot.measuredWaterM3PerDay ?? profile.waterM3PerHaDay.value * areaHa;
  const solidWasteTPerYear = profile.solidWasteTPerHaYear.value * areaHa;
  const heat = {} as Record<HeatLevel, number>;
  for (const level of HEAT_LEVELS) heat[level] = (profile.processHeatMwhPerHaYear[level]?.value ?? 0) * areaHa;
  return {
    id: plot.id,
    ...(plot.name !== undefined ? { name: plot.name } : {}),
    ...(plot.code !== undefined ? { code: plot.code } : {}),
    sector: plot.sector ?? null,
    sectorScheme: plot.sectorScheme ?? DEFAULT_SECTOR_SCHEME,
    ...(plot.tenant !== undefined ? { tenant: plot.tenant } : {}),
    ...(plot.employees !== undefined ? { employees: plot.employees } : {}),
    areaHa,
    profileId: profile.id,
    electricityMwhPerYear: plot.measuredElectricityMwhPerYear ?? profile.electricityMwhPerHaYear.value * areaHa,
    electricityMeasured,
    waterM3PerDay,
    waterMeasured,
    wastewaterM3PerDay: waterM3PerDay * profile.wastewaterShareOfWater.value,
    solidWasteTPerYear,
    wasteByStreamTPerYear: Object.fromEntries(Object.entries(profile.wasteStreams).map(([stream, share]) => [stream, share * solidWasteTPerYear])),
    processHeatMwhPerYear: heat,
    scope1T: profile.scope1TPerHaYear.value * areaHa,
    byProducts: profile.byProducts.map((b) => ({ resource: b.resource, quantity: b.perHaYear.value * areaHa, unit: b.unit })),
  };
}

/** Rooftop PV of the scenario from the solar model: annual AC energy and its hourly profile. */
export interface RooftopPv {
  annualKwh: number;
  totalKwp: number;
  /** Park AC power per weather row (kW) and the real hours each row stands for (shared/solar). */
  hourlyAcKw: ArrayLike<number>;
  weight: ArrayLike<number>;
  exportCapFraction: number;
}

export interface ElectricityBalance {
  demandMwhPerYear: number;
  rooftopPvMwhPerYear: number;
  /** PV used on site, hour by hour against a flat around-the-clock demand (shared/solar/economics). */
  selfConsumedMwhPerYear: number;
  exportedMwhPerYear: number;
  curtailedMwhPerYear: number;
  /** Electricity bought from the grid: demand − self-consumed PV. */
  gridMwhPerYear: number;
  /** Self-consumed PV ÷ demand (0 without demand). */
  pvShareOfDemand: number;
}

export function electricityBalance(demandMwhPerYear: number, pv: RooftopPv | null): ElectricityBalance {
  if (!pv || pv.totalKwp <= 0) {
    return { demandMwhPerYear, rooftopPvMwhPerYear: 0, selfConsumedMwhPerYear: 0, exportedMwhPerYear: 0, curtailedMwhPerYear: 0, gridMwhPerYear: demandMwhPerYear, pvShareOfDemand: 0 };
  }
  const b = energyBalance(pv.hourlyAcKw, pv.weight, demandMwhPerYear * 1000, pv.totalKwp, pv.exportCapFraction);
  const self = b.selfConsumedKwh / 1000;
  return {
    demandMwhPerYear,
    rooftopPvMwhPerYear: pv.annualKwh / 1000,
    selfConsumedMwhPerYear: self,
    exportedMwhPerYear: b.exportedKwh / 1000,
    curtailedMwhPerYear: b.curtailedKwh / 1000,
    gridMwhPerYear: demandMwhPerYear - self,
    pvShareOfDemand: demandMwhPerYear > 0 ? self / demandMwhPerYear : 0,
  };
}

/**
 * Sum of the capacities (m³/day) of technical plots of a subtype; null when none states one.
 * The capacity is the free attribute `props.capacityM3PerDay`, where the WWTP safety-distance
 * rule (shared/analysis/distances.ts) and the layout generator already keep it.
 */
function capacityOf(features: readonly ParkFeature[], subtype: string): number | null {
  const capacities = features
    .filter((f): f is LandUseFeature => f.kind === 'landuse' && f.landUse === 'technical' && f.subtype === subtype)
    .map((f) => f.props?.capacityM3PerDay)
    .filter((c): c is number => typeof c === 'number' && c >= 0);
  return capacities.length > 0 ? capacities.reduce((a, c) => a + c, 0) : null;
}

export interface WaterBalance {
  waterM3PerDay: number;
  /** Capacity of `technical/water_supply` plots, null when none is given. */
  supplyCapacityM3PerDay: number | null;
  wastewaterM3PerDay: number;
  /** Capacity of `technical/wwtp` plots, null when none is given. */
  wwtpCapacityM3PerDay: number | null;
  /** Capacity ÷ wastewater; null without a capacity or without wastewater. */
  wwtpCapacityRatio: number | null;
}

export function waterBalance(features: readonly ParkFeature[], plots: readonly PlotResources[]): WaterBalance {
  const wastewaterM3PerDay = plots.reduce((a, p) => a + p.wastewaterM3PerDay, 0);
  const wwtpCapacityM3PerDay = capacityOf(features, 'wwtp');
  return {
    waterM3PerDay: plots.reduce((a, p) => a + p.waterM3PerDay, 0),
    supplyCapacityM3PerDay: capacityOf(features, 'water_supply'),
    wastewaterM3PerDay,
    wwtpCapacityM3PerDay,
    wwtpCapacityRatio: wwtpCapacityM3PerDay !== null && wastewaterM3PerDay > 0 ? wwtpCapacityM3PerDay / wastewaterM3PerDay : null,
  };
}

/** Solid waste of the park by stream, t/year. */
export function wasteByStream(plots: readonly PlotResources[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of plots) for (const [stream, t] of Object.entries(p.wasteByStreamTPerYear)) out[stream] = (out[stream] ?? 0) + t;
  return out;
}
