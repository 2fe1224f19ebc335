import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LAND_USE_CATALOGUE } from '../../../shared/model';

/** Colours of the offline basemap: neutral, so the park's land-use colours carry the map. */
const BASEMAP = {
  sea: '#dfe8ee',
  land: '#f4f2ec',
  vietnam: '#f7f6f1',
  border: '#b4ada0',
  vietnamBorder: '#8c8476',
};

const catalogue = LAND_USE_CATALOGUE;

/** The one label font, shipped in data/fonts (Noto Sans, OFL). */
export const LABEL_FONT = 'Noto Sans Regular';

function landUseColour(key: 'fill' | 'outline'): ExpressionSpecification {
  const pairs = catalogue.categories.flatMap((c) => [c.code, c[key]]);
  return ['match', ['get', 'landUse'], ...pairs, catalogue.unassigned[key]] as unknown as ExpressionSpecification;
}

/** Metres → pixels at the feature's latitude, ≈ 21° N here; good to a few percent across Vietnam. */
function metresToPixels(metres: ExpressionSpecification | number): ExpressionSpecification {
  const metresPerPixelAtZ0 = (40075016.686 * Math.cos((16 * Math.PI) / 180)) / 512;
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    0,
    ['/', metres, metresPerPixelAtZ0],
    24,
    ['/', metres, metresPerPixelAtZ0 / 2 ** 24],
  ] as ExpressionSpecification;
}

const isKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** Layers of the park itself, drawn above any basemap. Ids are stable: tests and clicks use them. */
export const PARK_LAYER_IDS = {
  landuseFill: 'park-landuse-fill',
  landuseLine: 'park-landuse-line',
  boundary: 'park-boundary',
  roads: 'park-road-centre',
  buildings2d: 'park-building-fill',
  buildings3d: 'park-building-extrusion',
  points: 'park-points',
  labels: 'park-labels',
} as const;

/** Layers a click can select, topmost first. */
export const CLICKABLE_LAYERS: string[] = [
  PARK_LAYER_IDS.points,
  PARK_LAYER_IDS.buildings3d,
  PARK_LAYER_IDS.buildings2d,
  PARK_LAYER_IDS.roads,
  PARK_LAYER_IDS.landuseFill,
  PARK_LAYER_IDS.boundary,
];

export function parkLayers(): LayerSpecification[] {
  return [
    {
      id: PARK_LAYER_IDS.landuseFill,
      type: 'fill',
      source: 'park',
      filter: isKind('landuse'),
      paint: { 'fill-color': landUseColour('fill'), 'fill-opacity': 0.88 },
    },
    {
      id: PARK_LAYER_IDS.landuseLine,
      type: 'line',
      source: 'park',
      filter: isKind('landuse'),
      paint: { 'line-color': landUseColour('outline'), 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.4, 17, 1.4] },
    },
    {
      id: PARK_LAYER_IDS.roads,
      type: 'line',
      source: 'park',
      filter: isKind('road'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.6, 17, 1.6],
        'line-dasharray': [6, 3],
        'line-opacity': 0.95,
      },
    },
    {
      id: PARK_LAYER_IDS.boundary,
      type: 'line',
      source: 'park',
      filter: isKind('boundary'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': catalogue.boundaryOutline, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 17, 4], 'line-dasharray': [4, 1.5] },
    },
    {
      id: PARK_LAYER_IDS.buildings2d,
      type: 'fill',
      source: 'park',
      filter: isKind('building'),
      paint: { 'fill-color': catalogue.buildingFill, 'fill-outline-color': catalogue.buildingOutline },
    },
    {
      id: PARK_LAYER_IDS.buildings3d,
      type: 'fill-extrusion',
      source: 'park',
      filter: isKind('building'),
      paint: {
        'fill-extrusion-color': catalogue.buildingFill,
        'fill-extrusion-height': ['get', 'heightM'],
        'fill-extrusion-base': 0,
        'fill-extrusion-opacity': 0.95,
        'fill-extrusion-vertical-gradient': true,
      },
    },
    {
      id: PARK_LAYER_IDS.points,
      type: 'circle',
      source: 'park',
      filter: isKind('point'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 7],
        'circle-color': '#1f4e79',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      // Plot codes and names, drawn from the bundled Noto Sans (Vietnamese diacritics) without
      // any glyph server, so labels work offline.
      id: PARK_LAYER_IDS.labels,
      type: 'symbol',
      source: 'park-labels',
      minzoom: 14.5,
      layout: {
        'text-field': ['step', ['zoom'], ['get', 'code'], 16.5, ['concat', ['get', 'code'], '\n', ['get', 'name']]],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 14.5, 10, 18, 14],
        'text-max-width': 10,
        'text-padding': 4,
      },
      paint: { 'text-color': '#2b2540', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.4 },
    },
  ];
}

/** Width in pixels of a line `widthM` metres wide; exported for corridor previews. */
export const roadWidthPixels = (widthM: number) => metresToPixels(widthM);

/** The offline style: sea, land, Vietnam and its neighbours from Natural Earth (data/basemap). */
export function baseStyle(fontUrl: string): StyleSpecification {
  return {
    version: 8,
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      countries: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, attribution: 'Natural Earth' },
      // Promoted string ids let an edit update only the features it touched (updateData).
      park: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' },
      'park-labels': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP.sea } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['case', ['boolean', ['get', 'isVietnam'], false], BASEMAP.vietnam, BASEMAP.land] },
      },
      {
        id: 'countries-line',
        type: 'line',
        source: 'countries',
        paint: {
          'line-color': ['case', ['boolean', ['get', 'isVietnam'], false], BASEMAP.vietnamBorder, BASEMAP.border],
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.5],
        },
      },
      ...parkLayers(),
    ],
  };
}

/** Layer under which an online raster basemap is inserted (above the offline land). */
export const FIRST_PARK_LAYER = PARK_LAYER_IDS.landuseFill;
