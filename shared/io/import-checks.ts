import type { ParkFeature } from '../model/feature';
import { findOverlaps } from '../geometry/overlap';
import { validateFeature } from '../geometry/validate';

/**
 * What the import summary tells before anything is added (ImportDialog, docs/data-exchange.md):
 * features whose outline crosses itself (a bow-tie) — imported as mapped, with their land use,
 * and listed under Problems afterwards with the repair on offer — and imported land-use polygons
 * that overlap the land use already in the scenario.
 */
export interface ImportChecks {
  /** Ids of imported features whose outline crosses itself. */
  selfIntersecting: string[];
  /** Ids of imported land-use polygons overlapping existing land use by at least 0.01 m² (geometry/overlap.ts). */
  overlappingExisting: string[];
}

export function checkImport(imported: readonly ParkFeature[], existing: readonly ParkFeature[]): ImportChecks {
  const selfIntersecting = imported.filter((f) => validateFeature(f).some((issue) => issue.reason === 'self_intersection')).map((f) => f.id);
  // A crossed outline has no defined area to intersect: it is reported as invalid, not measured.
  const invalid = new Set(selfIntersecting);
  const existingLandUse = existing.filter((f) => f.kind === 'landuse');
  const existingIds = new Set(existingLandUse.map((f) => f.id));
  const candidates = imported.filter((f) => f.kind === 'landuse' && !invalid.has(f.id) && !existingIds.has(f.id));
  const overlapping = new Set<string>();
  if (existingLandUse.length > 0 && candidates.length > 0) {
    const pairs = findOverlaps([...existingLandUse, ...candidates], { onlyIds: candidates.map((f) => f.id) });
    for (const { a, b } of pairs) {
      // Overlaps among the imported features themselves are not overlaps with the park.
      if (existingIds.has(a) && !existingIds.has(b)) overlapping.add(b);
      if (existingIds.has(b) && !existingIds.has(a)) overlapping.add(a);
    }
  }
  return { selfIntersecting, overlappingExisting: candidates.map((f) => f.id).filter((id) => overlapping.has(id)) };
}
