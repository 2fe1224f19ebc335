import { polygon as turfPolygon } from '@turf/helpers';
import { tesselate } from '@turf/tesselate';
import { areaInsideConvex, SLIVER_OVERLAP_M2 } from '../geometry/overlap';
import { polygonsOf, subtractAreas } from '../geometry/boolean';
import { subtractConvexRings } from '../geometry/convex-difference';
import type { PlanarPoint } from '../geometry/convex-hull';
import { openRing, signedArea2 } from '../geometry/ring';
import { roadCorridor } from '../geometry/road-corridor';
import { createTangentPlane, toPlane, type TangentPlane } from '../geometry/tangent-plane';
import type { LandUseFeature, ParkFeature, RoadFeature } from '../model/feature';
import type { AreaGeometry, Position } from '../model/geometry-schema';
import { isConvexRing } from '../geometry/convex-clip';
import { areaM2, bbox, intersection, lengthM, unionOf } from './measure';
import { sameList } from './overlap';
import { bboxesOverlap, bboxesTouch, isWithin, type BBox } from './planar';
import { ringsApart } from '../geometry/rings-apart';
import type { SpatialState } from './spatial-state';
import type { AnalysisResult } from './types';

/**
 * Road figures: centre-line length (m), corridor area inside the boundary (m², the union of the
 * corridors: a junction counts once) and its share of the park, and traffic land (m²).
 */
export function infrastructureOf(features: readonly ParkFeature[], parkAreaM2: number, roads: RoadLand, trafficLandM2: number): AnalysisResult['infrastructure'] {
  const roadLengthM = features.reduce((s, f) => s + (f.kind === 'road' ? lengthM(f.geometry) : 0), 0);
  const roadAreaM2 = roads.corridorM2;
  return { roadLengthM, roadAreaM2, roadAreaShare: parkAreaM2 > 0 ? roadAreaM2 / parkAreaM2 : 0, trafficLandM2 };
}

/**
 * A corridor whose uncovered part is at most this share of its area is covered: the rest is the
 * slivers between edges drawn a few centimetres apart (a 1 cm seam along both sides of an 18 m
 * road is 0.11 % of it), not land.
 */
const COVERED_SLACK = 2e-3;

const corridors = new WeakMap<RoadFeature, AreaGeometry | null>();

/** The corridor a road covers (road-corridor.ts), memoised per road object (features are immutable). */
export function corridorOf(road: RoadFeature): AreaGeometry | null {
  let c = corridors.get(road);
  if (c === undefined) corridors.set(road, (c = roadCorridor(road.geometry, road.widthM)));
  return c;
}

/**
 * Road corridors as traffic land (docs/analysis.md): each corridor clipped to the boundary, minus
 * every land-use polygon under it — drawn land use wins, as under the editing overlap policy
 * (existing land use is never overwritten by a shape drawn over it), so a corridor over a traffic
 * polygon counts once and a corridor over a plot leaves the plot its ground — then the union of
 * what is left over all roads (a junction counts once).
 */
export interface RoadLand {
  /** Geodesic m² of corridor inside the boundary on no land-use polygon. */
  areaM2: number;
  /** Geodesic m² of corridor inside the boundary, whatever lies under it. */
  corridorM2: number;
  /** Roads whose corridor adds traffic land. */
  roadIds: string[];
}

/** What each road's corridor adds, and their union; kept across runs of one scenario (its boundary fixed). */
export interface RoadLandCache {
  byRoad: Map<RoadFeature, RoadEntry>;
  union?: { pieces: AreaGeometry[]; areaM2: number };
  corridors?: { pieces: AreaGeometry[]; areaM2: number };
}

/** One road's corridor inside the boundary, and the part of it on no land use (null: none). */
interface RoadEntry {
  box: BBox;
  inside: AreaGeometry | null;
  /** Planar m² of `inside` (the screen's measure). */
  insidePlaneM2: number;
  /** The land uses under the corridor, with their planar common area (m²). */
  under: Map<LandUseFeature, number>;
  /** A long corridor's difference, tile by tile (see subtractByTiles). */
  tiles: Map<string, Position[][][]>;
  free: AreaGeometry | null;
}

/**
 * The area of the union of `pieces` (m²), recomputed only when the pieces change. Corridors
 * overlap at junctions: without three pieces overlapping each other pairwise, no area is covered
 * three times, and inclusion–exclusion stops at the pairs (each a small clip, as overlap.ts
 * does for land use); otherwise their union is measured.
 */
