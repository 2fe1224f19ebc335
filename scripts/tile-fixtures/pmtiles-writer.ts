/**
 * A PMTiles v3 writer for test fixtures, following the spec on its own (own Hilbert curve, own
 * directory encoding), so the app's readers are tested on files they did not write.
 */
import { gzipSync } from 'fflate';
import { pmtilesTileId } from './tile-math';

function varints(values: number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

export interface PmtilesOptions {
  tiles: { z: number; x: number; y: number; data: Uint8Array }[];
  /** 1 MVT, 2 PNG, 3 JPEG, 4 WebP. */
  tileType: number;
  /** 1 none, 2 gzip: how `data` is stored (already compressed by the caller). */
  tileCompression: number;
  metadata: object;
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  center: [number, number, number];
  /**
   * Entries per leaf directory. Absent: everything in the root directory (enough below a few
   * thousand tiles). Set: the root only points (run length 0) to leaf directories of this many
   * entries each, as big archives are laid out, so readers are tested on the two-level lookup.
   */
  leafSize?: number;
}

type DirectoryEntry = { tileId: number; offset: number; length: number; runLength: number };

/** A directory as the spec encodes it: count, then delta tile ids, run lengths, lengths, offsets (varints), gzipped. */
function encodeDirectory(entries: DirectoryEntry[]): Uint8Array {
  const ids: number[] = [];
  let lastId = 0;
  for (const e of entries) {
    ids.push(e.tileId - lastId);
    lastId = e.tileId;
  }
  // 0 means "right after the previous entry's bytes"; otherwise offset + 1.
  const offsets = entries.map((e, i) => (i > 0 && e.offset === entries[i - 1].offset + entries[i - 1].length ? 0 : e.offset + 1));
  return gzipSync(new Uint8Array(varints([entries.length, ...ids, ...entries.map((e) => e.runLength), ...entries.map((e) => e.length), ...offsets])), { mtime: 0 });
}

/** One archive; identical consecutive tiles share one run. */
export function writePmtiles(o: PmtilesOptions): Uint8Array {
  const sorted = o.tiles.map((t) => ({ ...t, id: pmtilesTileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  const entries: DirectoryEntry[] = [];
  const blobs: Uint8Array[] = [];
  const offsetOf = new Map<string, number>();
  let dataLength = 0;
  for (const t of sorted) {
    const key = Buffer.from(t.data).toString('base64');
    const last = entries[entries.length - 1];
    if (last && offsetOf.get(key) === last.offset && last.tileId + last.runLength === t.id) {
      last.runLength += 1;
      continue;
    }
    let offset = offsetOf.get(key);
    if (offset === undefined) {
      offset = dataLength;
      offsetOf.set(key, offset);
      blobs.push(t.data);
      dataLength += t.data.length;
    }
    entries.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
  }
  // Leaf directories (offsets relative to the leaf section) and the root entries pointing at them.
  const leaves: Uint8Array[] = [];
  let directory: Uint8Array;
  if (o.leafSize) {
    const rootEntries: DirectoryEntry[] = [];
    let leafBytes = 0;
    for (let i = 0; i < entries.length; i += o.leafSize) {
      const leaf = encodeDirectory(entries.slice(i, i + o.leafSize));
      rootEntries.push({ tileId: entries[i].tileId, offset: leafBytes, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      leafBytes += leaf.length;
    }
    directory = encodeDirectory(rootEntries);
  } else {
    directory = encodeDirectory(entries);
  }
  const leafLength = leaves.reduce((sum, l) => sum + l.length, 0);
  const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(o.metadata)), { mtime: 0 });

  const header = new Uint8Array(127);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
  const rootOffset = 127;
  const metaOffset = rootOffset + directory.length;
  const leafOffset = metaOffset + metadata.length;
  const dataOffset = leafOffset + leafLength;
  u64(8, rootOffset);
  u64(16, directory.length);
  u64(24, metaOffset);
  u64(32, metadata.length);
  u64(40, leafOffset);
  u64(48, leafLength);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, o.tiles.length);
  u64(80, entries.length);
  u64(88, blobs.length);
  header[96] = 1; // clustered: tile data in TileID order
  header[97] = 2; // internal compression gzip
  header[98] = o.tileCompression;
  header[99] = o.tileType;
  header[100] = o.minZoom;
  header[101] = o.maxZoom;
  const e7 = (at: number, v: number) => view.setInt32(at, Math.round(v * 1e7), true);
  e7(102, o.bounds[0]);
  e7(106, o.bounds[1]);
  e7(110, o.bounds[2]);
  e7(114, o.bounds[3]);
  header[118] = o.center[2];
  e7(119, o.center[0]);
  e7(123, o.center[1]);
  return new Uint8Array(Buffer.concat([header, directory, metadata, ...leaves, ...blobs]));
}
