import { analyzeEco, sectorLabel, type EcoResult } from '../../shared/eco';
import { greenSpaceRatioOf } from '../../shared/eco/green-ratio';
import { rooftopPvOf } from '../../shared/eco/pv';
import { CliError, readInput, type CliIo, type CommandContext, type ExitCode } from '../io';
import { findScenarioId, readProjectFile, requireProjectPath } from '../formats';
import { messages, type Messages } from '../i18n';
import { ECO_USAGE } from '../usage';

/**
 * `ecopark eco`: the eco performance of a project (docs/eco-performance.md) — resource
 * balances per plot and park, carbon and CBAM exposure, symbiosis exchanges and the EIP
 * criteria — with the project's saved eco settings and rooftop PV from the solar model.
 */
export async function ecoCommand(args: string[], io: CliIo, { m }: CommandContext): Promise<ExitCode> {
  let path: string | undefined;
  let scenarioName: string | undefined;
  let json = false;
  let withPv = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--no-pv') withPv = false;
    else if (a === '--scenario') {
      const v = args[++i];
      if (v === undefined) throw new CliError(m.t('error.needsValue', { option: a, usage: ECO_USAGE }), 2);
      scenarioName = v;
    } else if (a.startsWith('-')) throw new CliError(m.t('error.unknownOption', { option: a, usage: ECO_USAGE }), 2);
    else if (path === undefined) path = a;
    else throw new CliError(m.t('eco.oneProject', { usage: ECO_USAGE }), 2);
  }
  if (!path) throw new CliError(m.t('error.needsFile', { command: 'eco', usage: ECO_USAGE }), 2);
  requireProjectPath(path, 'eco', m);
  const doc = await readProjectFile(path, await readInput(io, path, m), { acceptForeign: false }, m);
  const scenarioId = scenarioName === undefined ? doc.activeScenarioId : findScenarioId(doc, scenarioName, path, m);
  const result = analyzeEco(doc, {
    scenarioId,
    pv: withPv ? rooftopPvOf(doc, scenarioId) : null,
    // The one land-use figure the criteria read, without the whole analysis (most of the run time).
    greenSpaceRatio: greenSpaceRatioOf(doc, scenarioId),
    lang: json ? 'en' : m.lang,
  });
  // --json is for programs: the same in every language.
  if (json) io.stdout(JSON.stringify(ecoJson(result), null, 2));
  else for (const line of formatEco(result, m)) io.stdout(line);
  return 0;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const roundOrNull = (x: number | null, digits: number) => (x === null ? null : round(x, digits));

/** The --json document of issue 16 (MWh, m³ and m to 0.1; tonnes and EUR to 0.01). */
export function ecoJson(r: EcoResult) {
  return {
    plots: r.plots.map((p) => ({
      id: p.id,
      code: p.code ?? null,
      sector: p.sector,
      electricityMwhPerYear: round(p.electricityMwhPerYear, 1),
      waterM3PerDay: round(p.waterM3PerDay, 1),
      wastewaterM3PerDay: round(p.wastewaterM3PerDay, 1),
      solidWasteTPerYear: round(p.solidWasteTPerYear, 2),
      scope1T: round(p.carbon.scope1T, 2),
      scope2T: round(p.carbon.scope2T, 2),
      cbam: p.carbon.cbam ? { sector: p.carbon.cbam.sectorId, embeddedT: round(p.carbon.cbam.embeddedT, 2), costEur: round(p.carbon.cbam.costEur, 2) } : null,
    })),
    totals: {
      electricityMwhPerYear: round(r.electricity.demandMwhPerYear, 1),
      rooftopPvMwhPerYear: round(r.electricity.rooftopPvMwhPerYear, 1),
      selfConsumedMwhPerYear: round(r.electricity.selfConsumedMwhPerYear, 1),
      waterM3PerDay: round(r.water.waterM3PerDay, 1),
      wastewaterM3PerDay: round(r.water.wastewaterM3PerDay, 1),
      solidWasteTPerYear: round(r.solidWasteTPerYear, 2),
    },
    carbon: { gridEmissionFactorTPerMwh: r.carbon.gridEmissionFactorTPerMwh, scope2T: round(r.carbon.scope2T, 2), avoidedByPvT: round(r.carbon.avoidedByPvT, 2) },
    symbiosis: r.symbiosis.map((e) => ({
      fromPlotId: e.fromPlotId,
      toPlotId: e.toPlotId,
      resource: e.resource,
      quantity: round(e.quantity, 2),
      unit: e.unit,
      distanceM: round(e.distanceM, 1),
      distanceAlongRoads: e.alongRoads,
      status: e.status,
    })),
    criteria: r.criteria.map((c) => ({ id: c.id, status: c.status, value: roundOrNull(c.value, 4), threshold: c.threshold, citation: c.citation })),
  };
}

