import { polygonsOf, subtractAreas } from '../geometry/boolean';
import { boxWithinArea } from '../geometry/box-within';
import { SLIVER_OVERLAP_M2 } from '../geometry/overlap';
import { issueSentence } from '../geometry/issue-sentence';
import { featureLabel, validPosition, type ValidationIssue } from '../geometry/validate';
import type { BuildingFeature, LandUseFeature, ParkFeature } from '../model/feature';
import type { AreaGeometry, Position } from '../model/geometry-schema';
import { GridIndex } from './grid-index';
import { areaM2, bbox, interiorPoint } from './measure';
import { EPS_DEG, interiorsMayOverlap, isWithin, type BBox } from './planar';
import { footprintInPlotM2 } from './plots';

/**
 * Buildings standing across the edge of an industrial plot (issue 13): a subdivision line drawn
 * through a factory, or a building drawn over its plot's edge. Plot figures stay right — each
 * plot counts the part inside it (plots.ts) — but the layout is wrong, so it is a problem the
 * map, the Subdivide dialog, the CLI and the report show (`building_crosses_plot`).
 */
export interface PlotCrossing {
  buildingId: string;
  /** The plot holding the largest part of the building. */
  plotId: string;
  /** The other plots it reaches into (sorted ids). */
  otherPlotIds: string[];
  /** Geodesic m² of the whole footprint, and of its part inside `plotId`. */
  buildingM2: number;
  insideM2: number;
  /** A point of the building outside `plotId`, where the map shows the problem. */
  at: Position;
}

/**
 * The buildings of `features` that stand partly in an industrial plot and partly outside it
 * (by more than the 0.01 m² overlap noise floor). With `onlyIds`, only those buildings and the
 * buildings on those plots are checked.
 */
export function buildingPlotCrossings(features: readonly ParkFeature[], options: { onlyIds?: readonly string[] } = {}): PlotCrossing[] {
  const plots = features.filter((f): f is LandUseFeature => f.kind === 'landuse' && f.landUse === 'industrial');
  const index = new GridIndex<PlacedPlot>();
  for (const plot of plots) {
    const box = bbox(plot.geometry);
    index.insert({ plot, box }, box);
  }
  const only = options.onlyIds ? new Set(options.onlyIds) : null;
  const editedPlots = only ? plots.filter((p) => only.has(p.id)).map((p) => bbox(p.geometry)) : [];
  const out: PlotCrossing[] = [];
  for (const b of features) {
    if (b.kind !== 'building') continue;
    const box = bbox(b.geometry);
    if (only && !only.has(b.id) && !editedPlots.some((p) => p[0] <= box[2] && box[0] <= p[2] && p[1] <= box[3] && box[1] <= p[3])) continue;
    const crossing = crossingOf(b, index.query(box));
    if (crossing) out.push(crossing);
  }
  return out;
}

/** An industrial plot with its box, as the index holds it. */
export interface PlacedPlot {
  plot: LandUseFeature;
  box: BBox;
}

/**
 * The crossing of building `b` over the plots `candidates`, if any. `exact` skips the screen
 * (for the tests that compare the two).
 */
export function crossingOf(b: BuildingFeature, candidates: readonly PlacedPlot[], exact = false): PlotCrossing | null {
  const box = bbox(b.geometry);
  if (!exact && clearlyWithinOne(b, box, candidates)) return null;
  const touched = candidates.filter((p) => interiorsMayOverlap(b.geometry, p.plot.geometry, box, p.box));
  if (!exact && standsWithinOne(b, box, touched)) return null;
  const parts = touched
    .map(({ plot }) => ({ plot, insideM2: footprintInPlotM2(b, plot) }))
    .filter((part) => part.insideM2 >= SLIVER_OVERLAP_M2)
    .sort((x, y) => y.insideM2 - x.insideM2 || (x.plot.id < y.plot.id ? -1 : 1));
  if (parts.length === 0) return null;
  const buildingM2 = areaM2(b.geometry);
  const [main] = parts;
  if (buildingM2 - main.insideM2 < SLIVER_OVERLAP_M2) return null;
  const outside = subtractAreas(b.geometry, [main.plot.geometry]);
  const first = b.geometry.type === 'Polygon' ? b.geometry.coordinates[0][0] : b.geometry.coordinates[0][0][0];
  return {
    buildingId: b.id,
    plotId: main.plot.id,
    otherPlotIds: parts.slice(1).map((p) => p.plot.id).sort(),
    buildingM2,
    insideM2: main.insideM2,
    at: outside ? interiorPoint(outside) : first,
  };
}

/**
 * Whether the building lies within one of the plots it touches, which settles that it crosses
 * none without measuring any area. footprintInPlotM2 decides "within" by the same isWithin and
 * then counts the whole area A of the building (the same areaM2 value): that plot's part is A,
 * so the largest part is at least A (or, when A < SLIVER_OVERLAP_M2, either no part counts or
 * the largest exceeds A), and A minus it is below SLIVER_OVERLAP_M2: crossingOf finds nothing.
 * Only for coordinates whose geodesic area is a number: a NaN area compares false everywhere.
 */
function standsWithinOne(b: BuildingFeature, box: BBox, touched: readonly PlacedPlot[]): boolean {
  if (touched.length === 0 || !validCoordinates(b.geometry)) return false;
  return touched.some((p) => isWithin(b.geometry, p.plot.geometry, box, p.box));
}

/** Clearance (degrees, ~2 cm) of a building's box from a plot's edges for clearlyWithinOne: twice EPS_DEG. */
const CLEAR_DEG = 2 * EPS_DEG;

/**
 * The cheapest form of standsWithinOne, before any plot is tested for contact: the building's
 * box lies inside a plot and clears all its edges by CLEAR_DEG (boxWithinArea, even-odd as
 * pointInArea). Then that plot passes interiorsMayOverlap (the boxes overlap by the building's
 * size, over EPS_DEG; no vertex of the building is within EPS_DEG of the plot's edges, and the
 * first one is inside) and isWithin (no edge crosses, every vertex of the building is inside, no
 * vertex of the plot is in the building's box): standsWithinOne would say the same.
 */
function clearlyWithinOne(b: BuildingFeature, box: BBox, candidates: readonly PlacedPlot[]): boolean {
  if (box[2] - box[0] <= CLEAR_DEG || box[3] - box[1] <= CLEAR_DEG || !validCoordinates(b.geometry)) return false;
  return candidates.some((p) => boxWithinArea(box, p.plot.geometry, CLEAR_DEG));
}

function validCoordinates(g: AreaGeometry): boolean {
  for (const rings of polygonsOf(g)) {
    for (const ring of rings) if (!ring.every(validPosition)) return false;
  }
  return true;
}

/** The crossings as validation issues (reason `building_crosses_plot`), reported on the building. */
export function buildingCrossingIssues(features: readonly ParkFeature[], options: { onlyIds?: readonly string[] } = {}): ValidationIssue[] {
  const byId = new Map(features.map((f) => [f.id, f]));
  return buildingPlotCrossings(features, options).map((c) => {
    const params = { buildingM2: c.buildingM2, outsideM2: c.buildingM2 - c.insideM2 };
    const at: [number, number] = [c.at[0], c.at[1]];
    const message = issueSentence({ reason: 'building_crosses_plot', params, at }, featureLabel(byId.get(c.buildingId)!), featureLabel(byId.get(c.plotId)!), 'en');
    return { reason: 'building_crosses_plot' as const, params, message, featureId: c.buildingId, otherId: c.plotId, at };
  });
}
