import type { LandUseFeature } from '../model/feature';
import { LAND_USE_CODES, type LandUseCode } from '../model/land-use';
import type { SpatialState } from './spatial-state';
import type { LandUseRow } from './types';

/** The land-use table of a scenario; areas geodesic m² inside the boundary, percents 0–100 of the park. */
export interface LandUseStructure {
  /** Rows in the order of LAND_USE_CODES, only categories with area inside the boundary. */
  rows: LandUseRow[];
  /** Σ of every land use's area inside the boundary (overlaps counted in each polygon). */
  insideM2: number;
  /** Σ of land-use area lying outside the boundary. */
  outsideM2: number;
  /** Area of one category inside the boundary (0 when absent). */
  areaOf(code: LandUseCode): number;
}

export function landUseStructure(landUses: readonly LandUseFeature[], state: SpatialState, parkAreaM2: number): LandUseStructure {
  const rows = new Map<LandUseCode, LandUseRow>();
  const subtypeAreas = new Map<LandUseCode, Map<string, number>>();
  let insideM2 = 0;
  let outsideM2 = 0;
  for (const f of landUses) {
    const c = state.clipped.get(f)!;
    insideM2 += c.insideM2;
    outsideM2 += c.fullM2 - c.insideM2;
    if (c.insideM2 <= 0) continue;
    let row = rows.get(f.landUse);
    if (!row) rows.set(f.landUse, (row = { landUse: f.landUse, areaM2: 0, percent: 0, featureIds: [], subtypes: [] }));
    row.areaM2 += c.insideM2;
    row.featureIds.push(f.id);
    const sub = f.subtype ?? '';
    if (!subtypeAreas.has(f.landUse)) subtypeAreas.set(f.landUse, new Map());
    const m = subtypeAreas.get(f.landUse)!;
    m.set(sub, (m.get(sub) ?? 0) + c.insideM2);
  }
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
