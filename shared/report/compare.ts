import { analyzeScenario, type AnalysisResult, type RuleStatus } from '../analysis';
import { LAND_USE_CODES, landUseLabel, type ParkDocument } from '../model';
import type { ParkSolarResult } from '../solar';
import { countStatuses, meanPlotDensity } from './build-model';
import { buildMapFigure } from './map-figure';
import { ecoForReport } from './eco-section';
import type { RooftopPv } from '../eco';
import { fill, reportStrings } from './strings';
import type { CompareKpi, ComparisonModel, ReportCell, ReportLang, ReportTable } from './types';

export interface CompareOptions {
  lang: ReportLang;
  /** ISO yyyy-mm-dd the rules are evaluated on. */
  date: string;
  /** Solar results by scenario id; a scenario without one shows no solar figures. */
  solar?: Record<string, ParkSolarResult | null | undefined>;
  /** Precomputed analyses by scenario id (the UI keeps an engine); computed when absent. */
  analyses?: Record<string, AnalysisResult | undefined>;
  /** Rooftop PV hour by hour by scenario id for the eco rows (rooftopPvOf); absent or null: not counted. */
  ecoPv?: Record<string, RooftopPv | null | undefined>;
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** Two values differ when they differ at the precision the reader sees. */
function differs(a: number | null, b: number | null, digits: number): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) >= 0.5 * 10 ** -digits;
}

/**
 * Side-by-side indicators of 2–4 scenarios of one document: KPI rows with differences against
 * the first scenario, each rule's status per scenario, and a small map of each.
 */
