import { unionAreas } from '../geometry/boolean';
import { geodesicAreaM2 } from '../geometry/geodesic';
import { pointInRing, type XY } from '../geometry/planar-ring';
import { roadCorridor } from '../geometry/road-corridor';
import { signedArea2 } from '../geometry/ring';
import { toPlane, type TangentPlane } from '../geometry/tangent-plane';
import type { BoundaryFeature, ParkFeature, RoadFeature } from '../model/feature';
import type { AreaGeometry, Position } from '../model/geometry-schema';
import { clipSegmentToPolygons, growArea, planeFor, toPlanePolygons, type PlanePolygons } from './plane';

/**
 * What the generator starts from (docs/layout.md): the scenario's boundary, the features that
 * stay (water, existing roads, anything marked `props.keep`), and the main entrance.
 */
export interface Site {
  plane: TangentPlane;
  boundaryFeatures: BoundaryFeature[];
  /** The park limit (union of the boundary features), lon/lat. */
  boundary: AreaGeometry;
  boundaryPlane: PlanePolygons;
  parkAreaM2: number;
  /** Features copied unchanged into every layout. */
  kept: ParkFeature[];
  /** Land the generator must not use: kept polygons and the corridors of kept roads, lon/lat. */
  obstacles: AreaGeometry | null;
  /** Corridors of kept roads (traffic land the layout adds), lon/lat. */
  keptRoadCorridors: AreaGeometry | null;
  /** The main entrance on the boundary (plane) and the inward unit normal of its edge. */
  entrance: XY;
  inward: XY;
  /** Further entrances the user picked (plane), each with its edge's inward normal. */
  otherEntrances: { entrance: XY; inward: XY }[];
}

export const SITE_REASONS = ['no_boundary', 'boundary_too_small'] as const;
export type SiteReason = (typeof SITE_REASONS)[number];

/** Whether a feature stays as drawn: water, existing roads and anything the user marked "keep". */
export function isKept(f: ParkFeature): boolean {
  if (f.kind === 'boundary') return false;
  if (f.props?.keep === true) return true;
  return f.kind === 'road' || (f.kind === 'landuse' && f.landUse === 'water');
}

/**
 * The site of a scenario's features. `entrances`: points the user picked on or near the boundary
 * (the first is the main entrance); none: the entrance is derived (findEntrance).
 */
export function readSite(features: readonly ParkFeature[], entrances: readonly Position[] = []): { ok: true; site: Site } | { ok: false; reason: SiteReason } {
  const boundaryFeatures = features.filter((f): f is BoundaryFeature => f.kind === 'boundary');
  const boundary = unionAreas(boundaryFeatures.map((b) => b.geometry));
  if (!boundary) return { ok: false, reason: 'no_boundary' };
  const parkAreaM2 = geodesicAreaM2(boundary);
  // Below a hectare nothing of a park fits (one plot, its road and its strip).
  if (!(parkAreaM2 >= 10_000)) return { ok: false, reason: 'boundary_too_small' };
  const plane = planeFor(boundary);
  const boundaryPlane = toPlanePolygons(plane, boundary);
  const kept = features.filter(isKept);
  const roads = kept.filter((f): f is RoadFeature => f.kind === 'road');
  const keptRoadCorridors = unionAreas(roads.map((r) => roadCorridor(r.geometry, r.widthM)).filter((g): g is AreaGeometry => g !== null));
  const keptAreas = kept.flatMap((f) => (f.kind === 'landuse' || f.kind === 'building' ? [f.geometry] : []));
  const obstacles = unionAreas([...keptAreas, ...(keptRoadCorridors ? [keptRoadCorridors] : [])]);
  // The entrance keeps clear of kept land (a canal reaching the boundary) by a main road's width.
  const blocked = obstacles ? toPlanePolygons(plane, growArea(obstacles, ENTRANCE_CLEARANCE_M)) : [];
  const gate = findEntrance(plane, boundaryPlane, roads, blocked, entrances[0]);
  const otherEntrances = entrances.slice(1).map((given) => onBoundary(boundaryPlane, toPlane(plane, given)));
  return { ok: true, site: { plane, boundaryFeatures, boundary, boundaryPlane, parkAreaM2, kept, obstacles, keptRoadCorridors, ...gate, otherEntrances } };
}

