import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import { LAND_USE_CATALOGUE } from '../../../shared/model';
import { rawBbox } from '../../../shared/io/imported-layer';
import { useImportPreview } from './import-store';

const SOURCE = 'exchange-import-preview';
const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Catalogue colours by group (land-use code), an accent for the other kinds. A boundary is an outline only, as on the park map. */
function colourExpression(key: 'fill' | 'outline'): ExpressionSpecification {
  const pairs = LAND_USE_CATALOGUE.categories.flatMap((c) => [c.code, c[key]]);
  return ['match', ['get', 'group'], ...pairs, 'building', LAND_USE_CATALOGUE.buildingFill, 'boundary', LAND_USE_CATALOGUE.boundaryOutline, '#e8590c'] as unknown as ExpressionSpecification;
}

/**
 * Draws the pending import (dashed outlines over translucent fills) above the park, and frames
 * it when a new file is loaded, so the user sees where the data lands before applying it.
 */
export function attachImportPreview(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'exchange-preview-fill', type: 'fill', source: SOURCE, filter: ['all', ['==', ['geometry-type'], 'Polygon'], ['!=', ['get', 'group'], 'boundary']], paint: { 'fill-color': colourExpression('fill'), 'fill-opacity': 0.45 } });
  map.addLayer({ id: 'exchange-preview-line', type: 'line', source: SOURCE, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': colourExpression('outline'), 'line-width': 2, 'line-dasharray': [2, 1] } });
  map.addLayer({ id: 'exchange-preview-point', type: 'circle', source: SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#e8590c', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } });
  let framed = useImportPreview.getState().fileSeq;
  let restored = useImportPreview.getState().restoreSeq;
  let before: { center: [number, number]; zoom: number; bearing: number; pitch: number } | null = null;
  const render = () => {
    const { preview, fileSeq, restoreSeq } = useImportPreview.getState();
    (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(preview ?? EMPTY);
    if (restoreSeq !== restored) {
      restored = restoreSeq;
      if (before) map.jumpTo(before);
      before = null;
    }
    if (!preview) before = null;
    if (preview && preview.features.length > 0 && fileSeq !== framed) {
      framed = fileSeq;
      const c = map.getCenter();
      before ??= { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
      const [minX, minY, maxX, maxY] = rawBbox(preview.features.map((f) => f.geometry));
      if (Number.isFinite(minX)) map.fitBounds([[minX, minY], [maxX, maxY]] as LngLatBoundsLike, { padding: 60, maxZoom: 18, duration: 0 });
    }
  };
  render();
  const unsubscribe = useImportPreview.subscribe(render);
  return () => {
    unsubscribe();
    for (const id of ['exchange-preview-point', 'exchange-preview-line', 'exchange-preview-fill']) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
}
