/**
 * Decoded GeoTIFF bands → 8-bit RGBA pixels for a PNG. Handles what master-plan scans and
 * exports use: grey, grey + alpha, RGB, RGBA and palette images. Samples wider than 8 bits are
 * stretched linearly from the band's min to max (a 16-bit scan would otherwise look black);
 * `noData` pixels become transparent.
 */

export interface RasterBands {
  widthPx: number;
  heightPx: number;
  /** One array per band, row-major, `widthPx × heightPx` samples each. */
  bands: ArrayLike<number>[];
  bitsPerSample: number;
  /** TIFF PhotometricInterpretation: 0 WhiteIsZero, 1 BlackIsZero, 2 RGB, 3 palette. */
  photometric: number;
  /** TIFF ColorMap: 3 × 2^bits 16-bit values, all reds, then greens, then blues. */
  colorMap?: ArrayLike<number>;
  noData?: number | null;
}

export const RASTER_FAILURES = ['unsupported_bands'] as const;
export type RasterFailure = (typeof RASTER_FAILURES)[number];

const PHOTOMETRIC_WHITE_IS_ZERO = 0;
const PHOTOMETRIC_PALETTE = 3;

function byteScaler(band: ArrayLike<number>, bits: number): (v: number) => number {
  if (bits <= 8) return (v) => v;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < band.length; i++) {
    const v = band[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const span = max - min;
  return span > 0 ? (v) => Math.round(((v - min) / span) * 255) : () => 0;
}

export function rasterToRgba(raster: RasterBands): { ok: true; rgba: Uint8ClampedArray } | { ok: false; reason: RasterFailure } {
  const { widthPx, heightPx, bands, bitsPerSample, photometric, colorMap, noData } = raster;
  const count = widthPx * heightPx;
  const rgba = new Uint8ClampedArray(count * 4);
  const isNoData = (i: number) => noData !== undefined && noData !== null && bands[0][i] === noData;
  if (photometric === PHOTOMETRIC_PALETTE) {
    const size = colorMap ? colorMap.length / 3 : 0;
    if (!colorMap || size === 0 || bands.length < 1) return { ok: false, reason: 'unsupported_bands' };
    for (let i = 0; i < count; i++) {
      const index = bands[0][i];
      // ColorMap entries are 16-bit; the high byte is the 8-bit colour.
      rgba[i * 4] = colorMap[index] >> 8;
      rgba[i * 4 + 1] = colorMap[size + index] >> 8;
      rgba[i * 4 + 2] = colorMap[2 * size + index] >> 8;
      rgba[i * 4 + 3] = isNoData(i) ? 0 : 255;
    }
    return { ok: true, rgba };
  }
  if (bands.length < 1 || bands.length > 4 || bands.some((b) => b.length < count)) return { ok: false, reason: 'unsupported_bands' };
  const scale = bands.map((b) => byteScaler(b, bitsPerSample));
  const grey = bands.length <= 2;
  const alphaBand = grey ? (bands.length === 2 ? 1 : -1) : bands.length === 4 ? 3 : -1;
  const invert = grey && photometric === PHOTOMETRIC_WHITE_IS_ZERO;
  for (let i = 0; i < count; i++) {
    if (grey) {
      const g = scale[0](bands[0][i]);
      const v = invert ? 255 - g : g;
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
    } else {
      rgba[i * 4] = scale[0](bands[0][i]);
      rgba[i * 4 + 1] = scale[1](bands[1][i]);
      rgba[i * 4 + 2] = scale[2](bands[2][i]);
    }
    rgba[i * 4 + 3] = isNoData(i) ? 0 : alphaBand >= 0 ? scale[alphaBand](bands[alphaBand][i]) : 255;
  }
  return { ok: true, rgba };
}
