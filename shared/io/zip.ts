import { Inflate, strFromU8, strToU8, zipSync } from 'fflate';
import { checkLimit, DEFAULT_LIMITS, LimitExceededError, streamedLimitExceeded, type Limits } from '../limits';
import { decodeText } from './text-codec';
import { setOwn } from '../own-property';

/**
 * Zip archives for KMZ and zipped Shapefiles (PKWARE APPNOTE 6.3.10). The central directory is
 * read here, every offset, size and count checked against the bytes, so listing an archive
 * inflates nothing; an entry is inflated only when a reader asks for it, through fflate's
 * streaming Inflate with a running cap, because the sizes an archive declares can lie (a zip
 * bomb declares small sizes, or points many entries at one compressed stream).
 */

export type ZipEntries = Record<string, Uint8Array>;

/** One file of an archive, as its central directory describes it (sizes in bytes). */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export type ZipReadResult = { ok: true; data: Uint8Array } | { ok: false; detail: string };

/** An opened archive: names without inflating, one entry inflated on request. */
export interface ZipArchive {
  /** File names (folders dropped), in the order of the central directory. */
  names: string[];
  /**
   * The bytes of one entry. A damaged entry is reported; past the entry or archive cap a
   * LimitExceededError is thrown (the reader's boundary turns it into a refusal, catchLimits).
   */
  read(name: string): ZipReadResult;
}

/** `notZip`: the bytes are no zip at all (rather than a damaged one). */
export type OpenZipResult = { ok: true; archive: ZipArchive } | { ok: false; detail: string; notZip?: true };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8_NAME = 0x800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** Compressed bytes pushed per step: deflate expands at most ~1,032:1, so one step yields at most ~16 MiB. */
const INFLATE_CHUNK = 16 * 1024;

class ZipDamaged extends Error {}

/** Reads the central directory; refuses zip64, split and malformed archives with a sentence. */
export function openZip(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): OpenZipResult {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, detail: 'the file is not a zip archive (no PK signature)', notZip: true };
  try {
    const entries = readCentralDirectory(bytes, limits);
    const byName = new Map<string, ZipEntry>();
    for (const entry of entries) if (!entry.name.endsWith('/') && !byName.has(entry.name)) byName.set(entry.name, entry);
    // The running total covers every entry read from this archive, so entries sharing one
    // compressed stream cannot multiply it.
    const inflated = { total: 0 };
    return { ok: true, archive: { names: [...byName.keys()], read: (name) => readEntry(bytes, byName.get(name), name, limits, inflated) } };
  } catch (error) {
    if (error instanceof ZipDamaged) return { ok: false, detail: `the zip archive is damaged (${error.message})` };
    throw error;
  }
}

function readCentralDirectory(bytes: Uint8Array, limits: Limits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDamaged('no end of central directory record');
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_END_LOCATOR) throw new ZipDamaged('zip64 archives (over 4 GiB or 65,535 entries) are not supported');
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) throw new ZipDamaged('split (multi-volume) archives are not supported');
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryAt = view.getUint32(end + 16, true);
  checkLimit(limits, 'archive-entries', count);
  if (directoryAt + directorySize > end) throw new ZipDamaged(`the central directory (${directorySize} bytes at byte ${directoryAt}) runs past its end record at byte ${end}`);
  const entries: ZipEntry[] = [];
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER_SIZE > directoryAt + directorySize || view.getUint32(at, true) !== CENTRAL_HEADER) throw new ZipDamaged(`entry ${i + 1} of the central directory is missing at byte ${at}`);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > directoryAt + directorySize) throw new ZipDamaged(`entry ${i + 1} of the central directory runs past its end`);
    const flags = view.getUint16(at + 8, true);
    const nameBytes = bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    // Names without the UTF-8 flag are often UTF-8 anyway (macOS); otherwise a Western code page.
    const name = flags & FLAG_UTF8_NAME ? strFromU8(nameBytes) : decodeText(nameBytes, 'utf-8', 'windows-1252').text;
    const entry = { name, flags, method: view.getUint16(at + 10, true), compressedSize: view.getUint32(at + 20, true), declaredSize: view.getUint32(at + 24, true), localHeaderOffset: view.getUint32(at + 42, true) };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) throw new ZipDamaged(`${name}: zip64 entries (over 4 GiB) are not supported`);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Where an entry's compressed bytes are, checked against its local header and the archive. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) throw new ZipDamaged(`${entry.name}: no local header at byte ${local}`);
  const dataAt = local + LOCAL_HEADER_SIZE + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (dataAt + entry.compressedSize > bytes.length) throw new ZipDamaged(`${entry.name}: ${entry.compressedSize} compressed bytes at byte ${dataAt} run past the end of the archive`);
  return bytes.subarray(dataAt, dataAt + entry.compressedSize);
}

