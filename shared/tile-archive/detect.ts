import { strFromU8 } from 'fflate';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { gunzipCapped } from './bounded-gunzip';
import type { TileArchiveFormat, TileEncoding, TileSchema } from './types';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Container format from the first 16 bytes: the PMTiles magic or the SQLite header. */
export function sniffArchiveFormat(head: Uint8Array): TileArchiveFormat | null {
  if (head.length >= 7 && ascii(head, 0, 7) === 'PMTiles') return 'pmtiles';
  if (head.length >= 16 && ascii(head, 0, 15) === 'SQLite format 3' && head[15] === 0) return 'mbtiles';
  return null;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Vector tiles go to MapLibre uncompressed; MBTiles stores them gzipped (spec 1.3), PMTiles may.
 * Inflated under the `tile-inflated-bytes` cap: throws LimitExceededError past it (`where`: z/x/y).
 */
export function gunzipIfNeeded(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, where?: string): Uint8Array {
  return isGzip(bytes) ? gunzipCapped(bytes, 'tile-inflated-bytes', limits['tile-inflated-bytes'], where) : bytes;
}

/** Image type of a tile from its magic bytes; gzip means a vector tile. */
export function sniffTileEncoding(bytes: Uint8Array): TileEncoding | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG') return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isGzip(bytes)) return 'mvt';
  return null;
}

/** MBTiles `format` metadata → encoding; null for formats MapLibre cannot show. */
export function encodingFromMbtilesFormat(format: string): TileEncoding | null {
  const f = format.trim().toLowerCase();
  if (f === 'pbf' || f === 'mvt' || f === 'application/x-protobuf' || f === 'application/vnd.mapbox-vector-tile') return 'mvt';
  if (f === 'png' || f === 'image/png') return 'png';
  if (f === 'jpg' || f === 'jpeg' || f === 'image/jpeg') return 'jpg';
  if (f === 'webp' || f === 'image/webp') return 'webp';
  return null;
}

// Characteristic layer ids of each schema (docs.protomaps.com/basemaps/layers, openmaptiles.org/schema).
const PROTOMAPS_LAYERS = ['earth', 'roads', 'places', 'boundaries', 'pois', 'buildings', 'water', 'landuse', 'landcover'];
const PROTOMAPS_ONLY = ['earth', 'roads', 'places', 'boundaries', 'pois', 'buildings'];
const OMT_LAYERS = ['transportation', 'transportation_name', 'place', 'boundary', 'waterway', 'water_name', 'building', 'water', 'landuse', 'landcover', 'park', 'poi', 'aeroway'];
const OMT_ONLY = ['transportation', 'transportation_name', 'place', 'boundary', 'waterway', 'water_name', 'building', 'park', 'poi', 'aeroway'];

/**
 * Which shipped style fits the archive's layers. A schema is recognised when at least two of
 * its distinctive layer ids are present and most of the archive's layers belong to it, so an
 * unrelated archive that happens to have a "water" layer falls to the generic style.
 */
export function detectSchema(layerIds: readonly string[]): TileSchema {
  const ids = new Set(layerIds);
  const score = (only: string[], all: string[]) => {
    const distinctive = only.filter((id) => ids.has(id)).length;
    const known = layerIds.filter((id) => all.includes(id)).length;
    return distinctive >= 2 && known * 2 >= layerIds.length ? distinctive : 0;
  };
  const pm = score(PROTOMAPS_ONLY, PROTOMAPS_LAYERS);
  const omt = score(OMT_ONLY, OMT_LAYERS);
  if (pm === 0 && omt === 0) return 'unknown';
  return pm >= omt ? 'protomaps' : 'openmaptiles';
}

/** `vector_layers[].id` of TileJSON-style metadata, ignoring anything malformed. */
export function vectorLayerIds(metadata: unknown): string[] {
  if (typeof metadata !== 'object' || metadata === null) return [];
  const layers = (metadata as { vector_layers?: unknown }).vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.map((l) => (typeof l === 'object' && l !== null ? (l as { id?: unknown }).id : null)).filter((id): id is string => typeof id === 'string' && id !== '');
}

/**
 * Layer names of an (uncompressed) Mapbox Vector Tile: Tile.layers is field 3, Layer.name
 * field 1 (github.com/mapbox/vector-tile-spec, vector_tile.proto). Used when an archive's
 * metadata does not list its layers. Returns [] for bytes that are not a vector tile.
 */
export function mvtLayerNames(tile: Uint8Array): string[] {
  const names: string[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= tile.length) throw new Error('truncated varint');
      const byte = tile[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  };
  const skip = (wireType: number) => {
    if (wireType === 0) varint();
    else if (wireType === 1) pos += 8;
    else if (wireType === 2) {
      const length = varint();
      pos += length;
    }
    else if (wireType === 5) pos += 4;
    else throw new Error(`wire type ${wireType}`);
  };
  try {
    while (pos < tile.length) {
      const key = varint();
      if (key === ((3 << 3) | 2)) {
        const layerLength = varint();
        const end = pos + layerLength;
        while (pos < end) {
          const inner = varint();
          if (inner === ((1 << 3) | 2)) {
            const length = varint();
            names.push(strFromU8(tile.subarray(pos, pos + length)));
            pos += length;
          } else skip(inner & 7);
        }
        pos = end;
      } else skip(key & 7);
    }
  } catch {
    return [];
  }
  return names;
}

/** MBTiles rows are TMS (origin bottom-left); MapLibre asks in XYZ (origin top-left). */
export function tmsRow(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

/** Parses MBTiles `bounds` ("w,s,e,n"); null unless four finite numbers inside WGS84. */
export function parseBounds(text: string | undefined): [number, number, number, number] | null {
  if (!text) return null;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
  const [w, s, e, n] = parts;
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return null;
  return [w, s, e, n];
}

/** Human file size for messages: "1.0 GiB", "12.3 MiB". */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}
