import { analyzeScenario, citationIn, readRuleSettings, RULE_SETS, DEFAULT_STOREY_HEIGHT_M, type AnalysisResult, type RuleResult, type RuleStatus } from '../analysis';
import { LAND_USE_CATALOGUE, landUseCategory, landUseLabel, type ParkDocument } from '../model';
import { bandRangeLabels, combinedLossFraction, describeWeatherSource, readSolarSettings, SPECIFIC_YIELD_BANDS, type ParkSolarResult } from '../solar';
import { formatDate, formatNumber } from '../format';
import { buildMapFigure } from './map-figure';
import { ecoChapter, ecoForReport } from './eco-section';
import { num, text } from './cells';

export { num, text };
import type { RooftopPv } from '../eco';
import { markInvalidPlots, problemsTable } from './problems';
import { scenarioProblems } from '../analysis/problems';
import { fill, reportStrings, type ReportStringKey } from './strings';
import type { KeyValue, ReportCell, ReportChart, ReportLang, ReportModel, ReportTable } from './types';

/**
 * Where the solar figures came from, said in the methods section: computed with the project's
 * settings (CLI), the UI's latest worker result, or a quick run without neighbour shading.
 */
export type SolarOrigin = 'computed' | 'ui-latest' | 'ui-unshaded';

export interface ReportOptions {
  lang: ReportLang;
  /** ISO timestamp of the report; its date is also the date rules are evaluated on. */
  now: string;
  toolVersion: string;
  solar?: ParkSolarResult | null;
  solarOrigin?: SolarOrigin;
  /** A precomputed analysis of the scenario (the UI has one); computed when absent. */
  analysis?: AnalysisResult;
  /** Rooftop PV hour by hour for the eco chapter (rooftopPvOf); absent or null: not counted. */
  ecoPv?: RooftopPv | null;
}


/** A rule's value in its display unit: ratios as percent. */
export function ruleDisplay(unit: RuleResult['unit'], v: number | null): { value: number | null; digits: number; unit: string } {
  if (v === null) return { value: null, digits: 0, unit: unit === 'ratio' ? '%' : unit === 'm' ? 'm' : '' };
  if (unit === 'ratio') return { value: v * 100, digits: 2, unit: '%' };
  if (unit === 'm') return { value: v, digits: 2, unit: 'm' };
  if (unit === 'factor') return { value: v, digits: 2, unit: '' };
  return { value: v, digits: 0, unit: '' };
}

export function countStatuses(rules: readonly { status: RuleStatus }[]): Record<RuleStatus, number> {
  const counts: Record<RuleStatus, number> = { pass: 0, fail: 0, warn: 0, 'n/a': 0 };
  for (const r of rules) counts[r.status]++;
  return counts;
}

/** Mean building density of the industrial plots (footprint ÷ area, area-weighted), 0–1. */
export function meanPlotDensity(a: AnalysisResult): number | null {
  const area = a.plots.reduce((s, p) => s + p.areaM2, 0);
  return area > 0 ? a.plots.reduce((s, p) => s + p.footprintM2, 0) / area : null;
}

function landUseSection(a: AnalysisResult, lang: ReportLang, s: Record<ReportStringKey, string>): { table: ReportTable; chart: ReportChart } {
  const pct = (m2: number) => (a.parkAreaM2 > 0 ? (100 * m2) / a.parkAreaM2 : 0);
  const rows: ReportCell[][] = a.landUse.map((l) => [text(landUseLabel(l.landUse, lang)), num(l.areaM2, 0), num(l.areaM2 / 10_000, 2), num(l.percent, 2)]);
  rows.push([text(s.unassigned), num(a.unassignedAreaM2, 0), num(a.unassignedAreaM2 / 10_000, 2), num(pct(a.unassignedAreaM2), 2)]);
  if (a.overlapAreaM2 > 0) rows.push([text(s.overlap), num(-a.overlapAreaM2, 0), num(-a.overlapAreaM2 / 10_000, 2), num(-pct(a.overlapAreaM2), 2)]);
  rows.push([text(s.total), num(a.parkAreaM2, 0), num(a.parkAreaM2 / 10_000, 2), num(a.parkAreaM2 > 0 ? 100 : 0, 2)]);
  const table: ReportTable = {
    id: 'land-use',
    title: s.landUse,
    columns: [
      { header: s.category, align: 'left', weight: 3 },
      { header: s.areaM2, align: 'right', weight: 1.5 },
      { header: s.areaHa, align: 'right', weight: 1.2 },
      { header: s.percent, align: 'right', weight: 1.2 },
    ],
    rows,
    boldRows: [rows.length - 1],
  };
  const bars = a.landUse.filter((l) => l.areaM2 > 0).map((l) => ({ label: landUseLabel(l.landUse, lang), value: l.percent, colour: landUseCategory(l.landUse).fill }));
  if (a.unassignedAreaM2 > 0.5) bars.push({ label: s.unassigned, value: pct(a.unassignedAreaM2), colour: LAND_USE_CATALOGUE.unassigned.fill });
  return { table, chart: { id: 'land-use-chart', title: s.landUseChart, unit: '%', orientation: 'horizontal', bars, digits: 1 } };
}

