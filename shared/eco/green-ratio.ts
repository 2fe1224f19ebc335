import { greenRatios } from '../analysis/green-ratios';
import { areaM2, unionOf } from '../analysis/measure';
import { SpatialState } from '../analysis/spatial-state';
import type { AreaGeometry } from '../model/geometry-schema';
import { activeScenario, type ParkDocument } from '../model/document';
import type { LandUseFeature } from '../model/feature';

/**
 * The green-space ratio of a scenario for the EIP criteria, as the land-use analysis computes it
 * (shared/analysis/green-ratios.ts) but over the only features it reads — the boundary, green
 * land and industrial plots — so `ecopark eco` does not run the whole analysis (road corridors,
 * isolation strips, buildings, rules) for one figure.
 */
export function greenSpaceRatioOf(doc: ParkDocument, scenarioId?: string): number {
  const scenario = (scenarioId && doc.scenarios.find((s) => s.id === scenarioId)) || activeScenario(doc);
  const boundaries = scenario.features.filter((f) => f.kind === 'boundary').map((f) => f.geometry as AreaGeometry);
  const boundary = boundaries.length <= 1 ? (boundaries[0] ?? null) : unionOf(boundaries);
  const read = scenario.features.filter((f): f is LandUseFeature => f.kind === 'landuse' && (f.landUse === 'green' || f.landUse === 'industrial'));
  const state = new SpatialState(boundary);
  state.sync(read);
  const parkAreaM2 = boundary ? areaM2(boundary) : 0;
  return greenRatios(read.filter((f) => f.landUse === 'green'), state, parkAreaM2, 0).greenSpaceRatio;
}
