import { feature, featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { pointOnFeature } from '@turf/point-on-feature';
import { tesselate } from '@turf/tesselate';
import { union } from '@turf/union';
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBox } from '../geometry/boolean';
import { geodesicAreaM2, geodesicLengthM } from '../geometry/geodesic';
import type { AreaGeometry, LineGeometry, Position } from '../model/geometry-schema';
import { clipConvex, isConvexRing } from '../geometry/convex-clip';

/**
 * Per-geometry memos keyed by object identity: features are immutable, so an unchanged feature
 * keeps its geometry object and its cached numbers (DESIGN.md §2). WeakMaps let edited-away
 * geometries be collected with no bookkeeping.
 */
const areas = new WeakMap<object, number>();
const lengths = new WeakMap<object, number>();
const interiors = new WeakMap<object, Position>();

/** Geodesic area (GeographicLib, WGS84) in m², memoised per geometry object. */
export function areaM2(geometry: AreaGeometry): number {
  let a = areas.get(geometry);
  if (a === undefined) areas.set(geometry, (a = geodesicAreaM2(geometry)));
  return a;
}

/** Geodesic length in m, memoised per geometry object. */
export function lengthM(geometry: LineGeometry): number {
  let l = lengths.get(geometry);
  if (l === undefined) lengths.set(geometry, (l = geodesicLengthM(geometry)));
  return l;
}

/** The geometry's box: boolean.ts's geometryBox, memoised per geometry object and shared with the problem check. */
export { geometryBox as bbox };

/** A point inside the polygon (Turf's point on surface), memoised. */
export function interiorPoint(geometry: AreaGeometry): Position {
  let p = interiors.get(geometry);
  if (!p) interiors.set(geometry, (p = pointOnFeature(feature(geometry as Polygon | MultiPolygon)).geometry.coordinates));
  return p;
}

const triangles = new WeakMap<Position[], Position[][]>();

/** The ring cut into triangles by Turf's tesselate (earcut), memoised per ring. */
function trianglesOf(ring: Position[]): Position[][] {
  let t = triangles.get(ring);
  if (!t) triangles.set(ring, (t = tesselate(polygon([ring])).features.map((f) => f.geometry.coordinates[0])));
  return t;
}

function toArea(result: { geometry: Polygon | MultiPolygon } | null): AreaGeometry | null {
  if (!result) return null;
  const g = result.geometry;
  if (g.type === 'Polygon' ? g.coordinates.length === 0 : g.coordinates.length === 0) return null;
  return g as AreaGeometry;
}

/**
 * a ∩ b in lon/lat (fine at park scale); null when they share no area. When either is a single
 * convex ring and the other a single ring, Sutherland–Hodgman clips by the convex one: its result
 * covers exactly the intersection (a concave subject may leave zero-width bridges along the clip
 * edges, which add no area). Otherwise Turf.
 */
export function intersection(a: AreaGeometry, b: AreaGeometry, options: { pieces?: boolean } = {}): AreaGeometry | null {
  if (a.type === 'Polygon' && b.type === 'Polygon' && a.coordinates.length === 1 && b.coordinates.length === 1) {
    const [ra] = a.coordinates;
    const [rb] = b.coordinates;
    const clip = isConvexRing(rb) ? [ra, rb] : isConvexRing(ra) ? [rb, ra] : null;
    if (clip) {
      const ring = clipConvex(clip[0], clip[1]);
      return ring ? { type: 'Polygon', coordinates: [ring] } : null;
    }
    if (options.pieces) {
      // Neither is convex: clip by each triangle of one (they tile it exactly). The pieces are
      // disjoint, so their areas add up to the intersection's; only for measuring an area.
      const pieces = trianglesOf(rb).flatMap((t) => {
        const ring = clipConvex(ra, t);
        return ring ? [[ring]] : [];
      });
      return pieces.length > 0 ? { type: 'MultiPolygon', coordinates: pieces } : null;
    }
  }
  return toArea(intersect(featureCollection([feature(a as Polygon | MultiPolygon), feature(b as Polygon | MultiPolygon)])));
}

/** Union of polygons by Turf; null for an empty list. */
export function unionOf(geometries: AreaGeometry[]): AreaGeometry | null {
  if (geometries.length === 0) return null;
  if (geometries.length === 1) return geometries[0];
  return toArea(union(featureCollection(geometries.map((g) => feature(g as Polygon | MultiPolygon)))));
}
