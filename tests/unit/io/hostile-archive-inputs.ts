import { Deflate, deflateSync, strToU8 } from 'fflate';

/**
 * Hostile archives made at test time (nothing big is committed): zip bombs small to build and
 * huge to inflate, a zip written field by field so its sizes and offsets can lie, and Shapefile
 * bytes with chosen header values.
 */

export const MiB = 1024 * 1024;

/**
 * Raw DEFLATE data that inflates to `mib` MiB of zeros. One MiB is deflated once with a sync
 * flush (so it ends on a byte boundary); that block only copies earlier zeros, so repeating it
 * stays a valid stream: ~1 KiB of input per MiB of output.
 */
export function zeroDeflate(mib: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  const zeros = new Uint8Array(MiB);
  deflater.push(zeros);
  deflater.flush(true);
  const first = concat(out.splice(0));
  deflater.push(zeros);
  deflater.flush(true);
  const repeated = concat(out.splice(0));
  deflater.push(new Uint8Array(0), true);
  const last = concat(out.splice(0));
  return concat([first, ...Array.from({ length: mib - 1 }, () => repeated), last]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface RawZipEntry {
  name: string;
  /** The stored or deflated bytes, as they go into the archive. */
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The uncompressed size the archive declares (may lie). */
  declaredSize: number;
  flags?: number;
  /** Point the central directory at an earlier entry's local header (entries sharing one stream). */
  sameDataAs?: number;
}

/** A plain deflated entry with its honest size. */
export const deflated = (name: string, text: string | Uint8Array): RawZipEntry => {
  const bytes = typeof text === 'string' ? strToU8(text) : text;
  return { name, data: deflateSync(bytes), method: 8, declaredSize: bytes.length };
};

/** A zip written field by field (APPNOTE 6.3.10 §4.3); CRCs are left 0, as readers of ours do not check them. */
export function buildZip(entries: RawZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    if (e.sameDataAs !== undefined) {
      offsets.push(offsets[e.sameDataAs]);
      return;
    }
    const name = strToU8(e.name);
    const header = new Uint8Array(30 + name.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, e.flags ?? 0, true);
    v.setUint16(8, e.method, true);
    v.setUint32(18, e.data.length, true);
    v.setUint32(22, e.declaredSize, true);
    v.setUint16(26, name.length, true);
    header.set(name, 30);
    offsets[i] = offset;
    locals.push(header, e.data);
    offset += header.length + e.data.length;
  });
  const central: Uint8Array[] = [];
  entries.forEach((e, i) => {
    const name = strToU8(e.name);
    const source = entries[e.sameDataAs ?? i];
    const header = new Uint8Array(46 + name.length);
    const v = new DataView(header.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, e.flags ?? 0, true);
    v.setUint16(10, source.method, true);
    v.setUint32(20, source.data.length, true);
    v.setUint32(24, e.declaredSize, true);
    v.setUint16(28, name.length, true);
    v.setUint32(42, offsets[i], true);
    header.set(name, 46);
    central.push(header);
  });
  const directory = concat(central);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, directory.length, true);
  v.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

/** A one-placemark KML, the main document of the KMZ cases. */
export const SMALL_KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Well</name><Point><coordinates>106.1,21.1</coordinates></Point></Placemark></Document></kml>`;

/** WKT of WGS 84, so zipped Shapefiles need no CRS choice. */
export const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/**
 * A .shp (ESRI Shapefile Technical Description, 1998): the 100-byte header, then each record
 * as its 8-byte header and `content`. `contentWords` overrides a record's declared content
 * length and `fileWords` the header's file length (both in 16-bit words, as the format counts).
 */
export function buildShp(records: { content: Uint8Array; contentWords?: number }[], fileWords?: number): Uint8Array {
  const body = records.map((r, i) => {
    const out = new Uint8Array(8 + r.content.length);
    const v = new DataView(out.buffer);
    v.setInt32(0, i + 1, false);
    v.setInt32(4, r.contentWords ?? r.content.length / 2, false);
    out.set(r.content, 8);
    return out;
  });
  const header = new Uint8Array(100);
  const v = new DataView(header.buffer);
  const total = 100 + body.reduce((n, b) => n + b.length, 0);
  v.setInt32(0, 9994, false);
  v.setInt32(24, fileWords ?? total / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 1, true);
  return concat([header, ...body]);
}

/** Little-endian int32 and float64 values in order, as record contents are written. */
export function littleEndian(values: ({ int: number } | { double: number })[]): Uint8Array {
  const out = new Uint8Array(values.reduce((n, x) => n + ('int' in x ? 4 : 8), 0));
  const v = new DataView(out.buffer);
  let at = 0;
  for (const x of values) {
    if ('int' in x) v.setInt32(at, x.int, true);
    else v.setFloat64(at, x.double, true);
    at += 'int' in x ? 4 : 8;
  }
  return out;
}

const int = (n: number): { int: number } => ({ int: n });
const double = (n: number): { double: number } => ({ double: n });

/** A point record's content. */
export const pointContent = (x: number, y: number): Uint8Array => littleEndian([int(1), double(x), double(y)]);

/**
 * A polyline (3) or polygon (5) record's content; `counts` overrides the declared numbers of
 * parts and points, so they can disagree with the arrays that follow.
 */
export function polyContent(type: 3 | 5, parts: number[], points: [number, number][], counts: { numParts?: number; numPoints?: number } = {}): Uint8Array {
  return littleEndian([
    int(type),
    ...[0, 0, 1, 1].map(double),
    int(counts.numParts ?? parts.length),
    int(counts.numPoints ?? points.length),
    ...parts.map(int),
    ...points.flatMap(([x, y]) => [double(x), double(y)]),
  ]);
}
