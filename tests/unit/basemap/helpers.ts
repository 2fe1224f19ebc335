import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { TileFileAccess } from '../../../shared/tile-archive';
import { FIXTURE_DIR, FIXTURE_FILES } from '../../../scripts/make-tile-fixtures';

export const fixture = (key: keyof typeof FIXTURE_FILES): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, FIXTURE_FILES[key])));

let sql: Promise<SqlJsStatic> | null = null;
export const loadSql = (): Promise<SqlJsStatic> => (sql ??= initSqlJs());

/** A file in memory, counting how it is read (ranges vs whole). */
export function memoryFile(bytes: Uint8Array, name = 'test.bin') {
  const reads: { offset: number; length: number }[] = [];
  let readAllCalls = 0;
  const access: TileFileAccess = {
    name,
    size: bytes.length,
    async read(offset, length) {
      reads.push({ offset, length });
      return bytes.slice(offset, offset + length);
    },
    async readAll() {
      readAllCalls += 1;
      return bytes;
    },
  };
  return { access, reads, readAllCalls: () => readAllCalls };
}

/** Slippy-map tile of a point (OSM wiki formula), written out here independently of the app. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

/** Decodes an uncompressed vector tile with @mapbox/vector-tile (not the app's code). */
export function decodeTile(bytes: Uint8Array) {
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = (name: string) => {
    const l = tile.layers[name];
    return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
  };
  return { layerNames: Object.keys(tile.layers), layer };
}

/** The `zxy` names a fixture tile carries (one, or each address of a run it is shared by). */
export function namesOf(tile: ReturnType<typeof decodeTile>): string[] {
  return tile.layer('fixture').flatMap((f) => String(f.properties.zxy).split(' '));
}

/**
 * What the leaf fixture's header and root directory say, decoded here from the spec (not with
 * the app's reader): the leaf section's length and the run lengths of the root entries.
 */
export function leafFixtureFacts(bytes: Uint8Array): { leafBytes: number; rootRunLengths: number[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const root = gunzipSync(bytes.subarray(u64(8), u64(8) + u64(16)));
  let pos = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = root[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  const count = varint();
  for (let i = 0; i < count; i++) varint(); // tile id deltas
  const rootRunLengths = Array.from({ length: count }, varint);
  return { leafBytes: u64(48), rootRunLengths };
}
