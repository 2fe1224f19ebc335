import { strFromU8 } from 'fflate';
import { Compression, PMTiles, ResolvedValueCache, TileType, bytesToHeader, type Header, type Source } from 'pmtiles';
import { checkLimit, DEFAULT_LIMITS, type LimitId, type Limits } from '../limits';
import { gunzipCapped } from './bounded-gunzip';
import { detectSchema, gunzipIfNeeded, mvtLayerNames, vectorLayerIds } from './detect';
import { refusalIfLimit, tileOrGap } from './tile-limits';
import type { TileArchiveInfo, TileArchiveOptions, TileArchiveResult, TileEncoding, TileFileAccess, TileRefusalCause } from './types';

/**
 * A PMTiles v3 archive (github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), read only by
 * byte ranges: the 127-byte header, directories and the tiles asked for. The header is
 * checked here first so a bad file gets a precise reason; directory walking is the pmtiles
 * library's.
 */

const HEADER_BYTES = 127;

const ENCODINGS: Partial<Record<TileType, TileEncoding>> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
};
// Proper names, the same in every language; other codes are shown as numbers.
const TILE_TYPE_NAMES: Record<number, string> = { 5: 'AVIF', 6: 'MapLibre Tile (MLT)' };
const COMPRESSION_NAMES: Record<number, string> = { 3: 'Brotli', 4: 'Zstandard' };

/** The bytes as an exactly-sized ArrayBuffer (a Node Buffer may be a view into a shared pool). */
function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? bytes.buffer
    : new Uint8Array(bytes).buffer;
}

/**
 * Gzip (fflate, so the same code runs in Node, Electron and the page) under a running cap: the
 * directories and the metadata count against `tile-metadata-inflated-bytes`, tiles against
 * `tile-inflated-bytes` (bounded-gunzip.ts).
 */