/** The readable summary, in the language of `m`. */
export function formatEco(r: EcoResult, m: Messages = messages('en')): string[] {
  const e = r.electricity;
  const w = r.water;
  const plotName = (id: string) => r.plots.find((p) => p.id === id)?.name ?? id;
  const cbamPlots = r.plots.filter((p) => p.carbon.cbam);
  const count = (status: string) => r.criteria.filter((c) => c.status === status).length;
  const rows: [string, string][] = [
    [m.t('eco.plots'), m.t('eco.plotsValue', { count: m.num(r.plots.length), sectors: m.num(r.plots.filter((p) => p.sector !== null).length) })],
    [m.t('eco.electricity'), m.t('eco.electricityValue', { mwh: m.num(e.demandMwhPerYear, 0) })],
    [
      m.t('eco.pv'),
      r.pvHourly
        ? m.t('eco.pvValue', { pv: m.num(e.rooftopPvMwhPerYear, 0), self: m.num(e.selfConsumedMwhPerYear, 0), share: m.pct(e.pvShareOfDemand, 1) })
        : m.t('eco.pvNone'),
    ],
    [m.t('eco.water'), m.t('eco.waterValue', { m3: m.num(w.waterM3PerDay, 0), capacity: w.supplyCapacityM3PerDay === null ? m.t('eco.notGiven') : m.num(w.supplyCapacityM3PerDay, 0) })],
    [
      m.t('eco.wastewater'),
      m.t(w.wwtpCapacityRatio !== null && w.wwtpCapacityRatio < 1 ? 'eco.wastewaterUndersized' : 'eco.wastewaterValue', {
        m3: m.num(w.wastewaterM3PerDay, 0),
        capacity: w.wwtpCapacityM3PerDay === null ? m.t('eco.notGiven') : m.num(w.wwtpCapacityM3PerDay, 0),
      }),
    ],
    [m.t('eco.waste'), m.t('eco.wasteValue', { t: m.num(r.solidWasteTPerYear, 0) })],
    [
      m.t('eco.gridFactor'),
      m.t('eco.gridFactorValue', { factor: m.num(r.carbon.gridEmissionFactorTPerMwh, 4), year: r.carbon.gridEmissionFactorYear === null ? m.t('eco.notGiven') : String(r.carbon.gridEmissionFactorYear) }),
    ],
    [m.t('eco.carbon'), m.t('eco.carbonValue', { scope1: m.num(r.carbon.scope1T, 0), scope2: m.num(r.carbon.scope2T, 0), avoided: m.num(r.carbon.avoidedByPvT, 0) })],
    [m.t('eco.cbam'), m.t('eco.cbamValue', { count: m.num(cbamPlots.length), cost: m.num(r.carbon.cbamCostEur, 0), price: m.num(r.settings.carbonPriceEurPerT, 0) })],
    [m.t('eco.symbiosis'), m.t('eco.symbiosisValue', { candidates: m.num(r.symbiosis.filter((x) => x.status === 'candidate').length), accepted: m.num(r.symbiosis.filter((x) => x.status === 'accepted').length) })],
    [m.t('eco.criteria'), m.t('eco.criteriaValue', { pass: m.num(count('pass')), fail: m.num(count('fail')), open: m.num(count('open')), info: m.num(count('info')) })],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
  for (const p of cbamPlots) {
    lines.push(`  ${m.t('eco.cbamPlot', { plot: p.name ?? p.id, sector: sectorLabel(p.sector ?? '', p.sectorScheme, m.lang), t: m.num(p.carbon.cbam?.embeddedT ?? 0, 0) })}`);
  }
  for (const x of r.symbiosis) {
    lines.push(`  ${m.t('eco.exchange', { from: plotName(x.fromPlotId), to: plotName(x.toPlotId), resource: x.row?.name[m.lang] ?? x.resource, quantity: m.num(x.quantity, 0), unit: x.unit, distance: `${m.num(x.distanceM, 0)}${x.alongRoads ? '' : '*'}`, status: m.t(`eco.status.${x.status}`) })}`);
  }
  lines.push(m.t('eco.distanceNote'));
  return lines;
}
