import { constants, createGzip } from 'node:zlib';
import { writeMbtiles, writePmtiles } from '../../../scripts/make-tile-fixtures';

/**
 * Gzip bombs made at test time (never committed): `inflatedBytes` of zeros gzipped at level 9
 * (~1,000:1), streamed through node:zlib in 1 MiB pieces so making one never holds the inflated
 * bytes in memory.
 */
export async function gzipBomb(inflatedBytes: number): Promise<Uint8Array> {
  const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = inflatedBytes; left > 0; left -= zeros.length) {
    if (!gzip.write(left >= zeros.length ? zeros : zeros.subarray(0, left))) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/** A vector tile that is not a bomb: its gzip inflates to a few bytes (an empty MVT is valid). */
export const SMALL_VECTOR_TILE_BYTES = 10;

/**
 * A vector MBTiles of two tiles at z1: 1/0/0 a small gzip, 1/1/1 the bomb. `listsLayers`: its
 * metadata names the layers, so opening never needs to inflate a tile.
 */
export async function mbtilesWithBomb(bomb: Uint8Array, options: { listsLayers: boolean; bombFirst?: boolean }): Promise<Uint8Array> {
  const { gzipSync } = await import('fflate');
  const small = gzipSync(new Uint8Array(SMALL_VECTOR_TILE_BYTES));
  const metadata: Record<string, string> = { name: 'bomb', format: 'pbf', minzoom: '0', maxzoom: '1', attribution: '<img src=x onerror="alert(1)">© Bomb' };
  if (options.listsLayers) metadata.json = JSON.stringify({ vector_layers: [{ id: 'water' }] });
  return writeMbtiles({
    tiles: options.bombFirst
      ? [{ z: 0, x: 0, y: 0, data: bomb }]
      : [
          { z: 1, x: 0, y: 0, data: small },
          { z: 1, x: 1, y: 1, data: bomb },
        ],
    metadata,
  });
}

/** A vector PMTiles (tiles stored gzipped) with the given tiles at z1 and metadata object. */
export function pmtiles(tiles: { x: number; y: number; data: Uint8Array }[], metadata: object): Uint8Array {
  return writePmtiles({
    tiles: tiles.map((t) => ({ z: 1, ...t })),
    tileType: 1,
    tileCompression: 2,
    metadata,
    bounds: [-180, -85, 180, 85],
    minZoom: 1,
    maxZoom: 1,
    center: [0, 0, 1],
  });
}
