import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { MapAdapter } from './map-adapter';
import type { Draft } from './tool-store';

export const DRAFT_SOURCE = 'draft';

/** Preview of the shape being drawn, its vertices and the snap indicator (above the park). */
export const DRAFT_LAYERS: LayerSpecification[] = [
  {
    id: 'draft-fill',
    type: 'fill',
    source: DRAFT_SOURCE,
    filter: ['==', ['get', 'role'], 'shape'],
    paint: { 'fill-color': '#0066ff', 'fill-opacity': 0.15 },
  },
  {
    id: 'draft-corridor',
    type: 'fill',
    source: DRAFT_SOURCE,
    filter: ['==', ['get', 'role'], 'corridor'],
    paint: { 'fill-color': '#6b6b6b', 'fill-opacity': 0.35 },
  },
  {
    id: 'draft-line',
    type: 'line',
    source: DRAFT_SOURCE,
    filter: ['any', ['==', ['get', 'role'], 'shape'], ['==', ['get', 'role'], 'line']],
    paint: { 'line-color': '#0066ff', 'line-width': 2, 'line-dasharray': [3, 2] },
  },
  {
    id: 'draft-vertices',
    type: 'circle',
    source: DRAFT_SOURCE,
    filter: ['==', ['get', 'role'], 'vertex'],
    paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#0066ff', 'circle-stroke-width': 2 },
  },
  {
    id: 'draft-snap',
    type: 'circle',
    source: DRAFT_SOURCE,
    filter: ['==', ['get', 'role'], 'snap'],
    paint: {
      'circle-radius': 7,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': ['match', ['get', 'snapKind'], 'vertex', '#e6007e', '#ff9800'],
      'circle-stroke-width': 2.5,
    },
  },
];

function feature(geometry: Geometry, properties: Record<string, string>): Feature {
  return { type: 'Feature', geometry, properties };
}

/** Renders a draft and its preview geometry into the draft source. */
export function renderDraft(map: MapAdapter, draft: Draft, preview: Geometry | null, corridor: Geometry | null): void {
  const features: Feature[] = [];
  if (corridor) features.push(feature(corridor, { role: 'corridor' }));
  if (preview) features.push(feature(preview, { role: preview.type === 'Polygon' ? 'shape' : 'line' }));
  for (const vertex of draft.vertices) features.push(feature({ type: 'Point', coordinates: vertex }, { role: 'vertex' }));
  if (draft.snap) features.push(feature({ type: 'Point', coordinates: draft.snap.position }, { role: 'snap', snapKind: draft.snap.kind }));
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  map.setSourceData(DRAFT_SOURCE, collection);
}

export function addDraftLayers(map: MapAdapter): void {
  map.addGeoJsonLayers(DRAFT_SOURCE, DRAFT_LAYERS);
}
