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

/** The smallest header size tried before a header word is allowed to break (points). */
export const MIN_HEADER_SIZE = 5;

/**
 * Column widths that keep every header word whole: each column at least as wide as its widest
 * header word (measured with the PDF font), the rest of the width shared by weight; when even
 * that does not fit, the header's size steps down by half a point (not below MIN_HEADER_SIZE).
 */
export function fitColumns(headers: readonly { header: string; weight: number }[], totalW: number, pad: number, size: number, measure: (word: string, size: number) => number): { widths: number[]; headerSize: number } {
  let headerSize = size;
  for (;;) {
    const min = headers.map((c) => Math.max(0, ...c.header.split(/\s+/).filter(Boolean).map((w) => measure(w, headerSize))) + 2 * pad + 0.5);
    const widths = shareWidths(headers.map((c) => c.weight), min, totalW);
    if (widths || headerSize <= MIN_HEADER_SIZE) return { widths: widths ?? shareWidths(headers.map((c) => c.weight), min.map(() => 0), totalW)!, headerSize };
    headerSize = Math.max(MIN_HEADER_SIZE, headerSize - 0.5);
  }
}

/** Widths by weight, each at least its minimum (fixed there, the rest re-shared); null when the minima exceed the total. */
function shareWidths(weights: readonly number[], min: readonly number[], totalW: number): number[] | null {
  if (min.reduce((a, b) => a + b, 0) > totalW) return null;
  const fixed = weights.map(() => false);
  for (;;) {
    const freeW = totalW - min.reduce((a, m, i) => a + (fixed[i] ? m : 0), 0);
    const freeWeight = weights.reduce((a, w, i) => a + (fixed[i] ? 0 : w), 0);
    const widths = weights.map((w, i) => (fixed[i] ? min[i] : freeWeight > 0 ? (freeW * w) / freeWeight : 0));
    const short = widths.findIndex((w, i) => !fixed[i] && w < min[i]);
    if (short < 0) return widths;
    fixed[short] = true;
  }
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
  const { widths, headerSize } = fitColumns(table.columns, CONTENT_W, pad, size, (word, sz) => layout.canvas.width(word, sz, true));
  const xs = widths.map((_, i) => MARGIN_X + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const highlight = new Set(table.highlight ?? []);
  const bold = new Set(table.boldRows ?? []);

  // A cell shows at most MAX_CELL_LINES lines, the last ending in "…": one long name must not
  // take pages (the full text is in the XLSX and CSV).
  const wrapRow = (texts: string[], isBold: boolean, sz = size) => texts.map((t, i) => clipLines(layout.canvas.wrap(t, sz, widths[i] - 2 * pad, isBold)));
  const drawRow = (lines: string[][], opts: { bold: boolean; size?: number; fill?: string; colours?: (string | undefined)[]; cellFill?: (string | undefined)[] }) => {
    const sz = opts.size ?? size;
    const rowLineH = sz * 1.3;
    const h = Math.max(1, ...lines.map((l) => l.length)) * rowLineH + 2 * pad;
    const c = layout.canvas;
    if (opts.fill) c.rect(MARGIN_X, layout.y, CONTENT_W, h, { fill: opts.fill });
    lines.forEach((cellLines, i) => {
      if (opts.cellFill?.[i]) c.rect(xs[i], layout.y, widths[i], h, { fill: opts.cellFill[i] });
      const col = table.columns[i];
      cellLines.forEach((line, k) => {
        const x = col.align === 'right' ? xs[i] + widths[i] - pad : col.align === 'center' ? xs[i] + widths[i] / 2 : xs[i] + pad;
        c.text(line, x, layout.y + pad + sz + k * rowLineH - 1, { size: sz, bold: opts.bold, align: col.align, colour: opts.colours?.[i] });
      });
    });
    c.rect(MARGIN_X, layout.y + h - 0.3, CONTENT_W, 0.3, { fill: '#c8c8c8' });
    layout.y += h;
  };
  const header = wrapRow(table.columns.map((c) => c.header), true, headerSize);
  const headerH = Math.max(...header.map((l) => l.length)) * headerSize * 1.3 + 2 * pad;
  const drawHeader = () => drawRow(header, { bold: true, size: headerSize, fill: '#e3ece7' });

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
