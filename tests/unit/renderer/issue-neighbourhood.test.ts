import { describe, expect, it } from 'vitest';
import { issueNeighbourhood } from '../../../renderer/src/drawing/issue-neighbourhood';
import { problemsAmong } from '../../../renderer/src/drawing/feature-issues';
import { translateFeature } from '../../../shared/geometry/transform';
import type { ParkFeature } from '../../../shared/model';
import { generateLargePark } from '../../../bench/large-park';

/**
 * The problems of a selection checked against its neighbourhood (the fast path of every click)
 * are exactly those checked against the whole scenario (the slow path): same problems, same
 * order, same numbers, places and sentences.
 */

/** A generated park with problems of every kind a selection can show, near and far from one another. */
function parkWithProblems(): ParkFeature[] {
  const park = generateLargePark({ blocksX: 5, blocksY: 4 }).scenarios[0].features;
  const buildings = park.filter((f) => f.kind === 'building');
  const plots = park.filter((f) => f.kind === 'landuse' && f.landUse === 'industrial');
  const moved = new Map<string, ParkFeature>([
    // Buildings pushed across their plot's edge (plots are 60 m wide, buildings 44 m) and across two edges.
    [buildings[3].id, translateFeature(buildings[3], 30, 0)],
    [buildings[20].id, translateFeature(buildings[20], -40, 0)],
    [buildings[41].id, translateFeature(buildings[41], 35, 60)],
    // A plot pushed half out of the park and over its neighbours.
    [plots[0].id, translateFeature(plots[0], -30, 0)],
    [plots[9].id, translateFeature(plots[9], 25, 10)],
  ]);
  const first = park[0].geometry.coordinates as number[][][];
  const [x0, y0] = first[0][0];
  const extra: ParkFeature[] = [
    // A green strip over a row of plots and roads, a bow-tie building, a road line, a well.
    { id: 'strip', kind: 'landuse', landUse: 'green', geometry: { type: 'Polygon', coordinates: [[[x0 + 0.001, y0 + 0.002], [x0 + 0.006, y0 + 0.002], [x0 + 0.006, y0 + 0.0023], [x0 + 0.001, y0 + 0.0023], [x0 + 0.001, y0 + 0.002]]] } },
    { id: 'bowtie', kind: 'building', heightM: 10, geometry: { type: 'Polygon', coordinates: [[[x0 + 0.003, y0 + 0.003], [x0 + 0.0034, y0 + 0.0033], [x0 + 0.0034, y0 + 0.003], [x0 + 0.003, y0 + 0.0033], [x0 + 0.003, y0 + 0.003]]] } },
    { id: 'well', kind: 'point', geometry: { type: 'Point', coordinates: [x0 + 0.004, y0 + 0.001] } },
    { id: 'outside', kind: 'landuse', landUse: 'technical', geometry: { type: 'Polygon', coordinates: [[[x0 - 0.001, y0 - 0.001], [x0 + 0.0005, y0 - 0.001], [x0 + 0.0005, y0 + 0.0005], [x0 - 0.001, y0 + 0.0005], [x0 - 0.001, y0 - 0.001]]] } },
  ] as ParkFeature[];
  return [...park.map((f) => moved.get(f.id) ?? f), ...extra];
}

const fastAndSlow = (all: ParkFeature[], ids: string[]) => {
  const near = issueNeighbourhood(all, ids);
  return { near, fast: near && problemsAmong(near, ids), slow: problemsAmong(all, ids) };
};

