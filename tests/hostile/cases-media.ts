/** Hostile weather files (EPW, PVGIS TMY), offline maps (PMTiles, MBTiles) and overlay images (PNG, JPEG, GeoTIFF). */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import type { SqlJsStatic } from 'sql.js';
import type { HostileCase } from './corpus-types';
import { genericCases } from './cases-vector';
import { concat, nested, patched, utf8, zeroGzip, zeroZlib } from './bytes';
import { makeEpw, makePvgisCsv } from '../unit/solar/helpers';
import { writePmtiles } from '../../scripts/tile-fixtures/pmtiles-writer';
import { solidPng } from '../../scripts/tile-fixtures/png';

/** Rewrites every EPW data row (lines after the 8 header lines) with `row(fields, index)`. */
function epwRows(epw: string, row: (f: string[], i: number) => string[] | null): string {
  const lines = epw.split('\n');
  const rows = lines.slice(8).map((l, i) => row(l.split(','), i)).filter((f): f is string[] => f !== null).map((f) => f.join(','));
  return [...lines.slice(0, 8), ...rows].join('\n');
}

export function weatherCases(): HostileCase[] {
  const epw = makeEpw(21.03, 105.8, 7);
  const pvgis = makePvgisCsv(10.8, 106.7);
  const e = (what: string, text: string | Uint8Array, mustRefuse = false): HostileCase => ({ name: `epw/${what}`, format: 'epw', reader: 'weather', fileName: 'input.epw', bytes: typeof text === 'string' ? utf8(text) : text, mustRefuse });
  const p = (what: string, text: string, mustRefuse = false): HostileCase => ({ name: `pvgis/${what}`, format: 'pvgis', reader: 'weather', fileName: 'input.csv', bytes: utf8(text), mustRefuse });
  const noon = (f: string[]) => Number(f[3]) === 13;
  const oneNoon = epw.split('\n')[8 + 12].split(',');
  return [
    ...genericCases('epw', 'weather', 'input.epw', utf8(epw)),
    ...genericCases('pvgis', 'weather', 'input.csv', utf8(pvgis)),
    // The values: GHI 5,000 W/m², DNI −500, one hour 8,760 times, latitude 999.
    e('ghi-5000', epwRows(epw, (f) => (noon(f) ? f.map((v, i) => (i === 13 ? '5000' : v)) : f)), true),
    e('dni-minus-500', epwRows(epw, (f) => f.map((v, i) => (i === 14 ? '-500' : v))), true),
    e('one-hour-8760-times', epwRows(epw, () => oneNoon), true),
    e('temperature-1e400', epwRows(epw, (f) => f.map((v, i) => (i === 6 ? '1e400' : v))), true),
    e('location-nan', epw.replace('21.03,105.8,7', 'NaN,Infinity,7'), true),
    e('timezone-99', epw.replace('21.03,105.8,7', '21.03,105.8,99'), true),
    e('rows-100k', `${epw}\n${epw.split('\n').slice(8).join('\n').repeat(11)}`, true),
    e('line-10MiB', epw.replace('COMMENTS 2,', `COMMENTS 2,${'c'.repeat(10 * 1024 * 1024)}`)),
    e('cr-only-line-ends', epw.replace(/\n/g, '\r')),
    e('invalid-utf8-name', concat(utf8('LOCATION,'), new Uint8Array([0xff, 0xfe, 0xc0]), utf8(epw.slice('LOCATION,Test Site'.length)))),
    e('months-13-hours-99', epwRows(epw, (f) => [f[0], '13', f[2], '99', ...f.slice(4)]), true),
    e('all-missing-9999', epwRows(epw, (f) => f.map((v, i) => (i >= 13 && i <= 15 ? '9999' : v))), true),
    p('latitude-999', pvgis.replace('Latitude (decimal degrees): 10.8', 'Latitude (decimal degrees): 999'), true),
    p('ghi-5000', pvgis.replace(/^(\d{8}:\d{4},[^,]*,[^,]*,)(\d+)/gm, (_, head: string, ghi: string) => `${head}${Number(ghi) > 0 ? 5000 : 0}`), true),
    p('header-only', pvgis.split('\n').slice(0, 6).join('\n'), true),
    p('times-unparseable', pvgis.replace(/^2010(\d{4}):/gm, 'year$1?'), true),
    p('columns-missing', pvgis.replace('time(UTC),T2m,RH,G(h),Gb(n),Gd(h)', 'time(UTC),T2m'), true),
  ];
}

