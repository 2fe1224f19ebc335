import { DEFAULT_LIMITS, limitExceeded, type LimitExceeded, type Limits } from '../limits';

/**
 * Width and height of an overlay image read from its header, before anything decodes it: a
 * 2 KB PNG can declare 100,000 × 100,000 pixels and a decoder would try to allocate 40 GB.
 * PNG: the IHDR chunk (ISO/IEC 15948 §11.2.2); JPEG: the first SOFn segment (ITU-T T.81 §B.2.2);
 * TIFF and BigTIFF: ImageWidth (256) and ImageLength (257) of the first IFD (TIFF 6.0 §2,
 * BigTIFF: www.awaresystems.be/imaging/tiff/bigtiff.html). Every offset is checked before use.
 */

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImageHeader {
  format: ImageFormat;
  widthPx: number;
  heightPx: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngHeader(view: DataView): ImageHeader | null {
  // Signature (8), then the first chunk, which must be IHDR: length (4), type (4), width, height.
  if (view.byteLength < 24 || view.getUint32(12) !== 0x49484452) return null;
  return { format: 'png', widthPx: view.getUint32(16), heightPx: view.getUint32(20) };
}

/** SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegHeader(view: DataView): ImageHeader | null {
  let at = 2; // after SOI
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return null;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    const length = view.getUint16(at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      // Length (2), precision (1), height (2), width (2).
      if (at + 9 > view.byteLength) return null;
      return { format: 'jpeg', heightPx: view.getUint16(at + 5), widthPx: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

const TIFF_WIDTH = 256;
const TIFF_LENGTH = 257;
const TIFF_SHORT = 3;
const TIFF_LONG = 4;
const TIFF_LONG8 = 16;

function tiffHeader(view: DataView): ImageHeader | null {
  if (view.byteLength < 8) return null;
  const little = view.getUint16(0) === 0x4949;
  const version = view.getUint16(2, little);
  const big = version === 43;
  if (version !== 42 && !big) return null;
  const offsetOf = (at: number) => (big ? Number(view.getBigUint64(at, little)) : view.getUint32(at, little));
  const ifd = big ? (view.byteLength >= 16 ? offsetOf(8) : -1) : offsetOf(4);
  const countBytes = big ? 8 : 2;
  const entryBytes = big ? 20 : 12;
  if (ifd < 8 || ifd + countBytes > view.byteLength) return null;
  const entries = big ? Number(view.getBigUint64(ifd, little)) : view.getUint16(ifd, little);
  const size: Partial<Record<number, number>> = {};
  for (let i = 0; i < entries; i++) {
    const entry = ifd + countBytes + i * entryBytes;
    if (entry + entryBytes > view.byteLength) return null;
    const tag = view.getUint16(entry, little);
    if (tag !== TIFF_WIDTH && tag !== TIFF_LENGTH) continue;
    const type = view.getUint16(entry + 2, little);
    const value = entry + (big ? 12 : 8); // the value sits in the entry when it fits
    if (type === TIFF_SHORT) size[tag] = view.getUint16(value, little);
    else if (type === TIFF_LONG) size[tag] = view.getUint32(value, little);
    else if (type === TIFF_LONG8 && big) size[tag] = Number(view.getBigUint64(value, little));
    else return null;
  }
  const widthPx = size[TIFF_WIDTH];
  const heightPx = size[TIFF_LENGTH];
  return widthPx === undefined || heightPx === undefined ? null : { format: 'tiff', widthPx, heightPx };
}

/** The image's format and declared size, or null when its header is not one of the three or is cut short. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const header = declaredHeader(bytes);
  // An image with no pixels (a zero width or height) is not an image any decoder can show.
  return header && header.widthPx > 0 && header.heightPx > 0 ? header : null;
}

function declaredHeader(bytes: Uint8Array): ImageHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngHeader(view);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegHeader(view);
  if (bytes.length >= 4 && ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d))) return tiffHeader(view);
  return null;
}

/** The `image-pixels` limit against the declared size: the exceeded limit, or null when within it. */
export function checkImagePixels(header: ImageHeader, limits: Limits = DEFAULT_LIMITS, where?: string): LimitExceeded | null {
  const pixels = header.widthPx * header.heightPx;
  return pixels > limits['image-pixels'] ? limitExceeded('image-pixels', limits['image-pixels'], pixels, where) : null;
}