/**
 * Numbers the long addresses the Citation column refers to: the column reads as document and
 * article ("QCVN 01:2021/BXD, 2.6.3 [3]") and the report ends with the numbered list.
 */
export class SourceList {
  readonly items: { n: number; text: string }[] = [];
  private readonly byText = new Map<string, number>();

  ref(document: string, url: string): number {
    const key = `${document} — ${url}`;
    let n = this.byText.get(key);
    if (n === undefined) {
      n = this.items.length + 1;
      this.byText.set(key, n);
      this.items.push({ n, text: key });
    }
    return n;
  }
}

function complianceTable(a: AnalysisResult, lang: ReportLang, s: Record<ReportStringKey, string>, sources: SourceList): ReportTable {
  const rows = a.rules.map((r): ReportCell[] => {
    const v = ruleDisplay(r.unit, r.value);
    const t = ruleDisplay(r.unit, r.threshold);
    const words = citationIn(r.citation, lang);
    const ref = r.citation.url ? ` [${sources.ref(words.document, r.citation.url)}]` : '';
    const cite = `${[words.document, words.article].filter(Boolean).join(', ')}${ref}`;
    const notes = [r.overridden ? `${s.overridden} (${formatNumber(lang, ruleDisplay(r.unit, r.originalThreshold ?? null).value, t.digits)} →)` : '', r.origin === 'project' ? s.projectRule : ''].filter(Boolean);
    return [
      text(r.id),
      text(r.title[lang]),
      num(v.value, v.digits),
      text(r.comparator),
      num(t.value, Math.max(t.digits, v.digits)),
      text(v.unit || t.unit),
      { t: 'status', v: r.status },
      text(`${cite} [${r.confidence}]${notes.length ? ` — ${notes.join('; ')}` : ''}`),
    ];
  });
  return {
    id: 'compliance',
    title: s.compliance,
    columns: [
      // Wide enough that the longest shipped rule id stays on one line (text search, tests).
      { header: s.ruleId, align: 'left', weight: 3.5 },
      { header: s.ruleTitle, align: 'left', weight: 2.5 },
      { header: s.value, align: 'right', weight: 1 },
      { header: '', align: 'center', weight: 0.35 },
      { header: s.threshold, align: 'right', weight: 1 },
      { header: s.unit, align: 'left', weight: 0.45 },
      { header: s.status, align: 'left', weight: 1.1 },
      { header: s.citation, align: 'left', weight: 3.1 },
    ],
    rows,
  };
}

function plotTable(a: AnalysisResult, lang: ReportLang, s: Record<ReportStringKey, string>): ReportTable {
  const limitText = (l: AnalysisResult['plots'][number]['limits']) => [
    l.maxDensity !== undefined ? `${s.density.replace(/ \(%\)/, '')} ≤ ${formatNumber(lang, l.maxDensity * 100, 0)} %` : '',
    l.minGreenRatio !== undefined ? `${s.plotGreen.replace(/ \(%\)/, '')} ≥ ${formatNumber(lang, l.minGreenRatio * 100, 0)} %` : '',
    l.maxFar !== undefined ? `${s.far} ≤ ${formatNumber(lang, l.maxFar, 1)}` : '',
    l.maxFloors !== undefined ? `${s.floors} ≤ ${l.maxFloors}` : '',
  ].filter(Boolean).join('; ');
  return {
    id: 'plots',
    title: s.plotSchedule,
    columns: [
      { header: s.code, align: 'left', weight: 0.9 },
      { header: s.name, align: 'left', weight: 1.6 },
      { header: s.areaM2, align: 'right', weight: 1.2 },
      { header: s.footprintM2, align: 'right', weight: 1.3 },
      { header: s.density, align: 'right', weight: 1 },
      { header: s.far, align: 'right', weight: 0.7 },
      { header: s.floors, align: 'right', weight: 0.7 },
      { header: s.plotGreen, align: 'right', weight: 0.9 },
      { header: s.limits, align: 'left', weight: 2.2 },
      { header: s.failing, align: 'left', weight: 2.2 },
    ],
    rows: a.plots.map((p) => [
      text(p.code ?? ''),
      text(p.name ?? ''),
      num(p.areaM2, 0),
      num(p.footprintM2, 0),
      num(p.buildingDensity * 100, 1),
      num(p.far, 2),
      num(p.maxFloors, 0),
      num(p.greenRatio === null ? null : p.greenRatio * 100, 1),
      text(limitText(p.limits)),
      text(plotFailures(a, p.id, lang, s).join('; ')),
    ]),
    highlight: a.plots.flatMap((p, r) => (plotFailures(a, p.id, lang, s).length > 0 ? [`${r}:9`] : [])),
  };
}

