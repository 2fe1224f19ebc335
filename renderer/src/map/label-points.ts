import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { pointOnFeature } from '@turf/point-on-feature';
import { activeScenario, type ParkFeature } from '../../../shared/model';
import { useDocumentStore } from '../state/document-store';

export const LABEL_SOURCE = 'park-labels';

// One anchor per plot, cached by feature object (features are immutable): labelling a polygon
// source directly repeats the label in every tile the polygon crosses.
const anchors = new WeakMap<ParkFeature, Feature>();

function anchorOf(f: ParkFeature): Feature {
  let anchor = anchors.get(f);
  if (!anchor) {
    const at = pointOnFeature({ type: 'Feature', properties: {}, geometry: f.geometry as GeoJSON.Polygon });
    anchor = { type: 'Feature', geometry: at.geometry, properties: { code: f.code ?? '', name: f.name ?? '' } };
    anchors.set(f, anchor);
  }
  return anchor;
}

/** Keeps the label anchors of coded land-use polygons in step with the active scenario. */
export function attachLabelPoints(map: MapLibreMap): () => void {
  const render = () => {
    const doc = useDocumentStore.getState().document;
    const features = doc ? activeScenario(doc).features.filter((f) => f.kind === 'landuse' && f.code).map(anchorOf) : [];
    (map.getSource(LABEL_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
  };
  render();
  return useDocumentStore.subscribe((s, p) => s.document !== p.document && render());
}
