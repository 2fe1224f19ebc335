import type { LandUseFeature } from '../model/feature';
import type { SpatialState } from './spatial-state';
import type { AnalysisResult } from './types';

/** The green-space figures of a scenario, without the isolation strip (see isolation.ts). */
export type GreenRatios = Omit<AnalysisResult['green'], 'isolationMinWidthM' | 'isolationSamples' | 'isolationStepM'>;

/** Green land counts outside industrial plots; green drawn inside a plot is reported apart. */
export function greenRatios(greens: readonly LandUseFeature[], state: SpatialState, parkAreaM2: number, industrialM2: number): GreenRatios {
  let greenAll = 0;
  let greenInPlotsM2 = 0;
  for (const g of greens) {
    greenAll += state.clipped.get(g)!.insideM2;
    for (const [other, shared] of state.overlaps.get(g) ?? []) if (other.landUse === 'industrial') greenInPlotsM2 += shared;
  }
  const greenLandM2 = greenAll - greenInPlotsM2;
  return {
    greenLandM2,
    greenSpaceRatio: parkAreaM2 > 0 ? greenLandM2 / parkAreaM2 : 0,
    greenInPlotsM2,
    totalGreenM2: greenAll,
    totalGreenRatio: parkAreaM2 > 0 ? greenAll / parkAreaM2 : 0,
    greenPerIndustrialHaM2: industrialM2 > 0 ? greenAll / (industrialM2 / 10000) : null,
  };
}
