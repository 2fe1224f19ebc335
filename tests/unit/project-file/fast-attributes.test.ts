import { describe, expect, it } from 'vitest';
import { everyKindHasFastFields, FEATURE_ATTRIBUTES_SCHEMA, fastFeatureAttributes } from '../../../shared/project-file/feature-attributes';
import type { FeatureKind } from '../../../shared/model/feature';
import { seededRandom } from '../../helpers/seeded-random';
import { picker, validCandidate } from '../../helpers/feature-candidate';

// The plain attribute checks may only ever say "this is what zod would return": on random
// features of every kind, mostly valid but with hostile values mixed in, each feature they
// accept must be one zod accepts, with the same fields in the same order and the candidate's
// own geometry and props; and they must accept nearly every feature zod accepts (else the
// reader gains nothing).

const GEOMETRY: Record<FeatureKind, unknown> = {
  boundary: { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]] },
  landuse: { type: 'MultiPolygon', coordinates: [[[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]]] },
  building: { type: 'Polygon', coordinates: [[[106, 21], [106.001, 21], [106.001, 21.001], [106, 21]]] },
  road: { type: 'LineString', coordinates: [[106, 21], [106.01, 21.01]] },
  point: { type: 'Point', coordinates: [106, 21] },
};

const HUGE = 'x'.repeat(100_000);
const protoProps = JSON.parse('{"__proto__": 1, "constructor": "c"}') as unknown;
const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
class NotPlain {
  a = 1;
}

/** Values each field may be given: good ones first, then wrong types, NaN, infinities, edge numbers. */
const VALUES: Record<string, unknown[]> = {
  id: ['f-1', HUGE, '', 7, null, undefined],
  name: ['CN-01', '', HUGE, 3, null, undefined, new Uint8Array(2)],
  code: ['A', 12, NaN],
  notes: ['note', false, {}],
  props: [{ greenRatio: 0.2, owner: 'A', flag: true, none: null }, {}, protoProps, nullProto, { bad: [1] }, { bad: Infinity }, { bad: NaN }, { u: undefined }, 'text', [], new NotPlain(), null],
  landUse: ['industrial', 'green', 'traffic', 'nonsense', 'Industrial', 4, undefined],
  subtype: ['buffer', 1],
  maxDensity: [0, 0.6, 1, -0, 1.2, -0.1, '0.5', NaN, Infinity],
  maxFloors: [1, 5, 2 ** 53 - 1, 2 ** 53, 0, 2.5, -3, NaN, '3'],
  minGreenRatio: [0.2, 2, NaN],
  maxFar: [1.5, Number.MIN_VALUE, 0, -0, -1, Infinity, NaN],
  sector: ['10', '26101', '1', '123456', 'ab', '12\n', 26, '٣٣'],
  sectorScheme: ['VSIC2018', 'VSIC2025', 'VSIC1999', 'vsic2018'],
  tenant: ['T', 0],
  employees: [0, 120, -0, -1, 1.5, 2 ** 60, Infinity],
  measuredElectricityMwhPerYear: [0, 12.5, -1, NaN, Infinity, -Infinity],
  measuredWaterM3PerDay: [3, -2, '3'],
  heightM: [12, 1e-300, 0, -5, NaN, Infinity],
  floors: [3, 0, 1.5, true],
  roofType: ['flat', 'sawtooth', 'dome', 'FLAT'],
  widthM: [18, 0, -2, '18', NaN, undefined],
  facilityType: ['substation', 5],
  kind: ['(the kind)', 'point', 'nonsense'],
  unknownField: ['kept out', 1],
};

describe('the plain attribute checks of the project reader', () => {
  it('cover every field of every kind (so none is left to zod alone)', () => {
    expect(everyKindHasFastFields()).toBe(true);
  });

  it('accept only what zod accepts, returning zod’s feature, and accept nearly all of it', () => {
    const next = seededRandom(1207);
    const pick = picker(next);
    let zodAccepted = 0;
    let fastAccepted = 0;
    let foreign = 0;
    for (let n = 0; n < 20_000; n++) {
      const candidate = validCandidate(n, GEOMETRY);
      const kind = candidate.kind as FeatureKind;
      const shape = FEATURE_ATTRIBUTES_SCHEMA[kind].shape as Record<string, unknown>;
      for (const [field, values] of Object.entries(VALUES)) {
        // Now and then a field the kind does not have: zod leaves it out, the plain checks pass it to zod.
        if (next() < (Object.hasOwn(shape, field) ? 0.25 : 0.01)) candidate[field] = next() < 0.75 ? values[0] : pick(values);
      }
      if (candidate.kind === '(the kind)') candidate.kind = kind;
      if (next() < 0.05) delete candidate[pick(['id', 'kind', 'geometry', 'landUse', 'widthM'])];
      const zod = FEATURE_ATTRIBUTES_SCHEMA[kind].safeParse(candidate);
      const fast = fastFeatureAttributes(kind, candidate);
      if (zod.success) zodAccepted++;
      if (Object.keys(candidate).some((key) => !Object.hasOwn(shape, key))) {
        foreign++;
        expect(fast).toBeUndefined();
      }
      if (fast === undefined) continue;
      fastAccepted++;
      expect(zod.success, JSON.stringify(candidate)).toBe(true);
      if (!zod.success) continue;
      const data = zod.data as Record<string, unknown>;
      const mine = fast as unknown as Record<string, unknown>;
      expect(Object.keys(mine)).toEqual(Object.keys(data));
      for (const key of Object.keys(data)) expect(Object.is(mine[key], data[key]) || key === 'props', key).toBe(true);
      expect(mine.geometry).toBe(candidate.geometry);
      if ('props' in candidate) expect(mine.props).toBe(candidate.props);
      expect(mine).toEqual(data);
    }
    // Plenty of both, and the plain checks pass nearly all zod passes that has only the kind's own fields.
    expect(foreign).toBeGreaterThan(500);
    expect(zodAccepted).toBeGreaterThan(4000);
    expect(fastAccepted).toBeGreaterThan(0.8 * zodAccepted);
  });
});