function decompressor(limit: LimitId, limits: Limits) {
  return async (buffer: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> => {
    if (compression === Compression.None || compression === Compression.Unknown) return buffer;
    if (compression === Compression.Gzip) return exactBuffer(gunzipCapped(new Uint8Array(buffer), limit, limits[limit]));
    throw new Error(`compression ${compression} not supported`);
  };
}

/**
 * The file as the pmtiles library reads it. No tile or directory is larger than a tile may
 * inflate to, so a longer read (a hostile length in a directory entry) is refused before the
 * bytes are allocated.
 */
function sourceOf(file: TileFileAccess, limits: Limits): Source {
  return {
    getKey: () => file.name,
    async getBytes(offset, length) {
      checkLimit(limits, 'tile-inflated-bytes', length);
      const bytes = await file.read(offset, Math.max(0, Math.min(length, file.size - offset)));
      return { data: exactBuffer(bytes) };
    },
  };
}

type Checked =
  | { ok: true; header: Header }
  | { ok: false; reason: 'truncated' | 'unsupported_version' | 'unsupported_compression' | 'unsupported_tile_type'; cause: TileRefusalCause; detail: string };

/** The header's own promises: version, compression, tile type and that every section lies inside the file. */
export function checkPmtilesHeader(head: Uint8Array, fileSize: number): Checked {
  if (head.length < HEADER_BYTES || fileSize < HEADER_BYTES) {
    return { ok: false, reason: 'truncated', cause: { code: 'header_cut', size: fileSize }, detail: `The file ends after ${fileSize} bytes, inside the 127-byte PMTiles header.` };
  }
  const version = head[7];
  if (version !== 3) {
    return {
      ok: false,
      reason: 'unsupported_version',
      cause: { code: 'version', version },
      detail: `This is a PMTiles version ${version} archive; only version 3 is read (convert it with \`pmtiles convert\`).`,
    };
  }
  const header = bytesToHeader(new Uint8Array(head.subarray(0, HEADER_BYTES)).buffer);
  const sections: [string, number, number | undefined][] = [
    ['root directory', header.rootDirectoryOffset, header.rootDirectoryLength],
    ['metadata', header.jsonMetadataOffset, header.jsonMetadataLength],
    ['leaf directories', header.leafDirectoryOffset, header.leafDirectoryLength],
    ['tile data', header.tileDataOffset, header.tileDataLength],
  ];
  for (const [name, offset, length] of sections) {
    if (offset + (length ?? 0) > fileSize) {
      return { ok: false, reason: 'truncated', cause: { code: 'section_cut', end: offset + (length ?? 0), size: fileSize }, detail: `The ${name} ends at byte ${offset + (length ?? 0)} but the file has ${fileSize} bytes: it was cut short.` };
    }
  }
  for (const [what, c] of [['internal', header.internalCompression], ['tile', header.tileCompression]] as const) {
    if (c !== Compression.None && c !== Compression.Gzip && c !== Compression.Unknown) {
      return {
        ok: false,
        reason: 'unsupported_compression',
        cause: { code: 'compression', compression: COMPRESSION_NAMES[c] ?? String(c) },
        detail: `Its ${what} compression is ${COMPRESSION_NAMES[c] ?? `code ${c}`}; only gzip or none can be read (re-cluster it with \`pmtiles convert\` or extract with gzip).`,
      };
    }
  }
  if (!ENCODINGS[header.tileType]) {
    return {
      ok: false,
      reason: 'unsupported_tile_type',
      cause: { code: 'tile_type', tileType: TILE_TYPE_NAMES[header.tileType] ?? String(header.tileType) },
      detail: `Its tiles are ${TILE_TYPE_NAMES[header.tileType] ?? `type ${header.tileType}`}; vector (MVT), PNG, JPEG or WebP can be shown.`,
    };
  }
  if (header.minZoom > header.maxZoom) return { ok: false, reason: 'truncated', cause: { code: 'empty_zoom_range' }, detail: 'Its zoom range is empty (min zoom above max zoom).' };
  return { ok: true, header };
}

export async function openPmtilesArchive(file: TileFileAccess, options: TileArchiveOptions = {}): Promise<TileArchiveResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const head = await file.read(0, HEADER_BYTES);
  const checked = checkPmtilesHeader(head, file.size);
  if (!checked.ok) return checked;
  const { header } = checked;
  const readDirectory = decompressor('tile-metadata-inflated-bytes', limits);
  const pm = new PMTiles(sourceOf(file, limits), new ResolvedValueCache(64, false, readDirectory), decompressor('tile-inflated-bytes', limits));
  let metadata: unknown;
  try {
    await pm.getHeader(); // reads and decodes the root directory
    // Read here rather than with pm.getMetadata(), which inflates with the tiles' decompressor and cap.
    // Its stored length is checked too: no metadata is longer stored than inflated, bar padding.
    checkLimit(limits, 'tile-metadata-inflated-bytes', header.jsonMetadataLength);
    if (header.jsonMetadataLength > 0) {
      const stored = await file.read(header.jsonMetadataOffset, header.jsonMetadataLength);
      const json = await decompressor('tile-metadata-inflated-bytes', limits)(exactBuffer(stored), header.internalCompression);
      metadata = JSON.parse(strFromU8(new Uint8Array(json)));
    } else metadata = {};
  } catch (error) {
    const overLimit = refusalIfLimit(error);
    if (overLimit) return overLimit;
    return { ok: false, reason: 'corrupt', cause: { code: 'directory_unreadable' }, detail: `Its directory or metadata cannot be read (${error instanceof Error ? error.message : String(error)}).` };
  }
  const meta = (typeof metadata === 'object' && metadata !== null ? metadata : {}) as Record<string, unknown>;
  const encoding = ENCODINGS[header.tileType]!;
  /** Throws LimitExceededError for a bomb tile (or leaf directory); getTile turns that into a gap. */
  const readTile = async (z: number, x: number, y: number): Promise<Uint8Array | null> => {
    if (z < header.minZoom || z > header.maxZoom || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) return null;
    const found = await pm.getZxy(z, x, y);
    if (!found) return null;
    const bytes = new Uint8Array(found.data);
    return encoding === 'mvt' ? gunzipIfNeeded(bytes, limits, `${z}/${x}/${y}`) : bytes;
  };
  const getTile = (z: number, x: number, y: number) => tileOrGap(() => readTile(z, x, y), options);

  let layers = vectorLayerIds(meta);
  if (encoding === 'mvt' && layers.length === 0) {
    // No vector_layers in the metadata: read the layer names of the tile at the archive's centre.
    const z = header.minZoom;
    const n = 2 ** z;
    const x = Math.min(n - 1, Math.floor(((header.centerLon + 180) / 360) * n));
    const latRad = (header.centerLat * Math.PI) / 180;
    const y = Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n)));
    let sample: Uint8Array | null = null;
    try {
      sample = await readTile(z, x, y);
    } catch (error) {
      // A bomb as the sample tile refuses the file; a damaged one only leaves the layers unknown.
      const overLimit = refusalIfLimit(error);
      if (overLimit) return overLimit;
    }
    layers = sample ? mvtLayerNames(sample) : [];
  }
  const bounds: TileArchiveInfo['bounds'] =
    header.minLon < header.maxLon && header.minLat < header.maxLat ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null;
  const info: TileArchiveInfo = {
    format: 'pmtiles',
    fileName: file.name,
    sizeBytes: file.size,
    kind: encoding === 'mvt' ? 'vector' : 'raster',
    encoding,
    schema: encoding === 'mvt' ? detectSchema(layers) : 'unknown',
    vectorLayers: encoding === 'mvt' ? layers : [],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    bounds,
    attribution: typeof meta.attribution === 'string' ? meta.attribution : '',
    name: typeof meta.name === 'string' && meta.name.trim() ? meta.name : file.name,
  };
  return { ok: true, archive: { info, getTile, close: () => undefined } };
}
