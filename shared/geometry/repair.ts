import type { ParkFeature } from '../model/feature';
import type { Position } from '../model/geometry-schema';
import { newId as randomId } from '../model/ids';
import { createTangentPlane, fromPlane, toPlane } from './tangent-plane';
import { DUPLICATE_VERTEX_M, ringCrossings } from './ring-checks';
import { isCounterClockwise } from './ring';
import type { RepairKind } from './validate';

/**
 * The safe repairs offered next to validation issues. Each is explicit (the user asks for it,
 * it becomes one undoable command) and refuses, with a reason, when it does not apply.
 */
export const REPAIR_FAILURES = ['not_applicable', 'not_a_bow_tie', 'too_few_vertices'] as const;
export type RepairFailure = (typeof REPAIR_FAILURES)[number];

export type RepairResult = { ok: true; features: ParkFeature[] } | { ok: false; reason: RepairFailure };

/**
 * Applies `repair` to a feature. The first returned feature keeps the feature's id; a bow tie
 * yields a second polygon with a new id (from `options.newId`) and the same attributes.
 */
export function repairFeature(feature: ParkFeature, repair: RepairKind, options: { newId?: () => string } = {}): RepairResult {
  switch (repair) {
    case 'close_ring':
      return closeRings(feature);
    case 'remove_duplicate_vertices':
      return removeDuplicates(feature);
    case 'split_bow_tie':
      return splitBowTie(feature, options.newId ?? randomId);
  }
  return { ok: false, reason: 'not_applicable' };
}

function mapRings(feature: ParkFeature, fn: (ring: Position[], closed: boolean) => Position[]): ParkFeature {
  const g = feature.geometry;
  switch (g.type) {
    case 'Polygon':
      return { ...feature, geometry: { ...g, coordinates: g.coordinates.map((r) => fn(r, true)) } } as ParkFeature;
    case 'MultiPolygon':
      return { ...feature, geometry: { ...g, coordinates: g.coordinates.map((rs) => rs.map((r) => fn(r, true))) } } as ParkFeature;
    case 'LineString':
      return { ...feature, geometry: { ...g, coordinates: fn(g.coordinates, false) } } as ParkFeature;
    case 'MultiLineString':
      return { ...feature, geometry: { ...g, coordinates: g.coordinates.map((l) => fn(l, false)) } } as ParkFeature;
    case 'Point':
      return feature;
  }
}

const isClosed = (r: Position[]) => r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];

function closeRings(feature: ParkFeature): RepairResult {
  let changed = false;
  const out = mapRings(feature, (ring, closed) => {
    if (!closed || ring.length === 0 || isClosed(ring)) return ring;
    changed = true;
    return [...ring, ring[0]];
  });
  return changed ? { ok: true, features: [out] } : { ok: false, reason: 'not_applicable' };
}

function removeDuplicates(feature: ParkFeature): RepairResult {
  const first = firstVertex(feature);
  if (!first) return { ok: false, reason: 'not_applicable' };
  const plane = createTangentPlane(first[0], first[1]);
  let changed = false;
  let tooFew = false;
  const out = mapRings(feature, (ring, closed) => {
    const open = closed && isClosed(ring) ? ring.slice(0, -1) : ring;
    const kept: Position[] = [];
    for (const p of open) {
      const q = kept[kept.length - 1];
      if (q && dist(plane, p, q) < DUPLICATE_VERTEX_M) continue;
      kept.push(p);
    }
    while (closed && kept.length > 1 && dist(plane, kept[0], kept[kept.length - 1]) < DUPLICATE_VERTEX_M) kept.pop();
    if (kept.length !== open.length) changed = true;
    if (kept.length < (closed ? 3 : 2)) tooFew = true;
    return closed ? [...kept, kept[0]] : kept;
  });
  if (tooFew) return { ok: false, reason: 'too_few_vertices' };
  return changed ? { ok: true, features: [out] } : { ok: false, reason: 'not_applicable' };
}

/** A single-ring polygon whose outline crosses itself exactly once becomes two polygons. */
function splitBowTie(feature: ParkFeature, newId: () => string): RepairResult {
  const g = feature.geometry;
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) return { ok: false, reason: 'not_a_bow_tie' };
  const ring = isClosed(g.coordinates[0]) ? g.coordinates[0].slice(0, -1) : g.coordinates[0];
  const plane = createTangentPlane(ring[0][0], ring[0][1]);
  const xy = ring.map((p) => toPlane(plane, p));
  const crossings = ringCrossings([xy]);
  if (crossings.length !== 1) return { ok: false, reason: 'not_a_bow_tie' };
  const { at, edgeA, edgeB } = crossings[0];
  const i = Math.min(edgeA, edgeB);
  const j = Math.max(edgeA, edgeB);
  const x = fromPlane(plane, at[0], at[1]);
  const loopA = [x, ...ring.slice(i + 1, j + 1)];
  const loopB = [x, ...ring.slice(j + 1), ...ring.slice(0, i + 1)];
  if (loopA.length < 3 || loopB.length < 3) return { ok: false, reason: 'not_a_bow_tie' };
  const polygon = (loop: Position[]) => {
    const ccw = isCounterClockwise(loop.map((p) => toPlane(plane, p))) ? loop : loop.slice().reverse();
    return { type: 'Polygon' as const, coordinates: [[...ccw, ccw[0]]] };
  };
  const a = { ...feature, geometry: polygon(loopA) } as ParkFeature;
  const b = { ...feature, id: newId(), geometry: polygon(loopB) } as ParkFeature;
  return { ok: true, features: [a, b] };
}

function dist(plane: ReturnType<typeof createTangentPlane>, a: Position, b: Position): number {
  const p = toPlane(plane, a);
  const q = toPlane(plane, b);
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
}

function firstVertex(f: ParkFeature): Position | null {
  const g = f.geometry;
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return g.coordinates[0] ?? null;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0] ?? null;
  }
}