export function compareScenarios(doc: ParkDocument, scenarioIds: readonly string[], options: CompareOptions): ComparisonModel {
  if (scenarioIds.length < MIN_COMPARED || scenarioIds.length > MAX_COMPARED) throw new Error(`compare takes ${MIN_COMPARED}–${MAX_COMPARED} scenarios`);
  const { lang } = options;
  const s = reportStrings(lang);
  const scenarios = scenarioIds.map((id) => {
    const sc = doc.scenarios.find((x) => x.id === id);
    if (!sc) throw new Error(`no scenario ${id}`);
    return sc;
  });
  const analyses = scenarios.map((sc) => options.analyses?.[sc.id] ?? analyzeScenario(doc, sc.id, { date: options.date }));
  const solar = scenarios.map((sc) => options.solar?.[sc.id] ?? null);

  const kpis: CompareKpi[] = [];
  const add = (key: string, label: string, unit: string, digits: number, values: (number | null)[]) => {
    kpis.push({ key, label, unit, digits, values, deltas: values.map((v) => (v === null || values[0] === null ? null : v - values[0])) });
  };
  add('parkAreaHa', s.parkArea, 'ha', 2, analyses.map((a) => a.parkAreaM2 / 10_000));
  for (const code of LAND_USE_CODES) {
    const values = analyses.map((a) => a.landUse.find((l) => l.landUse === code)?.percent ?? 0);
    if (values.some((v) => v > 0)) add(`share.${code}`, fill(s.share, { name: landUseLabel(code, lang) }), '%', 2, values);
  }
  add('share.unassigned', fill(s.share, { name: s.unassigned }), '%', 2, analyses.map((a) => (a.parkAreaM2 > 0 ? (100 * a.unassignedAreaM2) / a.parkAreaM2 : 0)));
  add('greenSpaceRatio', s.greenRatio, '%', 2, analyses.map((a) => a.green.greenSpaceRatio * 100));
  add('totalGreenRatio', s.totalGreen, '%', 2, analyses.map((a) => a.green.totalGreenRatio * 100));
  add('plotCount', s.plotCount, '', 0, analyses.map((a) => a.plotStats.count));
  add('meanDensity', s.meanDensity, '%', 1, analyses.map((a) => { const d = meanPlotDensity(a); return d === null ? null : d * 100; }));
  add('rulesPass', s.rulesPass, '', 0, analyses.map((a) => countStatuses(a.rules).pass));
  add('rulesFail', s.rulesFail, '', 0, analyses.map((a) => countStatuses(a.rules).fail));
  if (solar.some((r) => r !== null)) {
    add('totalKwp', s.totalKwp, 'kWp', 1, solar.map((r) => r?.totalKwp ?? null));
    add('annualMwh', s.annualMwh, lang === 'vi' ? 'MWh/năm' : 'MWh/year', 1, solar.map((r) => (r ? r.annualKwh / 1000 : null)));
    add('specificYield', s.specificYield, 'kWh/kWp', 0, solar.map((r) => r?.specificYieldKwhPerKwp ?? null));
  }
  const eco = scenarios.map((sc, i) => ecoForReport(doc, sc.id, { lang, greenSpaceRatio: analyses[i].green.greenSpaceRatio, pv: options.ecoPv && Object.hasOwn(options.ecoPv, sc.id) ? options.ecoPv[sc.id] : null }));
  const year = lang === 'vi' ? 'năm' : 'year';
  add('eco.electricity', s.cmpEcoElectricity, `MWh/${year}`, 0, eco.map((r) => r.electricity.demandMwhPerYear));
  // Unknown (—), not 0 %, where no hourly PV was counted.
  add('eco.pvSelfShare', s.cmpEcoPvShare, '%', 1, eco.map((r) => (r.pvHourly ? r.electricity.pvShareOfDemand * 100 : null)));
  add('eco.scope2', s.cmpEcoScope2, `tCO₂/${year}`, 0, eco.map((r) => r.carbon.scope2T));
  add('eco.cbamPlots', s.cmpEcoCbam, '', 0, eco.map((r) => r.plots.filter((p) => p.carbon.cbam).length));
  add('eco.acceptedExchanges', s.cmpEcoExchanges, '', 0, eco.map((r) => r.symbiosis.filter((x) => x.status === 'accepted').length));

  const n = scenarios.length;
  const highlight: string[] = [];
  const kpiRows = kpis.map((k, r): ReportCell[] => {
    for (let i = 1; i < n; i++) {
      if (differs(k.values[i], k.values[0], k.digits)) highlight.push(`${r}:${2 + i}`, `${r}:${1 + n + i}`);
    }
    return [
      { t: 'text', v: k.label },
      { t: 'text', v: k.unit },
      ...k.values.map((v): ReportCell => ({ t: 'num', v, digits: k.digits })),
      ...k.deltas.slice(1).map((v): ReportCell => ({ t: 'num', v, digits: k.digits })),
    ];
  });
  const kpiTable: ReportTable = {
    id: 'compare-kpi',
    title: s.compareTitle,
    columns: [
      { header: s.kpi, align: 'left', weight: 3 },
      { header: s.unit, align: 'left', weight: 0.8 },
      ...scenarios.map((sc) => ({ header: sc.name, align: 'right' as const, weight: 1.1 })),
      ...scenarios.slice(1).map((sc) => ({ header: `Δ ${sc.name}`, align: 'right' as const, weight: 1 })),
    ],
    rows: kpiRows,
    highlight,
    note: fill(s.difference, { name: scenarios[0].name }),
  };

  const ruleIds: string[] = [];
  const titles = new Map<string, string>();
  for (const a of analyses) for (const r of a.rules) if (!titles.has(r.id)) { ruleIds.push(r.id); titles.set(r.id, r.title[lang]); }
  const rules = ruleIds.map((id) => ({ id, title: titles.get(id)!, statuses: analyses.map((a): RuleStatus => a.rules.find((r) => r.id === id)?.status ?? 'n/a') }));
  const ruleHighlight: string[] = [];
  rules.forEach((r, row) => r.statuses.forEach((st, i) => { if (i > 0 && st !== r.statuses[0]) ruleHighlight.push(`${row}:${2 + i}`); }));
  const ruleTable: ReportTable = {
    id: 'compare-rules',
    title: s.ruleStatusGrid,
    columns: [
      { header: s.ruleId, align: 'left', weight: 2.6 },
      { header: s.ruleTitle, align: 'left', weight: 3 },
      ...scenarios.map((sc) => ({ header: sc.name, align: 'left' as const, weight: 1.1 })),
    ],
    rows: rules.map((r) => [{ t: 'text', v: r.id }, { t: 'text', v: r.title }, ...r.statuses.map((v): ReportCell => ({ t: 'status', v }))]),
    highlight: ruleHighlight,
  };
  return {
    scenarios: scenarios.map((sc) => ({ id: sc.id, name: sc.name })),
    kpiTable,
    ruleTable,
    maps: scenarios.map((sc) => buildMapFigure(sc, lang, sc.name)),
    kpis,
    rules,
  };
}