/** A minimal Mapbox Vector Tile: one empty layer "fixture" (vector_tile.proto: Tile.layers = 3; Layer name 1, extent 5, version 15). */
const MVT = (() => {
  const layer = new Uint8Array([0x0a, 7, ...utf8('fixture'), 0x28, 0x80, 0x20, 0x78, 2]);
  return new Uint8Array([0x1a, layer.length, ...layer]);
})();

/** The sections of a PMTiles v3 file by its header (u64 little-endian offsets and lengths at 8…64). */
type PmtilesSections = Record<'header' | 'root' | 'metadata' | 'leaves' | 'data', Uint8Array>;

function pmtilesSections(file: Uint8Array): PmtilesSections {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const at = (o: number) => Number(v.getBigUint64(o, true));
  const part = (o: number) => file.slice(at(o), at(o) + at(o + 8));
  return { header: file.slice(0, 127), root: part(8), metadata: part(24), leaves: part(40), data: part(56) };
}

/** A PMTiles file re-assembled with some sections replaced and the header offsets recomputed. */
function pmtilesWith(seed: Uint8Array, replace: Partial<PmtilesSections>): Uint8Array {
  const s = { ...pmtilesSections(seed), ...replace };
  const header = s.header.slice();
  const v = new DataView(header.buffer);
  let offset = 127;
  for (const [at, bytes] of [[8, s.root], [24, s.metadata], [40, s.leaves], [56, s.data]] as const) {
    v.setBigUint64(at, BigInt(offset), true);
    v.setBigUint64(at + 8, BigInt(bytes.length), true);
    offset += bytes.length;
  }
  return concat(header, s.root, s.metadata, s.leaves, s.data);
}

/** A gzipped PMTiles directory from raw varints (count, ids, run lengths, lengths, offsets+1). */
function directory(values: (number | bigint)[]): Uint8Array {
  const out: number[] = [];
  for (const value of values) {
    let v = BigInt(value);
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
  }
  return gzipSync(new Uint8Array(out));
}

/** A leaf directory whose one entry (run length 0: "a leaf") points at offset 0 with its own length: itself. */
function selfReferentialLeaf(): Uint8Array {
  let leaf = directory([1, 0, 0, 40, 1]);
  for (let i = 0; i < 5; i++) leaf = directory([1, 0, 0, leaf.length, 1]);
  return leaf;
}

export function pmtilesCases(): HostileCase[] {
  const selfLeaf = selfReferentialLeaf();
  const tileBomb = zeroGzip(64);
  const seed = writePmtiles({ tiles: [{ z: 0, x: 0, y: 0, data: gzipSync(MVT) }], tileType: 1, tileCompression: 2, metadata: { name: 'hostile', vector_layers: [{ id: 'fixture' }] }, bounds: [105, 20, 107, 22], minZoom: 0, maxZoom: 0, center: [106, 21, 0] });
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `pmtiles/${what}`, format: 'pmtiles', reader: 'tiles', fileName: 'input.pmtiles', bytes, tiles: [[0, 0, 0]], mustRefuse });
  const header = (patch: (v: DataView, out: Uint8Array) => void) => patched(seed, patch);
  const u64 = (v: DataView, at: number, value: bigint) => v.setBigUint64(at, value, true);
  return [
    ...genericCases('pmtiles', 'tiles', 'input.pmtiles', seed, 7).map((h) => ({ ...h, tiles: [[0, 0, 0]] as [number, number, number][] })),
    c('tile-gzip-bomb-64MiB', pmtilesWith(seed, { data: tileBomb, root: directory([1, 0, 1, tileBomb.length, 1]) }), true),
    c('metadata-gzip-bomb-64MiB', pmtilesWith(seed, { metadata: zeroGzip(64) }), true),
    c('root-directory-gzip-bomb-64MiB', pmtilesWith(seed, { root: zeroGzip(64) }), true),
    c('root-directory-count-2e40', pmtilesWith(seed, { root: directory([2n ** 40n, 0, 1, 10, 1]) })),
    c('directory-tile-offset-past-end', pmtilesWith(seed, { root: directory([1, 0, 1, 100, 2n ** 50n]) })),
    c('directory-tile-length-4GiB', pmtilesWith(seed, { root: directory([1, 0, 1, 2n ** 32n - 1n, 1]) })),
    c('leaf-directory-points-to-itself', pmtilesWith(seed, { root: directory([1, 0, 0, selfLeaf.length, 1]), leaves: selfLeaf })),
    c('metadata-deep-100k', pmtilesWith(seed, { metadata: gzipSync(utf8(nested('{"a":', '}', 100_000, '1'))) })),
    c('metadata-not-json', pmtilesWith(seed, { metadata: gzipSync(utf8('{"name": "x", attribution')) })),
    c('metadata-proto', pmtilesWith(seed, { metadata: gzipSync(utf8('{"__proto__":{"vector_layers":[{"id":"earth"}]},"attribution":"<script>alert(1)</script>"}')) })),
    c('root-offset-past-end', header((v) => u64(v, 8, 2n ** 60n)), true),
    c('root-length-huge', header((v) => u64(v, 16, 2n ** 53n)), true),
    c('metadata-length-all-ones', header((v) => u64(v, 32, 2n ** 64n - 1n)), true),
    c('data-offset-past-end', header((v) => u64(v, 56, 2n ** 62n))),
    c('version-2', header((_, out) => { out[7] = 2; }), true),
    c('internal-compression-unknown', header((_, out) => { out[97] = 9; }), true),
    c('tile-type-unknown', header((_, out) => { out[99] = 9; }), true),
    c('min-zoom-above-max', header((_, out) => { out[100] = 20; out[101] = 3; }), true),
    c('max-zoom-255', header((_, out) => { out[101] = 255; })),
    c('bounds-out-of-range', header((v) => { v.setInt32(102, 2_000_000_000, true); v.setInt32(114, -2_000_000_000, true); })),
  ];
}

