import { interiorPoint } from '../analysis/measure';
import { activeScenario, type ParkDocument } from '../model/document';
import { electricityBalance, isIndustrialPlot, plotResources, waterBalance, wasteByStream, type ElectricityBalance, type PlotResources, type RooftopPv, type WaterBalance } from './balances';
import { parkCarbon, plotCarbon, type ParkCarbon, type PlotCarbon } from './carbon';
import { evaluateCriteria, type CriterionResult, type EcoMetrics } from './criteria';
import type { EcoLang } from './sectors';
import { readEcoSettings, type ResolvedEcoSettings } from './settings';
import { symbiosisExchanges, wasteExchangedTPerYear, type SymbiosisExchange } from './symbiosis';
import { roadDistances } from './road-distance';

export * from './data';
export * from './sectors';
export * from './settings';
export * from './balances';
export * from './carbon';
export * from './symbiosis';
export * from './criteria';
export * from './flows';
export * from './road-distance';

export interface EcoPlot extends PlotResources {
  carbon: PlotCarbon;
}

/** The eco performance of one scenario (docs/eco-performance.md). */
export interface EcoResult {
  scenarioId: string;
  settings: ResolvedEcoSettings;
  /** Why the saved eco settings were ignored, when they were invalid. */
  settingsProblem?: string;
  plots: EcoPlot[];
  electricity: ElectricityBalance;
  /** Whether self-consumption was computed hour by hour from the solar model (false without PV). */
  pvHourly: boolean;
  water: WaterBalance;
  solidWasteTPerYear: number;
  wasteByStreamTPerYear: Record<string, number>;
  carbon: ParkCarbon;
  symbiosis: SymbiosisExchange[];
  metrics: EcoMetrics;
  criteria: CriterionResult[];
}

export interface EcoOptions {
  scenarioId?: string;
  /** Rooftop PV from the solar model (rooftopPvOf in ./pv); null or absent: no PV counted. */
  pv?: RooftopPv | null;
  /** Green space ratio of the land-use analysis, for the criteria; null when not computed. */
  greenSpaceRatio?: number | null;
  lang?: EcoLang;
}

export function analyzeEco(doc: ParkDocument, options: EcoOptions = {}): EcoResult {
  const scenario = options.scenarioId ? doc.scenarios.find((s) => s.id === options.scenarioId) ?? activeScenario(doc) : activeScenario(doc);
  const read = readEcoSettings(doc);
  const settings = read.settings;
  const plotFeatures = scenario.features.filter(isIndustrialPlot);
  const resources = plotFeatures.map(plotResources);
  const electricity = electricityBalance(
    resources.reduce((a, p) => a + p.electricityMwhPerYear, 0),
    options.pv ?? null,
  );
  const plots: EcoPlot[] = resources.map((p) => ({ ...p, carbon: plotCarbon(p, electricity, settings) }));
  const water = waterBalance(scenario.features, resources);
  const solidWasteTPerYear = resources.reduce((a, p) => a + p.solidWasteTPerYear, 0);
  const locations = new Map(plotFeatures.map((f) => [f.id, interiorPoint(f.geometry)]));
  const roads = scenario.features.flatMap((f) => (f.kind === 'road' ? [{ geometry: f.geometry, widthM: f.widthM }] : []));
  const places = plotFeatures.map((f) => ({ id: f.id, geometry: f.geometry, interior: locations.get(f.id)! }));
  const symbiosis = symbiosisExchanges(resources, locations, settings.exchanges, roadDistances(roads, places));
  const accepted = symbiosis.filter((e) => e.status === 'accepted');
  const tenants = resources.filter((p) => p.sector !== null);
  const inSymbiosis = tenants.filter((p) => accepted.some((e) => e.fromPlotId === p.id || e.toPlotId === p.id));
  const declaredEmployees = resources.filter((p) => p.employees !== undefined);
  const metrics: EcoMetrics = {
    'eco.wwtpCapacityRatio': water.wwtpCapacityRatio,
    'eco.symbiosisLinks': accepted.length,
    'eco.symbiosisEnterpriseShare': tenants.length > 0 ? inSymbiosis.length / tenants.length : null,
    // Unknown (not zero) when the solar model was not run for this result.
    'eco.renewableShare': options.pv && electricity.demandMwhPerYear > 0 ? electricity.pvShareOfDemand : null,
    'eco.greenSpaceRatio': options.greenSpaceRatio ?? null,
    'eco.solidWasteExchangedShare': solidWasteTPerYear > 0 ? wasteExchangedTPerYear(resources, symbiosis) / solidWasteTPerYear : null,
    'eco.employees': declaredEmployees.length > 0 ? declaredEmployees.reduce((a, p) => a + (p.employees ?? 0), 0) : null,
  };
  return {
    scenarioId: scenario.id,
    settings,
    ...(read.ok ? {} : { settingsProblem: read.detail }),
    plots,
    electricity,
    pvHourly: options.pv != null && options.pv.totalKwp > 0,
    water,
    solidWasteTPerYear,
    wasteByStreamTPerYear: wasteByStream(resources),
    carbon: parkCarbon(plots.map((p) => p.carbon), electricity, settings),
    symbiosis,
    metrics,
    criteria: evaluateCriteria(metrics, settings.checklist, options.lang),
  };
}
