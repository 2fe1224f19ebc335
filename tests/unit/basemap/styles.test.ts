import { describe, expect, it } from 'vitest';
import { validateStyleMin, type LayerSpecification, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FILE_LAYER_PREFIX, FILE_SOURCE, SHIPPED_STYLES, fileBasemap, genericLayers } from '../../../renderer/src/map/offline-basemap/file-style';
import { LABEL_FONT } from '../../../renderer/src/map/map-style';
import type { TileArchiveInfo } from '../../../shared/tile-archive';

// Layer ids of each schema: docs.protomaps.com/basemaps/layers (v4) and openmaptiles.org/schema (v3).
const PROTOMAPS = ['earth', 'water', 'landuse', 'landcover', 'roads', 'buildings', 'places', 'boundaries', 'pois', 'transit'];
const OPENMAPTILES = ['water', 'waterway', 'landcover', 'landuse', 'park', 'transportation', 'transportation_name', 'building', 'place', 'boundary', 'water_name', 'poi', 'aeroway', 'aerodrome_label', 'mountain_peak', 'housenumber'];

const errorsOf = (style: StyleSpecification) => validateStyleMin(style).map((e) => e.message);
const sourceLayers = (layers: LayerSpecification[]) => [...new Set(layers.map((l) => ('source-layer' in l ? l['source-layer'] : undefined)).filter(Boolean))];
const fontsOf = (layers: LayerSpecification[]) => layers.flatMap((l) => (l.type === 'symbol' ? [JSON.stringify(l.layout?.['text-font'])] : []));

function info(patch: Partial<TileArchiveInfo>): TileArchiveInfo {
  return {
    format: 'pmtiles',
    fileName: 'x.pmtiles',
    sizeBytes: 1,
    kind: 'vector',
    encoding: 'mvt',
    schema: 'protomaps',
    vectorLayers: [],
    minzoom: 0,
    maxzoom: 14,
    bounds: [102.1, 8.2, 109.5, 23.4],
    attribution: '© OpenStreetMap',
    name: 'Vietnam',
    ...patch,
  };
}

/** The map's own style with a file basemap added the way basemap-layers.ts adds it. */
function composed(file: ReturnType<typeof fileBasemap>): StyleSpecification {
  return {
    version: 8,
    'font-faces': { [LABEL_FONT]: 'app://ecopark/NotoSans-Regular.ttf' },
    sources: { [FILE_SOURCE]: file.source },
    layers: file.layers,
  };
}

describe('shipped basemap styles (data/basemap-styles)', () => {
  it.each(Object.entries(SHIPPED_STYLES))('%s validates against the MapLibre style spec', (_name, style) => {
    expect(errorsOf(style)).toEqual([]);
  });

  it('use only layers of their schema, and only the bundled font (no glyph server, no sprite)', () => {
    expect(sourceLayers(SHIPPED_STYLES.protomaps.layers).every((id) => PROTOMAPS.includes(id!))).toBe(true);
    expect(sourceLayers(SHIPPED_STYLES.openmaptiles.layers).every((id) => OPENMAPTILES.includes(id!))).toBe(true);
    for (const style of Object.values(SHIPPED_STYLES)) {
      expect(style.glyphs).toBeUndefined();
      expect(style.sprite).toBeUndefined();
      expect(new Set(fontsOf(style.layers))).toEqual(new Set(style.layers.some((l) => l.type === 'symbol') ? [JSON.stringify([LABEL_FONT])] : []));
    }
    // The water the e2e test reads on screen.
    const water = (style: StyleSpecification) => style.layers.find((l) => l.id === 'water') as { paint: Record<string, unknown> };
    expect(water(SHIPPED_STYLES.protomaps).paint['fill-color']).toBe('#b7d1e2');
    expect(water(SHIPPED_STYLES.openmaptiles).paint['fill-color']).toBe('#b7d1e2');
  });
});

describe('style selection for an opened file', () => {
  const url = 'ecopark-tiles://file/1/{z}/{x}/{y}.mvt';

  it('Protomaps schema → the Protomaps style, background painted inside the bounds only', () => {
    const file = fileBasemap(info({ schema: 'protomaps' }), url);
    expect(file.style).toBe('protomaps');
    expect(file.background).toBe('#f1efe9');
    expect(file.layers.some((l) => l.type === 'background')).toBe(false);
    expect(file.layers.every((l) => l.id.startsWith(FILE_LAYER_PREFIX) && 'source' in l && l.source === FILE_SOURCE)).toBe(true);
    expect(file.source).toMatchObject({ type: 'vector', tiles: [url], minzoom: 0, maxzoom: 14, bounds: [102.1, 8.2, 109.5, 23.4], attribution: '© OpenStreetMap' });
    expect(errorsOf(composed(file))).toEqual([]);
  });

  it('OpenMapTiles schema → the OpenMapTiles style', () => {
    const file = fileBasemap(info({ format: 'mbtiles', schema: 'openmaptiles' }), url);
    expect(file.style).toBe('openmaptiles');
    expect(sourceLayers(file.layers)).toContain('transportation');
    expect(errorsOf(composed(file))).toEqual([]);
  });

  it('unknown schema → a generic style drawing every layer’s polygons, lines and points', () => {
    const file = fileBasemap(info({ schema: 'unknown', vectorLayers: ['parcels', 'canals'] }), url);
    expect(file.style).toBe('generic');
    expect(file.layers.map((l) => l.id)).toEqual(
      ['parcels', 'canals'].flatMap((id) => ['fill', 'line', 'point', 'label'].map((kind) => `${FILE_LAYER_PREFIX}${id}-${kind}`)),
    );
    expect(errorsOf(composed(file))).toEqual([]);
    expect(genericLayers([])).toEqual([]);
  });

  it('raster tiles → one raster layer at the measured tile size, no bounds when the file has none', () => {
    const file = fileBasemap(info({ kind: 'raster', encoding: 'png', schema: 'unknown', bounds: null, attribution: '' }), 'ecopark-tiles://file/2/{z}/{x}/{y}.png', 512);
    expect(file.style).toBe('raster');
    expect(file.background).toBeNull();
    expect(file.layers.map((l) => l.type)).toEqual(['raster']);
    expect(file.source).toEqual({ type: 'raster', tileSize: 512, tiles: ['ecopark-tiles://file/2/{z}/{x}/{y}.png'], minzoom: 0, maxzoom: 14 });
    expect(errorsOf(composed(file))).toEqual([]);
  });
});
