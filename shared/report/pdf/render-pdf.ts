import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { fill } from '../strings';
import { formatDate } from '../../format';
import type { ComparisonModel, MapFigure, ReportLang, ReportModel } from '../types';
import type { Fonts } from './canvas';
import { PAGE_H } from './canvas';
import { drawChart } from './chart';
import { BOTTOM, CONTENT_W, Layout, MARGIN_X } from './layout';
import { drawMapFigure } from './map';
import { drawTable } from './table';
import { clipText } from '../../i18n/clip-text';
import { MAX_DRAWN_CHARS } from './canvas';

/** TrueType/OpenType bytes of the report font (it must have the Vietnamese glyphs). */
export interface ReportFonts {
  regular: Uint8Array;
  bold?: Uint8Array;
}

/**
 * Noto Sans' `ccmp` feature decomposes letters such as ụ into u + a dot-below glyph that has no
 * Unicode mapping, so text extraction (search, copy, pdftotext) loses the mark. The font has
 * every precomposed Vietnamese letter, so the decomposition is not needed to draw them.
 */
const NO_DECOMPOSE = { ccmp: false };

function titleBlock(layout: Layout, m: ReportModel): void {
  const s = m.strings;
  const c = layout.canvas;
  c.rect(MARGIN_X, layout.y, CONTENT_W, 4, { fill: '#1f4e3d' });
  layout.y += 22;
  c.text(m.meta.title.toUpperCase(), MARGIN_X, layout.y, { size: 10, bold: true, colour: '#1f4e3d' });
  layout.y += 6;
  for (const line of c.wrap(m.meta.parkName, 19, CONTENT_W, true)) {
    layout.y += 23;
    c.text(line, MARGIN_X, layout.y, { size: 19, bold: true });
  }
  layout.y += 14;
  layout.keyValues([
    { label: s.province, value: m.meta.province || '—' },
    { label: s.scenario, value: m.meta.scenarioName },
    { label: s.date, value: formatDate(m.meta.lang, m.meta.date) },
    { label: s.author, value: m.meta.author || '—' },
    { label: s.toolVersion, value: `EcoPark Planner ${m.meta.toolVersion}` },
  ], 110, 9);
  if (m.meta.description) layout.paragraph(m.meta.description, 8, '#555555');
}

function mapSection(layout: Layout, m: ReportModel): void {
  const legendRows = Math.ceil(m.map.legend.length / 3);
  const extra = 30 + legendRows * 13 + 16;
  if (BOTTOM - layout.y - extra < 330) layout.newPage();
  layout.heading(m.map.title, 11);
  const h = BOTTOM - layout.y - extra;
  const inset = 34;
  const used = drawMapFigure(layout.canvas, m.map, { x: MARGIN_X + inset, y: layout.y + 4, w: CONTENT_W - 2 * inset, h }, { northLabel: m.strings.north });
  layout.y += used + 8;
  layout.canvas.text(m.strings.gridNote, MARGIN_X + inset, layout.y + 6, { size: 6.5, colour: '#555555' });
  layout.y += 12;
}

/** The eco chapter's symbiosis map: the scenario map with the accepted flows, on a page of its own when the rest is short. */
function ecoMapSection(layout: Layout, fig: MapFigure, m: ReportModel): void {
  const extra = 30 + Math.ceil(fig.legend.length / 3) * 13;
  if (BOTTOM - layout.y - extra < 300) layout.newPage();
  layout.heading(fig.title, 11);
  const inset = 34;
  const h = Math.min(BOTTOM - layout.y - extra, 420);
  layout.y += drawMapFigure(layout.canvas, fig, { x: MARGIN_X + inset, y: layout.y + 4, w: CONTENT_W - 2 * inset, h }, { northLabel: m.strings.north }) + 12;
}

function comparisonSection(layout: Layout, cmp: ComparisonModel, m: ReportModel, lang: ReportLang): void {
  layout.newPage();
  layout.heading(m.strings.compareTitle);
  layout.paragraph(m.strings.compareNote);
  drawTable(layout, cmp.kpiTable, lang, { title: false });
  drawTable(layout, cmp.ruleTable, lang, { size: 7 });
  const n = cmp.maps.length;
  const gap = 10;
  const w = (CONTENT_W - gap * (n - 1)) / n;
  const h = Math.min(w * 1.1, 260);
  layout.ensure(h + 30);
  cmp.maps.forEach((fig, i) => {
    const x = MARGIN_X + i * (w + gap);
    layout.canvas.text(fig.title, x, layout.y + 10, { size: 8.5, bold: true });
    drawMapFigure(layout.canvas, fig, { x, y: layout.y + 16, w, h }, { legend: false, small: true, northLabel: m.strings.north });
  });
  layout.y += h + 26;
}

