/**
 * Writes the offline-basemap test fixtures of tests/unit/fixtures/tiles/ from known GeoJSON
 * around the sample park (Yên Phong, Bắc Ninh): a Protomaps-schema vector .pmtiles, an
 * OpenMapTiles-schema vector .mbtiles, a small raster .pmtiles and a tiny world .pmtiles laid out
 * in leaf directories with a run. The writers follow the
 * PMTiles v3 and MBTiles 1.3 specs on their own (own Hilbert curve, own directory encoding;
 * scripts/tile-fixtures/), so the app's readers are tested on files they did not write. Every tile carries a `fixture`
 * layer whose one point names its own z/x/y, so a lookup can be checked against the tile it
 * returns. Run: npx tsx scripts/make-tile-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { lonToTileX, latToTileY, pmtilesTileId, tilesCovering } from './tile-fixtures/tile-math';
import { writePmtiles, type PmtilesOptions } from './tile-fixtures/pmtiles-writer';
import { writeMbtiles, type MbtilesOptions } from './tile-fixtures/mbtiles-writer';
import { solidPng } from './tile-fixtures/png';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'unit', 'fixtures', 'tiles');

/** Area the vector fixtures cover: ≈ 21 km around the sample park. */
export const FIXTURE_BOUNDS: [number, number, number, number] = [105.9, 21.0, 106.1, 21.2];
export const VECTOR_MAXZOOM = 13;

// The writers live in scripts/tile-fixtures/; tests import them from here with the fixtures.
export { lonToTileX, latToTileY, pmtilesTileId, tilesCovering, writePmtiles, writeMbtiles, solidPng, type PmtilesOptions, type MbtilesOptions };

// ---------------------------------------------------------------- known GeoJSON

