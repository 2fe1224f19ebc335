import type { ParkFeature } from '../model/feature';
import type { ParkGeometry, Position } from '../model/geometry-schema';
import { createLocalFrame, localToLonLat, lonLatToLocal, type LocalFrame } from './local-frame';

/**
 * Move, rotate, scale and duplicate features in the local metric frame (local-frame.ts), so
 * "10 m east" and "rotate 90°" mean what they mean on the ground. Angles are degrees
 * clockwise, as compass bearings and the map's rotation are. Attributes are kept unchanged
 * (a road's `widthM` and a building's height are not scaled). A closed ring stays closed: its
 * closing vertex is computed from the same input as its first, so they stay bit-identical.
 */

/** Applies `fn` to every position of a geometry (new arrays; the input is not mutated). */
export function mapPositions<G extends ParkGeometry>(geometry: G, fn: (p: Position) => Position): G {
  const mapRing = (ring: Position[]) => ring.map(fn);
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: fn(geometry.coordinates) };
    case 'LineString':
      return { ...geometry, coordinates: mapRing(geometry.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(mapRing) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((rings) => rings.map(mapRing)) };
  }
  return geometry;
}

function withGeometry<F extends ParkFeature>(f: F, geometry: F['geometry']): F {
  return { ...f, geometry };
}

function firstPosition(g: ParkGeometry): Position {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return g.coordinates[0];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0][0];
    case 'MultiPolygon':
      return g.coordinates[0][0][0];
  }
}

function inFrame(frame: LocalFrame, move: (x: number, y: number) => [number, number]) {
  return (p: Position): Position => {
    const [x, y] = lonLatToLocal(frame, p[0], p[1]);
    const [nx, ny] = move(x, y);
    const out: Position = localToLonLat(frame, nx, ny);
    return p.length > 2 ? [out[0], out[1], p[2]] : out;
  };
}

/** The feature moved `dxM` metres east and `dyM` metres north. */
export function translateFeature<F extends ParkFeature>(f: F, dxM: number, dyM: number): F {
  if (dxM === 0 && dyM === 0) return f;
  const o = firstPosition(f.geometry);
  const frame = createLocalFrame(o[0], o[1]);
  return withGeometry(f, mapPositions(f.geometry, inFrame(frame, (x, y) => [x + dxM, y + dyM])) as F['geometry']);
}

/** Features rotated by `angleDeg` clockwise about `pivot` [lon, lat]. */
export function rotateFeatures<F extends ParkFeature>(fs: F[], angleDeg: number, pivot: Position): F[] {
  const frame = createLocalFrame(pivot[0], pivot[1]);
  const rad = (-angleDeg * Math.PI) / 180; // clockwise on the ground = negative in east/north
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  const fn = inFrame(frame, (x, y) => [x * c - y * s, x * s + y * c]);
  return fs.map((f) => withGeometry(f, mapPositions(f.geometry, fn) as F['geometry']));
}

/** Features scaled by `factor` (> 0) about `pivot` [lon, lat]; lengths × factor, areas × factor². */
export function scaleFeatures<F extends ParkFeature>(fs: F[], factor: number, pivot: Position): F[] {
  if (!(factor > 0)) throw new Error(`scale factor must be positive, got ${factor}`);
  const frame = createLocalFrame(pivot[0], pivot[1]);
  const fn = inFrame(frame, (x, y) => [x * factor, y * factor]);
  return fs.map((f) => withGeometry(f, mapPositions(f.geometry, fn) as F['geometry']));
}

/**
 * Copies of the features with new ids (from `newId`), moved by `offsetM`: [east, north] metres,
 * or one number d meaning d east and d south (down-right on a north-up map, where a copy is
 * expected to appear).
 */
export function duplicateFeatures<F extends ParkFeature>(fs: F[], offsetM: number | [number, number], newId: () => string): F[] {
  const [dx, dy] = typeof offsetM === 'number' ? [offsetM, -offsetM] : offsetM;
  return fs.map((f) => ({ ...translateFeature(f, dx, dy), id: newId() }));
}
