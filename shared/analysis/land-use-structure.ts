import type { LandUseFeature } from '../model/feature';
import { LAND_USE_CODES, type LandUseCode } from '../model/land-use';
import type { RoadLand } from './infrastructure';
import type { SpatialState } from './spatial-state';
import type { LandUseRow } from './types';

/** The land-use table of a scenario; areas geodesic m² inside the boundary, percents 0–100 of the park. */
export interface LandUseStructure {
  /** Rows in the order of LAND_USE_CODES, only categories with area inside the boundary. */
  rows: LandUseRow[];
  /** Σ of every land use's area inside the boundary (overlaps counted in each polygon), road corridors' own land included. */
  insideM2: number;
  /** Σ of land-use area lying outside the boundary. */
  outsideM2: number;
  /** Area of one category inside the boundary (0 when absent). */
  areaOf(code: LandUseCode): number;
}

/**
 * The land-use table. Road corridors count as traffic land (subtype road) where no land-use
 * polygon lies (`roads`, infrastructure.ts), so the table still sums to the park area.
 */
export function landUseStructure(landUses: readonly LandUseFeature[], state: SpatialState, parkAreaM2: number, roads: RoadLand): LandUseStructure {
  const rows = new Map<LandUseCode, LandUseRow>();
  const subtypeAreas = new Map<LandUseCode, Map<string, number>>();
  let insideM2 = 0;
  let outsideM2 = 0;
  const add = (landUse: LandUseCode, subtype: string, ids: readonly string[], a: number) => {
    insideM2 += a;
    let row = rows.get(landUse);
    if (!row) rows.set(landUse, (row = { landUse, areaM2: 0, percent: 0, featureIds: [], subtypes: [] }));
    row.areaM2 += a;
    row.featureIds.push(...ids);
    if (!subtypeAreas.has(landUse)) subtypeAreas.set(landUse, new Map());
    const m = subtypeAreas.get(landUse)!;
    m.set(subtype, (m.get(subtype) ?? 0) + a);
  };
  for (const f of landUses) {
    const c = state.clipped.get(f)!;
    outsideM2 += c.fullM2 - c.insideM2;
    if (c.insideM2 > 0) add(f.landUse, f.subtype ?? '', [f.id], c.insideM2);
  }
  if (roads.areaM2 > 0) add('traffic', 'road', roads.roadIds, roads.areaM2);
  const pct = (a: number) => (parkAreaM2 > 0 ? (100 * a) / parkAreaM2 : 0);
  const ordered = LAND_USE_CODES.flatMap((code) => {
    const row = rows.get(code);
    if (!row) return [];
    row.percent = pct(row.areaM2);
    row.subtypes = [...subtypeAreas.get(code)!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([subtype, a]) => ({ subtype, areaM2: a, percent: pct(a) }));
    return [row];
  });
  return { rows: ordered, insideM2, outsideM2, areaOf: (code) => rows.get(code)?.areaM2 ?? 0 };
}
