import type { ParkFeature, Position } from '../../../shared/model';

/**
 * Vertex editing helpers of the Select tool: moving a vertex together with every vertex that
 * coincides with it (so an edge shared by neighbours moves in both), and the handles drawn on
 * the selected shape. Single-feature insert/delete are shared/editing/vertex-edit.ts. A path
 * addresses a ring or line inside `geometry.coordinates` as the snap index does: Polygon
 * [ring], MultiPolygon [polygon, ring], LineString [], MultiLineString [line].
 */

/** Two positions are the same vertex when they agree to ~1 mm (1e-8°). */
const SAME_VERTEX_DEG = 1e-8;

export function samePosition(a: Position, b: Position): boolean {
  return Math.abs(a[0] - b[0]) <= SAME_VERTEX_DEG && Math.abs(a[1] - b[1]) <= SAME_VERTEX_DEG;
}

type Coordinates = unknown;

function mapPositions(coordinates: Coordinates, fn: (p: Position) => Position): Coordinates {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return fn(coordinates as Position);
  return (coordinates as Coordinates[]).map((c) => mapPositions(c, fn));
}

/** Replaces every occurrence of `from` by `to` in a feature; returns null when it has none. */
export function moveSharedVertex(feature: ParkFeature, from: Position, to: Position): ParkFeature | null {
  let touched = false;
  const coordinates = mapPositions(feature.geometry.coordinates, (p) => {
    if (!samePosition(p, from)) return p;
    touched = true;
    return [to[0], to[1]];
  });
  return touched ? ({ ...feature, geometry: { ...feature.geometry, coordinates } } as ParkFeature) : null;
}

/** Every editable vertex and edge midpoint of a feature, for the edit handles. */
export function handlesOf(feature: ParkFeature): { vertices: { path: number[]; index: number; at: Position }[]; midpoints: { path: number[]; edgeIndex: number; at: Position }[] } {
  const vertices: { path: number[]; index: number; at: Position }[] = [];
  const midpoints: { path: number[]; edgeIndex: number; at: Position }[] = [];
  const visit = (line: Position[], path: number[], ring: boolean) => {
    const count = ring ? line.length - 1 : line.length;
    for (let i = 0; i < count; i++) vertices.push({ path, index: i, at: line[i] });
    for (let i = 0; i < line.length - 1; i++) {
      midpoints.push({ path, edgeIndex: i, at: [(line[i][0] + line[i + 1][0]) / 2, (line[i][1] + line[i + 1][1]) / 2] });
    }
  };
  const g = feature.geometry;
  if (g.type === 'Polygon') g.coordinates.forEach((ring, r) => visit(ring, [r], true));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly, p) => poly.forEach((ring, r) => visit(ring, [p, r], true)));
  else if (g.type === 'LineString') visit(g.coordinates, [], false);
  else if (g.type === 'MultiLineString') g.coordinates.forEach((line, l) => visit(line, [l], false));
  return { vertices, midpoints };
}