function unionArea(pieces: AreaGeometry[], cached: { pieces: AreaGeometry[]; areaM2: number } | undefined): { pieces: AreaGeometry[]; areaM2: number } {
  if (cached && sameList(cached.pieces, pieces)) return cached;
  const boxes = pieces.map((p) => bbox(p));
  const links = pieces.map(() => new Set<number>());
  let pairsM2 = 0;
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      if (!bboxesOverlap(boxes[i], boxes[j])) continue;
      const common = intersection(pieces[i], pieces[j], { pieces: true });
      const m2 = common ? areaM2(common) : 0;
      if (m2 < SLIVER_OVERLAP_M2) continue;
      pairsM2 += m2;
      links[i].add(j);
      links[j].add(i);
    }
  }
  const triple = links.some((around, i) => [...around].some((j) => [...around].some((k) => k !== j && links[j].has(k) && i !== k)));
  if (triple) {
    const union = unionOf(pieces);
    return { pieces, areaM2: union ? areaM2(union) : 0 };
  }
  return { pieces, areaM2: pieces.reduce((sum, p) => sum + areaM2(p), 0) - pairsM2 };
}

export function roadLand(roads: readonly RoadFeature[], state: SpatialState, cache: RoadLandCache): RoadLand {
  const changed = [...state.changedLandUse.added, ...state.changedLandUse.removed];
  const next = new Map<RoadFeature, RoadEntry>();
  for (const road of roads) {
    const entry = cache.byRoad.get(road);
    // Only land use added or removed near the corridor changes what it adds.
    const near = entry ? changed.filter((f) => bboxesTouch(bbox(f.geometry), entry.box)) : [];
    next.set(road, !entry ? measureRoad(road, state) : near.length > 0 ? updateRoad(entry, near, state) : entry);
  }
  cache.byRoad = next;
  const entries = roads.map((r) => next.get(r)!);
  cache.union = unionArea(entries.flatMap((e) => (e.free ? [e.free] : [])), cache.union);
  cache.corridors = unionArea(entries.flatMap((e) => (e.inside ? [e.inside] : [])), cache.corridors);
  return { areaM2: cache.union.areaM2, corridorM2: cache.corridors.areaM2, roadIds: roads.filter((r) => next.get(r)!.free !== null).map((r) => r.id) };
}

// Deciding what lies under a corridor is a screen, measured in a tangent plane at the corridor
// (its scale error over a few km is below 1e-6); the land a user reads is measured geodesically.
function planeAt(inside: AreaGeometry): TangentPlane {
  const box = bbox(inside);
  return createTangentPlane(box[0], box[1]);
}

/** Planar m² a land use covers of the corridor; 0 below the sliver floor (a shared edge drawn millimetres off). */
function coverOf(inside: AreaGeometry, f: LandUseFeature, state: SpatialState): number {
  const c = state.clipped.get(f);
  if (!c?.geometry || !bboxesOverlap(bbox(inside), c.box)) return 0;
  // A plot beside the road shares at most an edge with its corridor: no clipping (a third of the
  // land uses near the 5,113-feature park's corridors).
  if (ringsApart(inside, c.geometry)) return 0;
  const m2 = planarCommonM2(inside, c.geometry, planeAt(inside));
  return m2 >= SLIVER_OVERLAP_M2 ? m2 : 0;
}

/**
 * Planar m² common to two polygons, for the screen above, without Turf's exact-arithmetic clipper
 * (the cost of corridors over land uses that the boundary cut into parts, that have holes, or
 * under a bend). One of them is taken as convex pieces that tile it: its ring when that is convex,
 * else its triangles (earcut, holes left out). Each ring of the other is clipped by each piece
 * (Sutherland–Hodgman), which in the plane gives the area of the ring's part inside exactly, for
 * a concave ring too, and the other's outer rings less its holes give the common area, for parts
 * that lie apart (valid polygons). Exported for its test.
 */
export function planarCommonM2(a: AreaGeometry, b: AreaGeometry, plane: TangentPlane): number {
  let cut = b;
  let other = a;
  if (!convexRingOf(b) && (convexRingOf(a) || vertexCount(a) <= vertexCount(b))) {
    cut = a;
    other = b;
  }
  // Each piece clips every vertex of the other: two large concave polygons (hostile input) go to
  // the clipper, whose cost grows as n log n.
  if (convexPiecesOf(cut).length * vertexCount(other) > MAX_CLIP_STEPS) {
    const common = intersection(a, b, { pieces: true });
    return common ? planarAreaM2(common, plane) : 0;
  }
  // In the plane, relative to its origin: shoelace sums of lon/lat near 106° E would lose the
  // orientation of a thin triangle (its area is below their rounding).
  const xy = (ring: Position[]) => openRing(ring).map((p) => toPlane(plane, p));
  // Indexed loops: run for every land use under every corridor, mostly as unoptimised code (a
  // for…of or flatMap allocates).
  const rings: { xy: PlanarPoint[]; sign: number }[] = [];
  const parts = polygonsOf(other);
  for (let p = 0; p < parts.length; p++) for (let r = 0; r < parts[p].length; r++) rings.push({ xy: xy(parts[p][r]), sign: r === 0 ? 1 : -1 });
  let m2 = 0;
  const pieces = convexPiecesOf(cut);
  for (let k = 0; k < pieces.length; k++) {
    let corners = xy(pieces[k]);
    if (signedArea2(corners) < 0) corners = corners.reverse();
    for (let r = 0; r < rings.length; r++) m2 += rings[r].sign * areaInsideConvex(rings[r].xy, corners);
  }
  return m2;
}