const box = (w: number, s: number, e: number, n: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const line = (...coordinates: [number, number][]): Geometry => ({ type: 'LineString', coordinates });
const point = (lon: number, lat: number): Geometry => ({ type: 'Point', coordinates: [lon, lat] });
const f = (geometry: Geometry, properties: Record<string, string | number>): Feature => ({ type: 'Feature', geometry, properties });

/** A lake west of the park: the e2e test reads the water colour at its centre. */
export const LAKE = { bounds: [105.962, 21.074, 105.982, 21.088] as [number, number, number, number], name: 'Hồ Yên Phong' };
const RIVER = box(105.9, 21.124, 106.1, 21.131);

/** Protomaps basemap v4 layers (docs.protomaps.com/basemaps/layers). */
export const PROTOMAPS_LAYERS: Record<string, Feature[]> = {
  earth: [f(box(...FIXTURE_BOUNDS), { kind: 'earth' })],
  landcover: [f(box(105.9, 21.0, 106.1, 21.05), { kind: 'farmland' })],
  landuse: [
    f(box(106.015, 21.082, 106.05, 21.115), { kind: 'farmland' }),
    f(box(105.955, 21.094, 105.985, 21.112), { kind: 'residential' }),
    f(box(106.02, 21.06, 106.04, 21.075), { kind: 'park', name: 'Công viên Đông Phong' }),
  ],
  water: [f(box(...LAKE.bounds), { kind: 'lake', name: LAKE.name }), f(RIVER, { kind: 'river', name: 'Sông Cầu' })],
  roads: [
    f(line([106.022, 21.0], [106.022, 21.2]), { kind: 'highway', kind_detail: 'motorway', name: 'Cao tốc Hà Nội – Bắc Giang', ref: 'CT07' }),
    f(line([105.9, 21.088], [106.1, 21.09]), { kind: 'major_road', kind_detail: 'primary', name: 'Quốc lộ 18', ref: 'QL18' }),
    f(line([105.97, 21.095], [105.97, 21.115], [105.985, 21.12]), { kind: 'minor_road', kind_detail: 'residential', name: 'Đường Lý Thái Tổ' }),
    f(line([105.9, 21.14], [106.1, 21.145]), { kind: 'rail', name: 'Đường sắt Hà Nội – Lạng Sơn' }),
  ],
  buildings: [f(box(105.965, 21.1, 105.9665, 21.101), { kind: 'building', height: 12 })],
  boundaries: [f(line([105.935, 21.0], [105.935, 21.2]), { kind: 'region', kind_detail: 4, name: 'Bắc Ninh – Hà Nội' })],
  places: [
    f(point(105.968, 21.116), { kind: 'locality', name: 'Yên Phong', min_zoom: 9, population_rank: 9 }),
    f(point(106.035, 21.125), { kind: 'locality', name: 'Đông Phong', min_zoom: 10, population_rank: 7 }),
  ],
  pois: [f(point(106.03, 21.068), { kind: 'park', name: 'Công viên Đông Phong', min_zoom: 14 })],
};

/** OpenMapTiles schema layers (openmaptiles.org/schema). */
export const OPENMAPTILES_LAYERS: Record<string, Feature[]> = {
  water: [f(box(...LAKE.bounds), { class: 'lake' }), f(RIVER, { class: 'river' })],
  waterway: [f(line([105.9, 21.06], [106.1, 21.065]), { class: 'stream', name: 'Ngòi Con' })],
  landcover: [f(box(106.015, 21.082, 106.05, 21.115), { class: 'farmland', subclass: 'farmland' }), f(box(106.02, 21.06, 106.04, 21.075), { class: 'wood', subclass: 'forest' })],
  landuse: [f(box(105.955, 21.094, 105.985, 21.112), { class: 'residential' })],
  park: [f(box(106.02, 21.06, 106.04, 21.075), { class: 'park', name: 'Công viên Đông Phong' })],
  transportation: [
    f(line([106.022, 21.0], [106.022, 21.2]), { class: 'motorway' }),
    f(line([105.9, 21.088], [106.1, 21.09]), { class: 'primary' }),
    f(line([105.97, 21.095], [105.97, 21.115], [105.985, 21.12]), { class: 'minor' }),
    f(line([105.9, 21.14], [106.1, 21.145]), { class: 'rail' }),
  ],
  transportation_name: [f(line([105.9, 21.088], [106.1, 21.09]), { class: 'primary', name: 'Quốc lộ 18', ref: 'QL18' })],
  building: [f(box(105.965, 21.1, 105.9665, 21.101), { render_height: 12 })],
  boundary: [f(line([105.935, 21.0], [105.935, 21.2]), { admin_level: 4 })],
  water_name: [f(point(105.972, 21.081), { class: 'lake', name: LAKE.name })],
  place: [f(point(105.968, 21.116), { class: 'town', name: 'Yên Phong', rank: 9 }), f(point(106.035, 21.125), { class: 'village', name: 'Đông Phong', rank: 12 })],
};

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** One vector tile of `layers` (uncompressed MVT) plus the self-naming `fixture` layer. */
export function vectorTile(layers: Record<string, Feature[]>, z: number, x: number, y: number): Uint8Array {
  const tiles: Parameters<typeof fromGeojsonVt>[0] = {};
  for (const [name, features] of Object.entries(layers)) {
    const tile = geoJSONToTile(collection(features), z, x, y, { extent: 4096, buffer: 64, maxZoom: z });
    if (tile && tile.features.length > 0) tiles[name] = tile;
  }
  // The tile's own address, at its centre.
  const n = 2 ** z;
  const lon = ((x + 0.5) / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI;
  tiles.fixture = geoJSONToTile(collection([f(point(lon, lat), { zxy: `${z}/${x}/${y}` })]), z, x, y, { extent: 4096, maxZoom: z });
  return fromGeojsonVt(tiles, { version: 2, extent: 4096 });
}

/**
 * One tile standing for several (a PMTiles run): its `fixture` point names every address it is
 * served for, space-separated, in tile-id order, so each tile still names its own z/x/y.
 */
export function runTile(addresses: { z: number; x: number; y: number }[]): Uint8Array {
  const zxy = addresses.map((a) => `${a.z}/${a.x}/${a.y}`).join(' ');
  // One point in the middle of the tile (geometry only matters for drawing, not for the test).
  const tile = geoJSONToTile(collection([f(point(0, 0), { zxy })]), 0, 0, 0, { extent: 4096, maxZoom: 0 });
  return fromGeojsonVt({ fixture: tile! }, { version: 2, extent: 4096 });
}

function vectorTiles(layers: Record<string, Feature[]>, gzip: boolean) {
  const out: { z: number; x: number; y: number; data: Uint8Array }[] = [];
  for (let z = 0; z <= VECTOR_MAXZOOM; z++) {
    for (const [x, y] of tilesCovering(FIXTURE_BOUNDS, z)) {
      const mvt = vectorTile(layers, z, x, y);
      out.push({ z, x, y, data: gzip ? gzipSync(mvt, { mtime: 0 }) : mvt });
    }
  }
  return out;
}

const vectorLayersMeta = (layers: Record<string, Feature[]>) =>
  [...Object.keys(layers), 'fixture'].map((id) => ({ id, fields: {}, minzoom: 0, maxzoom: VECTOR_MAXZOOM }));

/** Colour of raster fixture tile z/x/y: unique per tile at z0–1; all of z2 the same (one run). */
export function rasterColour(z: number, x: number, y: number): [number, number, number] {
  return z < 2 ? [40 + z * 100, 60 + x * 90, 80 + y * 90] : [30, 120, 200];
}

// ---------------------------------------------------------------- the fixtures

export const FIXTURE_FILES = {
  protomapsPmtiles: 'park-protomaps.pmtiles',
  openmaptilesMbtiles: 'park-openmaptiles.mbtiles',
  rasterPmtiles: 'raster-z0-2.pmtiles',
  leafPmtiles: 'leaf-dirs-z0-2.pmtiles',
} as const;

/** Entries per leaf directory of the leaf fixture: 19 entries in 5 leaves, the run inside the third. */
export const LEAF_SIZE = 4;
/** Tile ids (PMTiles order) served by one shared tile in the leaf fixture: a run of three at zoom 2. */
export const LEAF_RUN_IDS = [9, 10, 11];

/**
 * The whole world at zoom 0–2 (21 vector tiles holding only the `fixture` layer), written with
 * leaf directories: the root points to five leaves, and tiles 9–11 are one run, so tile 11 is
 * found only through the entry of tile 9.
 */
function leafFixture(): Uint8Array {
  const all: { z: number; x: number; y: number; id: number }[] = [];
  for (let z = 0; z <= 2; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) all.push({ z, x, y, id: pmtilesTileId(z, x, y) });
  all.sort((a, b) => a.id - b.id);
  const run = all.filter((t) => LEAF_RUN_IDS.includes(t.id));
  const shared = gzipSync(runTile(run), { mtime: 0 });
  return writePmtiles({
    tiles: all.map((t) => ({ ...t, data: LEAF_RUN_IDS.includes(t.id) ? shared : gzipSync(vectorTile({}, t.z, t.x, t.y), { mtime: 0 }) })),
    tileType: 1,
    tileCompression: 2,
    metadata: { name: 'Leaf directory test tiles', vector_layers: [{ id: 'fixture', fields: { zxy: 'String' }, minzoom: 0, maxzoom: 2 }] },
    bounds: [-180, -85.05112878, 180, 85.05112878],
    minZoom: 0,
    maxZoom: 2,
    center: [0, 0, 0],
    leafSize: LEAF_SIZE,
  });
}

export async function buildFixtures(): Promise<Record<keyof typeof FIXTURE_FILES, Uint8Array>> {
  const protomapsPmtiles = writePmtiles({
    tiles: vectorTiles(PROTOMAPS_LAYERS, true),
    tileType: 1,
    tileCompression: 2,
    metadata: {
      name: 'EcoPark test basemap (Protomaps schema)',
      attribution: '<a href="https://protomaps.com">Protomaps</a> © <a href="https://openstreetmap.org">OpenStreetMap</a> (test fixture)',
      type: 'baselayer',
      vector_layers: vectorLayersMeta(PROTOMAPS_LAYERS),
    },
    bounds: FIXTURE_BOUNDS,
    minZoom: 0,
    maxZoom: VECTOR_MAXZOOM,
    center: [106.0, 21.1, 12],
  });
  const openmaptilesMbtiles = await writeMbtiles({
    tiles: vectorTiles(OPENMAPTILES_LAYERS, true),
    metadata: {
      name: 'EcoPark test basemap (OpenMapTiles schema)',
      format: 'pbf',
      bounds: FIXTURE_BOUNDS.join(','),
      center: '106.0,21.1,12',
      minzoom: '0',
      maxzoom: String(VECTOR_MAXZOOM),
      attribution: '© OpenMapTiles © OpenStreetMap contributors (test fixture)',
      type: 'baselayer',
      version: '1',
      json: JSON.stringify({ vector_layers: vectorLayersMeta(OPENMAPTILES_LAYERS) }),
    },
  });
  const rasterTiles: PmtilesOptions['tiles'] = [];
  for (let z = 0; z <= 2; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) rasterTiles.push({ z, x, y, data: solidPng(256, rasterColour(z, x, y)) });
  const rasterPmtiles = writePmtiles({
    tiles: rasterTiles,
    tileType: 2,
    tileCompression: 1,
    metadata: { name: 'Raster test tiles', attribution: 'Solid colours (test fixture)' },
    bounds: [-180, -85.05112878, 180, 85.05112878],
    minZoom: 0,
    maxZoom: 2,
    center: [0, 0, 0],
  });
  return { protomapsPmtiles, openmaptilesMbtiles, rasterPmtiles, leafPmtiles: leafFixture() };
}

async function main() {
  const built = await buildFixtures();
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const [key, name] of Object.entries(FIXTURE_FILES)) {
    const bytes = built[key as keyof typeof FIXTURE_FILES];
    writeFileSync(join(FIXTURE_DIR, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
