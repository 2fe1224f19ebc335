import type { SqlJsStatic } from 'sql.js';
import { describeBytes, sniffArchiveFormat } from './detect';
import { openMbtilesArchive } from './mbtiles-archive';
import { openPmtilesArchive } from './pmtiles-archive';
import { MBTILES_MAX_BYTES, type TileArchiveOptions, type TileArchiveResult, type TileFileAccess } from './types';

export * from './types';
export { detectSchema, describeBytes, gunzipIfNeeded, mvtLayerNames, sniffArchiveFormat, tmsRow } from './detect';
export { checkPmtilesHeader, openPmtilesArchive } from './pmtiles-archive';
export { openMbtilesArchive } from './mbtiles-archive';
export { gunzipCapped } from './bounded-gunzip';

/**
 * Opens a .pmtiles or .mbtiles file by what its bytes say (the name is not trusted). Never
 * throws: a file that cannot be shown is refused with a reason and a plain detail. Every inflate
 * runs under the limits of `options` (a gzip bomb is refused or left out, never inflated whole).
 */
export async function openTileArchive(file: TileFileAccess, loadSql: () => Promise<SqlJsStatic>, options: TileArchiveOptions = {}): Promise<TileArchiveResult> {
  try {
    const head = await file.read(0, 16);
    const format = sniffArchiveFormat(head);
    if (format === null) {
      return head.length < 16 && 'PMTiles'.startsWith(String.fromCharCode(...head.subarray(0, 7))) && head.length > 0
        ? { ok: false, reason: 'truncated', cause: { code: 'too_short', size: file.size }, detail: `The file is only ${file.size} bytes long.` }
        : { ok: false, reason: 'not_tile_archive', cause: { code: 'no_signature' }, detail: 'It starts neither with the PMTiles signature nor with a SQLite (MBTiles) header.' };
    }
    if (format === 'pmtiles') return await openPmtilesArchive(file, options);
    if (file.size > MBTILES_MAX_BYTES) {
      return {
        ok: false,
        reason: 'too_large',
        cause: { code: 'too_large', size: file.size, limit: MBTILES_MAX_BYTES },
        detail: `It is ${describeBytes(file.size)}; MBTiles files are read into memory and the limit is ${describeBytes(MBTILES_MAX_BYTES)}. Convert it to PMTiles (\`pmtiles convert\`), which has no size limit.`,
      };
    }
    return openMbtilesArchive(await loadSql(), await file.readAll(), file.name, options);
  } catch (error) {
    return { ok: false, reason: 'io_error', cause: { code: 'read_failed' }, detail: error instanceof Error ? error.message : String(error) };
  }
}
