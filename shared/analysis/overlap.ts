import type { LandUseFeature } from '../model/feature';
import { areaM2, unionOf } from './measure';
import type { SpatialState } from './spatial-state';

/** Union areas (geodesic m²) of overlapping groups, keyed by their sorted member ids; kept across runs. */
export type UnionCache = Map<string, { members: LandUseFeature[]; areaM2: number }>;

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Overlap = Σ land-use areas − area of their union, inside the boundary. Only groups of polygons
 * linked by a positive-area intersection contribute; each group's union is cached by its members.
 */
export function overlapOf(state: SpatialState, unions: UnionCache): { overlapAreaM2: number; overlapFeatureIds: string[] } {
  const seen = new Set<LandUseFeature>();
  const used = new Set<string>();
  let overlapAreaM2 = 0;
  const ids: string[] = [];
  for (const start of state.overlaps.keys()) {
    if (seen.has(start) || (state.overlaps.get(start)?.size ?? 0) === 0) continue;
    const group: LandUseFeature[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const f = stack.pop()!;
      group.push(f);
      for (const other of state.overlaps.get(f)!.keys()) {
        if (seen.has(other)) continue;
        seen.add(other);
        stack.push(other);
      }
    }
    group.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = group.map((f) => f.id).join('|');
    used.add(key);
    let u = unions.get(key);
    if (!u || !sameList(u.members, group)) {
      let unionM2: number;
      if (!hasTriangle(group, state)) {
        // No three polygons overlap each other pairwise, so no area is covered three times:
        // inclusion–exclusion stops at the pairs, already measured (a corridor crossing a row of
        // plots, green drawn inside a plot).
        let pairs = 0;
        for (const f of group) for (const [other, shared] of state.overlaps.get(f)!) if (f.id < other.id) pairs += shared;
        unionM2 = group.reduce((sum, f) => sum + state.clipped.get(f)!.insideM2, 0) - pairs;
      } else {
        const union = unionOf(group.map((f) => state.clipped.get(f)!.geometry!));
        unionM2 = union ? areaM2(union) : 0;
      }
      unions.set(key, (u = { members: group, areaM2: unionM2 }));
    }
    const sum = group.reduce((s, f) => s + state.clipped.get(f)!.insideM2, 0);
    overlapAreaM2 += Math.max(0, sum - u.areaM2);
    ids.push(...group.map((f) => f.id));
  }
  for (const key of unions.keys()) if (!used.has(key)) unions.delete(key);
  return { overlapAreaM2, overlapFeatureIds: ids.sort() };
}

/** Whether some three polygons of the group overlap pairwise (then an area may be covered thrice). */
function hasTriangle(group: LandUseFeature[], state: SpatialState): boolean {
  for (const f of group) {
    const around = [...state.overlaps.get(f)!.keys()];
    for (let i = 0; i < around.length; i++) {
      const links = state.overlaps.get(around[i])!;
      for (let j = i + 1; j < around.length; j++) if (links.has(around[j])) return true;
    }
  }
  return false;
}
