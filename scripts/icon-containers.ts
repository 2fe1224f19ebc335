/**
 * ICO and ICNS containers holding PNG images (used by scripts/make-icons.ts and checked by
 * tests/unit/packaging). Formats: ICO — ICONDIR (6 bytes) + one 16-byte ICONDIRENTRY per
 * image + the images, little-endian, width/height 0 meaning 256; ICNS — "icns" + total
 * length, then per image a 4-character type and its length including the 8-byte header,
 * big-endian.
 */

export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS types that take PNG data, with their pixel size (retina types are the doubled size). */
export const ICNS_ENTRIES = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
] as const;

export function encodeIco(images: { size: number; png: Uint8Array }[]): Uint8Array {
  const headerBytes = 6 + 16 * images.length;
  const total = headerBytes + images.reduce((sum, image) => sum + image.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // type 1 = icon
  view.setUint16(4, images.length, true);
  let offset = headerBytes;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    view.setUint8(entry, image.size >= 256 ? 0 : image.size);
    view.setUint8(entry + 1, image.size >= 256 ? 0 : image.size);
    view.setUint8(entry + 2, 0); // no palette
    view.setUint8(entry + 3, 0);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, image.png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(image.png, offset);
    offset += image.png.length;
  });
  return out;
}

export function encodeIcns(images: { type: string; png: Uint8Array }[]): Uint8Array {
  const total = 8 + images.reduce((sum, image) => sum + 8 + image.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (text: string, at: number) => [...text].forEach((ch, i) => (out[at + i] = ch.charCodeAt(0)));
  ascii('icns', 0);
  view.setUint32(4, total);
  let offset = 8;
  for (const image of images) {
    ascii(image.type, offset);
    view.setUint32(offset + 4, 8 + image.png.length);
    out.set(image.png, offset + 8);
    offset += 8 + image.png.length;
  }
  return out;
}
