import type { AreaGeometry } from '../model/geometry-schema';
import { ringsOf } from './boolean';
import { pointInRings, type XY } from './planar-faces';

/**
 * Whether the box [minLon, minLat, maxLon, maxLat] lies inside the area (even-odd over all its
 * rings, as pointInRings) with every edge of the area's outline at least `clearanceDeg` away
 * from it on one side: the outline then crosses the box nowhere, so one corner decides for the
 * whole box, and that decision is exact (no edge comes near the corner, so no rounding can flip
 * it). A cheap screen, O(edges), for "this feature stands wholly inside that one".
 */
export function boxWithinArea(box: readonly number[], area: AreaGeometry, clearanceDeg: number): boolean {
  const x0 = box[0] - clearanceDeg, x1 = box[2] + clearanceDeg;
  const y0 = box[1] - clearanceDeg, y1 = box[3] + clearanceDeg;
  const rings = ringsOf(area);
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (!((a[0] < x0 && b[0] < x0) || (a[0] > x1 && b[0] > x1) || (a[1] < y0 && b[1] < y0) || (a[1] > y1 && b[1] > y1))) return false;
    }
  }
  return pointInRings([box[0], box[1]], rings as XY[][]);
}
