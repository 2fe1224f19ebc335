import type { Database, SqlJsStatic } from 'sql.js';
import { detectSchema, encodingFromMbtilesFormat, gunzipIfNeeded, mvtLayerNames, parseBounds, sniffTileEncoding, tmsRow, vectorLayerIds } from './detect';
import { checkLimit, DEFAULT_LIMITS } from '../limits';
import { refusalIfLimit, tileOrGap } from './tile-limits';
import { MAX_TILE_ZOOM, type TileArchiveInfo, type TileArchiveOptions, type TileArchiveResult, type TileEncoding, type TileRefusalCause } from './types';

/**
 * An MBTiles 1.3 tileset (github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md): a SQLite
 * database with a `metadata` (name, value) table and a `tiles` (zoom_level, tile_column,
 * tile_row, tile_data) table or view, rows in TMS order. sql.js holds the whole database in
 * memory, so callers check MBTILES_MAX_BYTES before reading the bytes.
 */

function relationExists(db: Database, name: string): boolean {
  const result = db.exec("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?", [name]);
  return result.length > 0 && result[0].values.length > 0;
}

function readMetadata(db: Database): Map<string, string> {
  const out = new Map<string, string>();
  const result = db.exec('SELECT name, value FROM metadata');
  for (const [name, value] of result[0]?.values ?? []) {
    if (typeof name === 'string' && value !== null && value !== undefined) out.set(name.trim().toLowerCase(), String(value));
  }
  return out;
}

function firstTile(db: Database): Uint8Array | null {
  const result = db.exec('SELECT tile_data FROM tiles ORDER BY zoom_level LIMIT 1');
  const value = result[0]?.values[0]?.[0];
  return value instanceof Uint8Array ? value : null;
}

function zoomRange(db: Database, metadata: Map<string, string>): [number, number] {
  const fromMeta = (key: string) => {
    const n = Number(metadata.get(key));
    return metadata.has(key) && Number.isInteger(n) && n >= 0 && n <= MAX_TILE_ZOOM ? n : null;
  };
  let min = fromMeta('minzoom');
  let max = fromMeta('maxzoom');
  if (min === null || max === null || min > max) {
    // The spec only recommends these keys; the tiles themselves are the truth.
    const [row] = db.exec('SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles')[0].values;
    min = Math.max(0, Number(row[0]));
    max = Math.min(MAX_TILE_ZOOM, Number(row[1]));
  }
  return [min, max];
}

export function openMbtilesArchive(SQL: SqlJsStatic, bytes: Uint8Array, fileName: string, options: TileArchiveOptions = {}): TileArchiveResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    return { ok: false, reason: 'corrupt', cause: { code: 'sqlite_unreadable' }, detail: `SQLite cannot read it (${error instanceof Error ? error.message : String(error)}).` };
  }
  const refuse = (reason: 'not_mbtiles' | 'no_tiles' | 'unsupported_tile_type' | 'corrupt', cause: TileRefusalCause, detail: string): TileArchiveResult => {
    db.close();
    return { ok: false, reason, cause, detail };
  };
  try {
    if (!relationExists(db, 'tiles') || !relationExists(db, 'metadata')) {
      return refuse('not_mbtiles', { code: 'no_mbtiles_tables' }, 'It is a SQLite database without the `tiles` and `metadata` tables of an MBTiles tileset (a GeoPackage, perhaps).');
    }
    const metadata = readMetadata(db);
    const sample = firstTile(db);
    if (!sample) return refuse('no_tiles', { code: 'empty_tiles' }, 'Its `tiles` table is empty.');
    const format = metadata.get('format');
    let encoding: TileEncoding | null = format ? encodingFromMbtilesFormat(format) : null;
    if (format && !encoding) return refuse('unsupported_tile_type', { code: 'mbtiles_format', format }, `Its tile format is “${format}”; pbf (vector), png, jpg or webp can be shown.`);
    encoding ??= sniffTileEncoding(sample);
    if (!encoding) return refuse('unsupported_tile_type', { code: 'no_format' }, 'It names no tile format and its tiles are not vector tiles, PNG, JPEG or WebP.');
    const vector = encoding === 'mvt';

    let layers: string[] = [];
    if (encoding === 'mvt') {
      const json = metadata.get('json') ?? '{}';
      checkLimit(limits, 'tile-metadata-inflated-bytes', json.length);
      try {
        layers = vectorLayerIds(JSON.parse(json));
      } catch {
        layers = [];
      }
      if (layers.length === 0) layers = mvtLayerNames(gunzipIfNeeded(sample, limits));
    }
    const [minzoom, maxzoom] = zoomRange(db, metadata);
    const info: TileArchiveInfo = {
      format: 'mbtiles',
      fileName,
      sizeBytes: bytes.byteLength,
      kind: encoding === 'mvt' ? 'vector' : 'raster',
      encoding,
      schema: encoding === 'mvt' ? detectSchema(layers) : 'unknown',
      vectorLayers: layers,
      minzoom,
      maxzoom,
      bounds: parseBounds(metadata.get('bounds')),
      attribution: metadata.get('attribution') ?? '',
      name: metadata.get('name')?.trim() || fileName,
    };
    const statement = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    let closed = false;
    return {
      ok: true,
      archive: {
        info,
        getTile(z, x, y) {
          return tileOrGap(async () => {
            if (closed || z < minzoom || z > maxzoom || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z) return null;
            statement.bind([z, x, tmsRow(z, y)]);
            const data = statement.step() ? statement.get()[0] : null;
            statement.reset();
            if (!(data instanceof Uint8Array)) return null;
            return vector ? gunzipIfNeeded(data, limits, `${z}/${x}/${y}`) : data;
          }, options);
        },
        close() {
          if (closed) return;
          closed = true;
          statement.free();
          db.close();
        },
      },
    };
  } catch (error) {
    const overLimit = refusalIfLimit(error);
    if (overLimit) {
      db.close();
      return overLimit;
    }
    return refuse('corrupt', { code: 'tables_unreadable' }, `Its tables cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
}
