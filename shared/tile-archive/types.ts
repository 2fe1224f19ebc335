import type { LimitExceeded, Limits } from '../limits';

/**
 * Offline basemap tile archives (.pmtiles, .mbtiles): what the UI needs to know about one, and
 * why one can be refused. Pure data shared by the desktop shell (which reads the file from
 * disk) and the browser host (which reads it from a File in the page).
 */

/** Container format, detected from the file's first bytes (never from its name). */
export type TileArchiveFormat = 'pmtiles' | 'mbtiles';

/** What the tiles are: Mapbox Vector Tiles, or images. */
export type TileKind = 'vector' | 'raster';

/** Encoding of each tile. `mvt` tiles are handed to MapLibre uncompressed. */
export type TileEncoding = 'mvt' | 'png' | 'jpg' | 'webp';

/**
 * Layer schema of a vector archive, from its `vector_layers` ids: Protomaps basemap (earth,
 * roads, places…), OpenMapTiles (transportation, place, waterway…), or something else (drawn
 * with a generic neutral style).
 */
export type TileSchema = 'protomaps' | 'openmaptiles' | 'unknown';

/** Everything the map needs to show an archive. Invariants: 0 ≤ minzoom ≤ maxzoom ≤ 30. */
export interface TileArchiveInfo {
  format: TileArchiveFormat;
  fileName: string;
  sizeBytes: number;
  kind: TileKind;
  encoding: TileEncoding;
  /** Always 'unknown' for raster archives. */
  schema: TileSchema;
  /** Vector layer ids (source-layer names) in the archive, in its own order. */
  vectorLayers: string[];
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] in degrees, or null when the file does not say. */
  bounds: [number, number, number, number] | null;
  /** Attribution from the file's metadata (may contain simple HTML links), '' when none. */
  attribution: string;
  /** Human name from the metadata, or the file name. */
  name: string;
}

/** Why a file was refused; the UI turns each into a translated message. */
export const TILE_ARCHIVE_REFUSALS = [
  'not_tile_archive',
  'truncated',
  'unsupported_version',
  'unsupported_compression',
  'unsupported_tile_type',
  'not_mbtiles',
  'no_tiles',
  'too_large',
  'corrupt',
  'io_error',
  'limit_exceeded',
] as const;
export type TileArchiveRefusal = (typeof TILE_ARCHIVE_REFUSALS)[number];

/**
 * What exactly was wrong, with the figures a message needs (sizes in bytes). The UI turns each
 * code into a sentence of its own language (renderer/src/i18n/basemap.ts, `basemap.cause.*`);
 * the English `detail` next to it is only for logs.
 */
export type TileRefusalCause =
  | { code: 'no_signature' }
  | { code: 'too_short'; size: number }
  | { code: 'header_cut'; size: number }
  | { code: 'section_cut'; end: number; size: number }
  | { code: 'empty_zoom_range' }
  | { code: 'version'; version: number }
  | { code: 'compression'; compression: string }
  | { code: 'tile_type'; tileType: string }
  | { code: 'mbtiles_format'; format: string }
  | { code: 'no_format' }
  | { code: 'no_mbtiles_tables' }
  | { code: 'empty_tiles' }
  | { code: 'too_large'; size: number; limit: number }
  | { code: 'sqlite_unreadable' }
  | { code: 'directory_unreadable' }
  | { code: 'tables_unreadable' }
  | { code: 'read_failed' }
  | { code: 'missing' }
  | { code: 'permission_denied' }
  | { code: 'request_refused' }
  /** A tile, directory or metadata block inflates past its limit (a gzip bomb): worded by describeLimitExceeded. */
  | { code: 'limit_exceeded'; exceeded: LimitExceeded };
export type TileRefusalCauseCode = TileRefusalCause['code'];

export type TileArchiveResult =
  | { ok: true; archive: TileArchive }
  | { ok: false; reason: TileArchiveRefusal; cause: TileRefusalCause; /** Plain English, for logs only. */ detail: string };

/** How an archive is opened: the limits in force, and who hears of a tile left out. */
export interface TileArchiveOptions {
  /** `tile-inflated-bytes` and `tile-metadata-inflated-bytes` are read from here; DEFAULT_LIMITS when absent. */
  limits?: Limits;
  /** Told of each tile not drawn because it inflates past `tile-inflated-bytes` (the map shows a gap). */
  onTileRefused?(exceeded: LimitExceeded): void;
}

/** An opened archive. `getTile` takes XYZ coordinates (y down, as MapLibre asks). */
export interface TileArchive {
  readonly info: TileArchiveInfo;
  /**
   * The tile's bytes (vector tiles decompressed), or null where the archive has none — or where
   * the tile inflates past `tile-inflated-bytes` (then `onTileRefused` is told): a bomb tile is a
   * gap in the map, never a frozen app.
   */
  getTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): void;
}

/**
 * Random access to a file: the desktop reads byte ranges from disk, the browser slices a Blob.
 * A PMTiles archive is only ever read by ranges; an MBTiles one needs `readAll` (sql.js).
 */
export interface TileFileAccess {
  name: string;
  size: number;
  /** Up to `length` bytes from `offset`; fewer only at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
  readAll(): Promise<Uint8Array>;
}

/**
 * sql.js keeps the whole database in memory, so an MBTiles file above this size is refused
 * with a message suggesting PMTiles (read by ranges, no size limit). 1 GiB.
 */
export const MBTILES_MAX_BYTES = 1024 ** 3;

/** Tile zoom levels MapLibre can address. */
export const MAX_TILE_ZOOM = 30;
