import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../shared/analysis';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import { formatNumber } from '../../../shared/format';
import { buildReportModel, renderReportPdf } from '../../../shared/report';
import { readSolarSettings, runSolar, solarInputFromDocument, type ParkSolarResult } from '../../../shared/solar';
import { firstPageStats, loadSample, NOW, PARK_M2, PARK_NAME, pdfPages, pdfText, reportFonts } from './helpers';

let doc: ParkDocument;
let solar: ParkSolarResult;
let pdfEn: Uint8Array;
let pdfVi: Uint8Array;

beforeAll(async () => {
  doc = await loadSample();
  solar = runSolar(solarInputFromDocument(doc, readSolarSettings(doc.settings)));
  pdfEn = await renderReportPdf(buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '9.9.9', solar }), reportFonts());
  pdfVi = await renderReportPdf(buildReportModel(doc, doc.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '9.9.9', solar }), reportFonts());
}, 60_000);

describe('site report PDF of the sample', () => {
  it('is an A4 PDF of several numbered pages', () => {
    expect(new TextDecoder().decode(pdfEn.subarray(0, 5))).toBe('%PDF-');
    const pages = pdfPages(pdfEn);
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = pdfText(pdfEn);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('has the park name with its diacritics, every rule id and the totals as extractable text', () => {
    const text = pdfText(pdfEn);
    expect(text).toContain(PARK_NAME);
    const rules = analyzeScenario(doc, doc.activeScenarioId, { date: NOW.slice(0, 10) }).rules;
    expect(rules.length).toBeGreaterThan(10);
    for (const r of rules) expect(text, r.id).toContain(r.id);
    expect(text).toContain(`${formatNumber('en', PARK_M2 / 10_000, 2)} ha`);
    expect(text).toContain('334.70 ha');
    expect(text).toContain(`${formatNumber('en', solar.totalKwp, 1)} kWp`);
    expect(text).toContain(`${formatNumber('en', solar.annualKwh / 1000, 1)} MWh/year`);
    expect(text).toContain('Phương án A');
    expect(text).toContain('Bắc Ninh');
  });

  it('writes the Vietnamese report in Vietnamese with Vietnamese number formats', () => {
    const text = pdfText(pdfVi);
    expect(text).toContain(PARK_NAME);
    expect(text).toContain('Báo cáo khu đất'.toUpperCase());
    expect(text).toContain('Danh mục tuân thủ');
    expect(text).toContain('Bảng thống kê lô đất');
    expect(text).toContain('334,70 ha');
    expect(text).toMatch(/Trang 1\/\d+/);
    // NOW is 2026-02-01: day/month/year in Vietnamese, never the ISO form.
    expect(text).toContain('01/02/2026');
    expect(text).not.toContain('2026-02-01');
  });

  it('writes dates in English as day, short month, year', () => {
    const text = pdfText(pdfEn);
    expect(text).toContain('1 Feb 2026');
    expect(text).not.toContain('2026-02-01');
  });

  it('renders a first page that is not blank (the map figure in colour)', () => {
    const stats = firstPageStats(pdfEn);
    // A4 at 40 dpi is 331 × 468 pixels.
    expect(stats.width).toBe(331);
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.inkShare).toBeGreaterThan(0.15);
  });

  it('renders a project without features (no boundary, no roofs) without failing', async () => {
    const empty = createEmptyDocument('Dự án trống', { now: NOW });
    const none = runSolar(solarInputFromDocument(empty, readSolarSettings(empty.settings)));
    const bytes = await renderReportPdf(buildReportModel(empty, empty.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '1', solar: none }), reportFonts());
    const text = pdfText(bytes);
    expect(text).toContain('Dự án trống');
    expect(text).toContain('0,00 ha');
  }, 60_000);
});
