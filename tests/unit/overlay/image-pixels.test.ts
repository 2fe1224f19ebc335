import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOverlayFile } from '../../../renderer/src/overlay/read-overlay-file';
import { translate } from '../../../renderer/src/i18n/strings';
import { solidPng } from '../../../scripts/make-tile-fixtures';

/**
 * Finding 10 (images): an overlay's size is read from its header and held to `image-pixels`
 * before any decoder allocates for it. The hostile images are headers made here: a few hundred
 * bytes that declare billions of pixels.
 */

/** Loaded in each test, so on the code before this issue (no such module) the file still runs and the refusal tests fail on their own. */
const header = () => import('../../../shared/overlay/image-header');

const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** A PNG signature and IHDR declaring width × height (8-bit RGBA), then an empty IDAT and IEND: nothing to decode. */
function pngDeclaring(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = [...be32(13), ...[0x49, 0x48, 0x44, 0x52], ...be32(width), ...be32(height), 8, 6, 0, 0, 0, 0, 0, 0, 0];
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...ihdr, ...be32(0), 0x49, 0x44, 0x41, 0x54, 0, 0, 0, 0, ...be32(0), 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
}

/** SOI, an APP1 (EXIF-sized) segment of `app1Bytes`, a DQT, then SOF2 (progressive) declaring width × height. */
function jpegDeclaring(width: number, height: number, app1Bytes = 1000): Uint8Array<ArrayBuffer> {
  const app1 = [0xff, 0xe1, ...be16(app1Bytes + 2), ...new Array<number>(app1Bytes).fill(0x41)];
  const dqt = [0xff, 0xdb, ...be16(67), 0, ...new Array<number>(64).fill(1)];
  const sof2 = [0xff, 0xc2, ...be16(11), 8, ...be16(height), ...be16(width), 1, 1, 0x11, 0];
  return Uint8Array.from([0xff, 0xd8, ...app1, ...dqt, ...sof2, 0xff, 0xd9]);
}

/** A little-endian classic TIFF whose first IFD gives ImageWidth and ImageLength as LONGs. */
function tiffDeclaring(width: number, height: number): Uint8Array<ArrayBuffer> {
  const entry = (tag: number, value: number) => [...le16(tag), ...le16(4), ...le32(1), ...le32(value)];
  return Uint8Array.from([0x49, 0x49, ...le16(42), ...le32(8), ...le16(2), ...entry(256, width), ...entry(257, height), ...le32(0)]);
}

describe('image size from the header', () => {
  it('reads PNG, JPEG and TIFF sizes (checked against files whose size is known)', async () => {
    const { readImageHeader } = await header();
    expect(readImageHeader(solidPng(256, [10, 20, 30]))).toEqual({ format: 'png', widthPx: 256, heightPx: 256 });
    expect(readImageHeader(jpegDeclaring(640, 480, 60_000))).toEqual({ format: 'jpeg', widthPx: 640, heightPx: 480 });
    // Sizes from `gdalinfo tests/fixtures/overlay/*.tif` ("Size is 5000, 20", "Size is 4, 3").
    expect(readImageHeader(new Uint8Array(readFileSync('tests/fixtures/overlay/utm48n-wide-deflate.tif')))).toEqual({ format: 'tiff', widthPx: 5000, heightPx: 20 });
    expect(readImageHeader(new Uint8Array(readFileSync('tests/fixtures/overlay/utm48n-rgb.tif')))).toEqual({ format: 'tiff', widthPx: 4, heightPx: 3 });
  });

  it('reads nothing from a header cut short or of another format, without reading past the end', async () => {
    const { readImageHeader } = await header();
    expect(readImageHeader(pngDeclaring(10, 10).subarray(0, 20))).toBeNull();
    expect(readImageHeader(jpegDeclaring(10, 10).subarray(0, 500))).toBeNull();
    expect(readImageHeader(tiffDeclaring(10, 10).subarray(0, 14))).toBeNull();
    expect(readImageHeader(new TextEncoder().encode('GIF89a'))).toBeNull();
    // No pixels to show: a zero width or height is refused like a damaged header.
    expect(readImageHeader(pngDeclaring(0, 10))).toBeNull();
    expect(readImageHeader(jpegDeclaring(10, 0))).toBeNull();
    expect(readImageHeader(tiffDeclaring(0, 0))).toBeNull();
  });

  it('holds the declared pixels to the image-pixels limit', async () => {
    const { checkImagePixels } = await header();
    expect(checkImagePixels({ format: 'png', widthPx: 10_000, heightPx: 10_000 })).toBeNull(); // exactly 10⁸: allowed
    expect(checkImagePixels({ format: 'png', widthPx: 10_000, heightPx: 10_001 })).toMatchObject({ limit: 'image-pixels', max: 100_000_000, value: 100_010_000 });
    const { DEFAULT_LIMITS } = await import('../../../shared/limits');
    expect(checkImagePixels({ format: 'png', widthPx: 10_000, heightPx: 10_001 }, { ...DEFAULT_LIMITS, 'image-pixels': 2e8 })).toBeNull();
  });
});

describe('overlay files refused before decoding (finding 10)', () => {
  const cases = [
    ['plan.png', 'image/png', pngDeclaring(100_000, 100_000), 1e10],
    ['plan.jpg', 'image/jpeg', jpegDeclaring(65_000, 65_000), 65_000 * 65_000],
    ['plan.tif', 'image/tiff', tiffDeclaring(200_000, 200_000), 4e10],
  ] as const;
  for (const [name, type, bytes, pixels] of cases) {
    it(`refuses ${name} declaring ${pixels.toExponential(1)} pixels, naming the limit in both languages`, async () => {
      const result = await readOverlayFile(new File([bytes], name, { type }));
      expect(result).toEqual({ ok: false, reason: 'limit_exceeded', exceeded: { reason: 'limit_exceeded', limit: 'image-pixels', max: 100_000_000, value: pixels } });
      if (result.ok || result.reason !== 'limit_exceeded') return;
      const { describeLimitExceeded } = await import('../../../shared/limits');
      const en = translate('en', 'overlay.error.limit_exceeded', { file: name, detail: describeLimitExceeded(result.exceeded, 'en') });
      const vi = translate('vi', 'overlay.error.limit_exceeded', { file: name, detail: describeLimitExceeded(result.exceeded, 'vi') });
      expect(en).toContain(`“${name}” was not opened: The number of pixels of an image is ${pixels.toLocaleString('en-US')} pixels, more than the limit of 100,000,000 pixels.`);
      expect(vi).toContain(`Không mở “${name}”: Số điểm ảnh của một ảnh là ${pixels.toLocaleString('en-US').replaceAll(',', '.')} điểm ảnh, vượt giới hạn 100.000.000 điểm ảnh`);
    });
  }
});
