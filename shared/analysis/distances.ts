import { polygonsOf } from '../geometry/boolean';
import { createLocalFrame, lonLatToLocal } from '../geometry/local-frame';
import type { AreaGeometry } from '../model/geometry-schema';
import type { LandUseFeature } from '../model/feature';
import type { LandUseCode } from '../model/land-use';
import { WWTP_TYPES, type Rule, type WwtpType } from './rule-schema';
import { edgesProperlyCross } from './planar';
import type { WwtpDistance } from './types';

type XY = [number, number];

function segDist(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function localRings(geometry: AreaGeometry, frame: ReturnType<typeof createLocalFrame>): XY[][] {
  return polygonsOf(geometry).flatMap((rings) => rings.map((ring) => ring.map((p) => lonLatToLocal(frame, p[0], p[1]))));
}

/**
 * Shortest distance in metres between the edges of two polygons, in a local azimuthal frame
 * centred on `a` (geodesic distances from there; the frame's error is far below a metre at park
 * scale). Edges that cross give 0. Containment is not 0: a works inside the boundary is measured
 * to the boundary line, which is what the safety distance needs.
 */
export function edgeDistanceM(a: AreaGeometry, b: AreaGeometry): number {
  if (edgesProperlyCross(a, b)) return 0;
  const first = polygonsOf(a)[0][0][0];
  const frame = createLocalFrame(first[0], first[1]);
  const ra = localRings(a, frame);
  const rb = localRings(b, frame);
  let best = Infinity;
  for (const [from, to] of [[ra, rb], [rb, ra]] as const) {
    for (const ring of from) for (const p of ring) for (const other of to) for (let i = 1; i < other.length; i++) best = Math.min(best, segDist(p, other[i - 1], other[i]));
  }
  // Reported to the millimetre: finer digits are below the frame's own error and would make a
  // works drawn exactly at the limit fail by a hair.
  return Math.round(best * 1000) / 1000;
}

/** Whether a land-use polygon is a wastewater works, and which row of the distance table it uses. */
export function wwtpTypeOf(f: LandUseFeature): WwtpType | null {
  const declared = f.props?.wwtpType;
  if (typeof declared === 'string' && (WWTP_TYPES as readonly string[]).includes(declared)) return declared as WwtpType;
  if (f.landUse !== 'technical') return null;
  if (f.subtype === 'pumping_station') return 'pumping_station';
  if (f.subtype !== 'wwtp') return null;
  return f.props?.enclosedOdourControl === true ? 'wwtp_enclosed' : 'wwtp_biological';
}

/** Distances of one works to the boundary line and to the nearest polygon of each named land use. */
export function wwtpDistances(
  works: LandUseFeature,
  type: WwtpType,
  boundary: AreaGeometry | null,
  landUses: readonly LandUseFeature[],
  codes: ReadonlySet<LandUseCode>,
): WwtpDistance {
  const capacity = works.props?.capacityM3PerDay;
  const result: WwtpDistance = {
    id: works.id,
    code: works.code ?? null,
    type,
    capacityM3PerDay: typeof capacity === 'number' && capacity >= 0 ? capacity : null,
    distanceToBoundaryM: boundary ? edgeDistanceM(works.geometry, boundary) : NaN,
    distanceToLandUseM: {},
  };
  for (const other of landUses) {
    if (other === works || !codes.has(other.landUse)) continue;
    const d = edgeDistanceM(works.geometry, other.geometry);
    const best = result.distanceToLandUseM[other.landUse];
    if (!best || d < best.distanceM) result.distanceToLandUseM[other.landUse] = { distanceM: d, featureId: other.id };
  }
  return result;
}

/**
 * Distances of every wastewater works in the scenario. Only the land uses some rule measures
 * (`wwtp.distanceToLandUseM` rules' `landUses`) are measured: each pair costs a polygon distance.
 */
export function scenarioWwtpDistances(landUses: readonly LandUseFeature[], boundary: AreaGeometry | null, rules: readonly Rule[]): WwtpDistance[] {
  const distanceCodes = new Set(rules.flatMap((r) => (r.metric === 'wwtp.distanceToLandUseM' ? (r.landUses ?? []) : [])));
  return landUses.flatMap((f) => {
    const type = wwtpTypeOf(f);
    return type ? [wwtpDistances(f, type, boundary, landUses, distanceCodes)] : [];
  });
}

/** Table lookup: the column whose capacity range holds `capacity` (a break belongs to the higher column). */
export function tableDistanceM(table: { capacityBreaksM3PerDay: number[]; distancesM: Partial<Record<WwtpType, (number | null)[]>> }, type: WwtpType, capacity: number): number | null {
  const row = table.distancesM[type];
  if (!row) return null;
  const column = table.capacityBreaksM3PerDay.filter((b) => capacity >= b).length;
  return row[column] ?? null;
}
