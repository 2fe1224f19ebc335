import { subtractAreas } from '../geometry/boolean';
import { SLIVER_OVERLAP_M2 } from '../geometry/overlap';
import { issueSentence } from '../geometry/issue-sentence';
import { featureLabel, type ValidationIssue } from '../geometry/validate';
import type { BuildingFeature, LandUseFeature, ParkFeature } from '../model/feature';
import type { Position } from '../model/geometry-schema';
import { GridIndex } from './grid-index';
import { areaM2, bbox, interiorPoint } from './measure';
import { interiorsMayOverlap } from './planar';
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
  const index = new GridIndex<LandUseFeature>();
  for (const p of plots) index.insert(p, bbox(p.geometry));
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

function crossingOf(b: BuildingFeature, candidates: LandUseFeature[]): PlotCrossing | null {
  const box = bbox(b.geometry);
  const parts = candidates
    .filter((p) => interiorsMayOverlap(b.geometry, p.geometry, box, bbox(p.geometry)))
    .map((plot) => ({ plot, insideM2: footprintInPlotM2(b, plot) }))
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