describe('the problems of a selection, checked among its neighbours', () => {
  const all = parkWithProblems();

  it('equal those checked against the whole scenario, for single and multiple selections of every kind', () => {
    const singles = all.filter((_, i) => i % 5 === 0).map((f) => [f.id]);
    const named = ['strip', 'bowtie', 'well', 'outside'].map((id) => [id]);
    const movedIds = all.filter((f, i) => f !== generateLargePark({ blocksX: 5, blocksY: 4 }).scenarios[0].features[i]).map((f) => [f.id]);
    const multiple = [
      ['strip', 'bowtie'],
      all.filter((f) => f.kind === 'landuse').slice(0, 6).map((f) => f.id),
      all.filter((f) => f.kind === 'building').slice(0, 12).map((f) => f.id),
      ['missing-id', all[40].id],
    ];
    let withProblems = 0;
    for (const ids of [...singles, ...named, ...movedIds, ...multiple]) {
      const { near, fast, slow } = fastAndSlow(all, ids);
      expect(near, ids.join()).not.toBeNull();
      expect(fast, ids.join()).toEqual(slow);
      if (slow.length > 0) withProblems++;
    }
    // The comparison means something: many selections have problems (overlaps, crossings, outside, self-crossing).
    expect(withProblems).toBeGreaterThan(15);
    const reasons = new Set([...named, ...movedIds].flatMap((ids) => problemsAmong(all, ids).map((p) => p.reason)));
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['building_crosses_plot', 'outside_boundary', 'overlap', 'self_intersection']));
  }, 120000);

  it('is a small part of the park, in the scenario order, and holds the land use sorted first (findOverlaps measures from it)', () => {
    const plot = all.filter((f) => f.kind === 'landuse' && f.landUse === 'industrial').at(-1)!;
    const near = issueNeighbourhood(all, [plot.id])!;
    expect(near.length).toBeLessThan(all.length / 10);
    expect(near.map((f) => all.indexOf(f))).toEqual([...near.map((f) => all.indexOf(f))].sort((a, b) => a - b));
    expect(near).toContain(all.find((f) => f.kind === 'boundary'));
    expect(near).toContain(all.find((f) => f.id === 'outside')); // its west edge is the least of all land use
  });

  it('on hostile coordinates and ids: the same answer, from the whole scenario when boxes are not finite or ids repeat', () => {
    const ring = (...points: number[][]) => ({ type: 'Polygon', coordinates: [[...points, points[0]]] });
    const building = (id: string, geometry: unknown) => ({ id, kind: 'building', heightM: 5, geometry }) as ParkFeature;
    const [x, y] = (all[0].geometry.coordinates as number[][][])[0][0];
    // NaN is passed over by every box (comparisons with it are false): the box of the rest counts, on both paths.
    const someNaN = building('some-nan', ring([x + 0.001, y + 0.001], [NaN, y + 0.001], [x + 0.0015, y + 0.0015]));
    const allNaN = building('all-nan', ring([NaN, NaN], [NaN, NaN], [NaN, NaN]));
    const infinite = building('infinite', ring([x, y], [Infinity, y], [x, y + 0.001]));
    const empty = { id: 'empty', kind: 'landuse', landUse: 'green', geometry: { type: 'Polygon', coordinates: [] } } as unknown as ParkFeature;
    const twice = { ...all[60], geometry: all[61].geometry } as ParkFeature;
    const cases: [ParkFeature[], boolean][] = [
      [[...all, someNaN], true],
      [[...all, allNaN], false],
      [[...all, infinite], false],
      [[...all, empty], false],
      [[...all, twice], false],
    ];
    for (const [scenario, fastPath] of cases) {
      for (const ids of [[scenario.at(-1)!.id], [all[60].id, all[61].id], [all[3].id]]) {
        // (The whole check itself is not run on these: shared/'s grid index never ends on an
        // infinite box. Documents cannot hold such coordinates: the model admits finite numbers only.)
        const near = issueNeighbourhood(scenario, ids);
        expect(near !== null, scenario.at(-1)!.id).toBe(fastPath);
        if (near) expect(problemsAmong(near, ids)).toEqual(problemsAmong(scenario, ids));
      }
    }
  });

  it('equal the whole check on degenerate scenarios: no boundary, two boundaries, no land use, nothing selected', () => {
    const noBoundary = all.filter((f) => f.kind !== 'boundary');
    const boundary = all.find((f) => f.kind === 'boundary')!;
    const twoBoundaries = [...all, translateFeature({ ...boundary, id: 'second-boundary' }, 500, 0)];
    const noLandUse = all.filter((f) => f.kind !== 'landuse');
    for (const scenario of [noBoundary, twoBoundaries, noLandUse]) {
      for (const ids of [['outside'], ['bowtie'], [all[30].id], []]) {
        const { fast, slow } = fastAndSlow(scenario, ids);
        expect(fast).toEqual(slow);
      }
    }
  });
});
