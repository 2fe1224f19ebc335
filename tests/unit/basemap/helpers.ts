import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