/** Above this many vertex clips planarCommonM2 measures through intersection() instead (a few ms of clipping). */
const MAX_CLIP_STEPS = 1_000_000;

function vertexCount(g: AreaGeometry): number {
  return polygonsOf(g).reduce((n, rings) => n + rings.reduce((k, ring) => k + ring.length, 0), 0);
}

const convexPieces = new WeakMap<AreaGeometry, Position[][]>();

/** A polygon as convex rings that tile it: its ring when that is convex, else its parts' triangles (earcut, holes left out). */
function convexPiecesOf(g: AreaGeometry): Position[][] {
  let pieces = convexPieces.get(g);
  if (!pieces) {
    const ring = convexRingOf(g);
    pieces = ring ? [ring] : polygonsOf(g).flatMap((rings) => tesselate(turfPolygon(rings)).features.map((f) => f.geometry.coordinates[0]));
    convexPieces.set(g, pieces);
  }
  return pieces;
}

const convexRings = new WeakMap<AreaGeometry, Position[] | null>();

/** The polygon's ring when it is one convex ring, else null; once per geometry (asked for every land use under every corridor). */
function convexRingOf(g: AreaGeometry): Position[] | null {
  let ring = convexRings.get(g);
  if (ring === undefined) {
    ring = g.type === 'Polygon' && g.coordinates.length === 1 && isConvexRing(g.coordinates[0]) ? g.coordinates[0] : null;
    convexRings.set(g, ring);
  }
  return ring;
}

/** The road's corridor inside the boundary, and the part of it on no land-use polygon. */
function measureRoad(road: RoadFeature, state: SpatialState): RoadEntry {
  const corridor = corridorOf(road);
  const empty = { insidePlaneM2: 0, under: new Map<LandUseFeature, number>(), tiles: new Map<string, Position[][][]>(), free: null };
  if (!corridor) return { box: bbox(road.geometry), inside: null, ...empty };
  const box = bbox(corridor);
  if (!state.boundary) return { box, inside: null, ...empty };
  const inside = isWithin(corridor, state.boundary, box, bbox(state.boundary)) ? corridor : intersection(corridor, state.boundary);
  if (!inside) return { box, inside: null, ...empty };
  const under = new Map<LandUseFeature, number>();
  for (const f of state.landUse.query(bbox(inside))) {
    const m2 = coverOf(inside, f, state);
    if (m2 > 0) under.set(f, m2);
  }
  return withFree({ box, inside, insidePlaneM2: planarAreaM2(inside, planeAt(inside)), under, tiles: new Map(), free: null }, state, null);
}

/** The entry after land uses near it were added or removed; the same entry when none lies under it. */
function updateRoad(entry: RoadEntry, near: LandUseFeature[], state: SpatialState): RoadEntry {
  if (!entry.inside) return entry;
  const under = new Map(entry.under);
  let changed = false;
  for (const f of near) {
    const m2 = state.members.has(f) ? coverOf(entry.inside, f, state) : 0;
    if (m2 > 0) under.set(f, m2);
    else if (!under.delete(f)) continue;
    changed = true;
  }
  return changed ? withFree({ ...entry, under }, state, near.map((f) => bbox(f.geometry))) : entry;
}

/**
 * The entry with its free part. The common case — roads drawn over traffic polygons — needs no
 * polygon difference (slow on long corridors): covered but for the seams of edges drawn
 * centimetres apart, it adds nothing. A cover above the corridor's area means land uses
 * overlapping under it: measured exactly. `dirty`: boxes of the land uses that changed (tiles
 * away from them are kept), null to compute every tile.
 */