/** The comparison a failing value breaks: a "≤ 70 %" rule fails as "72 % > 70 %". */
const BROKEN: Record<RuleResult['comparator'], string> = { '<=': '>', '<': '≥', '>=': '<', '>': '≤' };

/** Which indicators of a plot fail their rules, as "Density 72.0 % > 70.0 %" (one per distinct failure). */
export function plotFailures(a: AnalysisResult, plotId: string, lang: ReportLang, s: Record<ReportStringKey, string>): string[] {
  const names: Partial<Record<string, string>> = { 'plot.buildingDensity': s.density, 'plot.greenRatio': s.plotGreen, 'plot.far': s.far, 'plot.maxFloors': s.floors };
  const out = new Set<string>();
  for (const r of a.rules) {
    for (const item of r.items) {
      if (item.featureId !== plotId || item.status !== 'fail') continue;
      const v = ruleDisplay(r.unit, item.value);
      const t = ruleDisplay(r.unit, item.threshold);
      const digits = r.unit === 'count' ? 0 : r.unit === 'factor' ? 2 : 1;
      const shown = (x: number | null, unit: string) => `${x === null ? '—' : formatNumber(lang, x, digits)}${unit ? ` ${unit}` : ''}`;
      const name = (names[r.metric] ?? r.title[lang]).replace(/ \(%\)/, '');
      out.add(`${name} ${shown(v.value, v.unit)} ${BROKEN[r.comparator]} ${shown(t.value, t.unit || v.unit)}`);
    }
  }
  return [...out];
}

function solarSection(r: ParkSolarResult, lang: ReportLang, s: Record<ReportStringKey, string>, names: Map<string, string>): NonNullable<ReportModel['solar']> {
  const f = (v: number, d: number) => formatNumber(lang, v, d);
  const e = r.economics;
  const summary: KeyValue[] = [
    { label: s.roofs, value: String(r.buildings.length) },
    { label: s.totalKwp, value: `${f(r.totalKwp, 1)} kWp` },
    { label: s.annualMwh, value: `${f(r.annualKwh / 1000, 1)} MWh/${lang === 'vi' ? 'năm' : 'year'}` },
    { label: s.specificYield, value: `${f(r.specificYieldKwhPerKwp, 0)} kWh/kWp` },
    { label: s.co2, value: `${f(r.co2AvoidedT, 1)} t/${lang === 'vi' ? 'năm' : 'year'}` },
    { label: s.payback, value: Number.isFinite(e.simplePaybackYears) ? `${f(e.simplePaybackYears, 1)} ${lang === 'vi' ? 'năm' : 'years'}` : s.never },
    { label: s.lcoe, value: Number.isFinite(e.lcoeVndPerKwh) ? `${f(e.lcoeVndPerKwh, 0)} VND/kWh` : '—' },
  ];
  const months = lang === 'vi' ? ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12'] : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const monthlyChart: ReportChart = {
    id: 'solar-monthly',
    title: s.monthly,
    unit: 'MWh',
    orientation: 'vertical',
    bars: r.monthlyKwh.map((kwh, i) => ({ label: months[i], value: kwh / 1000, colour: '#f2a900' })),
    digits: 0,
  };
  const buildingTable: ReportTable = {
    id: 'solar-roofs',
    title: s.solar,
    columns: [
      { header: s.building, align: 'left', weight: 2.4 },
      { header: s.roofAreaM2, align: 'right', weight: 1 },
      { header: s.usableM2, align: 'right', weight: 1 },
      { header: s.kwp, align: 'right', weight: 0.9 },
      { header: s.kwhYear, align: 'right', weight: 1.2 },
      { header: s.kwhPerKwp, align: 'right', weight: 0.9 },
      { header: s.shadingLoss, align: 'right', weight: 1.1 },
      { header: s.shadingBeam, align: 'right', weight: 0.9 },
      { header: s.shadingSky, align: 'right', weight: 0.9 },
    ],
    rows: r.buildings.map((b) => [
      text(b.name ?? names.get(b.id) ?? b.id),
      num(b.roofAreaM2, 0),
      num(b.usableAreaM2, 0),
      num(b.kwp, 1),
      num(b.annualKwh, 0),
      num(b.specificYield, 0),
      num(b.shadingLossPercent, 1),
      num(b.beamShadingLossPercent, 1),
      num(b.diffuseShadingLossPercent, 1),
    ]),
  };
  buildingTable.rows.push([text(s.total), num(r.buildings.reduce((a, b) => a + b.roofAreaM2, 0), 0), num(r.buildings.reduce((a, b) => a + b.usableAreaM2, 0), 0), num(r.totalKwp, 1), num(r.annualKwh, 0), num(r.specificYieldKwhPerKwp, 0), num(r.shadingLossPercent, 1), num(r.beamShadingLossPercent, 1), num(r.diffuseShadingLossPercent, 1)]);
  buildingTable.boldRows = [buildingTable.rows.length - 1];
  return { summary, monthlyChart, buildingTable };
}