export function mbtilesCases(SQL: SqlJsStatic): HostileCase[] {
  const make = (tileData: Uint8Array | string | null, metadata: Record<string, string>, extraSql = '') => {
    const db = new SQL.Database();
    db.run('CREATE TABLE metadata (name text, value text); CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)');
    for (const [name, value] of Object.entries(metadata)) db.run('INSERT INTO metadata VALUES (?, ?)', [name, value]);
    db.run('INSERT INTO tiles VALUES (0, 0, 0, ?)', [tileData]);
    if (extraSql) db.run(extraSql);
    const bytes = db.export();
    db.close();
    return bytes;
  };
  const meta = { name: 'hostile', format: 'pbf', minzoom: '0', maxzoom: '0', json: JSON.stringify({ vector_layers: [{ id: 'fixture' }] }) };
  const seed = make(gzipSync(MVT), meta);
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `mbtiles/${what}`, format: 'mbtiles', reader: 'tiles', fileName: 'input.mbtiles', bytes, tiles: [[0, 0, 0]], mustRefuse });
  return [
    ...genericCases('mbtiles', 'tiles', 'input.mbtiles', seed, 100).map((h) => ({ ...h, tiles: [[0, 0, 0]] as [number, number, number][] })),
    c('tile-gzip-bomb-64MiB', make(zeroGzip(64), meta), true),
    c('tile-gzip-bomb-1GiB', make(zeroGzip(1024), meta), true),
    c('metadata-json-deep-100k', make(gzipSync(MVT), { ...meta, json: nested('{"a":', '}', 100_000, '1') })),
    c('metadata-json-10MiB', make(gzipSync(MVT), { ...meta, json: JSON.stringify({ vector_layers: [{ id: 'x'.repeat(10 * 1024 * 1024) }] }) })),
    c('metadata-proto', make(gzipSync(MVT), { ...meta, json: '{"__proto__":{"vector_layers":[{"id":"earth"}]}}', attribution: '<img src=x onerror=alert(1)>' })),
    c('format-missing', make(gzipSync(MVT), { name: 'x' })),
    c('format-unknown', make(gzipSync(MVT), { ...meta, format: 'tiff' }), true),
    c('no-tiles-table', make(gzipSync(MVT), meta, 'DROP TABLE tiles'), true),
    c('tiles-is-a-view', make(gzipSync(MVT), meta, 'ALTER TABLE tiles RENAME TO t2; CREATE VIEW tiles AS SELECT 1 AS zoom_level'), true),
    c('tile-data-text', make('not a tile', meta)),
    c('tile-data-null', make(null, meta)),
    c('zoom-levels-absurd', make(gzipSync(MVT), meta, 'INSERT INTO tiles VALUES (-5, -1, 1e18, x\'00\'); INSERT INTO tiles VALUES (9223372036854775807, 0, 0, x\'00\')')),
    c('png-format-gzip-bomb', make(zeroGzip(64), { ...meta, format: 'png' })),
  ];
}

