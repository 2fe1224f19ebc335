import { clipText } from '../../i18n/clip-text';
import { closePath, fill, lineTo, moveTo, PDFOperator, PDFOperatorNames, popGraphicsState, pushGraphicsState, rectangle, clip, endPath, setDashPattern, setFillingRgbColor, setLineCap, setLineJoin, setLineWidth, setStrokingRgbColor, stroke, fillAndStroke, LineCapStyle, LineJoinStyle, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** A4 portrait in PDF points. */
export const PAGE_W = 595.28;
export const PAGE_H = 841.89;

export function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Glyphs Noto Sans lacks, spelled with ones it has (a missing glyph would print as a box). */
const FALLBACK: Record<string, string> = { '≤': '<=', '≥': '>=', '→': '->', '✓': 'v', '✗': 'x' };

/**
 * No string drawn on a page is longer than this (an A4 line holds ~150 characters): text from a
 * file (a 10 MB building name) is clipped with "…" before it is measured, wrapped or embedded,
 * so the report's size and time stay bounded whatever the input.
 */
export const MAX_DRAWN_CHARS = 2000;

/** Width at size 1 by font and text, shared by the pages: fontkit's shaping is the slow part. */
const WIDTHS = new WeakMap<PDFFont, Map<string, number>>();

/**
 * One page with y measured downwards from the top (as a reader lays out a page); pdf-lib's
 * y-up coordinates are converted here only. Paths use raw operators so polygons with holes
 * fill even-odd and thousands of map vertices cost one content-stream path each.
 */
export class Canvas {
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
    private readonly charset: Set<number>,
  ) {}

  clean(text: string): string {
    let out = '';
    for (const ch of clipText(text, MAX_DRAWN_CHARS)) {
      const cp = ch.codePointAt(0)!;
      if (this.charset.has(cp) || cp === 32) out += ch;
      else out += FALLBACK[ch] ?? (cp === 10 || cp === 9 ? ' ' : '?');
    }
    return out;
  }

  width(text: string, size: number, bold = false): number {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    let cache = WIDTHS.get(font);
    if (!cache) WIDTHS.set(font, (cache = new Map()));
    let w = cache.get(text);
    if (w === undefined) {
      w = font.widthOfTextAtSize(this.clean(text), 1);
      cache.set(text, w);
    }
    return w * size;
  }

  text(text: string, x: number, y: number, o: { size: number; bold?: boolean; colour?: string; align?: 'left' | 'right' | 'center' }): void {
    const t = this.clean(text);
    if (!t) return;
    const font = o.bold ? this.fonts.bold : this.fonts.regular;
    const w = font.widthOfTextAtSize(t, o.size);
    const dx = o.align === 'right' ? -w : o.align === 'center' ? -w / 2 : 0;
    this.page.drawText(t, { x: x + dx, y: PAGE_H - y, size: o.size, font, color: rgb(...hexRgb(o.colour ?? '#1a1a1a')) });
  }

  rect(x: number, y: number, w: number, h: number, o: { fill?: string; stroke?: string; lineWidth?: number }): void {
    const ops: PDFOperator[] = [pushGraphicsState()];
    if (o.fill) ops.push(setFillingRgbColor(...hexRgb(o.fill)));
    if (o.stroke) ops.push(setStrokingRgbColor(...hexRgb(o.stroke)), setLineWidth(o.lineWidth ?? 0.5));
    ops.push(rectangle(x, PAGE_H - y - h, w, h));
    ops.push(o.fill && o.stroke ? fillAndStroke() : o.fill ? fill() : stroke());
    ops.push(popGraphicsState());
    this.page.pushOperators(...ops);
  }

  /** Closed rings (page coordinates, y down) filled even-odd and/or stroked. */
  polygon(rings: readonly (readonly [number, number])[][], o: { fill?: string; stroke?: string; lineWidth?: number; dash?: number[] }): void {
    if (rings.length === 0) return;
    const ops: PDFOperator[] = [pushGraphicsState(), setLineJoin(LineJoinStyle.Round)];
    if (o.fill) ops.push(setFillingRgbColor(...hexRgb(o.fill)));
    const doStroke = o.stroke !== undefined && (o.lineWidth ?? 0.5) > 0;
    if (doStroke) ops.push(setStrokingRgbColor(...hexRgb(o.stroke!)), setLineWidth(o.lineWidth ?? 0.5));
    if (o.dash) ops.push(setDashPattern(o.dash, 0));
    for (const ring of rings) {
      ring.forEach(([x, y], i) => ops.push(i === 0 ? moveTo(x, PAGE_H - y) : lineTo(x, PAGE_H - y)));
      ops.push(closePath());
    }
    const op = o.fill && doStroke ? PDFOperatorNames.FillEvenOddAndStroke : o.fill ? PDFOperatorNames.FillEvenOdd : PDFOperatorNames.StrokePath;
    ops.push(PDFOperator.of(op), popGraphicsState());
    this.page.pushOperators(...ops);
  }

  polyline(points: readonly (readonly [number, number])[], o: { stroke: string; lineWidth: number; round?: boolean; dash?: number[] }): void {
    if (points.length < 2) return;
    const ops: PDFOperator[] = [pushGraphicsState(), setStrokingRgbColor(...hexRgb(o.stroke)), setLineWidth(o.lineWidth)];
    if (o.round !== false) ops.push(setLineCap(LineCapStyle.Round), setLineJoin(LineJoinStyle.Round));
    if (o.dash) ops.push(setDashPattern(o.dash, 0));
    points.forEach(([x, y], i) => ops.push(i === 0 ? moveTo(x, PAGE_H - y) : lineTo(x, PAGE_H - y)));
    ops.push(stroke(), popGraphicsState());
    this.page.pushOperators(...ops);
  }

  /** Runs `draw` clipped to a rectangle. */
  clipped(x: number, y: number, w: number, h: number, draw: () => void): void {
    this.page.pushOperators(pushGraphicsState(), rectangle(x, PAGE_H - y - h, w, h), clip(), endPath());
    draw();
    this.page.pushOperators(popGraphicsState());
  }

  /** Words wrapped to `width`; a word longer than a line (a URL) is cut by characters. */
  wrap(text: string, size: number, width: number, bold = false): string[] {
    const lines: string[] = [];
    for (const para of this.clean(text).split('\n')) {
      // Lines are measured word by word (kerning across a space is ignored: well under a point).
      const space = this.width(' ', size, bold);
      let line = '';
      let lineW = 0;
      for (const word of para.split(' ')) {
        const w = this.width(word, size, bold);
        const candidateW = line ? lineW + space + w : w;
        if (candidateW <= width) { line = line ? `${line} ${word}` : word; lineW = candidateW; continue; }
        if (line) lines.push(line);
        line = '';
        let rest = word;
        while (this.width(rest, size, bold) > width && rest.length > 1) {
          // The longest prefix that fits, by bisection: a long word costs log(n) measures a line, not n.
          let lo = 1;
          let hi = rest.length - 1;
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (this.width(rest.slice(0, mid), size, bold) > width) hi = mid - 1;
            else lo = mid;
          }
          lines.push(rest.slice(0, lo));
          rest = rest.slice(lo);
        }
        line = rest;
        lineW = this.width(rest, size, bold);
      }
      lines.push(line);
    }
    return lines;
  }
}
