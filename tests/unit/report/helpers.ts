import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import type { ParkDocument } from '../../../shared/model';
import { readProject } from '../../../shared/project-file';

export const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
export const PARK_NAME = 'Khu công nghiệp sinh thái Yên Phong Demo';
export const NOW = '2026-02-01T00:00:00.000Z';

// Known answers for the sample (tests/unit/cli/analyze.test.ts): python3-geographiclib over the
// sample's GeoJSON rings (Geodesic.WGS84.Polygon), frozen with repr().
export const PARK_M2 = 3347024.927408996;
export const GREEN_M2 = 409398.12366893364;
export const INDUSTRIAL_M2 = 2361993.9253348373;

export async function loadSample(): Promise<ParkDocument> {
  const SQL = await initSqlJs();
  const r = readProject(SQL, new Uint8Array(readFileSync(SAMPLE)), { fileName: 'bac-ninh-demo.gpkg' });
  if (!r.ok) throw new Error(r.reason);
  return r.document;
}

export function reportFonts() {
  return { regular: new Uint8Array(readFileSync('data/fonts/NotoSans-Regular.ttf')), bold: new Uint8Array(readFileSync('data/fonts/NotoSans-Bold.ttf')) };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ecopark-report-'));
}

/** Text of a PDF by Debian's poppler-utils `pdftotext` (as a reader's tools see it). */
export function pdfText(bytes: Uint8Array): string {
  const dir = tempDir();
  const file = join(dir, 'r.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(bytes: Uint8Array): number {
  const dir = tempDir();
  const file = join(dir, 'r.pdf');
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Decodes an 8-bit RGB/RGBA/grey PNG (what pdftoppm writes) into pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let pos = 8;
  let width = 0, height = 0, channels = 0;
  const idat: Uint8Array[] = [];
  while (pos < png.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      if (data[8] !== 8) throw new Error('only 8-bit PNG');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]];
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (v + pred) & 255;
    }
  }
  return { width, height, channels, pixels };
}

/** First page rendered by `pdftoppm -r 40 -png`: distinct colours and the share of non-white pixels. */
export function firstPageStats(bytes: Uint8Array): { colours: number; inkShare: number; width: number; height: number } {
  const dir = tempDir();
  writeFileSync(join(dir, 'r.pdf'), bytes);
  execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'r.pdf'), join(dir, 'page')]);
  const { width, height, channels, pixels } = decodePng(new Uint8Array(readFileSync(join(dir, 'page.png'))));
  const colours = new Set<number>();
  let ink = 0;
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    const r = pixels[o], g = pixels[o + (channels >= 3 ? 1 : 0)], b = pixels[o + (channels >= 3 ? 2 : 0)];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 240 || g < 240 || b < 240) ink++;
  }
  return { colours: colours.size, inkShare: ink / (width * height), width, height };
}
