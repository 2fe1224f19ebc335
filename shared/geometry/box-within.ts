import type { AreaGeometry, Position } from '../model/geometry-schema';
import { edgesInBox } from './edge-grid';
import { pointInArea } from './point-in-area';

/**
 * Whether the box [minLon, minLat, maxLon, maxLat] lies inside the area (even-odd over all its
 * rings, as pointInRings) with every edge of the area's outline at least `clearanceDeg` away
 * from it on one side: the outline then crosses the box nowhere, so one corner decides for the
 * whole box, and that decision is exact (no edge comes near the corner, so no rounding can flip
 * it). A cheap screen for "this feature stands wholly inside that one", asked of the park
 * boundary by every feature: the edges near the box come from the boundary's edge grid and the
 * corner's test from its latitude bands, so it costs the edges near the feature, not all of them.
 */
export function boxWithinArea(box: readonly number[], area: AreaGeometry, clearanceDeg: number): boolean {
  const x0 = box[0] - clearanceDeg, x1 = box[2] + clearanceDeg;
  const y0 = box[1] - clearanceDeg, y1 = box[3] + clearanceDeg;
  const near = edgesInBox(area, box[0], box[1], box[2], box[3], clearanceDeg);
  for (let e = 0; e < near.length; e++) if (!clears(near[e].ring[near[e].i], near[e].ring[near[e].i + 1], x0, y0, x1, y1)) return false;
  // The closing edge of a ring left open (its last position not its first) is no edge of the
  // grid's, but pointInRings counts it: it must clear the box too.
  const parts = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  for (let p = 0; p < parts.length; p++) {
    for (let r = 0; r < parts[p].length; r++) {
      const ring = parts[p][r];
      if (ring.length > 0 && !clears(ring[ring.length - 1], ring[0], x0, y0, x1, y1)) return false;
    }
  }
  return pointInArea([box[0], box[1]], area);
}

/** Both ends of the segment ab lie beyond the same side of the box [x0, y0, x1, y1]. */
function clears(a: Position, b: Position, x0: number, y0: number, x1: number, y1: number): boolean {
  return (a[0] < x0 && b[0] < x0) || (a[0] > x1 && b[0] > x1) || (a[1] < y0 && b[1] < y0) || (a[1] > y1 && b[1] > y1);
}