/** A PNG with the given IHDR size and IDAT data (chunks with their CRC-32, computed here). */
function png(width: number, height: number, idat: Uint8Array): Uint8Array {
  const seed = solidPng(1, [0, 0, 0]);
  const ihdrEnd = 8 + 12 + 13;
  const withSize = patched(seed.slice(0, ihdrEnd), (v) => {
    v.setUint32(16, width);
    v.setUint32(20, height);
    v.setUint32(29, ihdrCrc(seed.subarray(12, 29), width, height));
  });
  const idatChunk = new Uint8Array(12 + idat.length);
  const dv = new DataView(idatChunk.buffer);
  dv.setUint32(0, idat.length);
  idatChunk.set(utf8('IDAT'), 4);
  idatChunk.set(idat, 8);
  dv.setUint32(8 + idat.length, crcOf(idatChunk.subarray(4, 8 + idat.length)));
  return concat(withSize, idatChunk, seed.slice(seed.length - 12));
}
function crcOf(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
/** CRC of an IHDR chunk (type + 13 data bytes) with new width and height. */
function ihdrCrc(typeAndData: Uint8Array, width: number, height: number): number {
  const copy = typeAndData.slice();
  const v = new DataView(copy.buffer);
  v.setUint32(4, width);
  v.setUint32(8, height);
  return crcOf(copy);
}

/** A baseline JPEG header: SOI, SOF0 (8-bit, 3 components) of the given size, EOI. */
function jpeg(width: number, height: number): Uint8Array {
  const sof = new Uint8Array([0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...utf8('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), sof, new Uint8Array([0xff, 0xd9]));
}

/** A little-endian TIFF with one IFD of 8-bit grey strips (TIFF 6.0 §2, baseline tags). */
function tiff(width: number, height: number, stripOffset = 200, nextIfd = 0): Uint8Array {
  const tags: [number, number, number][] = [[256, 4, width], [257, 4, height], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, stripOffset], [277, 3, 1], [278, 4, height], [279, 4, width * height]];
  const out = new Uint8Array(200 + 16);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, 8, true);
  v.setUint16(8, tags.length, true);
  tags.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, 1, true);
    if (type === 3) v.setUint16(at + 8, value, true);
    else v.setUint32(at + 8, value >>> 0, true);
  });
  v.setUint32(10 + tags.length * 12, nextIfd, true);
  return out;
}

export function overlayCases(): HostileCase[] {
  const pngSeed = solidPng(16, [10, 120, 40]);
  const jpgSeed = jpeg(16, 16);
  const tifSeed = new Uint8Array(readFileSync(new URL('../fixtures/overlay/utm48n-rgb.tif', import.meta.url)));
  const c = (format: string, what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `${format}/${what}`, format, reader: 'overlay', fileName: `input.${format}`, bytes, mustRefuse });
  return [
    ...genericCases('png', 'overlay', 'input.png', pngSeed, 8),
    ...genericCases('tif', 'overlay', 'input.tif', tifSeed, 8),
    c('png', 'dimensions-100k-square', png(100_000, 100_000, zeroZlib(1)), true),
    c('png', 'dimensions-zero', png(0, 0, zeroZlib(1)), true),
    c('png', 'idat-zlib-bomb-512MiB-16k-square', png(16_384, 16_384, zeroZlib(512)), true),
    c('jpg', 'good-header', jpgSeed),
    c('jpg', 'dimensions-65500-square', jpeg(65_500, 65_500), true),
    c('jpg', 'truncated-in-sof', jpgSeed.slice(0, 25)),
    c('tif', 'dimensions-1M-square', tiff(1_000_000, 1_000_000), true),
    c('tif', 'strip-offset-past-end', tiff(64, 64, 0x7ffffff0)),
    c('tif', 'ifd-loop', tiff(64, 64, 200, 8)),
    c('tif', 'ifd-offset-past-end', patched(tiff(64, 64), (v) => v.setUint32(4, 0x7ffffff0, true)), true),
    c('tif', 'big-endian-garbage', concat(utf8('MM\0*'), new Uint8Array(64).fill(0xff))),
  ];
}
