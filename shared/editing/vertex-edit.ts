import type { ParkFeature } from '../model/feature';
import type { ParkGeometry, Position } from '../model/geometry-schema';

/**
 * Inserting and deleting a vertex of one geometry (moving a vertex moves every feature sharing
 * it: shared-vertex.ts), addressed as in SnapResult: `ringPath` indexes
 * `geometry.coordinates` down to a ring or line (Polygon [ring], MultiPolygon [polygon, ring],
 * LineString [], MultiLineString [line]); vertex indexes never address a ring's closing
 * duplicate, which always follows the first vertex. New geometries; the input is not mutated.
 */

interface Path {
  coords: Position[];
  closed: boolean;
  rebuild: (coords: Position[]) => ParkGeometry;
}

function pathOf(g: ParkGeometry, ringPath: number[]): Path | null {
  const cloneWith = <T>(arr: T[], i: number, v: T) => arr.map((x, k) => (k === i ? v : x));
  switch (g.type) {
    case 'LineString':
      return ringPath.length === 0 ? { coords: g.coordinates, closed: false, rebuild: (c) => ({ ...g, coordinates: c }) } : null;
    case 'MultiLineString': {
      const [i] = ringPath;
      const line = ringPath.length === 1 ? g.coordinates[i] : undefined;
      return line ? { coords: line, closed: false, rebuild: (c) => ({ ...g, coordinates: cloneWith(g.coordinates, i, c) }) } : null;
    }
    case 'Polygon': {
      const [r] = ringPath;
      const ring = ringPath.length === 1 ? g.coordinates[r] : undefined;
      return ring ? { coords: ring, closed: true, rebuild: (c) => ({ ...g, coordinates: cloneWith(g.coordinates, r, c) }) } : null;
    }
    case 'MultiPolygon': {
      const [p, r] = ringPath;
      const ring = ringPath.length === 2 ? g.coordinates[p]?.[r] : undefined;
      return ring
        ? { coords: ring, closed: true, rebuild: (c) => ({ ...g, coordinates: cloneWith(g.coordinates, p, cloneWith(g.coordinates[p], r, c)) }) }
        : null;
    }
    case 'Point':
      return null;
  }
}

/** The open vertex list of a path (a closed ring without its closing duplicate). */
function openOf(path: Path): Position[] {
  return path.closed ? path.coords.slice(0, -1) : path.coords.slice();
}

function close(path: Path, open: Position[]): Position[] {
  return path.closed ? [...open, open[0]] : open;
}

export function insertVertex(g: ParkGeometry, ringPath: number[], edgeIndex: number, position: Position): ParkGeometry | null {
  const path = pathOf(g, ringPath);
  if (!path) return null;
  const open = openOf(path);
  const edges = path.closed ? open.length : open.length - 1;
  if (!Number.isInteger(edgeIndex) || edgeIndex < 0 || edgeIndex >= edges) return null;
  open.splice(edgeIndex + 1, 0, position.slice());
  return path.rebuild(close(path, open));
}

export function removeVertex(g: ParkGeometry, ringPath: number[], vertexIndex: number): ParkGeometry | 'invalid_vertex' | 'too_few_vertices' {
  const path = pathOf(g, ringPath);
  if (!path) return 'invalid_vertex';
  const open = openOf(path);
  if (!Number.isInteger(vertexIndex) || vertexIndex < 0 || vertexIndex >= open.length) return 'invalid_vertex';
  if (open.length - 1 < (path.closed ? 3 : 2)) return 'too_few_vertices';
  open.splice(vertexIndex, 1);
  return path.rebuild(close(path, open));
}

/** Every addressable vertex and edge midpoint of a feature (the Select tool's handles). */
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
