import { describe, expect, it } from 'vitest';
import { mergeCorridorsOutcome, roadCorridor } from '../../../shared/geometry/road-corridor';
import { defaultLayoutParameters } from '../../../shared/layout/parameters';
import { seededRandom } from '../../../shared/layout/random';
import { buildRoads, mergedCorridors } from '../../../shared/layout/roads';
import { readSite } from '../../../shared/layout/site';
import type { AreaGeometry } from '../../../shared/model/geometry-schema';
import { unionAreaUtmM2 } from './judge';
import { canalSite, concaveSite, lShape } from './sites';

/**
 * The generated roads' land is merged by geometry/road-corridor.ts in one metric frame (as the
 * analysis merges drawn roads), not united road by road in lon/lat. Judged by GEOS: the merged
 * area equals the GEOS union of the per-road corridors, within 1 m² per 10,000 m².
 */
describe('road land of a generated network', () => {
  for (const [name, features] of [['L-shape', lShape], ['concave outline', concaveSite], ['canal site', canalSite]] as const) {
    it(name, { timeout: 300_000 }, () => {
      const p = defaultLayoutParameters();
      const read = readSite(features());
      if (!read.ok) throw new Error(read.reason);
      const network = buildRoads(read.site, p, 8, seededRandom(1));
      const roads = network.roads.filter((r) => r.roadClass !== 'loop');
      expect(roads.length).toBeGreaterThan(5);
      // Every piece merged: no overlapping leftovers.
      expect(mergeCorridorsOutcome(roads.map((r) => ({ geometry: r.line, widthM: r.widthM }))).problem).toBeNull();
      const merged = mergedCorridors(roads.map((road) => ({ road, corridor: null })));
      expect(merged).not.toBeNull();
      const perRoad = roads.map((r) => roadCorridor(r.line, r.widthM)).filter((g): g is AreaGeometry => g !== null);
      const geosUnion = unionAreaUtmM2(perRoad);
      const mergedArea = unionAreaUtmM2([merged!]);
      expect(Math.abs(mergedArea - geosUnion)).toBeLessThanOrEqual(1e-4 * geosUnion);
    });
  }
});
