/**
 * Byte-level tools for the hostile-input corpus: truncations, seeded byte flips, patches, and
 * decompression bombs built block by block so that a multi-gigabyte bomb costs kilobytes and
 * milliseconds to make (nothing big is ever allocated or committed).
 */
import { constants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { seededRandom } from '../helpers/seeded-random';

export const MiB = 1024 * 1024;
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const concat = (...parts: Uint8Array[]): Uint8Array => concatAll(parts);
/** Joins any number of parts (no argument spreading, so 100,000 parts are fine). */
export const concatAll = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** The first `fraction` of the bytes (at least one byte fewer than the whole). */
export function truncateAt(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.min(bytes.length - 1, Math.floor(bytes.length * fraction)));
}

/** A copy with `count` bytes replaced by seeded random values (same seed, same file, every run). */
export function flipBytes(bytes: Uint8Array, seed: number, count: number, from = 0): Uint8Array {
  const random = seededRandom(seed);
  const out = bytes.slice();
  for (let i = 0; i < count; i++) out[from + Math.floor(random() * (out.length - from))] = Math.floor(random() * 256);
  return out;
}

/** A copy with `patch(view, bytes)` applied. */
export function patched(bytes: Uint8Array, patch: (view: DataView, out: Uint8Array) => void): Uint8Array {
  const out = bytes.slice();
  patch(new DataView(out.buffer, out.byteOffset, out.byteLength), out);
  return out;
}

const ONE_MIB_OF_ZEROS = new Uint8Array(MiB);
/**
 * 1 MiB of zeros as raw deflate ending on a full flush: byte-aligned, not final, with no
 * back-reference into the previous block, so N copies in a row are a valid stream of N MiB.
 */
const ZERO_MIB_BLOCK = new Uint8Array(deflateRawSync(ONE_MIB_OF_ZEROS, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
/** A final, empty fixed-Huffman block (BFINAL=1, BTYPE=01, end-of-block): closes the stream. */
const FINAL_EMPTY_BLOCK = new Uint8Array([0x03, 0x00]);

/** Raw deflate data that inflates to `mib` MiB of zeros (~1 KiB per MiB). */
export function zeroDeflate(mib: number): Uint8Array {
  const out = new Uint8Array(ZERO_MIB_BLOCK.length * mib + FINAL_EMPTY_BLOCK.length);
  for (let i = 0; i < mib; i++) out.set(ZERO_MIB_BLOCK, i * ZERO_MIB_BLOCK.length);
  out.set(FINAL_EMPTY_BLOCK, ZERO_MIB_BLOCK.length * mib);
  return out;
}

/** CRC-32 of k MiB of zeros for k = 0, 1, 2, … as far as asked (zlib's crc32, not the app's). */
const zeroCrcByMib: number[] = [0];

/** CRC-32 of `mib` MiB of zeros, extending the memo one MiB at a time (~1 ms per MiB). */
export function zeroCrc32(mib: number): number {
  for (let k = zeroCrcByMib.length; k <= mib; k++) zeroCrcByMib[k] = zlibCrc32(ONE_MIB_OF_ZEROS, zeroCrcByMib[k - 1]) >>> 0;
  return zeroCrcByMib[mib];
}

/** A gzip member (RFC 1952) whose content is `mib` MiB of zeros. */
export function zeroGzip(mib: number): Uint8Array {
  const header = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, zeroCrc32(mib), true);
  view.setUint32(4, (mib * MiB) % 2 ** 32, true);
  return concat(header, zeroDeflate(mib), trailer);
}

/** A zlib stream (RFC 1950) of `mib` MiB of zeros; Adler-32 of n zeros is a=1, b=n mod 65521. */
export function zeroZlib(mib: number): Uint8Array {
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, (((mib * MiB) % 65521) << 16) | 1);
  return concat(new Uint8Array([0x78, 0xda]), zeroDeflate(mib), trailer);
}

/** One zip entry as written: stored (method 0) or raw deflate (8); sizes may lie on purpose. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflate; anything else is an unknown method on purpose. */
  method?: number;
  crc?: number;
  uncompressedSize?: number;
}

/** Stored entry with its real CRC and size. */
export const storedEntry = (name: string, data: Uint8Array): ZipEntry => ({ name, data, method: 0, crc: zlibCrc32(data) >>> 0, uncompressedSize: data.length });

/** Deflated entry of `mib` MiB of zeros with a truthful CRC and size. */
export const zeroBombEntry = (name: string, mib: number): ZipEntry => ({ name, data: zeroDeflate(mib), method: 8, crc: zeroCrc32(mib), uncompressedSize: (mib * MiB) % 2 ** 32 });

/** A zip file (PKWARE APPNOTE 4.3: local headers, central directory, end record), written here. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const method = e.method ?? 0;
    const crc = e.crc ?? (zlibCrc32(e.data) >>> 0);
    const size = e.uncompressedSize ?? e.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const directory = concatAll(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(entries.length, 0xffff), true);
  ev.setUint16(10, Math.min(entries.length, 0xffff), true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concatAll([...locals, directory, end]);
}

/** Offset of the end-of-central-directory record (zip without a comment). */
export const eocdOffset = (zip: Uint8Array): number => zip.length - 22;

/** Text nested `depth` levels deep: open × depth, inner, close × depth (built without recursion). */
export function nested(open: string, close: string, depth: number, inner = ''): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}
