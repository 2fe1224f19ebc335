import { describe, expect, it } from 'vitest';
import { geometryMatchesKind } from '../../../shared/project-file/geometry-check';
import { areaGeometrySchema, lineGeometrySchema, pointSchema } from '../../../shared/model/geometry-schema';
import { FEATURE_KINDS, type FeatureKind } from '../../../shared/model/feature';
import { seededRandom } from '../../helpers/seeded-random';

// The project reader skips zod for geometries this check accepts, so the two must agree on
// every input: the answer here is always zod's own, on hand-made hostile shapes and on
// thousands of random mutations of valid ones.
const SCHEMA: Record<FeatureKind, { safeParse(v: unknown): { success: boolean } }> = {
  boundary: areaGeometrySchema,
  landuse: areaGeometrySchema,
  building: areaGeometrySchema,
  road: lineGeometrySchema,
  point: pointSchema,
};

const square = [[106, 21], [106.001, 21], [106.001, 21.001], [106, 21.001], [106, 21]];
const VALID: unknown[] = [
  { type: 'Polygon', coordinates: [square] },
  { type: 'Polygon', coordinates: [square, [[106.0002, 21.0002], [106.0004, 21.0002], [106.0004, 21.0004], [106.0002, 21.0002]]] },
  { type: 'MultiPolygon', coordinates: [[square], [square.map(([x, y]) => [x + 0.01, y, 12])]] },
  { type: 'LineString', coordinates: [[106, 21], [106.001, 21.001]] },
  { type: 'MultiLineString', coordinates: [[[106, 21], [106.001, 21.001]], [[106, 21], [106, 21.5], [106.5, 21.5]]] },
  { type: 'Point', coordinates: [106, 21] },
  { type: 'Point', coordinates: [-180, 90, 5] },
];

const HOSTILE: unknown[] = [
  null,
  undefined,
  42,
  'Polygon',
  [],
  {},
  { type: 'Polygon' },
  { type: 'Polygon', coordinates: [] },
  { type: 'Polygon', coordinates: [[]] },
  { type: 'Polygon', coordinates: [square.slice(0, 3)] },
  { type: 'Polygon', coordinates: [square.slice(0, 4)] }, // not closed
  { type: 'Polygon', coordinates: [[...square.slice(0, 4), [106, 21.0000001]]] },
  { type: 'Polygon', coordinates: [square.map(([x, y]) => [x + 200, y])] },
  { type: 'Polygon', coordinates: [[[106, 21], [106, NaN], [107, 21], [106, 21]]] },
  { type: 'Polygon', coordinates: [[[106, 21], [106, Infinity], [107, 21], [106, 21]]] },
  { type: 'Polygon', coordinates: [[[106, 21], ['106', 22], [107, 21], [106, 21]]] },
  { type: 'Polygon', coordinates: [[[106, 21, 1, 2], [106, 22], [107, 21], [106, 21, 1, 2]]] },
  { type: 'Polygon', coordinates: [[[106], [106, 22], [107, 21], [106]]] },
  { type: 'Polygon', coordinates: 'x' },
  { type: 'MultiPolygon', coordinates: [] },
  { type: 'MultiPolygon', coordinates: [[]] },
  { type: 'MultiPolygon', coordinates: [square] },
  { type: 'LineString', coordinates: [[106, 21]] },
  { type: 'LineString', coordinates: [[106, 21], [106, 91]] },
  { type: 'MultiLineString', coordinates: [] },
  { type: 'MultiLineString', coordinates: [[[106, 21]]] },
  { type: 'Point', coordinates: [106] },
  { type: 'Point', coordinates: [181, 21] },
  { type: 'Point', coordinates: [106, -90.5] },
  { type: 'Point', coordinates: { 0: 106, 1: 21, length: 2 } },
  { type: 'GeometryCollection', geometries: [] },
  { type: 'polygon', coordinates: [square] },
];

/**
 * zod's answer. Its ring refinement reads the first position even when the ring is empty and
 * throws a TypeError: that is a refusal too (the reader falls back to zod, which throws again,
 * and reports the file as corrupt exactly as before).
 */
function zodAccepts(kind: FeatureKind, g: unknown): boolean {
  try {
    return SCHEMA[kind].safeParse(g).success;
  } catch {
    return false;
  }
}

function agree(g: unknown): void {
  for (const kind of FEATURE_KINDS) expect(geometryMatchesKind(kind, g), `${kind}: ${JSON.stringify(g)}`).toBe(zodAccepts(kind, g));
}

const ODD_VALUES: unknown[] = [NaN, Infinity, -Infinity, 180, 180.0001, -90, 90.0001, -0, '1', null, undefined, [], {}, true];

/** The geometry with one value somewhere inside replaced, or one array shortened or lengthened. */
function mutate(g: unknown, next: () => number): unknown {
  const copy = structuredClone(g) as { coordinates: unknown };
  const arrays: unknown[][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      arrays.push(v);
      v.forEach(walk);
    }
  };
  walk(copy.coordinates);
  const target = arrays[Math.floor(next() * arrays.length)];
  const roll = next();
  if (roll < 0.5) target[Math.floor(next() * target.length)] = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
  else if (roll < 0.75) target.pop();
  else target.push(structuredClone(target[0]));
  return copy;
}

describe('geometryMatchesKind (the project reader’s fast geometry check)', () => {
  it('accepts what zod accepts, for each kind', () => {
    for (const g of VALID) agree(g);
    // Each valid geometry is accepted by the kinds zod accepts it for, and only those.
    expect(geometryMatchesKind('landuse', VALID[0])).toBe(true);
    expect(geometryMatchesKind('road', VALID[0])).toBe(false);
    expect(geometryMatchesKind('point', VALID[5])).toBe(true);
  });

  it('refuses what zod refuses', () => {
    for (const g of HOSTILE) agree(g);
  });

  it('agrees with zod on 5,000 random mutations of valid geometries', () => {
    const next = seededRandom(20261205);
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const g = mutate(VALID[i % VALID.length], next);
      agree(g);
      if (FEATURE_KINDS.some((kind) => geometryMatchesKind(kind, g))) accepted++;
    }
    // Both answers are exercised, not only refusals.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4500);
  });
});
