import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOW_COLOURS } from '../../../shared/eco';
import { buildReportModel, renderReportPdf } from '../../../shared/report';
import { park } from '../eco/eco-park';
import { decodePng, NOW, pdfText, reportFonts, tempDir } from './helpers';

// The issue-16 park (tests/unit/eco/eco-park.ts) with one accepted exchange: spent grain from
// the brewery to the fertiliser plant, a by-product flow (#7f3b08). A flow is drawn as its
// curve and its arrowhead: two lines.
const ACCEPTED = { exchanges: [{ fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain', status: 'accepted' as const }] };
const BROWN = [0x7f, 0x3b, 0x08];

/** Pixels of the by-product flow colour on every page, rendered by poppler's pdftoppm at 50 dpi. */
async function brownPixels(bytes: Uint8Array, keepPageWith?: string): Promise<number> {
  const dir = tempDir();
  writeFileSync(join(dir, 'r.pdf'), bytes);
  execFileSync('pdftoppm', ['-r', '50', '-png', join(dir, 'r.pdf'), join(dir, 'p')]);
  let count = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.png'))) {
    const { width, height, channels, pixels } = decodePng(new Uint8Array(readFileSync(join(dir, name))));
    let here = 0;
    for (let i = 0; i < width * height; i++) {
      const o = i * channels;
      if (Math.abs(pixels[o] - BROWN[0]) < 12 && Math.abs(pixels[o + 1] - BROWN[1]) < 12 && Math.abs(pixels[o + 2] - BROWN[2]) < 12) here++;
    }
    if (here > 0 && keepPageWith) writeFileSync(keepPageWith, readFileSync(join(dir, name)));
    count += here;
  }
  return count;
}

describe('issue 16: the symbiosis map of the eco chapter', () => {
  it('draws each accepted exchange over the plots, with its legend', () => {
    const doc = park(ACCEPTED);
    const m = buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '9.9.9' });
    const fig = m.eco!.symbiosisMap!;
    expect(fig.title).toBe('Symbiosis map: accepted exchanges');
    const flows = fig.primitives.filter((p) => p.type === 'line' && p.stroke === FLOW_COLOURS['by-product']);
    expect(flows).toHaveLength(2);
    // Over the plots: drawn after the five plot polygons.
    const lastPlot = fig.primitives.map((p) => p.type).lastIndexOf('polygon');
    expect(fig.primitives.indexOf(flows[0])).toBeGreaterThan(lastPlot);
    expect(fig.legend.map((l) => l.label)).toContain('By-product flow');
  });

  it('has no map without an accepted exchange', () => {
    const doc = park();
    expect(buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '9.9.9' }).eco!.symbiosisMap).toBeNull();
  });

  it('is on the PDF page: the title, and the flow colour only when a flow is accepted', async () => {
    const withFlow = park(ACCEPTED);
    const without = park();
    const pdf = await renderReportPdf(buildReportModel(withFlow, withFlow.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '9.9.9' }), reportFonts());
    expect(pdfText(pdf)).toContain('Bản đồ cộng sinh: các trao đổi đã chấp nhận');
    expect(await brownPixels(pdf, process.env.ECO_MAP_PNG)).toBeGreaterThan(20);
    const plain = await renderReportPdf(buildReportModel(without, without.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '9.9.9' }), reportFonts());
    expect(await brownPixels(plain)).toBe(0);
  });
});
