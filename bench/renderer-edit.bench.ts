import { useDocumentStore } from '../renderer/src/state/document-store';
import { diffFeatures, toMapFeature } from '../renderer/src/map/park-geojson';
import { moveCommand } from '../shared/editing/commands';
import { generateLargePark } from './large-park';
import { medianMs, type Figure } from './measure';

/**
 * The renderer's share of committing an edit on the 5,000-feature park: the command through the
 * document store (apply + history) and the map-source diff that MapLibre receives (only the
 * touched features, as GeoJSON). MapLibre's own re-tiling runs in its worker, off this thread.
 */
export async function rendererEditFigures(): Promise<Figure[]> {
  const doc = generateLargePark();
  const store = useDocumentStore.getState();
  store.load(doc, null);
  const scenarioId = doc.activeScenarioId;
  const plotIds = doc.scenarios[0].features.filter((f) => f.kind === 'landuse' && f.landUse === 'industrial').map((f) => f.id);
  let i = 0;
  const commitMs = medianMs(() => {
    const current = useDocumentStore.getState().document!;
    const before = current.scenarios[0].features;
    const result = moveCommand(current, scenarioId, [plotIds[i++ % plotIds.length]], 1, 0);
    if (!result.ok) throw new Error(result.reason);
    useDocumentStore.getState().apply(result.command);
    const diff = diffFeatures(before, useDocumentStore.getState().document!.scenarios[0].features);
    diff.put.map(toMapFeature);
  }, 50, 5);
  return [
    { name: 'editing.commitWithMapDiff.features', value: doc.scenarios[0].features.length, unit: 'count' },
    { name: 'editing.commitWithMapDiff', value: commitMs, unit: 'ms' },
  ];
}