function readEntry(bytes: Uint8Array, entry: ZipEntry | undefined, name: string, limits: Limits, inflated: { total: number }): ZipReadResult {
  if (!entry) return { ok: false, detail: `the zip archive has no entry ${name}` };
  try {
    if (entry.flags & FLAG_ENCRYPTED) throw new ZipDamaged(`${name} is encrypted; encrypted archives are not supported`);
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) throw new ZipDamaged(`${name} uses compression method ${entry.method}; only stored and deflated entries are supported`);
    // The declared size refuses an honest large entry before any work; the running count
    // below catches one that lies.
    checkLimit(limits, 'archive-entry-inflated-bytes', entry.declaredSize, name);
    checkLimit(limits, 'archive-inflated-bytes', inflated.total + entry.declaredSize, name);
    const compressed = entryData(bytes, entry);
    const data = entry.method === METHOD_STORED ? compressed.slice() : inflateCapped(compressed, name, limits, inflated.total);
    if (data.length !== entry.declaredSize) throw new ZipDamaged(`${name} declares ${entry.declaredSize} bytes but holds ${data.length}`);
    inflated.total += data.length;
    return { ok: true, data };
  } catch (error) {
    if (error instanceof LimitExceededError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: `the zip archive is damaged (${error instanceof ZipDamaged ? message : `${name}: ${message}`})` };
  }
}

/** Inflates in steps, stopping as soon as the entry or the archive passes its cap. */
function inflateCapped(compressed: Uint8Array, name: string, limits: Limits, alreadyInflated: number): Uint8Array {
  if (compressed.length === 0) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // fflate throws on a stream that ends early (the last push is marked final), so only the size needs watching.
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    const entryMax = limits['archive-entry-inflated-bytes'];
    if (size > entryMax) throw new LimitExceededError(streamedLimitExceeded('archive-entry-inflated-bytes', entryMax, size, name));
    const archiveMax = limits['archive-inflated-bytes'];
    if (alreadyInflated + size > archiveMax) throw new LimitExceededError(streamedLimitExceeded('archive-inflated-bytes', archiveMax, alreadyInflated + size, name));
    chunks.push(chunk);
  });
  for (let at = 0; at < compressed.length; at += INFLATE_CHUNK) inflater.push(compressed.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= compressed.length);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Every file entry of a zip (for tests and small archives of our own); the same caps apply
 * (a LimitExceededError is thrown past them). Readers of outside files use openZip and read
 * only the entries they need.
 */
export function readZip(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): { ok: true; entries: ZipEntries } | { ok: false; detail: string } {
  const opened = openZip(bytes, limits);
  if (!opened.ok) return opened;
  const entries: ZipEntries = {};
  for (const name of opened.archive.names) {
    const entry = opened.archive.read(name);
    if (!entry.ok) return entry;
    setOwn(entries, name, entry.data);
  }
  return { ok: true, entries };
}

/** A deterministic zip: fixed timestamps, so the same input gives the same bytes. */
export function writeZip(entries: ZipEntries): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime: new Date(Date.UTC(2000, 0, 1)) }];
  return zipSync(files, { level: 6 });
}

export const utf8 = (text: string): Uint8Array => strToU8(text);
export const fromUtf8 = (bytes: Uint8Array): string => strFromU8(bytes);
