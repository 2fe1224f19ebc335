import { describe, expect, it } from 'vitest';
import { FEATURE_ATTRIBUTES_SCHEMA } from '../../../shared/project-file/read-project';
import { parkFeatureSchema, type FeatureKind } from '../../../shared/model/feature';
import { seededRandom } from '../../helpers/seeded-random';
import { picker, validCandidate } from '../../helpers/feature-candidate';

// The project reader checks a feature whose geometry geometry-check.ts accepted with its kind's
// schema minus the geometry, where it used to parse the whole feature with a stand-in geometry
// through the union of kinds. Both must give the same verdict, the same feature (fields and
// their order) and the same first refusal, on random mixes of good and bad attribute values.

/** The reader's previous path: the union of kinds, the geometry replaced by the smallest valid one. */
const STAND_IN: Record<FeatureKind, unknown> = {
  boundary: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] },
  landuse: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] },
  building: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] },
  road: { type: 'LineString', coordinates: [[0, 0], [1, 1]] },
  point: { type: 'Point', coordinates: [0, 0] },
};
const GEOMETRY: Record<FeatureKind, unknown> = {
  boundary: { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]] },
  landuse: { type: 'MultiPolygon', coordinates: [[[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]]] },
  building: { type: 'Polygon', coordinates: [[[106, 21], [106.001, 21], [106.001, 21.001], [106, 21]]] },
  road: { type: 'MultiLineString', coordinates: [[[106, 21], [106.01, 21.01]]] },
  point: { type: 'Point', coordinates: [106, 21, 4] },
};

/** Values each field may be given: good ones first, then wrong types and out-of-range values. */
const VALUES: Record<string, unknown[]> = {
  id: ['f-1', 'x', '', 7, null],
  name: ['CN-01', '', 3, null],
  code: ['A', 12],
  notes: ['note', false],
  props: [{ greenRatio: 0.2, owner: 'A', flag: true, none: null }, {}, { bad: [1] }, { bad: Infinity }, 'text', []],
  landUse: ['industrial', 'green', 'traffic', 'nonsense', 4],
  subtype: ['buffer', 1],
  maxDensity: [0, 0.6, 1, 1.2, -0.1, '0.5'],
  maxFloors: [1, 5, 0, 2.5, -3],
  minGreenRatio: [0.2, 2],
  maxFar: [1.5, 0, -1, Infinity],
  sector: ['10', '26101', '1', '123456', 'ab', 26],
  sectorScheme: ['VSIC2018', 'VSIC2025', 'VSIC1999'],
  tenant: ['T', 0],
  employees: [0, 120, -1, 1.5],
  measuredElectricityMwhPerYear: [0, 12.5, -1, NaN],
  measuredWaterM3PerDay: [3, -2],
  heightM: [12, 0, -5, NaN],
  floors: [3, 0, 1.5],
  roofType: ['flat', 'sawtooth', 'dome'],
  widthM: [18, 0, -2, '18'],
  facilityType: ['substation', 5],
  unknownField: ['kept out', 1],
};

describe('the project reader’s attribute check (geometry left to geometry-check.ts)', () => {
  it('gives the verdict, feature and first refusal of the whole-feature schema, on random features of every kind', () => {
    const next = seededRandom(2026);
    const pick = picker(next);
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 4000; n++) {
      const candidate = validCandidate(n, GEOMETRY);
      const kind = candidate.kind as FeatureKind;
      // Mostly good values, so that both accepted and refused features are common.
      for (const [field, values] of Object.entries(VALUES)) {
        if (next() < 0.25) candidate[field] = next() < 0.7 ? values[0] : pick(values);
      }
      if (next() < 0.05) delete candidate[pick(['id', 'landUse', 'widthM'])];
      const before = parkFeatureSchema.safeParse({ ...candidate, geometry: STAND_IN[kind] });
      const now = FEATURE_ATTRIBUTES_SCHEMA[kind].safeParse(candidate);
      expect(now.success).toBe(before.success);
      if (before.success && now.success) {
        accepted++;
        const data = now.data as Record<string, unknown>;
        expect(data.geometry).toBe(candidate.geometry);
        expect(JSON.stringify({ ...data, geometry: STAND_IN[kind] })).toBe(JSON.stringify(before.data));
      } else if (!before.success && !now.success) {
        refused++;
        expect(now.error.issues[0].path).toEqual(before.error.issues[0].path);
        expect(now.error.issues[0].message).toBe(before.error.issues[0].message);
      }
    }
    // Both outcomes occur often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(800);
    expect(refused).toBeGreaterThan(800);
  });
});
