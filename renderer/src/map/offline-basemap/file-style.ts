import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { TileArchiveInfo } from '../../../../shared/tile-archive/types';
import protomapsStyle from '../../../../data/basemap-styles/protomaps.json';
import openmaptilesStyle from '../../../../data/basemap-styles/openmaptiles.json';
import rasterStyle from '../../../../data/basemap-styles/raster.json';
import { foreignAttributionHtml } from '../basemaps';
import { LABEL_FONT } from '../map-style';

/**
 * Which layers draw an offline tile file: the shipped style of its schema (data/basemap-styles),
 * a generic neutral style for vector tiles of an unknown schema, or one raster layer. Pure, so
 * the choice is unit-tested; basemap-layers.ts puts the result on the map.
 */

export const FILE_SOURCE = 'offline-file';
export const FILE_LAYER_PREFIX = 'offline-file:';
/** Where the style's background colour is painted: the file's bounds only, so Natural Earth shows around an extract. */
export const FILE_EXTENT_SOURCE = 'offline-file-extent';
export const FILE_EXTENT_LAYER = 'offline-file:extent';

export const SHIPPED_STYLES = {
  protomaps: protomapsStyle as unknown as StyleSpecification,
  openmaptiles: openmaptilesStyle as unknown as StyleSpecification,
  raster: rasterStyle as unknown as StyleSpecification,
};

export interface FileBasemap {
  source: SourceSpecification;
  /** Layers with prefixed ids on FILE_SOURCE, bottom first; no background layer. */
  layers: LayerSpecification[];
  /** Colour painted inside the file's bounds under its layers, or null (raster). */
  background: string | null;
  /** Which style was used. */
  style: 'protomaps' | 'openmaptiles' | 'generic' | 'raster';
}

const NEUTRAL = { land: '#f1efe9', fill: '#e3dfd6', line: '#9d978c', point: '#857f74', text: '#4f493f' };

/** Every layer of an unknown vector schema: its polygons, lines and points in neutral colours, names at points. */
export function genericLayers(layerIds: readonly string[]): LayerSpecification[] {
  return layerIds.flatMap((id): LayerSpecification[] => [
    {
      id: `${id}-fill`,
      type: 'fill',
      source: FILE_SOURCE,
      'source-layer': id,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': NEUTRAL.fill, 'fill-opacity': 0.55, 'fill-outline-color': NEUTRAL.line },
    },
    {
      id: `${id}-line`,
      type: 'line',
      source: FILE_SOURCE,
      'source-layer': id,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': NEUTRAL.line, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 16, 1.5] },
    },
    {
      id: `${id}-point`,
      type: 'circle',
      source: FILE_SOURCE,
      'source-layer': id,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 2.5, 'circle-color': NEUTRAL.point, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.8 },
    },
    {
      id: `${id}-label`,
      type: 'symbol',
      source: FILE_SOURCE,
      'source-layer': id,
      minzoom: 12,
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['has', 'name']],
      layout: { 'text-field': ['get', 'name'], 'text-font': [LABEL_FONT], 'text-size': 10.5, 'text-offset': [0, 0.9], 'text-anchor': 'top' },
      paint: { 'text-color': NEUTRAL.text, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ]);
}

function sourceFor(info: TileArchiveInfo, tilesUrl: string, tileSize: number): SourceSpecification {
  const common = {
    tiles: [tilesUrl],
    minzoom: info.minzoom,
    maxzoom: info.maxzoom,
    // MapLibre asks only for tiles inside the bounds; beyond maxzoom it over-zooms the last level.
    ...(info.bounds ? { bounds: info.bounds } : {}),
    // The file's HTML is not ours: MapLibre sets it as innerHTML, so it goes as escaped text.
    ...(info.attribution ? { attribution: foreignAttributionHtml(info.attribution) } : {}),
  };
  return info.kind === 'vector' ? { type: 'vector', ...common } : { type: 'raster', tileSize, ...common };
}

const withPrefix = (layer: LayerSpecification): LayerSpecification => ({ ...layer, id: `${FILE_LAYER_PREFIX}${layer.id}`, ...('source' in layer ? { source: FILE_SOURCE } : {}) }) as LayerSpecification;

/**
 * The map layers for an opened file. `tilesUrl` is the ecopark-tiles:// template; raster
 * `tileSize` is measured from a tile (256 or 512).
 */
export function fileBasemap(info: TileArchiveInfo, tilesUrl: string, tileSize = 256): FileBasemap {
  const source = sourceFor(info, tilesUrl, tileSize);
  if (info.kind === 'raster') {
    return { source, layers: SHIPPED_STYLES.raster.layers.map(withPrefix), background: null, style: 'raster' };
  }
  if (info.schema === 'unknown') {
    return { source, layers: genericLayers(info.vectorLayers).map(withPrefix), background: NEUTRAL.land, style: 'generic' };
  }
  const style = SHIPPED_STYLES[info.schema];
  const background = style.layers.find((l) => l.type === 'background');
  const colour = background?.paint?.['background-color'];
  return {
    source,
    layers: style.layers.filter((l) => l.type !== 'background').map(withPrefix),
    background: typeof colour === 'string' ? colour : NEUTRAL.land,
    style: info.schema,
  };
}
