import { difference } from '@turf/difference';
import { featureCollection, multiPolygon, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry, Position } from '../model/geometry-schema';

/**
 * Polygon booleans on lon/lat coordinates through Turf (polyclip-ts, planar in degrees: the
 * edges are the straight lon/lat chords the map draws). Results are plain geometries, null
 * when empty. Areas are never measured here: use geodesic.ts.
 */

type AreaFeature = Feature<Polygon | MultiPolygon>;

function toFeature(g: AreaGeometry): AreaFeature {
  return g.type === 'Polygon' ? turfPolygon(g.coordinates) : multiPolygon(g.coordinates);
}

function fc(fs: AreaFeature[]): FeatureCollection<Polygon | MultiPolygon> {
  return featureCollection<Polygon | MultiPolygon>(fs);
}

function fromResult(r: { geometry: { type: string; coordinates: unknown } } | null): AreaGeometry | null {
  if (!r) return null;
  const g = r.geometry;
  if (g.type === 'Polygon') {
    const c = g.coordinates as Position[][];
    return c.length > 0 ? { type: 'Polygon', coordinates: c } : null;
  }
  if (g.type === 'MultiPolygon') {
    const c = (g.coordinates as Position[][][]).filter((p) => p.length > 0);
    if (c.length === 0) return null;
    return c.length === 1 ? { type: 'Polygon', coordinates: c[0] } : { type: 'MultiPolygon', coordinates: c };
  }
  return null;
}

export function intersectAreas(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return fromResult(intersect(fc([toFeature(a), toFeature(b)])));
}

/** a minus every geometry of `bs`. */
export function subtractAreas(a: AreaGeometry, bs: AreaGeometry[]): AreaGeometry | null {
  if (bs.length === 0) return a;
  // The clipper drops the subtrahends whose boxes are apart from a's (closed boxes, as here) only
  // after converting them to exact numbers, its costliest step: drop them first. One is kept when
  // none meets, so that `a` still passes through the clipper as before (it normalises rings).
  const box = bboxOf(a.coordinates);
  const near = bs.filter((b) => boxesMeet(bboxOf(b.coordinates), box));
  return fromResult(difference(fc([toFeature(a), ...(near.length > 0 ? near : bs.slice(0, 1)).map(toFeature)])));
}

/** Whether two closed boxes [minLon, minLat, maxLon, maxLat] share a point. */
export function boxesMeet(p: [number, number, number, number], q: [number, number, number, number]): boolean {
  return p[0] <= q[2] && q[0] <= p[2] && p[1] <= q[3] && q[1] <= p[3];
}

export function unionAreas(gs: AreaGeometry[]): AreaGeometry | null {
  if (gs.length === 0) return null;
  if (gs.length === 1) return gs[0];
  return fromResult(union(fc(gs.map(toFeature))));
}

const geometryBoxes = new WeakMap<object, [number, number, number, number]>();

/**
 * The box of a geometry, memoised per geometry object (features are immutable, DESIGN.md §2):
 * the analysis and the problem check ask it of the same features. Shared: read it, do not change it.
 */
export function geometryBox(geometry: { coordinates: unknown }): [number, number, number, number] {
  let box = geometryBoxes.get(geometry);
  if (!box) geometryBoxes.set(geometry, (box = bboxOf(geometry.coordinates)));
  return box;
}

/** [minLon, minLat, maxLon, maxLat] of any nested coordinate array. */
export function bboxOf(coords: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  extendBox(box, coords);
  return box;
}

// Indexed and without a closure: asked of every geometry of a park, mostly in unoptimised code,
// where a closure per call and a for…of per array allocate, and where reading and writing
// local variables costs a fraction of the keyed loads and stores on `box`.
function extendBox(box: [number, number, number, number], c: unknown): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    if (c[0] < box[0]) box[0] = c[0];
    if (c[1] < box[1]) box[1] = c[1];
    if (c[0] > box[2]) box[2] = c[0];
    if (c[1] > box[3]) box[3] = c[1];
    return;
  }
  let x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
  for (let i = 0; i < c.length; i++) {
    const p = c[i];
    // A position of a ring or line in place, without a call for each (most of the work).
    if (Array.isArray(p) && typeof p[0] === 'number') {
      const x = p[0], y = p[1];
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    } else {
      setBox(box, x0, y0, x1, y1);
      extendBox(box, p);
      x0 = box[0];
      y0 = box[1];
      x1 = box[2];
      y1 = box[3];
    }
  }
  setBox(box, x0, y0, x1, y1);
}

function setBox(box: [number, number, number, number], x0: number, y0: number, x1: number, y1: number): void {
  box[0] = x0;
  box[1] = y0;
  box[2] = x1;
  box[3] = y1;
}

/** Polygons of a Polygon or MultiPolygon as ring arrays. */
export function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Every ring of a Polygon or MultiPolygon, outer rings and holes alike (a Polygon's own array:
 * read it, do not change it). Not polygonsOf(g).flat(): a command's run is mostly unoptimised
 * code, where .flat() on every feature cost several times this loop.
 */
export function ringsOf(g: AreaGeometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  const rings: Position[][] = [];
  for (let p = 0; p < g.coordinates.length; p++) for (let r = 0; r < g.coordinates[p].length; r++) rings.push(g.coordinates[p][r]);
  return rings;
}
