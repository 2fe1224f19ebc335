import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import {
  MBTILES_MAX_BYTES,
  detectSchema,
  mvtLayerNames,
  openTileArchive,
  tmsRow,
  type TileArchive,
} from '../../../shared/tile-archive';
import { FIXTURE_BOUNDS, LAKE, PROTOMAPS_LAYERS, VECTOR_MAXZOOM, rasterColour, vectorTile, writeMbtiles, writePmtiles } from '../../../scripts/make-tile-fixtures';
import { decodeTile, fixture, loadSql, memoryFile, tileOf } from './helpers';

async function open(bytes: Uint8Array, name: string): Promise<TileArchive> {
  const result = await openTileArchive(memoryFile(bytes, name).access, loadSql);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.archive;
}

async function refusal(bytes: Uint8Array, name = 'bad.pmtiles') {
  const result = await openTileArchive(memoryFile(bytes, name).access, loadSql);
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

const lakeCentre = [(LAKE.bounds[0] + LAKE.bounds[2]) / 2, (LAKE.bounds[1] + LAKE.bounds[3]) / 2] as const;

describe('PMTiles v3 (Protomaps schema fixture)', () => {
  it('reads the header and metadata: vector, Protomaps, bounds, zooms, attribution', async () => {
    const archive = await open(fixture('protomapsPmtiles'), 'park.pmtiles');
    const { info } = archive;
    expect(info).toMatchObject({ format: 'pmtiles', kind: 'vector', encoding: 'mvt', schema: 'protomaps', minzoom: 0, maxzoom: VECTOR_MAXZOOM });
    expect(info.name).toBe('EcoPark test basemap (Protomaps schema)');
    expect(info.attribution).toContain('Protomaps');
    expect(info.vectorLayers).toEqual(expect.arrayContaining(['earth', 'water', 'roads', 'places', 'fixture']));
    // Header bounds are stored as 1e-7 degree integers.
    info.bounds!.forEach((v, i) => expect(v).toBeCloseTo(FIXTURE_BOUNDS[i], 7));
  });

  it('returns the tile asked for at every zoom, decompressed (checked by the tile naming itself)', async () => {
    const archive = await open(fixture('protomapsPmtiles'), 'park.pmtiles');
    for (let z = 0; z <= VECTOR_MAXZOOM; z++) {
      const { x, y } = tileOf(lakeCentre[0], lakeCentre[1], z);
      const bytes = await archive.getTile(z, x, y);
      expect(bytes, `tile ${z}/${x}/${y}`).not.toBeNull();
      const tile = decodeTile(bytes!);
      expect(tile.layer('fixture')[0].properties.zxy).toBe(`${z}/${x}/${y}`);
    }
    const { x, y } = tileOf(lakeCentre[0], lakeCentre[1], 13);
    const water = decodeTile((await archive.getTile(13, x, y))!).layer('water');
    expect(water.map((f) => f.properties.name)).toContain('Hồ Yên Phong');
  });

  it('has no tile outside its bounds or zoom range', async () => {
    const archive = await open(fixture('protomapsPmtiles'), 'park.pmtiles');
    expect(await archive.getTile(13, 0, 0)).toBeNull();
    const { x, y } = tileOf(lakeCentre[0], lakeCentre[1], 14);
    expect(await archive.getTile(14, x, y)).toBeNull();
    expect(await archive.getTile(2, 4, 0)).toBeNull(); // x beyond the zoom's width
  });

  it('is read by byte ranges only, never whole', async () => {
    const bytes = fixture('protomapsPmtiles');
    const file = memoryFile(bytes, 'park.pmtiles');
    const result = await openTileArchive(file.access, loadSql);
    if (!result.ok) throw new Error(result.detail);
    const { x, y } = tileOf(lakeCentre[0], lakeCentre[1], 12);
    await result.archive.getTile(12, x, y);
    expect(file.readAllCalls()).toBe(0);
    expect(Math.max(...file.reads.map((r) => r.length))).toBeLessThanOrEqual(16384);
    expect(file.reads.reduce((sum, r) => sum + r.length, 0)).toBeLessThan(bytes.length);
  });

  it('finds the layers from a tile when the metadata lists none', async () => {
    const bytes = writePmtiles({
      tiles: [{ z: 0, x: 0, y: 0, data: vectorTile(PROTOMAPS_LAYERS, 0, 0, 0) }],
      tileType: 1,
      tileCompression: 1,
      metadata: {},
      bounds: FIXTURE_BOUNDS,
      minZoom: 0,
      maxZoom: 0,
      center: [106, 21.1, 0],
    });
    const { info } = await open(bytes, 'bare.pmtiles');
    expect(info.vectorLayers).toEqual(expect.arrayContaining(['earth', 'roads', 'places']));
    expect(info.schema).toBe('protomaps');
    expect(info.name).toBe('bare.pmtiles');
  });
});

describe('raster PMTiles', () => {
  it('is detected as PNG tiles and returns each tile, identical tiles sharing one run', async () => {
    const bytes = fixture('rasterPmtiles');
    const archive = await open(bytes, 'raster.pmtiles');
    expect(archive.info).toMatchObject({ kind: 'raster', encoding: 'png', schema: 'unknown', minzoom: 0, maxzoom: 2, vectorLayers: [] });
    // Header: 21 addressed tiles stored as fewer directory entries (z2 is one run of 16).
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(Number(view.getBigUint64(72, true))).toBe(21);
    expect(Number(view.getBigUint64(80, true))).toBe(6);
    for (const [z, x, y] of [
      [0, 0, 0],
      [1, 1, 0],
      [1, 0, 1],
      [2, 3, 3],
      [2, 0, 2],
    ]) {
      const png = (await archive.getTile(z, x, y))!;
      expect(Array.from(png.subarray(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
      // First pixel of the first scanline (after its filter byte), from the IDAT chunk at byte 33.
      const idatLength = new DataView(png.buffer, png.byteOffset).getUint32(33);
      const raw = unzlibSync(png.subarray(41, 41 + idatLength));
      expect(Array.from(raw.subarray(1, 4))).toEqual(rasterColour(z, x, y));
    }
  });
});

describe('MBTiles 1.3 (OpenMapTiles schema fixture)', () => {
  it('reads the metadata: vector, OpenMapTiles, bounds, zooms, attribution', async () => {
    const { info } = await open(fixture('openmaptilesMbtiles'), 'park.mbtiles');
    expect(info).toMatchObject({ format: 'mbtiles', kind: 'vector', encoding: 'mvt', schema: 'openmaptiles', minzoom: 0, maxzoom: VECTOR_MAXZOOM });
    expect(info.bounds).toEqual(FIXTURE_BOUNDS);
    expect(info.attribution).toContain('OpenMapTiles');
    expect(info.vectorLayers).toEqual(expect.arrayContaining(['transportation', 'place', 'water', 'waterway']));
  });

  it('flips XYZ rows to TMS rows (y_tms = 2^z − 1 − y) and returns the tile asked for', async () => {
    // The lake centre (105.972° E, 21.081° N) at z13: XYZ row 3605, TMS row 4586 counted from the
    // south, floor((1 + asinh(tan φ)/π)/2 · 2^13) (python3 math, independently of the app).
    const z = 13;
    const { x, y } = tileOf(lakeCentre[0], lakeCentre[1], z);
    const rad = (lakeCentre[1] * Math.PI) / 180;
    const tmsExpected = Math.floor(((1 + Math.asinh(Math.tan(rad)) / Math.PI) / 2) * 2 ** z);
    expect(y).toBe(3605);
    expect(tmsExpected).toBe(4586);
    expect(tmsRow(z, y)).toBe(tmsExpected);
    const SQL = await loadSql();
    const db = new SQL.Database(fixture('openmaptilesMbtiles'));
    expect(db.exec('SELECT count(*) FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?', [z, x, tmsExpected])[0].values[0][0]).toBe(1);
    db.close();

    const archive = await open(fixture('openmaptilesMbtiles'), 'park.mbtiles');
    for (let zoom = 0; zoom <= VECTOR_MAXZOOM; zoom++) {
      const t = tileOf(lakeCentre[0], lakeCentre[1], zoom);
      const tile = decodeTile((await archive.getTile(zoom, t.x, t.y))!);
      expect(tile.layer('fixture')[0].properties.zxy).toBe(`${zoom}/${t.x}/${t.y}`);
    }
    expect(await archive.getTile(13, 0, 0)).toBeNull();
    archive.close();
  });
});

describe('refusals', () => {
  const pm = () => fixture('protomapsPmtiles').slice();

  it('refuses bytes that are neither PMTiles nor SQLite', async () => {
    expect((await refusal(new TextEncoder().encode('<html>not a map</html>'.repeat(20)))).reason).toBe('not_tile_archive');
    expect((await refusal(new Uint8Array(0))).reason).toBe('not_tile_archive');
  });

  it('refuses a PMTiles file cut short, in the header or after it', async () => {
    expect((await refusal(pm().slice(0, 100))).reason).toBe('truncated');
    expect((await refusal(pm().slice(0, 5))).reason).toBe('truncated');
    const cut = await refusal(pm().slice(0, 2000));
    expect(cut.reason).toBe('truncated');
    expect(cut.detail).toMatch(/cut short/);
  });

  it('refuses other PMTiles versions, Brotli/Zstandard compression and unsupported tile types', async () => {
    const v2 = pm();
    v2[7] = 2;
    expect((await refusal(v2)).reason).toBe('unsupported_version');
    const brotli = pm();
    brotli[98] = 3;
    const b = await refusal(brotli);
    expect(b.reason).toBe('unsupported_compression');
    expect(b.detail).toContain('Brotli');
    const zstdInternal = pm();
    zstdInternal[97] = 4;
    expect((await refusal(zstdInternal)).reason).toBe('unsupported_compression');
    const mlt = pm();
    mlt[99] = 6;
    expect((await refusal(mlt)).reason).toBe('unsupported_tile_type');
  });

  it('refuses a damaged root directory', async () => {
    const bytes = pm();
    bytes.fill(0x55, 127, 160); // overwrite the gzip header of the root directory
    expect((await refusal(bytes)).reason).toBe('corrupt');
  });

  it('refuses a SQLite file that is not an MBTiles tileset, or has no tiles, or an unknown format', async () => {
    const SQL = await loadSql();
    const gpkg = new SQL.Database();
    gpkg.run('CREATE TABLE gpkg_contents (table_name text)');
    expect((await refusal(gpkg.export(), 'park.gpkg')).reason).toBe('not_mbtiles');
    const empty = await writeMbtiles({ tiles: [], metadata: { name: 'empty', format: 'pbf' } });
    expect((await refusal(empty, 'empty.mbtiles')).reason).toBe('no_tiles');
    const geojson = await writeMbtiles({ tiles: [{ z: 0, x: 0, y: 0, data: new Uint8Array([1, 2, 3]) }], metadata: { name: 'x', format: 'geojson' } });
    const g = await refusal(geojson, 'x.mbtiles');
    expect(g.reason).toBe('unsupported_tile_type');
    expect(g.detail).toContain('geojson');
    const truncated = fixture('openmaptilesMbtiles').slice(0, 8192);
    expect(['corrupt', 'not_mbtiles']).toContain((await refusal(truncated, 'cut.mbtiles')).reason);
  });

  it('refuses an MBTiles file above the in-memory limit without reading it', async () => {
    const header = new TextEncoder().encode('SQLite format 3\0');
    let readAll = 0;
    const result = await openTileArchive(
      { name: 'huge.mbtiles', size: MBTILES_MAX_BYTES + 1, read: async () => header, readAll: async () => (readAll++, new Uint8Array()) },
      loadSql,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('too_large');
      expect(result.detail).toContain('1.0 GiB');
    }
    expect(readAll).toBe(0);
  });
});

describe('schema detection', () => {
  it('recognises Protomaps and OpenMapTiles layer sets and nothing else', () => {
    expect(detectSchema(['earth', 'water', 'landuse', 'landcover', 'roads', 'buildings', 'places', 'boundaries', 'pois'])).toBe('protomaps');
    expect(detectSchema(['water', 'waterway', 'landcover', 'landuse', 'transportation', 'transportation_name', 'building', 'place', 'boundary', 'poi'])).toBe('openmaptiles');
    expect(detectSchema(['water'])).toBe('unknown');
    expect(detectSchema(['parcels', 'roads_custom', 'cadastre'])).toBe('unknown');
    // Two OpenMapTiles names among many foreign ones is not enough.
    expect(detectSchema(['place', 'boundary', 'a', 'b', 'c', 'd', 'e'])).toBe('unknown');
    expect(detectSchema([])).toBe('unknown');
  });

  it('reads layer names from a tile like @mapbox/vector-tile does', async () => {
    const mvt = vectorTile(PROTOMAPS_LAYERS, 12, 3254, 1812);
    expect(mvtLayerNames(mvt).sort()).toEqual(decodeTile(mvt).layerNames.sort());
    expect(mvtLayerNames(new Uint8Array([0xff, 0xff, 0xff]))).toEqual([]);
  });
});
