import { landUseCategory, type ParkFeature, type Position } from '../../../../shared/model';

/** Side of the thumbnail's square viewBox, in SVG units. */
const SIZE = 100;

type Project = (p: Position) => [number, number];

/** The rings of an area or the lines of a road, whatever GeoJSON type it has. */
function paths(geometry: { type: string; coordinates: unknown }): Position[][] {
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates as Position[][];
    case 'MultiPolygon':
      return (geometry.coordinates as Position[][][]).flat();
    case 'LineString':
      return [geometry.coordinates as Position[]];
    default:
      return [];
  }
}

/**
 * A projection of the features' extent onto the square viewBox, north up: longitudes shrunk by
 * cos(latitude) so a site keeps its shape (a park spans a few km; the flat approximation is
 * invisible at thumbnail size).
 */
function fitProjection(features: readonly ParkFeature[]): Project | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of features) {
    if (f.kind === 'point') continue;
    for (const path of paths(f.geometry)) for (const [x, y] of path) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
  }
  if (!(maxX > minX && maxY > minY)) return null;
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (SIZE * 0.94) / Math.max((maxX - minX) * k, maxY - minY);
  const offX = (SIZE - (maxX - minX) * k * scale) / 2;
  const offY = (SIZE - (maxY - minY) * scale) / 2;
  return ([x, y]) => [offX + (x - minX) * k * scale, SIZE - offY - (y - minY) * scale];
}

const d = (rings: Position[][], project: Project, close: boolean) =>
  rings.map((ring) => ring.map((p, i) => `${i ? 'L' : 'M'}${project(p).map((v) => v.toFixed(2)).join(' ')}`).join('') + (close ? 'Z' : '')).join('');

/** A small north-up drawing of a generated layout in the map legend's colours: plots, green, technical land, roads, the boundary. */
export function LayoutThumbnail({ features, label }: { features: readonly ParkFeature[]; label: string }) {
  const project = fitProjection(features);
  return (
    <svg className="layout-thumbnail" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label}>
      {project &&
        features.map((f) => {
          if (f.kind === 'landuse') return <path key={f.id} d={d(paths(f.geometry), project, true)} fill={landUseCategory(f.landUse).fill} fillRule="evenodd" stroke="#fff" strokeWidth={0.3} />;
          if (f.kind === 'road') return <path key={f.id} d={d(paths(f.geometry), project, false)} fill="none" stroke="#777" strokeWidth={0.6} />;
          if (f.kind === 'boundary') return <path key={f.id} d={d(paths(f.geometry), project, true)} fill="none" stroke="#c0392b" strokeWidth={0.6} />;
          return null;
        })}
    </svg>
  );
}
