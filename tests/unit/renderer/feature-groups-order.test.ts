import { describe, expect, it } from 'vitest';
import { featureLabel, sortedByLabel } from '../../../renderer/src/components/feature-groups';
import type { ParkFeature } from '../../../shared/model';
import { generateLargePark } from '../../../bench/large-park';

/**
 * The feature list's order made with one collator and one label per feature is the order of the
 * comparison it replaces, `localeCompare(…, 'vi', { numeric: true })` on the labels, for every
 * feature of the generated large park and for labels chosen to be awkward.
 */
const before = (features: ParkFeature[]) =>
  [...features].sort((a, b) => featureLabel(a).localeCompare(featureLabel(b), 'vi', { numeric: true }));

describe('the feature list order', () => {
  it('is the order of the per-call localeCompare it replaces, on the large park', () => {
    const features = generateLargePark().scenarios[0].features;
    expect(sortedByLabel(features).map((f) => f.id)).toEqual(before(features).map((f) => f.id));
  });

  it('is that order on Vietnamese names, numbers within codes, equal labels, blanks and ids', () => {
    const labels: [string | undefined, string | undefined][] = [
      ['CN-10', 'Nhà máy'], ['CN-2', 'Nhà máy'], ['CN-02', undefined], [undefined, 'Đường số 1'], [undefined, 'Duong so 1'],
      [undefined, 'đường số 10'], [undefined, 'Ấp Bình An'], [undefined, 'Ap Binh An'], ['CX-1', 'Cây xanh'], ['CX-1', 'Cây xanh'],
      [undefined, '  '], [undefined, undefined], ['', 'Ô tô'], [undefined, 'Ơ'], [undefined, 'Z'], [undefined, 'a'], ['X-1.5', undefined], ['X-1.10', undefined],
    ];
    const features = labels.map(([code, name], i) => ({ id: `f-${String(18 - i).padStart(3, '0')}-id`, kind: 'landuse', landUse: 'green', code, name, geometry: { type: 'Point', coordinates: [0, 0] } }) as unknown as ParkFeature);
    expect(sortedByLabel(features).map((f) => f.id)).toEqual(before(features).map((f) => f.id));
  });
});