function methods(doc: ParkDocument, a: AnalysisResult, date: string, lang: ReportLang, s: Record<ReportStringKey, string>, solar: ParkSolarResult | null | undefined, origin: SolarOrigin): KeyValue[] {
  const rs = readRuleSettings(doc).settings;
  const wanted = rs.ruleSets ?? RULE_SETS.map((x) => x.id);
  const sets = RULE_SETS.filter((x) => wanted.includes(x.id)).map((x) => `${x.id} v${x.version} — ${x.title[lang]}`);
  const overrides = Object.entries(rs.overrides ?? {}).map(([id, o]) => `${id}: ${o.disabled ? 'disabled' : `threshold ${o.threshold ?? '—'}`}`);
  for (const c of rs.custom ?? []) overrides.push(`${c.id} (${s.projectRule})`);
  const out: KeyValue[] = [
    { label: s.areaMethod, value: s.areaMethodText },
    { label: s.ruleSets, value: sets.join('; ') },
    { label: s.ruleDate, value: formatDate(lang, date) },
    { label: s.overrides, value: overrides.length ? overrides.join('; ') : s.noOverrides },
    { label: s.storeyHeight, value: `${formatNumber(lang, rs.storeyHeightM ?? DEFAULT_STOREY_HEIGHT_M, 1)} m` },
  ];
  if (a.settingsIssue) out.push({ label: s.overrides, value: `${a.settingsIssue.reason}: ${a.settingsIssue.detail}` });
  if (solar) {
    const st = readSolarSettings(doc.settings);
    out.push({
      label: s.solarModel,
      value: fill(s.solarModelText, {
        transposition: st.transposition === 'hay-davies' ? 'Hay–Davies' : 'isotropic',
        albedo: formatNumber(lang, st.albedo, 2),
        density: formatNumber(lang, st.moduleDensityWPerM2, 0),
        losses: formatNumber(lang, combinedLossFraction(st.losses) * 100, 1),
        inverter: formatNumber(lang, st.inverterEfficiency * 100, 1),
        dcac: formatNumber(lang, st.dcAcRatio, 2),
      }),
    });
    out.push({ label: s.solarShading, value: solar.shadingSunPositions > 0 ? fill(s.shadingTraced, { n: solar.shadingSunPositions }) : s.shadingOff });
    out.push({ label: s.weatherSource, value: describeWeatherSource({ source: solar.weatherSource, station: solar.weatherStation }, lang) });
    out.push({ label: s.solarOrigin, value: SOLAR_ORIGIN[lang][origin] });
    out.push({
      label: s.roofUse,
      value: fill(s.roofUseText, {
        setback: formatNumber(lang, st.edgeSetbackM, 1),
        path: formatNumber(lang, st.accessPathWidthM, 1),
        maxArray: formatNumber(lang, st.maxArrayDimensionM, 0),
        obstruction: formatNumber(lang, st.obstructionFraction * 100, 0),
      }),
    });
    const bands = SPECIFIC_YIELD_BANDS;
    const named = bandRangeLabels(bands, (v) => formatNumber(lang, v, 0)).map((range, k) => `${range} (${bands.names[lang][k]})`);
    out.push({ label: s.colourBands, value: fill(s.colourBandsText, { bands: named.join('; ') }) });
  }
  return out;
}

