import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromArrayBuffer } from 'geotiff';
import { rasterToRgba } from '../../../shared/overlay';

describe('GeoTIFF bands to RGBA', () => {
  it('converts the GDAL-written RGB fixture pixel for pixel', async () => {
    const bytes = readFileSync(new URL('../../fixtures/overlay/utm48n-rgb.tif', import.meta.url));
    const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).getImage();
    const bands = (await image.readRasters()) as unknown as ArrayLike<number>[];
    const result = rasterToRgba({ widthPx: 4, heightPx: 3, bands: Array.from(bands), bitsPerSample: 8, photometric: 2 });
    if (!result.ok) throw new Error(result.reason);
    // The pixels make-fixtures.sh wrote: red, green, blue, white / black, grey, yellow, cyan / reds.
    const rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 128, 128, 128, 255, 255, 0, 0, 255, 255, 50, 0, 0, 100, 0, 0, 150, 0, 0, 200, 0, 0];
    const expected = rgb.flatMap((v, i) => (i % 3 === 2 ? [v, 255] : [v]));
    expect(Array.from(result.rgba)).toEqual(expected);
  });

  it('greys: BlackIsZero as is, WhiteIsZero inverted, grey + alpha, no-data transparent', () => {
    const grey = [0, 100, 255];
    const one = rasterToRgba({ widthPx: 3, heightPx: 1, bands: [grey], bitsPerSample: 8, photometric: 1, noData: 100 });
    expect(one.ok && Array.from(one.rgba)).toEqual([0, 0, 0, 255, 100, 100, 100, 0, 255, 255, 255, 255]);
    const inverted = rasterToRgba({ widthPx: 3, heightPx: 1, bands: [grey], bitsPerSample: 8, photometric: 0 });
    expect(inverted.ok && Array.from(inverted.rgba)).toEqual([255, 255, 255, 255, 155, 155, 155, 255, 0, 0, 0, 255]);
    const withAlpha = rasterToRgba({ widthPx: 3, heightPx: 1, bands: [grey, [10, 20, 30]], bitsPerSample: 8, photometric: 1 });
    expect(withAlpha.ok && Array.from(withAlpha.rgba)).toEqual([0, 0, 0, 10, 100, 100, 100, 20, 255, 255, 255, 30]);
  });

  it('stretches 16-bit samples from the band minimum to its maximum', () => {
    // 1000 → 0, 3000 → 255, 2000 → 127.5 → 128.
    const result = rasterToRgba({ widthPx: 3, heightPx: 1, bands: [[1000, 2000, 3000]], bitsPerSample: 16, photometric: 1 });
    expect(result.ok && Array.from(result.rgba)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });

  it('looks palette indices up in the 16-bit colour map', () => {
    // 2 entries: index 0 = (0x1200, 0x3400, 0x5600) → (18, 52, 86); index 1 = white.
    const colorMap = [0x1200, 0xffff, 0x3400, 0xffff, 0x5600, 0xffff];
    const result = rasterToRgba({ widthPx: 2, heightPx: 1, bands: [[1, 0]], bitsPerSample: 1, photometric: 3, colorMap });
    expect(result.ok && Array.from(result.rgba)).toEqual([255, 255, 255, 255, 18, 52, 86, 255]);
  });

  it('refuses five bands and a palette image without a colour map', () => {
    const band = [0];
    expect(rasterToRgba({ widthPx: 1, heightPx: 1, bands: [band, band, band, band, band], bitsPerSample: 8, photometric: 2 })).toEqual({ ok: false, reason: 'unsupported_bands' });
    expect(rasterToRgba({ widthPx: 1, heightPx: 1, bands: [band], bitsPerSample: 8, photometric: 3 })).toEqual({ ok: false, reason: 'unsupported_bands' });
  });
});
