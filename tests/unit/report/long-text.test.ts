import { describe, expect, it } from 'vitest';
import { buildReportModel, renderReportPdf } from '../../../shared/report';
import { loadSample, NOW, pdfText, reportFonts } from './helpers';

/**
 * Issue 11, finding 10: a 10 MB name made the PDF report pass 4 GB. Every drawn string is now
 * clipped ("…") and a cell shows at most a few lines, so the report stays the size of a normal one.
 */
describe('report with hostile text', () => {
  it('a 10 MB park name and plot name give a PDF of normal size, with the names clipped', async () => {
    const doc = await loadSample();
    const normal = await renderReportPdf(buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: 't' }), reportFonts());
    const huge = 'Tên rất dài '.repeat(900_000); // 10.8 M characters
    doc.project.name = huge;
    const plot = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.kind === 'landuse' && f.landUse === 'industrial')!;
    plot.name = huge;
    const started = performance.now();
    const bytes = await renderReportPdf(buildReportModel(doc, doc.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: 't' }), reportFonts());
    expect(performance.now() - started).toBeLessThan(60_000);
    // Bounded: at most a few pages more than the same report with ordinary names.
    expect(bytes.length).toBeLessThan(normal.length + 400_000);
    // A clipped cell's last line: words of the name, then "…" (which words depends on the column width).
    expect(pdfText(bytes)).toMatch(/(?:Tên|rất|dài) [^\n]*…/);
  }, 120_000);
});