const SOLAR_ORIGIN: Record<ReportLang, Record<SolarOrigin, string>> = {
  en: {
    computed: 'computed for this report with the project’s solar settings',
    'ui-latest': 'the latest result of the Solar panel',
    'ui-unshaded': 'computed for this report without neighbour shading (the Solar panel had no result)',
  },
  vi: {
    computed: 'tính cho báo cáo này theo thiết lập điện mặt trời của dự án',
    'ui-latest': 'kết quả mới nhất của bảng Điện mặt trời',
    'ui-unshaded': 'tính cho báo cáo này, không tính che bóng lân cận (bảng Điện mặt trời chưa có kết quả)',
  },
};

/** Every section of the site report of one scenario, as data (no drawing, no I/O). */
export function buildReportModel(doc: ParkDocument, scenarioId: string, options: ReportOptions): ReportModel {
  const { lang } = options;
  const s = reportStrings(lang);
  const scenario = doc.scenarios.find((x) => x.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const date = options.now.slice(0, 10);
  const a = options.analysis ?? analyzeScenario(doc, scenarioId, { date });
  const p = doc.project;
  const province = p.formerProvince && p.formerProvince !== p.province ? `${p.province} (${s.formerProvince}: ${p.formerProvince})` : p.province;
  const counts = countStatuses(a.rules);
  const f = (v: number, d: number) => formatNumber(lang, v, d);
  const solar = options.solar ?? null;
  const summary: KeyValue[] = [
    { label: s.parkArea, value: `${f(a.parkAreaM2 / 10_000, 2)} ha (${f(a.parkAreaM2, 0)} m²)` },
    { label: s.plots, value: `${a.plotStats.count}` },
    { label: s.greenRatio, value: `${f(a.green.greenSpaceRatio * 100, 2)} %` },
    { label: s.rulesPassFail, value: `${counts.pass} / ${counts.fail} / ${counts.warn} / ${counts['n/a']}` },
  ];
  if (solar) {
    summary.push({ label: s.totalKwp, value: `${f(solar.totalKwp, 1)} kWp` });
    summary.push({ label: s.annualMwh, value: `${f(solar.annualKwh / 1000, 1)} MWh/${lang === 'vi' ? 'năm' : 'year'}` });
  }
  const lu = landUseSection(a, lang, s);
  const names = new Map(scenario.features.map((x) => [x.id, x.name ?? x.code ?? x.id]));
  const problems = scenarioProblems(scenario.features);
  const plots = plotTable(a, lang, s);
  const sources = new SourceList();
  markInvalidPlots(plots, a, problems, s);
  return {
    meta: {
      lang,
      title: s.title,
      parkName: p.name,
      province,
      scenarioName: scenario.name,
      scenarioId,
      author: p.author ?? '',
      date,
      toolVersion: options.toolVersion,
      ...(p.description ? { description: p.description } : {}),
    },
    strings: { ...s },
    summary,
    map: buildMapFigure(scenario, lang, `${s.map} — ${scenario.name}`),
    landUseTable: lu.table,
    landUseChart: lu.chart,
    greenSummary: [
      { label: s.greenLand, value: `${f(a.green.greenLandM2, 0)} m² (${f(a.green.greenSpaceRatio * 100, 2)} %)` },
      { label: s.greenInPlots, value: `${f(a.green.greenInPlotsM2, 0)} m²` },
      { label: s.totalGreen, value: `${f(a.green.totalGreenM2, 0)} m² (${f(a.green.totalGreenRatio * 100, 2)} %)` },
      { label: s.isolationMin, value: a.green.isolationMinWidthM === null ? '—' : `${f(a.green.isolationMinWidthM, 1)} m` },
    ],
    complianceTable: complianceTable(a, lang, s, sources),
    ruleCounts: counts,
    plotTable: plots,
    problems: problemsTable(problems, scenario.features, lang, s),
    solar: solar ? solarSection(solar, lang, s, names) : null,
    eco: ecoChapter(ecoForReport(doc, scenarioId, { lang, greenSpaceRatio: a.green.greenSpaceRatio, pv: options.ecoPv }), lang, s, scenario),
    methods: methods(doc, a, date, lang, s, solar, options.solarOrigin ?? 'computed'),
    sources: sources.items,
  };
}
