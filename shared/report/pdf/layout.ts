import type { PDFDocument } from 'pdf-lib';
import { Canvas, PAGE_H, PAGE_W, type Fonts } from './canvas';

export const MARGIN_X = 42;
export const MARGIN_TOP = 46;
export const MARGIN_BOTTOM = 54;
export const CONTENT_W = PAGE_W - 2 * MARGIN_X;
export const BOTTOM = PAGE_H - MARGIN_BOTTOM;

/** A flowing layout: a cursor that moves down the page and starts a new page when full. */
export class Layout {
  readonly pages: Canvas[] = [];
  y = MARGIN_TOP;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly charset: Set<number>,
  ) {
    this.newPage();
  }

  get canvas(): Canvas {
    return this.pages[this.pages.length - 1];
  }

  newPage(): Canvas {
    const page = this.pdf.addPage([PAGE_W, PAGE_H]);
    const c = new Canvas(page, this.fonts, this.charset);
    this.pages.push(c);
    this.y = MARGIN_TOP;
    return c;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  heading(text: string, size = 13): void {
    this.ensure(size + 40);
    this.y += size;
    this.canvas.text(text, MARGIN_X, this.y, { size, bold: true, colour: '#1f4e3d' });
    this.y += 4;
    this.canvas.rect(MARGIN_X, this.y, CONTENT_W, 0.8, { fill: '#1f4e3d' });
    this.y += 10;
  }

  paragraph(text: string, size = 8.5, colour = '#333333'): void {
    for (const line of this.canvas.wrap(text, size, CONTENT_W)) {
      this.ensure(size * 1.4);
      this.y += size * 1.3;
      this.canvas.text(line, MARGIN_X, this.y, { size, colour });
    }
    this.y += 4;
  }

  /** Label/value pairs, the value wrapped beside a fixed label column. */
  keyValues(items: readonly { label: string; value: string }[], labelW = 170, size = 8.5): void {
    for (const { label, value } of items) {
      const labelLines = this.canvas.wrap(label, size, labelW - 8, true);
      const valueLines = this.canvas.wrap(value, size, CONTENT_W - labelW);
      const lineH = size * 1.35;
      const h = Math.max(labelLines.length, valueLines.length) * lineH + 3;
      this.ensure(h);
      labelLines.forEach((l, i) => this.canvas.text(l, MARGIN_X, this.y + size + i * lineH, { size, bold: true, colour: '#333333' }));
      valueLines.forEach((l, i) => this.canvas.text(l, MARGIN_X + labelW, this.y + size + i * lineH, { size }));
      this.y += h;
    }
    this.y += 6;
  }
}
