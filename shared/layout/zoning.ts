import { tableDistanceM } from '../analysis/distances';
import { RULE_SETS } from '../analysis/rule-sets';
import type { WwtpType } from '../analysis/rule-schema';
import type { XY } from '../geometry/planar-ring';
import type { LayoutParameters } from './parameters';
import type { Parcel } from './parcels';
import { centreOf, EdgeSet } from './plane';
import type { Site } from './site';

/** What a generated plot becomes. */
export type PlotUse = 'industrial' | 'admin' | 'wwtp' | 'substation' | 'water_supply' | 'green';

export interface Zoning {
  uses: PlotUse[];
  /** Estimated WWTP capacity, m³/day, and the safety distance it needs from the boundary and administration, m. */
  wwtpCapacityM3PerDay: number;
  wwtpType: WwtpType;
  wwtpSafetyDistanceM: number | null;
}

/** Shares are aimed this far above their minimum, so measuring on the ellipsoid never lands a hair under. */
export const SHARE_MARGIN = 0.005;

/**
 * Puts administration, technical land and the central green on plots (docs/layout.md):
 * administration on the plot nearest the entrance (outside the strip by construction); the WWTP
 * on the plot farthest downwind (the wind given), else farthest from the entrance, that keeps the
 * rule set's safety distance from the boundary and from administration; more technical land (substation, water supply) near the
 * entrance until the technical share is met; then plots nearest the park's centre become the
 * central green until the green share (and the eco-park infrastructure share) is met.
 */
export function zonePlots(site: Site, plots: readonly Parcel[], areas: { trafficM2: number; greenM2: number }, p: LayoutParameters): Zoning {
  const uses: PlotUse[] = plots.map(() => 'industrial');
  const centres = plots.map((plot) => centreOf(plot.plane));
  const fromEntrance = centres.map((c) => Math.hypot(c[0] - site.entrance[0], c[1] - site.entrance[1]));
  const industrialHa = plots.reduce((s, plot) => s + plot.areaM2, 0) / 10_000;
  const wwtpCapacityM3PerDay = Math.ceil(industrialHa * p.wastewaterM3PerHaDay);
  const wwtpType: WwtpType = p.wwtpEnclosed ? 'wwtp_enclosed' : 'wwtp_biological';
  const result: Zoning = { uses, wwtpCapacityM3PerDay, wwtpType, wwtpSafetyDistanceM: null };
  if (plots.length < 3) return result;

  const byEntrance = plots.map((_, i) => i).sort((a, b) => fromEntrance[a] - fromEntrance[b] || a - b);
  const admin = byEntrance[0];
  uses[admin] = 'admin';

  const distance = safetyDistanceM(wwtpType, wwtpCapacityM3PerDay);
  result.wwtpSafetyDistanceM = distance;
  const boundaryEdges = new EdgeSet(site.boundaryPlane);
  const adminEdges = new EdgeSet(plots[admin].plane);
  // A metre of margin: the analysis measures on the ellipsoid, this on the plane.
  const need = (distance ?? 0) + 1;
  let wwtp = -1;
  let bestSlack = -Infinity;
  // Candidates in order of preference: farthest downwind when the wind is known, else farthest from the entrance.
  const candidates = p.windFromDeg === undefined ? byEntrance.slice().reverse() : byDownwind(centres, p.windFromDeg);
  for (const i of candidates) {
    if (uses[i] !== 'industrial') continue;
    const slack = Math.min(boundaryEdges.gapM(plots[i].plane), adminEdges.gapM(plots[i].plane)) - need;
    // The most preferred plot that keeps the distances wins.
    if (slack >= 0) {
      wwtp = i;
      break;
    }
    if (slack > bestSlack) {
      bestSlack = slack;
      wwtp = i;
    }
  }
  if (wwtp >= 0) uses[wwtp] = 'wwtp';

  const park = site.parkAreaM2;
  let technicalM2 = wwtp >= 0 ? plots[wwtp].areaM2 : 0;
  const technicalNeed = (p.technicalShareMin + (p.technicalShareMin > 0 ? SHARE_MARGIN / 5 : 0)) * park;
  const extraTechnical: PlotUse[] = ['substation', 'water_supply'];
  for (const i of byEntrance) {
    if (technicalM2 >= technicalNeed) break;
    if (uses[i] !== 'industrial') continue;
    uses[i] = extraTechnical[Math.min(extraTechnical.length - 1, uses.filter((u) => u === 'substation').length)];
    technicalM2 += plots[i].areaM2;
  }

  const greenNeed = Math.max(p.greenShareMin, p.infrastructureShareMin - (areas.trafficM2 + technicalM2) / park) + SHARE_MARGIN;
  let greenM2 = areas.greenM2;
  const centre: XY = centreOf(site.boundaryPlane);
  const byCentre = plots.map((_, i) => i).sort((a, b) => dist(centres[a], centre) - dist(centres[b], centre) || a - b);
  for (const i of byCentre) {
    if (greenM2 >= greenNeed * park) break;
    if (uses[i] !== 'industrial') continue;
    uses[i] = 'green';
    greenM2 += plots[i].areaM2;
  }
  return result;
}

/**
 * Plot indices, farthest downwind first: by the position of their centre along the direction the
 * wind blows to (from `windFromDeg` + 180°), in the plane (x east, y north).
 */
function byDownwind(centres: readonly XY[], windFromDeg: number): number[] {
  const to = ((windFromDeg + 180) * Math.PI) / 180;
  const along = (c: XY) => c[0] * Math.sin(to) + c[1] * Math.cos(to);
  return centres.map((_, i) => i).sort((a, b) => along(centres[b]) - along(centres[a]) || a - b);
}

/** The safety distance of the shipped WWTP rule for this works, m (null: no rule or no value). */
export function safetyDistanceM(type: WwtpType, capacityM3PerDay: number): number | null {
  let worst: number | null = null;
  for (const set of RULE_SETS) {
    for (const rule of set.rules) {
      if (!rule.table || !rule.metric.startsWith('wwtp.')) continue;
      const d = tableDistanceM(rule.table, type, capacityM3PerDay);
      if (d !== null && (worst === null || d > worst)) worst = d;
    }
  }
  return worst;
}

function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
