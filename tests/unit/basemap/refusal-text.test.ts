import { describe, expect, it } from 'vitest';
import { MBTILES_MAX_BYTES, TILE_ARCHIVE_REFUSALS, openTileArchive, type TileRefusalCause, type TileRefusalCauseCode } from '../../../shared/tile-archive';
import { writeMbtiles } from '../../../scripts/make-tile-fixtures';
import { styleCauseText, tileCauseText, tileRefusalText, type TileRefusal } from '../../../renderer/src/map/offline-basemap/refusal-text';
import { fetchOnlineStyle, parseOnlineStyle, type StyleRefusalCause } from '../../../renderer/src/map/offline-basemap/online-style';
import { fixture, loadSql, memoryFile } from './helpers';

/** One cause of every code (the Record type makes a new code without an example a type error). */
const CAUSES: Record<TileRefusalCauseCode, TileRefusalCause> = {
  no_signature: { code: 'no_signature' },
  too_short: { code: 'too_short', size: 5 },
  header_cut: { code: 'header_cut', size: 100 },
  section_cut: { code: 'section_cut', end: 54410, size: 2000 },
  empty_zoom_range: { code: 'empty_zoom_range' },
  version: { code: 'version', version: 2 },
  compression: { code: 'compression', compression: 'Brotli' },
  tile_type: { code: 'tile_type', tileType: 'AVIF' },
  mbtiles_format: { code: 'mbtiles_format', format: 'geojson' },
  no_format: { code: 'no_format' },
  no_mbtiles_tables: { code: 'no_mbtiles_tables' },
  empty_tiles: { code: 'empty_tiles' },
  too_large: { code: 'too_large', size: 1.5 * 1024 ** 3, limit: MBTILES_MAX_BYTES },
  sqlite_unreadable: { code: 'sqlite_unreadable' },
  directory_unreadable: { code: 'directory_unreadable' },
  tables_unreadable: { code: 'tables_unreadable' },
  read_failed: { code: 'read_failed' },
  missing: { code: 'missing' },
  permission_denied: { code: 'permission_denied' },
  request_refused: { code: 'request_refused' },
  limit_exceeded: { code: 'limit_exceeded', exceeded: { reason: 'limit_exceeded', limit: 'tile-inflated-bytes', max: 16 * 1024 ** 2, value: 20 * 1024 ** 2, where: '14/13004/7143' } },
};

const STYLE_CAUSES: Record<StyleRefusalCause['code'], StyleRefusalCause> = {
  http: { code: 'http', status: 404 },
  network: { code: 'network' },
  not_json: { code: 'not_json' },
  not_object: { code: 'not_object' },
  version: { code: 'version', version: '7' },
  no_layers: { code: 'no_layers' },
  source_type: { code: 'source_type', id: 'roads' },
  mapbox: { code: 'mapbox' },
  layer_id: { code: 'layer_id' },
  layer_source: { code: 'layer_source', layer: 'water', source: 'ocean' },
};

/**
 * Words of the English messages that Vietnamese never uses (file names, format names such as
 * PMTiles/gzip and the `pmtiles convert` command are the same in both languages).
 */
const ENGLISH_WORDS = /\b(the|is|it|its|not|only|file|was|and|or|with|cannot|could|has|no|of|read|bytes|type|layer|source|answer|server)\b/gi;
/** English words of `text` outside quoted names (a file, a layer id, a JSON key: data, the same in every language). */
const englishIn = (text: string): string[] => text.replace(/“[^”]*”/g, '').match(ENGLISH_WORDS) ?? [];

const refusalOf = (reason: TileRefusal['reason'], cause: TileRefusalCause, detail = 'An English detail for the log.'): TileRefusal => ({
  ok: false,
  reason,
  cause,
  detail,
  fileName: 'vùng-bắc-ninh.pmtiles',
});