function withFree(entry: RoadEntry, state: SpatialState, dirty: BBox[] | null): RoadEntry {
  const inside = entry.inside!;
  const uncoveredM2 = entry.insidePlaneM2 - [...entry.under.values()].reduce((a, b) => a + b, 0);
  if (Math.abs(uncoveredM2) <= COVERED_SLACK * entry.insidePlaneM2) return { ...entry, tiles: new Map(), free: null };
  const under = [...entry.under.keys()].map((f) => state.clipped.get(f)!.geometry!);
  let free: AreaGeometry | null;
  let tiles = new Map<string, Position[][][]>();
  if (under.length === 0) free = inside;
  else if (under.length <= MAX_UNTILED) free = subtractAreas(inside, under);
  else ({ free, tiles } = subtractByTiles(inside, under, dirty ? entry.tiles : new Map(), dirty ?? []));
  return { ...entry, tiles, free: free && areaM2(free) >= SLIVER_OVERLAP_M2 ? free : null };
}

/** Above this many fragments in a tile the convex difference gives way to the clipper. */
const MAX_FRAGMENTS = 5_000;

/**
 * A tile's piece of corridor minus the land uses near it, as disjoint convex fragments
 * (convex-difference.ts) cut by the convex pieces that tile each polygon, or by the clipper when
 * they would be too many. The result is only measured and united with other corridors' parts,
 * never drawn, so fragments serve, at microseconds per tile instead of the clipper's
 * milliseconds. Like a tile edge, a fragment's edge adds a vertex on the corridor's edges where
 * the clipper's polygon has none, and the geodesic area reads it as a slightly different edge:
 * on the 5,113-feature test park (a 5 km corridor, 0.48 % of it uncovered) the corridor's free
 * part moves by 0.9 m², 8e-6 of the corridor, within the tiles' own 1e-5. A corridor under few
 * land uses is not tiled and keeps the clipper's exact polygon.
 */
function uncoveredInTile(a: AreaGeometry, bs: AreaGeometry[]): AreaGeometry | null {
  const open = (ring: Position[]) => openRing(ring) as PlanarPoint[];
  const fragments = subtractConvexRings(convexPiecesOf(a).map(open), bs.flatMap((b) => convexPiecesOf(b).map(open)), MAX_FRAGMENTS);
  if (!fragments) return subtractAreas(a, bs);
  if (fragments.length === 0) return null;
  const parts = fragments.map((ring) => [[...ring, ring[0]]] as Position[][]);
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

function planarAreaM2(g: AreaGeometry, plane: TangentPlane): number {
  const ringM2 = (ring: Position[]) => Math.abs(signedArea2(ring.map((p) => toPlane(plane, p)))) / 2;
  return polygonsOf(g).reduce((sum, rings) => sum + rings.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * ringM2(ring), 0), 0);
}

/** Above this many polygons under one corridor the difference goes tile by tile. */
const MAX_UNTILED = 12;
/** Tile size (degrees, ≈ 220 m) for the difference: polygon clipping grows faster than linearly with size. */
const TILE_DEG = 0.002;

/**
 * a minus `bs`, tile by tile: each tile of a long corridor meets only a few land uses, so the
 * polygon differences stay small (one corridor over 50 polygons: 2 s whole, 0.1 s tiled), and
 * after an edit only the tiles near it are redone (`kept`: the last result by tile, valid away
 * from the `dirty` boxes). The tiles' results share only edges; their parts together are the
 * difference. A tile edge adds a vertex on the corridor's long edges, which moves the geodesic
 * area by about 1e-5 of it.
 */
function subtractByTiles(a: AreaGeometry, bs: AreaGeometry[], kept: Map<string, Position[][][]>, dirty: BBox[]): { free: AreaGeometry | null; tiles: Map<string, Position[][][]> } {
  const [x0, y0, x1, y1] = bbox(a);
  const tiles = new Map<string, Position[][][]>();
  for (let x = x0; x < x1; x += TILE_DEG) {
    for (let y = y0; y < y1; y += TILE_DEG) {
      const tile: BBox = [x, y, Math.min(x + TILE_DEG, x1), Math.min(y + TILE_DEG, y1)];
      const key = `${x},${y}`;
      const previous = kept.get(key);
      if (previous && !dirty.some((d) => bboxesTouch(d, tile))) {
        tiles.set(key, previous);
        continue;
      }
      const piece = intersection(a, { type: 'Polygon', coordinates: [[[tile[0], tile[1]], [tile[2], tile[1]], [tile[2], tile[3]], [tile[0], tile[3]], [tile[0], tile[1]]]] });
      const near = piece ? bs.filter((b) => bboxesTouch(bbox(b), tile)) : [];
      const rest = piece && near.length > 0 ? uncoveredInTile(piece, near) : piece;
      tiles.set(key, rest ? (rest.type === 'Polygon' ? [rest.coordinates] : rest.coordinates) : []);
    }
  }
  const parts = [...tiles.values()].flat();
  if (parts.length === 0) return { free: null, tiles };
  return { free: parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts }, tiles };
}
