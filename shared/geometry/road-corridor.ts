import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry, LineGeometry, Position } from '../model/geometry-schema';
import { createLocalFrame, localToLonLat, lonLatToLocal, type LocalFrame } from './local-frame';
import { signedArea2 } from './ring';

/**
 * Road corridors (docs/editing.md): the area a road of full width `widthM` covers around its
 * centre line. Built in the local metric frame at the line's first vertex, so the width is
 * geodesic metres: one rectangle per segment (flat ends: the corridor stops where the line
 * stops, so a road ending on another road's centre line is covered by that road's corridor
 * and the junction merges cleanly), plus a mitre wedge on the outer side of each bend (a
 * bevel beyond a 2× mitre, at bends sharper than 60°), united. A loop (last point = first)
 * bends at its start too. Consecutive collinear segments count as one, and the pieces are
 * snapped to a 0.1 mm grid and united pairwise, so the clipper is spared the near-coincident
 * edges it cannot close; should it still fail, nothing is dropped (see CorridorOutcome).
 */

type XY = [number, number];
type RoadLine = { geometry: LineGeometry; widthM: number };

// Beyond this ratio of mitre length to half-width a bend is bevelled (1/cos(60°) = 2).
const MITRE_LIMIT = 2;

/**
 * A corridor and, when the polygon clipper could not merge every piece, why. `corridor` then
 * still covers every piece (the unmerged ones are appended as extra, possibly overlapping
 * polygons, so nothing is dropped) and `problem` says so, for the caller to report.
 */
export interface CorridorOutcome {
  corridor: AreaGeometry | null;
  /** Set when the clipper could not merge `unmerged` of the corridor's `pieces`. */
  problem: { unmerged: number; pieces: number } | null;
}

// Coordinates are snapped to this grid (metres, local frame) before the union: polyclip fails
// ("Unable to complete output ring") on edges that are collinear or meet within float noise.
// 0.1 mm keeps areas exact to ~1e-4 m² per metre of road.
const GRID_M = 1e-4;

/** Corridor of `widthM` metres around a centre line; null when the line has no length. */
export function roadCorridor(centreLine: LineGeometry, widthM: number): AreaGeometry | null {
  return roadCorridorOutcome(centreLine, widthM).corridor;
}

/** roadCorridor, plus the reason when some piece could not be merged (see CorridorOutcome). */
export function roadCorridorOutcome(centreLine: LineGeometry, widthM: number): CorridorOutcome {
  return mergeCorridorsOutcome([{ geometry: centreLine, widthM }]);
}

/** The union of the corridors of several roads, so junctions show as one surface. */
export function mergeCorridors(roads: RoadLine[]): AreaGeometry | null {
  return mergeCorridorsOutcome(roads).corridor;
}

/**
 * mergeCorridors with the reason when some piece could not be merged. All pieces are built in
 * one local frame (at the first road's first vertex) and united at once, so roads meeting end
 * to end share their end edges exactly instead of within float noise.
 */
export function mergeCorridorsOutcome(roads: RoadLine[]): CorridorOutcome {
  const drawn = roads
    .filter((r) => r.widthM > 0)
    .map((r) => ({ half: r.widthM / 2, lines: r.geometry.type === 'LineString' ? [r.geometry.coordinates] : r.geometry.coordinates }));
  const first = drawn.flatMap((r) => r.lines).find((l) => l.length > 0)?.[0];
  if (!first) return { corridor: null, problem: null };
  const frame = createLocalFrame(first[0], first[1]);
  const pieces = drawn.flatMap((r) => r.lines.flatMap((line) => linePieces(frame, line, r.half)));
  if (pieces.length === 0) return { corridor: null, problem: null };
  const { merged, unmerged } = unionPieces(pieces);
  const corridor = areaOf([merged, ...unmerged], (p) => localToLonLat(frame, p[0], p[1]));
  const problem = unmerged.length > 0 ? { unmerged: unmerged.length, pieces: pieces.length } : null;
  return { corridor, problem };
}

/** The polygons of `features` as one geometry, each position mapped through `map`. */
function areaOf(features: AreaFeature[], map: (p: Position) => Position): AreaGeometry {
  const polygons = features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  const back = (rings: Position[][]) => rings.map((ring) => ring.map(map));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: back(polygons[0]) } : { type: 'MultiPolygon', coordinates: polygons.map(back) };
}

type AreaFeature = Feature<Polygon | MultiPolygon>;

function tryUnion(a: AreaFeature, b: AreaFeature): AreaFeature | null {
  try {
    return union(featureCollection<Polygon | MultiPolygon>([a, b]));
  } catch {
    return null; // polyclip's "Unable to complete output ring": the caller falls back
  }
}

/**
 * Unites pieces pairwise in a balanced tree (small operands keep the clipper's sweep simple).
 * A pair the clipper rejects is retried against the whole result at the end; what still fails
 * is returned in `unmerged` rather than dropped.
 */
