import type { FeatureKind } from '../model/feature';

/**
 * The geometry rules of shared/model/geometry-schema.ts, written out as plain loops for the
 * project reader: zod costs microseconds per position, and a park has hundreds of thousands.
 * True exactly when the zod schema of the kind's geometry (area, line or point) accepts `g`;
 * tests/unit/project-file/geometry-check.test.ts holds the two to that on hostile shapes. The
 * reader uses zod itself whenever this says no, so refusals keep zod's wording.
 */
export function geometryMatchesKind(kind: FeatureKind, g: unknown): boolean {
  if (typeof g !== 'object' || g === null) return false;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  switch (kind) {
    case 'boundary':
    case 'landuse':
    case 'building':
      if (type === 'Polygon') return isPolygon(coordinates);
      return type === 'MultiPolygon' && nonEmptyArrayOf(coordinates, isPolygon);
    case 'road':
      if (type === 'LineString') return isLine(coordinates);
      return type === 'MultiLineString' && nonEmptyArrayOf(coordinates, isLine);
    case 'point':
      return type === 'Point' && isPosition(coordinates);
  }
}

/** [lon, lat] or [lon, lat, elevation]: finite numbers, lon and lat in range. */
function isPosition(p: unknown): boolean {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return false;
  // Indexed loops: run for every position of a file, mostly as unoptimised code, where each
  // step of a for…of allocates.
  for (let i = 0; i < p.length; i++) if (typeof p[i] !== 'number' || !Number.isFinite(p[i])) return false;
  return p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90;
}

function positions(value: unknown, min: number): value is number[][] {
  if (!Array.isArray(value) || value.length < min) return false;
  for (let i = 0; i < value.length; i++) if (!isPosition(value[i])) return false;
  return true;
}

function isLine(value: unknown): boolean {
  return positions(value, 2);
}

/** At least 4 positions, the last repeating the first's lon and lat. */
function isRing(value: unknown): boolean {
  if (!positions(value, 4)) return false;
  const first = value[0];
  const last = value[value.length - 1];
  return first[0] === last[0] && first[1] === last[1];
}

function isPolygon(value: unknown): boolean {
  return nonEmptyArrayOf(value, isRing);
}

function nonEmptyArrayOf(value: unknown, item: (v: unknown) => boolean): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (!item(value[i])) return false;
  return true;
}
