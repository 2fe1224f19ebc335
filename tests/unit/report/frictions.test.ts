import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument } from '../../../shared/model';
import { buildReportModel, renderReportPdf, renderReportXlsx, type ReportModel } from '../../../shared/report';
import { reportTables } from '../../../shared/report/csv';
import { CONTENT_W } from '../../../shared/report/pdf/layout';
import { fitColumns } from '../../../shared/report/pdf/table';
import { park } from '../eco/eco-park';
import { loadSample, NOW, pdfText, reportFonts, tempDir } from './helpers';

// Issue 13, "Report": headers never break inside a word, citations read as document and article
// with the addresses in a numbered list, and the plot schedule says which indicator fails.

let sample: ParkDocument;
let bold: PDFFont;
const models: ReportModel[] = [];

beforeAll(async () => {
  sample = await loadSample();
  for (const lang of ['en', 'vi'] as const) models.push(buildReportModel(sample, sample.activeScenarioId, { lang, now: NOW, toolVersion: 't' }));
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  bold = await pdf.embedFont(reportFonts().bold, { subset: false });
}, 60_000);

describe('table headers', () => {
  it('every header word of every report table fits its column at the header size (Noto Sans Bold metrics)', () => {
    const pad = 2.5;
    for (const m of models) {
      for (const t of reportTables(m)) {
        for (const size of [7, 8]) {
          const { widths, headerSize } = fitColumns(t.columns, CONTENT_W, pad, size, (w, sz) => bold.widthOfTextAtSize(w, sz));
          expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(CONTENT_W, 6);
          t.columns.forEach((c, i) => {
            for (const word of c.header.split(/\s+/).filter(Boolean)) expect(bold.widthOfTextAtSize(word, headerSize), `${m.meta.lang} ${t.id} "${word}"`).toBeLessThanOrEqual(widths[i] - 2 * pad);
          });
        }
      }
    }
  });

  it('steps the header size down when the widest words cannot all fit', () => {
    // Ten columns whose header is one 60-pt word at size 8 (7.5 pt per unit): 10 × (60 + 5.5) > 400;
    // at 6 pt the words are 45 pt wide, 10 × 50.5 = 505 > 400; at 4.5… the floor is 5 pt: 37.5 + 5.5 = 43, × 10 = 430 > 400.
    const cols = Array.from({ length: 10 }, () => ({ header: 'word', weight: 1 }));
    const measure = (w: string, sz: number) => (w.length * 15 * sz) / 8;
    const r = fitColumns(cols, 400, 2.5, 8, measure);
    expect(r.headerSize).toBe(5);
    expect(r.widths.every((w) => Math.abs(w - 40) < 1e-9)).toBe(true);
    // With 600 pt: at 8 pt 10 × 65.5 = 655 > 600, at 7.5 pt 10 × (56.25 + 5.5) = 617.5 > 600, at 7 pt 10 × 58 = 580 ≤ 600.
    expect(fitColumns(cols, 600, 2.5, 8, measure).headerSize).toBe(7);
  });
});

describe('citations', () => {
  it('the Citation column reads as document and article; the addresses are a numbered list at the end', async () => {
    const m = models[0];
    const citeCol = m.complianceTable.columns.length - 1;
    for (const row of m.complianceTable.rows) {
      const cell = row[citeCol];
      expect(cell.t === 'text' && cell.v).not.toMatch(/https?:/);
    }
    expect(m.sources!.length).toBeGreaterThan(0);
    for (const [i, s] of m.sources!.entries()) {
      expect(s.n).toBe(i + 1);
      expect(s.text).toMatch(/ — https?:\/\//);
    }
    // Every [n] in the column is a listed source, and every source is cited.
    const cited = new Set(m.complianceTable.rows.flatMap((r) => { const c = r[citeCol]; return c.t === 'text' ? [...c.v.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1])) : []; }));
    expect([...cited].sort((a, b) => a - b)).toEqual(m.sources!.map((s) => s.n));
    const text = pdfText(await renderReportPdf(m, reportFonts()));
    expect(text).toContain('Sources');
    expect(text).toContain(`[1] ${m.sources![0].text.slice(0, 30)}`);
  }, 60_000);

  it('the XLSX has the sources as a sheet, read by GDAL', () => {
    const file = join(tempDir(), 'r.xlsx');
    writeFileSync(file, renderReportXlsx(models[1]));
    const out = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', '-oo', 'HEADERS=FORCE', '-oo', 'FIELD_TYPES=STRING', file, 'sources'], { encoding: 'utf8' });
    for (const s of models[1].sources!) expect(out).toContain(s.text.split(' — ')[1]);
  });
});

describe('plot schedule', () => {
  // The aluminium plot of the eco park (0.002° square, lat 21.100–21.102) gets a 0.0018° square
  // hall centred in it: both centred on 21.101°, so the footprint ÷ area is 0.0018² ÷ 0.002² = 81 %
  // (the cos-latitude factor is the same for both to 1e-8), above QCVN's 70 %.
  const doc = park();
  const x0 = 106.0001;
  const y0 = 21.1001;
  doc.scenarios[0].features.push({ id: 'hall', kind: 'building', geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + 0.0018, y0], [x0 + 0.0018, y0 + 0.0018], [x0, y0 + 0.0018], [x0, y0]]] } });

  it('says which indicator fails, with its value and limit, in both languages', async () => {
    for (const [lang, want] of [['en', 'Density 81.0 % > 70.0 %'], ['vi', 'Mật độ 81,0 % > 70,0 %']] as const) {
      const m = buildReportModel(doc, doc.activeScenarioId, { lang, now: NOW, toolVersion: 't' });
      const failCol = m.plotTable.columns.length - 1;
      const row = m.plotTable.rows.findIndex((r) => r[1].t === 'text' && r[1].v === 'Aluminium');
      const cell = m.plotTable.rows[row][failCol];
      expect(cell.t === 'text' && cell.v).toContain(want);
      expect(m.plotTable.highlight).toContain(`${row}:${failCol}`);
      // The other plots have no building: nothing fails.
      for (const [r, cells] of m.plotTable.rows.entries()) if (r !== row) expect(cells[failCol]).toEqual({ t: 'text', v: '' });
      if (lang === 'en') expect(pdfText(await renderReportPdf(m, reportFonts())).replace(/\s+/g, ' ')).toContain(want);
    }
  }, 60_000);
});
