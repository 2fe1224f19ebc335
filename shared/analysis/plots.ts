import { SLIVER_OVERLAP_M2 } from '../geometry/overlap';
import type { BuildingFeature, LandUseFeature } from '../model/feature';
import { areaM2, bbox, intersection } from './measure';
import { isWithin } from './planar';
import type { SpatialState } from './spatial-state';
import type { PlotIndicators } from './types';

// Per building, its part inside each plot (m²); both immutable, so the pair identifies the value.
const footprints = new WeakMap<BuildingFeature, WeakMap<LandUseFeature, number>>();

/**
 * The part of a building's footprint inside a plot (m², geodesic): its whole area when it
 * stands inside, else the area of building ∩ plot. Summed over the plots a building stands
 * in, this is its footprint inside plots: nothing lost at a plot line, nothing counted twice.
 */
export function footprintInPlotM2(b: BuildingFeature, plot: LandUseFeature): number {
  let byPlot = footprints.get(b);
  if (!byPlot) footprints.set(b, (byPlot = new WeakMap()));
  let value = byPlot.get(plot);
  if (value === undefined) {
    const inside = isWithin(b.geometry, plot.geometry, bbox(b.geometry), bbox(plot.geometry));
    const clipped = inside ? b.geometry : intersection(b.geometry, plot.geometry, { pieces: true });
    value = clipped ? areaM2(clipped) : 0;
    byPlot.set(plot, value);
  }
  return value;
}

/**
 * Floors above ground: the `floors` attribute, else height ÷ storey height rounded down (a storey
 * counts only when its full height fits), at least 1.
 */
export function floorsOf(b: BuildingFeature, storeyHeightM: number): number {
  if (b.floors !== undefined) return b.floors;
  if (b.heightM !== undefined) return Math.max(1, Math.floor(b.heightM / storeyHeightM + 1e-9));
  return 1;
}

/**
 * Indicators of one industrial plot from the buildings and green polygons drawn inside it. A
 * building across the plot line counts with its part inside (footprint and floor area) and its
 * floors (max floors) in each plot it stands in.
 */
export function plotIndicators(plot: LandUseFeature, state: SpatialState, storeyHeightM: number): PlotIndicators {
  const plotAreaM2 = areaM2(plot.geometry);
  // A part below the overlap noise floor is a shared edge drawn a few millimetres off, not a building in this plot.
  const buildings = [...(state.buildingsOf.get(plot) ?? [])]
    .filter((b) => footprintInPlotM2(b, plot) >= SLIVER_OVERLAP_M2)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  let footprintM2 = 0;
  let floorAreaM2 = 0;
  let maxFloors = 0;
  for (const b of buildings) {
    const f = footprintInPlotM2(b, plot);
    const floors = floorsOf(b, storeyHeightM);
    footprintM2 += f;
    floorAreaM2 += f * floors;
    maxFloors = Math.max(maxFloors, floors);
  }
  let greenInsideM2 = 0;
  const greenIds: string[] = [];
  for (const [other, shared] of state.overlaps.get(plot) ?? []) {
    if (other.landUse !== 'green') continue;
    greenInsideM2 += shared;
    greenIds.push(other.id);
  }
  const declared = plot.props?.greenRatio;
  const hasDeclared = typeof declared === 'number' && declared >= 0 && declared <= 1;
  const safe = plotAreaM2 > 0 ? plotAreaM2 : NaN;
  return {
    id: plot.id,
    code: plot.code ?? null,
    name: plot.name ?? null,
    areaM2: plotAreaM2,
    footprintM2,
    buildingIds: buildings.map((b) => b.id),
    buildingDensity: footprintM2 / safe,
    floorAreaM2,
    far: floorAreaM2 / safe,
    maxFloors,
    greenInsideM2,
    greenRatio: greenIds.length > 0 ? greenInsideM2 / safe : hasDeclared ? declared : null,
    greenSource: greenIds.length > 0 ? 'drawn' : hasDeclared ? 'declared' : 'none',
    greenIds: greenIds.sort(),
    limits: plotLimits(plot),
  };
}

/** The plot's own limits, those it has (assigned in turn: spreads of one key each cost a cold run more). */
function plotLimits(plot: LandUseFeature): PlotIndicators['limits'] {
  const limits: PlotIndicators['limits'] = {};
  if (plot.maxDensity !== undefined) limits.maxDensity = plot.maxDensity;
  if (plot.maxFloors !== undefined) limits.maxFloors = plot.maxFloors;
  if (plot.minGreenRatio !== undefined) limits.minGreenRatio = plot.minGreenRatio;
  if (plot.maxFar !== undefined) limits.maxFar = plot.maxFar;
  return limits;
}

/** Plot indicators by plot object, valid for `storeyHeightM`; kept across runs of one scenario. */
export interface PlotCache {
  byPlot: Map<LandUseFeature, PlotIndicators>;
  storeyHeightM: number;
}

/** Indicators of every industrial plot, recomputing only the plots the last sync touched. */
export function scenarioPlots(industrial: readonly LandUseFeature[], state: SpatialState, storeyHeightM: number, cache: PlotCache): PlotIndicators[] {
  if (cache.storeyHeightM !== storeyHeightM) cache.byPlot.clear();
  cache.storeyHeightM = storeyHeightM;
  const next = new Map<LandUseFeature, PlotIndicators>();
  const plots = industrial.map((p) => {
    let indicators = state.touchedPlots.has(p) ? undefined : cache.byPlot.get(p);
    indicators ??= plotIndicators(p, state, storeyHeightM);
    next.set(p, indicators);
    return indicators;
  });
  state.touchedPlots.clear();
  cache.byPlot = next;
  return plots;
}

/** Count and mean, smallest and largest area (m²) of the plots; zeros without plots. */
export function plotStats(plots: readonly PlotIndicators[]): { count: number; meanAreaM2: number; minAreaM2: number; maxAreaM2: number } {
  const plotAreas = plots.map((p) => p.areaM2);
  return {
    count: plots.length,
    meanAreaM2: plots.length > 0 ? plotAreas.reduce((a, b) => a + b, 0) / plots.length : 0,
    minAreaM2: plots.length > 0 ? Math.min(...plotAreas) : 0,
    maxAreaM2: plots.length > 0 ? Math.max(...plotAreas) : 0,
  };
}
