import type { ParkFeature } from '../../../shared/model';
import { bbox } from '../../../shared/analysis/measure';
import { bboxesTouch, type BBox } from '../../../shared/analysis/planar';

/**
 * The part of a scenario that the problems of a few features depend on, so that checking a
 * selection on a 5,000-feature park looks at a few dozen features instead of indexing all of
 * them on every click (issue 13 bug 7). validateLayout and buildingCrossingIssues, given
 * `onlyIds`, report the same problems for the neighbourhood as for the whole scenario:
 *
 * - validateFeature sees one feature and the first boundary: every boundary is kept, in order;
 * - findOverlaps pairs a selected land use with others whose boxes share area with its own:
 *   land use whose box touches a selected box is kept, and so is the land use it sorts first
 *   (west to east), where it places its tangent plane;
 * - buildingPlotCrossings checks the selected buildings and the buildings whose box touches a
 *   selected industrial plot's, each against every industrial plot its box touches: those
 *   buildings and plots are kept.
 *
 * Boxes are shared/analysis/measure's bbox, the one those checks use (memoised per geometry:
 * after the first selection a pass is a few thousand lookups). The features keep their order.
 * Null when that reasoning does not hold and the whole scenario must be checked: a box that is
 * not finite (no coordinates, NaN: comparisons with it are all false) or an id used twice.
 */
export function issueNeighbourhood(all: readonly ParkFeature[], ids: readonly string[]): ParkFeature[] | null {
  const wanted = new Set(ids);
  const boxes: BBox[] = [];
  const seen = new Set<string>();
  for (const f of all) {
    const box = bbox(f.geometry as Parameters<typeof bbox>[0]);
    if (!(Number.isFinite(box[0]) && Number.isFinite(box[1]) && Number.isFinite(box[2]) && Number.isFinite(box[3])) || seen.has(f.id)) return null;
    seen.add(f.id);
    boxes.push(box);
  }
  const selectedBoxes: BBox[] = [];
  const selectedPlotBoxes: BBox[] = [];
  all.forEach((f, i) => {
    if (!wanted.has(f.id)) return;
    selectedBoxes.push(boxes[i]);
    if (isIndustrialPlot(f)) selectedPlotBoxes.push(boxes[i]);
  });

  const kept = all.map((f) => wanted.has(f.id) || f.kind === 'boundary');
  let westmost = -1;
  const buildingBoxes: BBox[] = [];
  all.forEach((f, i) => {
    if (f.kind === 'landuse') {
      if (touchesAny(boxes[i], selectedBoxes)) kept[i] = true;
      // Sorted by west edge, ties in input order (a stable sort): the first of the least.
      if (isArea(f) && (westmost < 0 || boxes[i][0] < boxes[westmost][0])) westmost = i;
    } else if (f.kind === 'building' && (wanted.has(f.id) || touchesAny(boxes[i], selectedPlotBoxes))) {
      kept[i] = true;
      buildingBoxes.push(boxes[i]);
    }
  });
  if (westmost >= 0) kept[westmost] = true;
  all.forEach((f, i) => {
    if (isIndustrialPlot(f) && touchesAny(boxes[i], buildingBoxes)) kept[i] = true;
  });
  return all.filter((_, i) => kept[i]);
}

/** Whether `box` touches one of `others` (closed boxes: a shared edge counts, as in GridIndex.query). */
function touchesAny(box: BBox, others: readonly BBox[]): boolean {
  return others.some((o) => bboxesTouch(box, o));
}

function isIndustrialPlot(f: ParkFeature): boolean {
  return f.kind === 'landuse' && f.landUse === 'industrial';
}

/** The geometries findOverlaps compares (it leaves out any other). */
function isArea(f: ParkFeature): boolean {
  return f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
}
