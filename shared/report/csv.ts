import { CSV_BOM, csvLines } from '../io/spreadsheet';
import { statusLabel } from './strings';
import { ecoSheet } from './eco-section';
import type { KeyValue, ReportCell, ReportChart, ReportModel, ReportTable } from './types';

function keyValueTable(id: string, title: string, items: readonly KeyValue[], headers: [string, string]): ReportTable {
  return {
    id,
    title,
    columns: [{ header: headers[0], align: 'left', weight: 1 }, { header: headers[1], align: 'left', weight: 2 }],
    rows: items.map((kv) => [{ t: 'text', v: kv.label }, { t: 'text', v: kv.value }]),
  };
}

function chartTable(chart: ReportChart, labelHeader: string): ReportTable {
  return {
    id: chart.id,
    title: chart.title,
    columns: [{ header: labelHeader, align: 'left', weight: 1 }, { header: chart.unit, align: 'right', weight: 1 }],
    rows: chart.bars.map((b) => [{ t: 'text', v: b.label }, { t: 'num', v: b.value, digits: chart.digits }]),
  };
}

/**
 * Every table of the report in order, as the spreadsheet and CSV exports write them: the
 * summary and methods as label/value tables, charts as their data, then the tables themselves.
 */
export function reportTables(m: ReportModel): ReportTable[] {
  const s = m.strings;
  const meta: KeyValue[] = [
    { label: s.park, value: m.meta.parkName },
    { label: s.province, value: m.meta.province },
    { label: s.scenario, value: m.meta.scenarioName },
    { label: s.date, value: m.meta.date },
    { label: s.author, value: m.meta.author },
    { label: s.toolVersion, value: m.meta.toolVersion },
    ...m.summary,
    ...m.greenSummary,
    ...(m.solar?.summary ?? []),
  ];
  const tables: ReportTable[] = [keyValueTable('summary', s.summary, meta, [s.kpi, s.value]), m.landUseTable, m.complianceTable, m.plotTable];
  if (m.solar) tables.push(m.solar.buildingTable, chartTable(m.solar.monthlyChart, s.monthly));
  if (m.eco) tables.push(ecoSheet(m.eco, s.ecoTitle, [s.ecoItem, s.value]));
  if (m.comparison) tables.push(m.comparison.kpiTable, m.comparison.ruleTable);
  tables.push(keyValueTable('methods', s.methods, m.methods, [s.methods, s.value]));
  if (m.sources && m.sources.length > 0) {
    tables.push({
      id: 'sources',
      title: s.sources,
      columns: [{ header: 'n', align: 'right', weight: 0.3 }, { header: s.sources, align: 'left', weight: 6 }],
      rows: m.sources.map((src) => [{ t: 'num', v: src.n, digits: 0 }, { t: 'text', v: src.text }]),
    });
  }
  return tables;
}

/** A cell's value for a machine reader: numbers unformatted with a "." decimal, statuses as words. */
export function rawCell(cell: ReportCell, lang: ReportModel['meta']['lang']): string | number | null {
  if (cell.t === 'num') return cell.v === null || !Number.isFinite(cell.v) ? null : Number(cell.v.toFixed(Math.max(cell.digits, 6)));
  if (cell.t === 'status') return statusLabel(cell.v, lang);
  return cell.v;
}

/**
 * The report as one CSV file (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Vietnamese correctly): each table starts with a `# id: title` line, then its header
 * row and data rows, and ends with an empty line. Numbers carry no grouping and a "." decimal.
 */
export function renderReportCsv(m: ReportModel): string {
  const lines: string[] = [];
  for (const t of reportTables(m)) {
    lines.push(`# ${t.id}: ${t.title.replace(/[\r\n]+/g, ' ')}`);
    lines.push(...csvLines([t.columns.map((c) => c.header), ...t.rows.map((row) => row.map((c) => rawCell(c, m.meta.lang)))]));
    lines.push('');
  }
  return `${CSV_BOM}${lines.join('\r\n')}`;
}
