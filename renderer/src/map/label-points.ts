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
  let deferred: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useDocumentStore.subscribe((state, previous) => {
    if (state.document === previous.document) return;
    clearTimeout(deferred);
    // A newly opened park needs an anchor per plot (tens of ms for 1,700 plots): they are
    // computed in a task of their own, not in the one that loads the park (issue 13 bug 7).
    // An edit reuses the cached anchors of the features it did not touch: drawn at once.
    if (state.loadSeq !== previous.loadSeq) deferred = setTimeout(render, 0);
    else render();
  });
  return () => {
    clearTimeout(deferred);
    unsubscribe();
  };
}
