import { formatNumber } from '../../format';
import type { ReportChart, ReportLang } from '../types';
import { CONTENT_W, MARGIN_X, type Layout } from './layout';

/** Bar charts: horizontal (label, bar, value per row) or vertical (columns over a baseline). */
export function drawChart(layout: Layout, chart: ReportChart, lang: ReportLang): void {
  const max = Math.max(...chart.bars.map((b) => b.value), 0) || 1;
  if (chart.orientation === 'horizontal') {
    const rowH = 13;
    layout.ensure(20 + chart.bars.length * rowH);
    layout.y += 10;
    layout.canvas.text(chart.title, MARGIN_X, layout.y, { size: 10, bold: true, colour: '#1f4e3d' });
    layout.y += 6;
    const labelW = 170;
    const barMax = CONTENT_W - labelW - 60;
    for (const b of chart.bars) {
      const c = layout.canvas;
      c.text(b.label, MARGIN_X, layout.y + 9, { size: 7.5 });
      const w = Math.max((b.value / max) * barMax, 0.5);
      c.rect(MARGIN_X + labelW, layout.y + 2, w, 9, { fill: b.colour, stroke: '#555555', lineWidth: 0.3 });
      c.text(`${formatNumber(lang, b.value, chart.digits)} ${chart.unit}`, MARGIN_X + labelW + w + 4, layout.y + 9, { size: 7.5 });
      layout.y += rowH;
    }
    layout.y += 8;
    return;
  }
  const h = 130;
  layout.ensure(h + 50);
  layout.y += 10;
  layout.canvas.text(chart.title, MARGIN_X, layout.y, { size: 10, bold: true, colour: '#1f4e3d' });
  layout.y += 16;
  const c = layout.canvas;
  const left = MARGIN_X + 30;
  const w = CONTENT_W - 40;
  const slot = w / chart.bars.length;
  const base = layout.y + h;
  c.polyline([[left, base], [left + w, base]], { stroke: '#333333', lineWidth: 0.6, round: false });
  chart.bars.forEach((b, i) => {
    const bh = (b.value / max) * (h - 14);
    const x = left + i * slot + slot * 0.15;
    c.rect(x, base - bh, slot * 0.7, bh, { fill: b.colour, stroke: '#8a6300', lineWidth: 0.3 });
    c.text(formatNumber(lang, b.value, chart.digits), x + slot * 0.35, base - bh - 3, { size: 7, align: 'center' });
    c.text(b.label, x + slot * 0.35, base + 10, { size: 7.5, align: 'center' });
  });
  c.text(chart.unit, MARGIN_X, layout.y + 6, { size: 7.5, colour: '#555555' });
  layout.y = base + 24;
}
