import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument } from '../../../shared/model';
import { buildReportModel, renderReportCsv, renderReportXlsx, reportTables, type ReportModel } from '../../../shared/report';
import { readSolarSettings, runSolar, solarInputFromDocument } from '../../../shared/solar';
import { loadSample, NOW, PARK_M2, PARK_NAME } from './helpers';

let doc: ParkDocument;
let model: ReportModel;

beforeAll(async () => {
  doc = await loadSample();
  const solar = runSolar(solarInputFromDocument(doc, readSolarSettings(doc.settings)));
  model = buildReportModel(doc, doc.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '9.9.9', solar });
}, 60_000);

/** Cells of a sheet: reference → { type, value } (inline strings and numbers, as written). */
function sheetCells(xml: string): Map<string, { t: 'n' | 's'; v: string }> {
  const cells = new Map<string, { t: 'n' | 's'; v: string }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
    const inline = /<t[^>]*>(.*?)<\/t>/.exec(m[3]);
    if (m[2].includes('t="inlineStr"') && inline) cells.set(m[1], { t: 's', v: inline[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
    else cells.set(m[1], { t: 'n', v: /<v>(.*?)<\/v>/.exec(m[3])![1] });
  }
  return cells;
}

describe('XLSX export', () => {
  it('has one sheet per table, numbers as numeric cells and Vietnamese text intact', () => {
    const zip = unzipSync(renderReportXlsx(model));
    const tables = reportTables(model);
    const workbook = strFromU8(zip['xl/workbook.xml']);
    const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(tables.map((t) => t.id));
    expect(names).toEqual(expect.arrayContaining(['summary', 'land-use', 'compliance', 'plots', 'solar-roofs', 'solar-monthly', 'methods']));
    for (const [i, t] of tables.entries()) {
      const cells = sheetCells(strFromU8(zip[`xl/worksheets/sheet${i + 1}.xml`]));
      expect(cells.get('A1')).toEqual({ t: 's', v: t.title });
      const numeric = t.rows.flat().filter((c) => c.t === 'num' && c.v !== null).length;
      expect([...cells.values()].filter((c) => c.t === 'n')).toHaveLength(numeric);
    }
    const landUse = sheetCells(strFromU8(zip[`xl/worksheets/sheet${names.indexOf('land-use') + 1}.xml`]));
    const totalRow = model.landUseTable.rows.length + 2;
    expect(landUse.get(`A${totalRow}`)!.v).toBe('Tổng diện tích khu');
    expect(Number(landUse.get(`B${totalRow}`)!.v)).toBeCloseTo(PARK_M2, 5);
    expect(landUse.get(`B${totalRow}`)!.t).toBe('n');
    const summary = sheetCells(strFromU8(zip['xl/worksheets/sheet1.xml']));
    expect(summary.get('B3')!.v).toBe(PARK_NAME);
    const compliance = sheetCells(strFromU8(zip[`xl/worksheets/sheet${names.indexOf('compliance') + 1}.xml`]));
    expect(compliance.get('A3')!.v).toBe(model.complianceTable.rows[0][0].t === 'text' ? model.complianceTable.rows[0][0].v : '');
    expect(['đạt', 'không đạt', 'cảnh báo', 'không áp dụng']).toContain(compliance.get('G3')!.v);
  });
});

describe('CSV export', () => {
  it('writes each table as a section with a header and raw numbers', () => {
    const csv = renderReportCsv(model);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Sections are separated by an empty line; the file ends with one line break.
    expect(csv.endsWith('\r\n')).toBe(true);
    const sections = csv.slice(1, -2).split('\r\n\r\n');
    const tables = reportTables(model);
    expect(sections).toHaveLength(tables.length);
    for (const [i, s] of sections.entries()) {
      const lines = s.split('\r\n');
      expect(lines[0]).toBe(`# ${tables[i].id}: ${tables[i].title}`);
      expect(lines).toHaveLength(tables[i].rows.length + 2);
    }
    const landUse = sections[tables.findIndex((t) => t.id === 'land-use')].split('\r\n');
    const total = landUse[landUse.length - 1].split(',');
    expect(total[0]).toBe('Tổng diện tích khu');
    expect(Number(total[1])).toBeCloseTo(PARK_M2, 5);
    expect(Number(total[3])).toBe(100);
    // A field with a comma is quoted (RFC 4180).
    expect(csv).toMatch(/\n"[^"\n]*,[^"\n]*"/);
  });
});