/**
 * The entrance: the given point, else where a kept road crosses the boundary, else the middle
 * of the longest boundary edge (the usual frontage on the outside road); moved onto the
 * boundary, with the inward normal of its edge.
 */
function findEntrance(plane: TangentPlane, boundary: PlanePolygons, roads: RoadFeature[], blocked: PlanePolygons, given?: Position): { entrance: XY; inward: XY } {
  let wanted: XY | null = given ? toPlane(plane, given) : null;
  if (!wanted) {
    for (const road of roads) {
      const lines = road.geometry.type === 'LineString' ? [road.geometry.coordinates] : road.geometry.coordinates;
      for (const line of lines) {
        for (let i = 1; i < line.length && !wanted; i++) {
          const a = toPlane(plane, line[i - 1]);
          const b = toPlane(plane, line[i]);
          const inside = clipSegmentToPolygons(a, b, boundary);
          const crossing = inside.flatMap(([p, q]) => [p, q]).find((p) => Math.hypot(p[0] - a[0], p[1] - a[1]) > 1e-6 && Math.hypot(p[0] - b[0], p[1] - b[1]) > 1e-6);
          if (crossing) wanted = crossing;
        }
      }
    }
  }
  if (!wanted) {
    // The middle of the longest straight side, clear of kept land.
    let longest = 0;
    for (const rings of boundary) {
      for (const run of straightRuns(rings[0])) {
        if (run.length <= longest) continue;
        const point = clearPointOn(run.from, run.to, blocked);
        if (point) [wanted, longest] = [point, run.length];
      }
    }
  }
  return onBoundary(boundary, wanted ?? boundary[0][0][0]);
}

/** The point of the boundary's outer rings nearest `target`, with the inward normal of its edge. */
function onBoundary(boundary: PlanePolygons, target: XY): { entrance: XY; inward: XY } {
  let best = { d: Infinity, point: [0, 0] as XY, inward: [0, 1] as XY };
  for (const rings of boundary) {
    const ring = rings[0];
    const ccw = signedArea2(ring) > 0;
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1];
      const b = ring[i];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const length = Math.hypot(dx, dy);
      if (length === 0) continue;
      const t = Math.max(0, Math.min(1, ((target[0] - a[0]) * dx + (target[1] - a[1]) * dy) / (length * length)));
      const point: XY = [a[0] + dx * t, a[1] + dy * t];
      const d = Math.hypot(point[0] - target[0], point[1] - target[1]);
      if (d < best.d) best = { d, point, inward: ccw ? [-dy / length, dx / length] : [dy / length, -dx / length] };
    }
  }
  return { entrance: best.point, inward: best.inward };
}

/** Distance an entrance keeps from kept land, m: half a wide main road and its kerb. */
const ENTRANCE_CLEARANCE_M = 30;

/** The point of edge a→b nearest its middle that lies outside `blocked` (null: none), tried every 1 % of its length. */
function clearPointOn(a: XY, b: XY, blocked: PlanePolygons): XY | null {
  const inside = (p: XY) => blocked.some((rings) => pointInRing(p, rings[0]) && !rings.slice(1).some((h) => pointInRing(p, h)));
  for (let k = 0; k <= 50; k++) {
    for (const t of k === 0 ? [0.5] : [0.5 - k / 100, 0.5 + k / 100]) {
      const p: XY = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (!inside(p)) return p;
    }
  }
  return null;
}

/** Runs of consecutive edges within 1° of the same direction: the straight sides of a surveyed outline. */
function straightRuns(ring: readonly XY[]): { from: XY; to: XY; dir: XY; length: number }[] {
  const runs: { from: XY; to: XY; dir: XY; length: number }[] = [];
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (length === 0) continue;
    const dir: XY = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
    const last = runs[runs.length - 1];
    if (last && last.dir[0] * dir[0] + last.dir[1] * dir[1] > Math.cos(Math.PI / 180)) {
      last.to = b;
      last.length += length;
    } else runs.push({ from: a, to: b, dir, length });
  }
  return runs;
}
