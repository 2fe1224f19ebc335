import { analyzeEco, GRID_EMISSION_FACTOR, sectorLabel, SYMBIOSIS, type CriterionStatus, type EcoResult, type RooftopPv } from '../eco';
import type { ParkDocument } from '../model';
import { formatNumber } from '../format';
import { num, text } from './cells';
import { fill, type ReportStringKey } from './strings';
import type { KeyValue, MapFigure, ReportCell, ReportLang, ReportTable } from './types';
import type { Scenario } from '../model/document';
import { ecoSymbiosisMap } from './eco-map';

/**
 * The eco-performance chapter of the report (issue 16; figures from shared/eco, as
 * `ecopark eco` prints them): park balances, carbon and CBAM per plot and park, the symbiosis
 * exchanges and the EIP criteria scorecard.
 */
export interface EcoChapter {
  summary: KeyValue[];
  balanceTable: ReportTable;
  plotTable: ReportTable;
  symbiosisTable: ReportTable;
  /** The accepted exchanges over the plots; null when none is accepted. */
  symbiosisMap: MapFigure | null;
  criteriaTable: ReportTable;
}


/**
 * The eco result of a scenario for the report and Compare. Rooftop PV counts hour by hour only
 * with its hourly profile (rooftopPvOf in shared/eco/pv.ts, seconds of solar model per
 * scenario, so the caller decides where it runs); without one it is not counted, and the
 * chapter says so.
 */
export function ecoForReport(doc: ParkDocument, scenarioId: string, o: { lang: ReportLang; greenSpaceRatio: number | null; pv?: RooftopPv | null }): EcoResult {
  return analyzeEco(doc, { scenarioId, pv: o.pv ?? null, greenSpaceRatio: o.greenSpaceRatio, lang: o.lang });
}

const CRITERION_STATUS: Record<ReportLang, Record<CriterionStatus, string>> = {
  en: { pass: 'pass', fail: 'fail', info: 'information', open: 'open' },
  vi: { pass: 'đạt', fail: 'không đạt', info: 'thông tin', open: 'chưa đánh giá' },
};

const EXCHANGE_STATUS: Record<ReportLang, Record<EcoResult['symbiosis'][number]['status'], string>> = {
  en: { candidate: 'candidate', accepted: 'accepted', rejected: 'rejected' },
  vi: { candidate: 'đề xuất', accepted: 'đã chấp nhận', rejected: 'đã từ chối' },
};

