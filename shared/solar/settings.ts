import { z } from 'zod';
import { defaultGridFactor, GRID_EMISSION_FACTOR } from '../eco/grid-factor';

/** The grid factor of data/eco/grid-emission-factor.json: one source for the solar and eco figures. */
const GRID_FACTOR = defaultGridFactor();

/**
 * Solar assumptions of a project, saved in `doc.settings.solar`. Every default carries its
 * source in SOLAR_DEFAULT_SOURCES (shown in the assumptions editor and docs/solar-model.md).
 */
export const solarSettingsSchema = z.object({
  // Site & weather
  /** Station id of data/climate/vn-stations.json; null = nearest to the project location. */
  stationId: z.string().nullable().default(null),
  albedo: z.number().min(0).max(1).default(0.2),
  transposition: z.enum(['hay-davies', 'isotropic']).default('hay-davies'),
  shading: z.boolean().default(true),
  // Roof layout
  /** Clear strip along the roof edge, m (perimeter access, wind edge zone). */
  edgeSetbackM: z.number().min(0).max(20).default(1.2),
  /** Width of the maintenance / fire access paths between module groups, m (0 = no paths). */
  accessPathWidthM: z.number().min(0).max(10).default(1.5),
  /** Longest side of one module group before an access path splits it, m. */
  maxArrayDimensionM: z.number().min(5).max(1000).default(40),
  obstructionFraction: z.number().min(0).max(0.9).default(0.1),
  flatTiltDeg: z.number().min(0).max(60).default(10),
  flatAzimuthDeg: z.number().min(0).max(360).default(180),
  /** 'solstice' = no row shading at solar noon on the winter solstice; 'gcr' = fixed ratio. */
  rowSpacing: z.enum(['solstice', 'gcr']).default('solstice'),
  groundCoverageRatio: z.number().min(0.1).max(1).default(0.7),
  pitchedSlopeDeg: z.number().min(0).max(60).default(15),
  // Modules
  moduleDensityWPerM2: z.number().min(50).max(300).default(210),
  moduleAreaM2: z.number().min(0.5).max(4).default(2.0),
  tempCoeffPerC: z.number().min(-0.01).max(0).default(-0.0037),
  faimanU0: z.number().min(5).max(60).default(25),
  faimanU1: z.number().min(0).max(20).default(6.84),
  windSpeedMs: z.number().min(0).max(20).default(1),
  // Losses
  losses: z
    .object({
      soiling: z.number().min(0).max(100).default(2),
      shading: z.number().min(0).max(100).default(3),
      mismatch: z.number().min(0).max(100).default(2),
      wiring: z.number().min(0).max(100).default(2),
      connections: z.number().min(0).max(100).default(0.5),
      lid: z.number().min(0).max(100).default(1.5),
      nameplate: z.number().min(0).max(100).default(1),
      availability: z.number().min(0).max(100).default(3),
    })
    .prefault({}),
  /** Nominal (full-load) efficiency η_nom of the PVWatts v5 part-load curve (pv.ts). */
  inverterEfficiency: z.number().min(0.5).max(1).default(0.96),
  dcAcRatio: z.number().min(0.5).max(2).default(1.2),
  // Economics and grid
  /** Park electricity demand, kWh/year (0 = unknown); per-plot values add to it. */
  parkDemandKwhPerYear: z.number().min(0).default(0),
  /** Per-plot demand, kWh/year, by plot feature id. */
  plotDemandKwhPerYear: z.record(z.string(), z.number().min(0)).default({}),
  exportCapFraction: z.number().min(0).max(1).default(0.2),
  emissionFactorTPerMWh: z.number().min(0).max(2).default(GRID_FACTOR.tPerMwh),
  capexVndPerKwp: z.number().min(0).default(14_000_000),
  omFractionOfCapex: z.number().min(0).max(0.2).default(0.01),
  tariffVndPerKwh: z.number().min(0).default(2_204),
  exportTariffVndPerKwh: z.number().min(0).default(1_000),
  discountRate: z.number().min(0).max(0.5).default(0.08),
  degradationPerYear: z.number().min(0).max(0.05).default(0.005),
  lifetimeYears: z.number().int().min(1).max(50).default(25),
});

/** Solar assumptions with every default applied. */
export type SolarSettings = z.infer<typeof solarSettingsSchema>;
export type SolarLosses = SolarSettings['losses'];

/** The defaults (the result of parsing an empty object). */
export const DEFAULT_SOLAR_SETTINGS: SolarSettings = solarSettingsSchema.parse({});

/** Reads `doc.settings.solar`, falling back to the defaults for anything missing or invalid. */
export function readSolarSettings(settings: Record<string, unknown>): SolarSettings {
  const parsed = solarSettingsSchema.safeParse(settings.solar ?? {});
  return parsed.success ? parsed.data : DEFAULT_SOLAR_SETTINGS;
}

