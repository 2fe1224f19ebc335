import type { SectorScheme } from '../model/feature';
import type { ElectricityBalance, PlotResources } from './balances';
import { cbamSectorFor } from './sectors';
import type { ResolvedEcoSettings } from './settings';

/**
 * Carbon per plot and per park. Scope 2 = grid electricity × Viet Nam's grid emission factor
 * (data/eco/grid-emission-factor.json, or the project's own); rooftop PV used on site lowers each
 * plot's grid electricity in proportion to its demand (the solar model treats the park as one
 * load); PV energy used or exported counts as avoided. Scope 1 from the sector defaults.
 */

export interface CbamExposure {
  sectorId: string;
  /** Direct emissions, plus scope 2 where CBAM counts indirect emissions (cement, fertilisers), t/year. */
  embeddedT: number;
  indirectCounted: boolean;
  /** embeddedT × EU export share × carbon price, EUR/year. */
  costEur: number;
  carbonPriceEurPerT: number;
  euExportShare: number;
}

export interface PlotCarbon {
  gridElectricityMwhPerYear: number;
  scope1T: number;
  scope2T: number;
  cbam: CbamExposure | null;
}

export interface ParkCarbon {
  gridEmissionFactorTPerMwh: number;
  gridEmissionFactorYear: number | null;
  scope1T: number;
  scope2T: number;
  avoidedByPvT: number;
  cbamCostEur: number;
}

export function cbamExposure(sector: string | null, scheme: SectorScheme, scope1T: number, scope2T: number, settings: ResolvedEcoSettings): CbamExposure | null {
  const cbam = cbamSectorFor(sector ?? undefined, scheme);
  if (!cbam) return null;
  const embeddedT = scope1T + (cbam.indirectEmissionsCounted ? scope2T : 0);
  return {
    sectorId: cbam.id,
    embeddedT,
    indirectCounted: cbam.indirectEmissionsCounted,
    costEur: embeddedT * settings.euExportShare * settings.carbonPriceEurPerT,
    carbonPriceEurPerT: settings.carbonPriceEurPerT,
    euExportShare: settings.euExportShare,
  };
}

export function plotCarbon(plot: PlotResources, electricity: ElectricityBalance, settings: ResolvedEcoSettings): PlotCarbon {
  const gridShare = electricity.demandMwhPerYear > 0 ? electricity.gridMwhPerYear / electricity.demandMwhPerYear : 1;
  const gridElectricityMwhPerYear = plot.electricityMwhPerYear * gridShare;
  const scope2T = gridElectricityMwhPerYear * settings.gridEmissionFactorTPerMwh;
  return { gridElectricityMwhPerYear, scope1T: plot.scope1T, scope2T, cbam: cbamExposure(plot.sector, plot.sectorScheme, plot.scope1T, scope2T, settings) };
}

export function parkCarbon(plots: readonly PlotCarbon[], electricity: ElectricityBalance, settings: ResolvedEcoSettings): ParkCarbon {
  const f = settings.gridEmissionFactorTPerMwh;
  return {
    gridEmissionFactorTPerMwh: f,
    gridEmissionFactorYear: settings.gridEmissionFactorYear,
    scope1T: plots.reduce((a, p) => a + p.scope1T, 0),
    scope2T: electricity.gridMwhPerYear * f,
    avoidedByPvT: (electricity.selfConsumedMwhPerYear + electricity.exportedMwhPerYear) * f,
    cbamCostEur: plots.reduce((a, p) => a + (p.cbam?.costEur ?? 0), 0),
  };
}