export function ecoChapter(r: EcoResult, lang: ReportLang, s: Record<ReportStringKey, string>, scenario?: Scenario): EcoChapter {
  const f = (v: number, d: number) => formatNumber(lang, v, d);
  const year = lang === 'vi' ? 'năm' : 'year';
  const day = lang === 'vi' ? 'ngày' : 'day';
  const e = r.electricity;
  const c = r.carbon;
  const factorYear = c.gridEmissionFactorYear === null ? s.ecoYearUnknown : String(c.gridEmissionFactorYear);
  const factorSource = r.settings.gridFactorEdited ? s.ecoFactorProject : GRID_EMISSION_FACTOR.source.document;
  const cbamPlots = r.plots.filter((p) => p.carbon.cbam);
  const summary: KeyValue[] = [
    { label: s.ecoGridFactor, value: `${f(c.gridEmissionFactorTPerMwh, 4)} tCO₂/MWh (${factorYear}; ${factorSource})` },
    { label: s.ecoScope1, value: `${f(c.scope1T, 0)} tCO₂/${year}` },
    { label: s.ecoScope2, value: `${f(c.scope2T, 0)} tCO₂/${year}` },
    { label: s.ecoAvoided, value: r.pvHourly ? `${f(c.avoidedByPvT, 0)} tCO₂/${year}` : s.ecoNoPv },
    { label: s.ecoCbamPlots, value: `${cbamPlots.length}` },
    { label: s.ecoCbamCost, value: `${f(c.cbamCostEur, 0)} EUR/${year} (${fill(s.ecoCbamBasis, { price: f(r.settings.carbonPriceEurPerT, 0), share: f(r.settings.euExportShare * 100, 0) })})` },
  ];
  const row = (label: string, v: number | null, digits: number, unit: string): ReportCell[] => [text(label), num(v, digits), text(unit)];
  const mwh = `MWh/${year}`;
  const m3 = `m³/${day}`;
  const tYear = `t/${year}`;
  const balanceRows: ReportCell[][] = [
    row(s.ecoElectricity, e.demandMwhPerYear, 1, mwh),
    row(s.ecoPv, r.pvHourly ? e.rooftopPvMwhPerYear : null, 1, mwh),
    row(s.ecoSelfConsumed, r.pvHourly ? e.selfConsumedMwhPerYear : null, 1, mwh),
    row(s.ecoExported, r.pvHourly ? e.exportedMwhPerYear : null, 1, mwh),
    row(s.ecoGrid, e.gridMwhPerYear, 1, mwh),
    row(s.ecoPvShare, r.pvHourly ? e.pvShareOfDemand * 100 : null, 1, '%'),
    row(s.ecoWater, r.water.waterM3PerDay, 1, m3),
    row(s.ecoWaterSupply, r.water.supplyCapacityM3PerDay, 1, m3),
    row(s.ecoWastewater, r.water.wastewaterM3PerDay, 1, m3),
    row(s.ecoWwtp, r.water.wwtpCapacityM3PerDay, 1, m3),
    row(s.ecoWwtpRatio, r.water.wwtpCapacityRatio === null ? null : r.water.wwtpCapacityRatio * 100, 1, '%'),
    row(s.ecoSolidWaste, r.solidWasteTPerYear, 1, tYear),
    ...Object.entries(r.wasteByStreamTPerYear).map(([stream, t]) => row(fill(s.ecoWasteStream, { stream: stream.replace(/-/g, ' ') }), t, 1, tYear)),
  ];
  const balanceTable: ReportTable = {
    id: 'eco-balances',
    title: s.ecoBalances,
    columns: [
      { header: s.ecoItem, align: 'left', weight: 4 },
      { header: s.value, align: 'right', weight: 1.5 },
      { header: s.unit, align: 'left', weight: 1.2 },
    ],
    rows: balanceRows,
    note: r.pvHourly ? undefined : s.ecoNoPvNote,
  };
  const plotName = new Map(r.plots.map((p) => [p.id, p.code ?? p.name ?? p.id]));
  const plotTable: ReportTable = {
    id: 'eco-plots',
    title: s.ecoCarbon,
    columns: [
      { header: s.code, align: 'left', weight: 1 },
      { header: s.ecoSector, align: 'left', weight: 3 },
      { header: s.ecoElectricityShort, align: 'right', weight: 1.2 },
      { header: s.ecoWaterShort, align: 'right', weight: 1.1 },
      { header: s.ecoScope1Short, align: 'right', weight: 1.1 },
      { header: s.ecoScope2Short, align: 'right', weight: 1.1 },
      { header: 'CBAM', align: 'left', weight: 1.1 },
      { header: s.ecoEmbedded, align: 'right', weight: 1.2 },
      { header: s.ecoCostEur, align: 'right', weight: 1.3 },
    ],
    rows: r.plots.map((p) => [
      text(plotName.get(p.id) ?? p.id),
      text(p.sector === null ? s.ecoNoSector : sectorLabel(p.sector, p.sectorScheme, lang)),
      num(p.electricityMwhPerYear, 0),
      num(p.waterM3PerDay, 0),
      num(p.carbon.scope1T, 0),
      num(p.carbon.scope2T, 0),
      text(p.carbon.cbam?.sectorId ?? ''),
      num(p.carbon.cbam ? p.carbon.cbam.embeddedT : null, 0),
      num(p.carbon.cbam ? p.carbon.cbam.costEur : null, 0),
    ]),
  };
  plotTable.rows.push([text(s.ecoTotal), text(''), num(e.demandMwhPerYear, 0), num(r.water.waterM3PerDay, 0), num(c.scope1T, 0), num(c.scope2T, 0), text(`${cbamPlots.length}`), num(cbamPlots.reduce((a, p) => a + (p.carbon.cbam?.embeddedT ?? 0), 0), 0), num(c.cbamCostEur, 0)]);
  plotTable.boldRows = [plotTable.rows.length - 1];
  const resourceName = (resource: string) => SYMBIOSIS.exchanges.find((x) => x.resource === resource)?.name[lang] ?? resource;
  const symbiosisTable: ReportTable = {
    id: 'eco-symbiosis',
    title: s.ecoSymbiosis,
    columns: [
      { header: s.ecoFrom, align: 'left', weight: 1.2 },
      { header: s.ecoTo, align: 'left', weight: 1.2 },
      { header: s.ecoResource, align: 'left', weight: 3 },
      { header: s.ecoQuantity, align: 'right', weight: 1.2 },
      { header: s.unit, align: 'left', weight: 0.8 },
      { header: s.ecoDistance, align: 'right', weight: 1.1 },
      { header: s.ecoRoute, align: 'left', weight: 1.1 },
      { header: s.status, align: 'left', weight: 1.3 },
    ],
    rows: r.symbiosis.map((x) => [
      text(plotName.get(x.fromPlotId) ?? x.fromPlotId),
      text(plotName.get(x.toPlotId) ?? x.toPlotId),
      text(resourceName(x.resource)),
      num(x.quantity, 0),
      text(x.unit),
      num(x.distanceM, 0),
      text(x.alongRoads ? s.ecoAlongRoads : s.ecoStraightLine),
      text(EXCHANGE_STATUS[lang][x.status]),
    ]),
    note: r.symbiosis.length === 0 ? s.ecoNoExchanges : s.ecoDistanceNote,
  };
  const criteriaTable: ReportTable = {
    id: 'eco-criteria',
    title: s.ecoCriteria,
    columns: [
      { header: s.ecoCriterion, align: 'left', weight: 4 },
      { header: s.value, align: 'right', weight: 1 },
      { header: s.threshold, align: 'right', weight: 1 },
      { header: s.status, align: 'left', weight: 1.3 },
      { header: s.citation, align: 'left', weight: 3 },
    ],
    rows: r.criteria.map((k) => {
      const pct = k.criterion.unit === 'ratio';
      const shown = (v: number | null) => (v === null ? null : pct ? v * 100 : v);
      const evidence = k.evidence ? ` — ${k.evidence}` : '';
      return [
        text(`${k.criterion.title[lang]}${pct ? ' (%)' : ''}${evidence}`),
        num(shown(k.value), pct ? 1 : 0),
        num(shown(k.threshold), pct ? 1 : 0),
        text(CRITERION_STATUS[lang][k.status]),
        text(k.citation),
      ];
    }),
  };
  const flowLabels = { heat: s.ecoFlowHeat, 'by-product': s.ecoFlowByProduct, water: s.ecoFlowWater };
  const symbiosisMap = scenario ? ecoSymbiosisMap(scenario, r, lang, s.ecoSymbiosisMap, flowLabels) : null;
  return { summary, balanceTable, plotTable, symbiosisTable, symbiosisMap, criteriaTable };
}

/**
 * The chapter as one table (one XLSX sheet, one CSV block): the summary, then each part under
 * its title and header (no empty rows: the CSV separates tables by an empty line).
 */
export function ecoSheet(ch: EcoChapter, title: string, headers: [string, string]): ReportTable {
  const parts: ReportTable[] = [ch.balanceTable, ch.plotTable, ch.symbiosisTable, ch.criteriaTable];
  const width = Math.max(...parts.map((t) => t.columns.length));
  const rows: ReportCell[][] = ch.summary.map((kv) => [text(kv.label), text(kv.value)]);
  for (const t of parts) {
    rows.push([text(t.title)], t.columns.map((c) => text(c.header)), ...t.rows);
  }
  return {
    id: 'eco',
    title,
    columns: Array.from({ length: width }, (_, i) => ({ header: headers[i] ?? '', align: 'left' as const, weight: i === 0 ? 3 : 1.2 })),
    rows,
  };
}