describe('refusal messages in the UI language', () => {
  it('words every refusal reason with every cause in Vietnamese, without the English detail', () => {
    for (const reason of [...TILE_ARCHIVE_REFUSALS, 'missing'] as const) {
      for (const cause of Object.values(CAUSES)) {
        const refusal = refusalOf(reason, cause);
        const vi = tileRefusalText('vi', refusal);
        expect(vi, `${reason}/${cause.code}`).not.toContain(refusal.detail);
        expect(vi, `${reason}/${cause.code}`).not.toContain(tileCauseText('en', cause));
        expect(englishIn(vi), `${reason}/${cause.code}`).toEqual([]);
        expect(vi).toContain('“vùng-bắc-ninh.pmtiles”');
        expect(vi).toContain('Bản đồ nền không thay đổi.');
        expect(tileRefusalText('en', refusal)).not.toContain(refusal.detail);
        expect(englishIn(tileCauseText('en', cause)), cause.code).not.toEqual([]); // the check does see English
      }
    }
  });

  it('puts the figures into the sentence in each language’s number format', () => {
    // 1.5 GiB and the 1 GiB limit, written out independently of the app.
    expect(tileCauseText('vi', CAUSES.too_large)).toContain('1,5 GiB');
    expect(tileCauseText('vi', CAUSES.too_large)).toContain('giới hạn là 1,0 GiB');
    expect(tileCauseText('en', CAUSES.too_large)).toContain('It is 1.5 GiB');
    expect(tileCauseText('en', CAUSES.too_large)).toContain('the limit is 1.0 GiB');
    expect(tileCauseText('vi', CAUSES.section_cut)).toBe('Một phần của tệp phải kết thúc ở byte 54.410, nhưng tệp chỉ có 2.000 byte.');
    expect(tileCauseText('en', CAUSES.section_cut)).toBe('A part of it should end at byte 54,410, but the file has only 2,000 bytes.');
    expect(tileCauseText('vi', CAUSES.version)).toContain('phiên bản 2');
    expect(tileCauseText('vi', CAUSES.compression)).toContain('Brotli');
    expect(tileCauseText('vi', CAUSES.mbtiles_format)).toContain('“geojson”');
  });

  it('words the refusals the readers really produce, in Vietnamese', async () => {
    const pm = () => fixture('protomapsPmtiles').slice();
    const v2 = pm();
    v2[7] = 2;
    const zstd = pm();
    zstd[98] = 4;
    const avif = pm();
    avif[99] = 5;
    const SQL = await loadSql();
    const gpkg = new SQL.Database();
    gpkg.run('CREATE TABLE gpkg_contents (table_name text)');
    const inputs: [Uint8Array, string][] = [
      [new TextEncoder().encode('<html>not a map</html>'.repeat(20)), 'page.pmtiles'],
      [pm().slice(0, 5), 'five.pmtiles'],
      [pm().slice(0, 100), 'header.pmtiles'],
      [pm().slice(0, 2000), 'cut.pmtiles'],
      [v2, 'v2.pmtiles'],
      [zstd, 'zstd.pmtiles'],
      [avif, 'avif.pmtiles'],
      [gpkg.export(), 'park.gpkg'],
      [await writeMbtiles({ tiles: [], metadata: { name: 'empty', format: 'pbf' } }), 'empty.mbtiles'],
      [await writeMbtiles({ tiles: [{ z: 0, x: 0, y: 0, data: new Uint8Array([1, 2, 3]) }], metadata: { name: 'x', format: 'geojson' } }), 'x.mbtiles'],
    ];
    const seen = new Set<string>();
    for (const [bytes, name] of inputs) {
      const result = await openTileArchive(memoryFile(bytes, name).access, loadSql);
      if (result.ok) throw new Error(`${name} was not refused`);
      seen.add(result.cause.code);
      const vi = tileRefusalText('vi', { ...result, fileName: name });
      expect(vi, name).not.toContain(result.detail);
      expect(englishIn(vi), name).toEqual([]);
    }
    expect([...seen].sort()).toEqual(['compression', 'empty_tiles', 'header_cut', 'mbtiles_format', 'no_mbtiles_tables', 'no_signature', 'section_cut', 'tile_type', 'too_short', 'version']);
    const huge = await openTileArchive(
      { name: 'huge.mbtiles', size: MBTILES_MAX_BYTES * 2, read: async () => new TextEncoder().encode('SQLite format 3\0'), readAll: async () => new Uint8Array() },
      loadSql,
    );
    expect(huge).toMatchObject({ ok: false, cause: { code: 'too_large', size: MBTILES_MAX_BYTES * 2, limit: MBTILES_MAX_BYTES } });
    if (!huge.ok) expect(tileRefusalText('vi', { ...huge, fileName: 'huge.mbtiles' })).toContain('Tệp có dung lượng 2,0 GiB');
  });

  it('words every online-style refusal in Vietnamese, the readers’ own included', async () => {
    for (const cause of Object.values(STYLE_CAUSES)) {
      expect(englishIn(styleCauseText('vi', cause)), cause.code).toEqual([]);
      expect(styleCauseText('vi', cause)).not.toBe(styleCauseText('en', cause));
    }
    const parsed = parseOnlineStyle({ version: 8, sources: {}, layers: [{ id: 'water', type: 'fill', source: 'ocean' }] }, 'https://example.test/style.json');
    expect(parsed).toMatchObject({ ok: false, cause: { code: 'layer_source', layer: 'water', source: 'ocean' } });
    if (!parsed.ok) expect(styleCauseText('vi', parsed.cause)).toBe('Lớp “water” dùng nguồn không xác định “ocean”.');
    const gone = await fetchOnlineStyle('https://example.test/style.json', async () => new Response('gone', { status: 404 }));
    expect(gone).toMatchObject({ ok: false, reason: 'unreachable', cause: { code: 'http', status: 404 } });
    if (!gone.ok) expect(styleCauseText('vi', gone.cause)).toBe('Máy chủ trả lời với mã HTTP 404.');
  });
});