function unionPieces(pieces: AreaFeature[]): { merged: AreaFeature; unmerged: AreaFeature[] } {
  let level = pieces;
  const deferred: AreaFeature[] = [];
  while (level.length > 1) {
    const next: AreaFeature[] = [];
    for (let i = 0; i < level.length; i += 2) {
      if (i + 1 === level.length) {
        next.push(level[i]);
        continue;
      }
      const u = tryUnion(level[i], level[i + 1]);
      next.push(u ?? level[i]);
      if (!u) deferred.push(level[i + 1]);
    }
    level = next;
  }
  let merged = level[0];
  const unmerged: AreaFeature[] = [];
  for (const piece of deferred) {
    const u = tryUnion(merged, piece);
    if (u) merged = u;
    else unmerged.push(piece);
  }
  return { merged, unmerged };
}

const snap = (v: number) => Math.round(v / GRID_M) * GRID_M;

/**
 * The centre line in the local frame, snapped to the grid, without repeated vertices and
 * without vertices that go straight on (collinear consecutive segments are one segment: their
 * abutting rectangles share an edge, which the clipper cannot always close). A line whose
 * last point is its first is a loop: its start corner is a bend like any other.
 */
function centrePoints(frame: LocalFrame, line: Position[]): { pts: XY[]; closed: boolean } {
  const pts: XY[] = [];
  for (const p of line) {
    const [x, y] = lonLatToLocal(frame, p[0], p[1]);
    const xy: XY = [snap(x), snap(y)];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== xy[0] || last[1] !== xy[1]) pts.push(xy);
  }
  const closed = pts.length > 3 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1];
  const straightOn = (a: XY, v: XY, b: XY) => {
    const [ux, uy, wx, wy] = [v[0] - a[0], v[1] - a[1], b[0] - v[0], b[1] - v[1]];
    // Within one grid step of the chord a→b, and not doubling back.
    return Math.abs(ux * wy - uy * wx) <= GRID_M * Math.hypot(ux + wx, uy + wy) && ux * wx + uy * wy > 0;
  };
  const kept: XY[] = [];
  for (const p of pts) {
    while (kept.length >= 2 && straightOn(kept[kept.length - 2], kept[kept.length - 1], p)) kept.pop();
    kept.push(p);
  }
  if (closed && kept.length > 3 && straightOn(kept[kept.length - 2], kept[0], kept[1])) {
    // The loop's start goes straight on: start it at the next vertex instead.
    kept.shift();
    kept[kept.length - 1] = kept[0];
  }
  return { pts: kept, closed: closed && kept.length > 3 };
}

function linePieces(frame: LocalFrame, line: Position[], half: number): Feature<Polygon>[] {
  const { pts, closed } = centrePoints(frame, line);
  const out: Feature<Polygon>[] = [];
  const normals: XY[] = [];
  const lengths: number[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const len = Math.hypot(bx - ax, by - ay);
    const n: XY = [(-(by - ay) / len) * half, ((bx - ax) / len) * half]; // left normal × half width
    normals.push(n);
    lengths.push(len);
    out.push(...ring([ax - n[0], ay - n[1]], [bx - n[0], by - n[1]], [bx + n[0], by + n[1]], [ax + n[0], ay + n[1]]));
  }
  // Bends: every inner vertex, and on a loop also its start, between the last and first segments.
  // Each with its two segments' normals and the shorter segment's length.
  const bends: [XY, XY, XY, number][] = [];
  for (let i = 1; i + 1 < pts.length; i++) bends.push([pts[i], normals[i - 1], normals[i], Math.min(lengths[i - 1], lengths[i])]);
  if (closed) bends.push([pts[0], normals[normals.length - 1], normals[0], Math.min(lengths[lengths.length - 1], lengths[0])]);
  for (const [v, n1, n2, shorter] of bends) {
    const cross = n1[0] * n2[1] - n1[1] * n2[0];
    if (Math.abs(cross) < 1e-12 * half * half) continue; // straight on
    // Turning left (cross > 0) opens a gap on the right side, and vice versa.
    const s = cross > 0 ? -1 : 1;
    const p1: XY = [v[0] + s * n1[0], v[1] + s * n1[1]];
    const p2: XY = [v[0] + s * n2[0], v[1] + s * n2[1]];
    const bis: XY = [n1[0] + n2[0], n1[1] + n2[1]];
    const bisLen = Math.hypot(bis[0], bis[1]);
    const cosHalf = bisLen / (2 * half);
    // The wedge reaches back to a point inside both rectangles (on the inner bisector) rather
    // than to the vertex, so it overlaps them in area: the clipper merges overlaps reliably but
    // may leave a wedge that only touches them along an edge as a separate polygon.
    const back = Math.min(half / 2, shorter / 4) / bisLen;
    const inner: XY = [v[0] - s * bis[0] * back, v[1] - s * bis[1] * back];
    if (cosHalf > 1 / MITRE_LIMIT) {
      const m = half / cosHalf / bisLen;
      out.push(...ring(inner, p1, [v[0] + s * bis[0] * m, v[1] + s * bis[1] * m], p2));
    } else {
      out.push(...ring(inner, p1, p2));
    }
  }
  return out;
}

/** A snapped polygon piece; none when snapping flattened it (a wedge under a grid cell). */
function ring(...corners: XY[]): Feature<Polygon>[] {
  const pts = corners.map(([x, y]): XY => [snap(x), snap(y)]);
  const area2 = signedArea2(pts);
  if (Math.abs(area2) < GRID_M * GRID_M) return [];
  const ordered = area2 < 0 ? pts.slice().reverse() : pts;
  return [turfPolygon([[...ordered, ordered[0]]])];
}