/** PVWatts combined loss: 1 − Π(1 − lᵢ/100), as a fraction (14.08 % for the defaults). */
export function combinedLossFraction(losses: SolarLosses): number {
  return 1 - Object.values(losses).reduce((keep, pct) => keep * (1 - pct / 100), 1);
}

/** Where each default comes from; confidence as in ../shared/reference/standards.md. */
export const SOLAR_DEFAULT_SOURCES: Partial<Record<keyof SolarSettings, string>> = {
  losses:
    'PVWatts defaults (soiling 2, shading 3, mismatch 2, wiring 2, connections 0.5, LID 1.5, nameplate 1, availability 3 %): pvlib pvwatts_losses, https://pvlib-python.readthedocs.io/en/v0.10.1/reference/generated/pvlib.pvsystem.pvwatts_losses.html (exact)',
  inverterEfficiency: 'PVWatts v5 nominal inverter efficiency 0.96, scaled by the PVWatts part-load curve with η_ref = 0.9637 (Dobos, NREL/TP-6A20-62641, 2014; pvlib inverter.pvwatts)',
  dcAcRatio: 'PVWatts v5 default DC/AC ratio 1.2 (NREL/TP-6A20-62641)',
  tempCoeffPerC: 'PVWatts v5 "standard" module −0.37 %/°C (NREL/TP-6A20-62641)',
  faimanU0: 'Faiman (2008) model; U0 = 25 W/m²K, U1 = 6.84 W/m³sK are the pvlib / PVsyst-IEC 61853 defaults (pvlib.temperature.faiman)',
  moduleDensityWPerM2: 'Issue 5 default: 210 W per m² of module area (≈ 21 % efficient modules)',
  edgeSetbackM:
    'Perimeter clear strip 1.2 m: International Fire Code 2018/2021 §1204.3.1 (buildings other than Group R-3): clear perimeter 6 ft (1,829 mm), reduced to 4 ft (1,219 mm) where either axis of the building is 250 ft (76 m) or less (recalled, not re-read). Vietnamese guidance found sets no perimeter width (C07 2020 guidance: groups ≤ 40 × 40 m, ≥ 1.5 m apart, no modules within 3 m of roof exits; secondary)',
  accessPathWidthM:
    'Access paths 1.5 m between module groups: Fire Police Department (C07, Ministry of Public Security) guidance on fire-safety design of solar plants and rooftop PV, Sept 2020, as reported by https://vietnamenergy.vn/the-instructions-on-appraising-and-approving-fire-prevention-and-fighting-design-of-spps-25288.html and https://dientungaynay.vn/nang-luong-so/he-thong-dien-mat-troi-mai-nha-phai-duoc-duyet-ve-thiet-ke-pccc (secondary; the dispatch number was not found). IFC 2018 §1204.3.2: pathways 4 ft (1.2 m) wide to standpipes and roof hatches (recalled)',
  maxArrayDimensionM:
    'Module groups no larger than 40 × 40 m: C07 rooftop-PV fire-safety guidance, Sept 2020 (secondary, same reports as the access paths). IFC 2018 §1204.3.2: interior pathways at intervals ≤ 150 ft (45.7 m) through the length and width of the roof (recalled)',
  obstructionFraction: 'Assumed 10 % of the set-back roof lost to skylights, vents, HVAC units and the 3 m clear zone around roof exits that the C07 guidance asks for (assumption; measure on the roof plan)',
  albedo: 'Common default ground reflectance 0.2 (PVWatts, pvlib)',
  emissionFactorTPerMWh: `Viet Nam grid emission factor ${GRID_FACTOR.year}: ${GRID_FACTOR.tPerMwh} tCO₂/MWh (${GRID_EMISSION_FACTOR.source.document}, ${GRID_EMISSION_FACTOR.source.url ?? ''}; ${GRID_EMISSION_FACTOR.source.confidence})`,
  exportCapFraction: 'Decree 135/2024/ND-CP: surplus sold to the grid ≤ 20 % of installed capacity (secondary; scope unverified)',
  tariffVndPerKwh: 'EVN average retail price ≈ 2,204 VND/kWh from May 2025 (secondary, unverified; use the plot’s actual industrial time-of-use tariff)',
  exportTariffVndPerKwh: 'Placeholder ≈ 1,000 VND/kWh for surplus sold under Decree 135/2024 (unverified; set from the contract)',
  capexVndPerKwp: 'Indicative 14 million VND/kWp for commercial rooftop PV in Viet Nam (unverified; replace by a quote)',
  omFractionOfCapex: 'Typical O&M 1 % of capex per year (assumption, unverified)',
  discountRate: 'Assumed real discount rate 8 %/yr (assumption)',
  degradationPerYear: 'Typical crystalline-Si degradation 0.5 %/yr (Jordan & Kurtz, NREL/JA-5200-51664, 2012: median ≈ 0.5 %/yr)',
  lifetimeYears: 'Assumed 25-year system life (typical module warranty)',
};