/**
 * The site report as an A4 PDF. Pure (pdf-lib and fontkit run in Node, a worker and the page);
 * the font is embedded whole (pdf-lib's subsetter drops glyph outlines of Noto Sans: pages
 * printed blank text) so Vietnamese text prints anywhere and extracts with its diacritics.
 */
export async function renderReportPdf(m: ReportModel, fontBytes: ReportFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(fontBytes.regular, { subset: false, features: NO_DECOMPOSE });
  const bold = fontBytes.bold ? await pdf.embedFont(fontBytes.bold, { subset: false, features: NO_DECOMPOSE }) : regular;
  const fonts: Fonts = { regular, bold };
  const charset = new Set(regular.getCharacterSet());
  const lang = m.meta.lang;
  const s = m.strings;
  // Fixed dates keep the bytes reproducible for one model (tests, diffs of archived reports).
  const stamp = new Date(`${m.meta.date}T00:00:00Z`);
  pdf.setTitle(clipText(`${m.meta.title} — ${m.meta.parkName} — ${m.meta.scenarioName}`, MAX_DRAWN_CHARS));
  pdf.setAuthor(m.meta.author || 'EcoPark Planner');
  pdf.setCreator(`EcoPark Planner ${m.meta.toolVersion}`);
  pdf.setProducer('EcoPark Planner (pdf-lib)');
  pdf.setLanguage(lang === 'vi' ? 'vi-VN' : 'en');
  pdf.setCreationDate(stamp);
  pdf.setModificationDate(stamp);

  const layout = new Layout(pdf, fonts, charset);
  titleBlock(layout, m);
  layout.heading(s.summary, 11);
  layout.keyValues(m.summary, 200, 9);
  mapSection(layout, m);

  layout.newPage();
  layout.heading(s.landUse);
  drawTable(layout, m.landUseTable, lang, { size: 8, title: false });
  drawChart(layout, m.landUseChart, lang);
  layout.y += 4;
  layout.ensure(90);
  layout.canvas.text(s.green, MARGIN_X, layout.y + 10, { size: 10, bold: true, colour: '#1f4e3d' });
  layout.y += 16;
  layout.keyValues(m.greenSummary, 200);

  layout.heading(s.compliance);
  layout.paragraph(`${s.rulesPassFail}: ${m.ruleCounts.pass} / ${m.ruleCounts.fail} / ${m.ruleCounts.warn} / ${m.ruleCounts['n/a']}`, 8.5);
  drawTable(layout, m.complianceTable, lang, { size: 7, title: false });

  layout.heading(s.plotSchedule);
  drawTable(layout, m.plotTable, lang, { size: 7, title: false });

  if (m.problems) {
    layout.heading(s.problems);
    if (m.problems.rows.length > 0) drawTable(layout, m.problems, lang, { size: 7, title: false });
    else if (m.problems.note) layout.paragraph(m.problems.note, 8.5);
  }

  layout.heading(s.solar);
  if (m.solar) {
    layout.keyValues(m.solar.summary, 200);
    drawChart(layout, m.solar.monthlyChart, lang);
    drawTable(layout, m.solar.buildingTable, lang, { size: 7 });
  } else layout.paragraph(s.solarNone);

  if (m.eco) {
    layout.newPage();
    layout.heading(s.ecoTitle);
    layout.paragraph(s.ecoIntro, 8, '#555555');
    layout.keyValues(m.eco.summary, 200, 8.5);
    for (const t of [m.eco.balanceTable, m.eco.plotTable, m.eco.symbiosisTable]) drawTable(layout, t, lang, { size: 7 });
    if (m.eco.symbiosisMap) ecoMapSection(layout, m.eco.symbiosisMap, m);
    drawTable(layout, m.eco.criteriaTable, lang, { size: 7 });
  }

  if (m.comparison) comparisonSection(layout, m.comparison, m, lang);

  layout.heading(s.methods);
  layout.keyValues(m.methods, 170, 8);

  if (m.sources && m.sources.length > 0) {
    layout.heading(s.sources, 11);
    layout.paragraph(s.sourcesNote, 7.5, '#555555');
    for (const src of m.sources) layout.paragraph(`[${src.n}] ${src.text}`, 7.5);
  }

  const total = layout.pages.length;
  layout.pages.forEach((c, i) => {
    const y = PAGE_H - 30;
    c.rect(MARGIN_X, y - 10, CONTENT_W, 0.4, { fill: '#999999' });
    c.text(`${m.meta.parkName} — ${m.meta.scenarioName} — ${formatDate(m.meta.lang, m.meta.date)}`, MARGIN_X, y, { size: 7, colour: '#555555' });
    c.text(fill(s.page, { n: i + 1, total }), MARGIN_X + CONTENT_W, y, { size: 7, colour: '#555555', align: 'right' });
  });
  return pdf.save({ useObjectStreams: true });
}
