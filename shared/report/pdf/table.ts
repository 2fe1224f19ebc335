import type { RuleStatus } from '../../analysis/types';
import { formatNumber } from '../../format';
import { statusLabel } from '../strings';
import type { ReportCell, ReportLang, ReportTable } from '../types';
import { BOTTOM, CONTENT_W, MARGIN_X, type Layout } from './layout';

export const STATUS_COLOURS: Record<RuleStatus, string> = { pass: '#1b7a3a', fail: '#c0392b', warn: '#c77800', 'n/a': '#777777' };
const HIGHLIGHT = '#fff1b8';

export const MAX_CELL_LINES = 8;

function clipLines(lines: string[]): string[] {
  if (lines.length <= MAX_CELL_LINES) return lines;
  const kept = lines.slice(0, MAX_CELL_LINES);
  const last = kept[MAX_CELL_LINES - 1];
  kept[MAX_CELL_LINES - 1] = `${last.slice(0, Math.max(0, last.length - 1))}…`;
  return kept;
}

export function cellText(cell: ReportCell, lang: ReportLang): string {
  if (cell.t === 'text') return cell.v;
  if (cell.t === 'status') return statusLabel(cell.v, lang);
  return formatNumber(lang, cell.v, cell.digits);
}

/** A table that flows over pages, repeating its header; cells wrap within their column. */
export function drawTable(layout: Layout, table: ReportTable, lang: ReportLang, o: { size?: number; title?: boolean } = {}): void {
  const size = o.size ?? 7.5;
  const pad = 2.5;
  const lineH = size * 1.3;
  const total = table.columns.reduce((a, c) => a + c.weight, 0);
  const widths = table.columns.map((c) => (CONTENT_W * c.weight) / total);
  const xs = widths.map((_, i) => MARGIN_X + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const highlight = new Set(table.highlight ?? []);
  const bold = new Set(table.boldRows ?? []);

  // A cell shows at most MAX_CELL_LINES lines, the last ending in "…": one long name must not
  // take pages (the full text is in the XLSX and CSV).
  const wrapRow = (texts: string[], isBold: boolean) => texts.map((t, i) => clipLines(layout.canvas.wrap(t, size, widths[i] - 2 * pad, isBold)));
  const drawRow = (lines: string[][], opts: { bold: boolean; fill?: string; colours?: (string | undefined)[]; cellFill?: (string | undefined)[] }) => {
    const h = Math.max(1, ...lines.map((l) => l.length)) * lineH + 2 * pad;
    const c = layout.canvas;
    if (opts.fill) c.rect(MARGIN_X, layout.y, CONTENT_W, h, { fill: opts.fill });
    lines.forEach((cellLines, i) => {
      if (opts.cellFill?.[i]) c.rect(xs[i], layout.y, widths[i], h, { fill: opts.cellFill[i] });
      const col = table.columns[i];
      cellLines.forEach((line, k) => {
        const x = col.align === 'right' ? xs[i] + widths[i] - pad : col.align === 'center' ? xs[i] + widths[i] / 2 : xs[i] + pad;
        c.text(line, x, layout.y + pad + size + k * lineH - 1, { size, bold: opts.bold, align: col.align, colour: opts.colours?.[i] });
      });
    });
    c.rect(MARGIN_X, layout.y + h - 0.3, CONTENT_W, 0.3, { fill: '#c8c8c8' });
    layout.y += h;
  };
  const header = wrapRow(table.columns.map((c) => c.header), true);
  const headerH = Math.max(...header.map((l) => l.length)) * lineH + 2 * pad;
  const drawHeader = () => drawRow(header, { bold: true, fill: '#e3ece7' });

  if (o.title !== false) {
    layout.ensure(headerH + lineH * 3 + 20);
    layout.y += 10;
    layout.canvas.text(table.title, MARGIN_X, layout.y, { size: 10, bold: true, colour: '#1f4e3d' });
    layout.y += 5;
  } else layout.ensure(headerH + lineH * 3);
  drawHeader();
  table.rows.forEach((row, r) => {
    const lines = wrapRow(row.map((cell) => cellText(cell, lang)), bold.has(r));
    const h = Math.max(...lines.map((l) => l.length)) * lineH + 2 * pad;
    if (layout.y + h > BOTTOM) {
      layout.newPage();
      drawHeader();
    }
    drawRow(lines, {
      bold: bold.has(r),
      fill: r % 2 === 1 ? '#f6f6f6' : undefined,
      colours: row.map((cell) => (cell.t === 'status' ? STATUS_COLOURS[cell.v] : undefined)),
      cellFill: row.map((_, i) => (highlight.has(`${r}:${i}`) ? HIGHLIGHT : undefined)),
    });
  });
  if (table.note) {
    layout.y += 2;
    layout.paragraph(table.note, 7, '#555555');
  }
  layout.y += 6;
}
