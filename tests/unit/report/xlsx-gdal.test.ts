import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument } from '../../../shared/model';
import { buildReportModel, renderReportXlsx, reportTables, statusLabel, type ReportCell, type ReportModel } from '../../../shared/report';
import { readSolarSettings, runSolar, solarInputFromDocument, type ParkSolarResult } from '../../../shared/solar';
import { loadSample, NOW, PARK_M2, tempDir } from './helpers';

/**
 * The report's spreadsheet as an independent reader sees it: GDAL's XLSX driver (Debian
 * gdal-bin) opens the file we write, and every sheet, header and cell must read back as the
 * report model says. A sheet is a title row, a header row, then the data rows; GDAL's own header
 * guess would take the title for the header, so it reads every row as data (HEADERS=DISABLE)
 * and as text (FIELD_TYPES=STRING), which lets the test see the header row and every cell as written.
 */

let doc: ParkDocument;
let solar: ParkSolarResult;

beforeAll(async () => {
  doc = await loadSample();
  solar = runSolar(solarInputFromDocument(doc, readSolarSettings(doc.settings)));
}, 60_000);

const GDAL_OPEN = ['-oo', 'HEADERS=DISABLE', '-oo', 'FIELD_TYPES=STRING'];

/** Layer names as `ogrinfo -ro -so` lists them ("1: summary (None)"). */
function gdalLayers(file: string): string[] {
  const out = execFileSync('ogrinfo', ['-ro', '-so', ...GDAL_OPEN, file], { encoding: 'utf8' });
  return [...out.matchAll(/^\d+: (.+) \(None\)$/gm)].map((m) => m[1]);
}

/**
 * Rows of one sheet through `ogr2ogr -f GeoJSON /vsistdout/`: each row's first `columns` cells in
 * order. GDAL leaves an empty cell unset, which GeoJSON omits: read here as null.
 */
function gdalRows(file: string, layer: string, columns: number): (string | null)[][] {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', ...GDAL_OPEN, file, layer], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const features = (JSON.parse(out) as { features: { properties: Record<string, string | null> }[] }).features;
  return features.map((f) => Array.from({ length: columns }, (_, i) => f.properties[`Field${i + 1}`] ?? null));
}

/** The ogrinfo field names of a sheet, in order ("Field1: String (0.0)"). */
function gdalFieldNames(file: string, layer: string): string[] {
  const out = execFileSync('ogrinfo', ['-ro', '-so', ...GDAL_OPEN, file, layer], { encoding: 'utf8' });
  return [...out.matchAll(/^(\w+): String /gm)].map((m) => m[1]);
}

/** What a cell must read as: its text, a status in words, or a number (compared to the writer's 6 decimals). */
function expected(cell: ReportCell, lang: ReportModel['meta']['lang']): string | number | null {
  if (cell.t === 'num') return cell.v === null || !Number.isFinite(cell.v) ? null : cell.v;
  if (cell.t === 'status') return statusLabel(cell.v, lang);
  return cell.v;
}

function expectCell(read: string | null, want: string | number | null, where: string) {
  if (want === null) expect(read, where).toBeNull();
  // The writer keeps at least six decimals, so a number reads back within half a unit of the sixth.
  else if (typeof want === 'number') expect(Math.abs(Number(read) - want), `${where}: ${read} vs ${want}`).toBeLessThanOrEqual(5e-7 + Math.abs(want) * 1e-15);
  // An empty text cell reads as an empty (unset) field.
  else expect(read ?? '', where).toBe(want);
}

describe('the report XLSX read back by GDAL', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: GDAL lists one layer per table, with the model's title, headers and every cell`, () => {
      const model = buildReportModel(doc, doc.activeScenarioId, { lang, now: NOW, toolVersion: '9.9.9', solar });
      const file = join(tempDir(), `report-${lang}.xlsx`);
      writeFileSync(file, renderReportXlsx(model));
      const tables = reportTables(model);
      expect(gdalLayers(file)).toEqual(tables.map((t) => t.id));
      expect(tables.map((t) => t.id)).toEqual(expect.arrayContaining(['summary', 'land-use', 'compliance', 'plots', 'solar-roofs', 'solar-monthly', 'methods']));
      for (const t of tables) {
        expect(gdalFieldNames(file, t.id)).toEqual(t.columns.map((_, i) => `Field${i + 1}`));
        const [title, header, ...data] = gdalRows(file, t.id, t.columns.length);
        expect(title).toEqual([t.title, ...t.columns.slice(1).map(() => null)]);
        expect(header.map((h) => h ?? '')).toEqual(t.columns.map((c) => c.header));
        expect(data).toHaveLength(t.rows.length);
        t.rows.forEach((row, r) => row.forEach((cell, c) => expectCell(data[r][c], expected(cell, lang), `${t.id} row ${r + 3} column ${c + 1}`)));
      }
      // A known answer from the sample, beyond agreement with the model: the park's total area (m²).
      const total = gdalRows(file, 'land-use', 4).at(-1)!;
      expect(Number(total[1])).toBeCloseTo(PARK_M2, 5);
    }, 120_000);
  }
});
