import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../shared/analysis';
import type { ParkFeature } from '../../../shared/model';
import { DATE, docOf, poly, rect } from './fixtures';

// Known answers: Debian's python3-geographiclib (/usr/bin/python3, Geodesic.WGS84.Polygon, the
// same rings with geodesic edges), printed with repr() and frozen here. Sums and differences of
// these are done by hand in the expectations.
const KNOWN = {
  boundary: 920879.3969287872, // rect(106.0, 21.0, 106.01, 21.008)
  A: 460439.69792056084, // rect(106.0, 21.0, 106.005, 21.008)
  G: 184178.2898464203, // rect(106.006, 21.0, 106.01, 21.004)
  C: 34533.31635642052, // rect(106.004, 21.002, 106.007, 21.003)
  AC: 11511.105450510979, // A ∩ C = rect(106.004, 21.002, 106.005, 21.003)
  GC: 11511.105450689793, // G ∩ C = rect(106.006, 21.002, 106.007, 21.003)
  O: 69064.14652895927, // rect(106.009, 21.007, 106.012, 21.009)
  Oin: 11510.728760898113, // O ∩ boundary = rect(106.009, 21.007, 106.01, 21.008)
  L: 846202.753346324, // L-shape at Bình Dương, ring below
  outerWithHole: 1048857.9727597237, // rect(106.7, 20.8, 106.71, 20.81) minus rect(106.703, 20.803, 106.706, 20.806)
  multi: 272416.32300138474, // rect(108.2, 16.0, 108.205, 16.003) + rect(108.21, 16.0, 108.212, 16.004)
};

const boundary: ParkFeature = { id: 'b', kind: 'boundary', geometry: poly(rect(106.0, 21.0, 106.01, 21.008)) };
const A: ParkFeature = { id: 'A', kind: 'landuse', landUse: 'industrial', code: 'CN-A', geometry: poly(rect(106.0, 21.0, 106.005, 21.008)) };
const G: ParkFeature = { id: 'G', kind: 'landuse', landUse: 'green', subtype: 'park', geometry: poly(rect(106.006, 21.0, 106.01, 21.004)) };
const C: ParkFeature = { id: 'C', kind: 'landuse', landUse: 'green', subtype: 'buffer', geometry: poly(rect(106.004, 21.002, 106.007, 21.003)) };
const O: ParkFeature = { id: 'O', kind: 'landuse', landUse: 'water', geometry: poly(rect(106.009, 21.007, 106.012, 21.009)) };

const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('park area is geodesic (GeographicLib) within 0.01 %', () => {
  it.each([
    ['rectangle at Bắc Ninh', poly(rect(106.0, 21.0, 106.01, 21.008)), KNOWN.boundary],
    ['L-shape at Bình Dương', poly([[106.65, 11.0], [106.66, 11.0], [106.66, 11.004], [106.655, 11.004], [106.655, 11.01], [106.65, 11.01], [106.65, 11.0]]), KNOWN.L],
    ['polygon with a hole at Hải Phòng', poly(rect(106.7, 20.8, 106.71, 20.81), rect(106.703, 20.803, 106.706, 20.806)), KNOWN.outerWithHole],
    ['multipolygon at Đà Nẵng', { type: 'MultiPolygon' as const, coordinates: [[rect(108.2, 16.0, 108.205, 16.003)], [rect(108.21, 16.0, 108.212, 16.004)]] }, KNOWN.multi],
  ])('%s', (_name, geometry, expected) => {
    const result = analyzeScenario(docOf([{ id: 'b', kind: 'boundary', geometry }]), undefined, { date: DATE });
    expect(rel(result.parkAreaM2, expected)).toBeLessThan(1e-4);
    // Same library, same rings: in fact equal to far better than 0.01 %.
    expect(rel(result.parkAreaM2, expected)).toBeLessThan(1e-9);
    expect(result.unassignedAreaM2).toBeCloseTo(expected, 3);
  });
});

describe('land-use structure', () => {
  it('a gapped layout: unassigned is the boundary minus the land uses, and the table sums to 100 %', () => {
    const r = analyzeScenario(docOf([boundary, A, G]), undefined, { date: DATE });
    expect(r.parkAreaM2).toBeCloseTo(KNOWN.boundary, 3);
    expect(r.landUse.map((x) => x.landUse)).toEqual(['industrial', 'green']);
    expect(r.landUse[0].areaM2).toBeCloseTo(KNOWN.A, 3);
    expect(r.landUse[1].areaM2).toBeCloseTo(KNOWN.G, 3);
    expect(r.landUse[0].percent).toBeCloseTo((100 * KNOWN.A) / KNOWN.boundary, 9);
    expect(r.overlapAreaM2).toBe(0);
    expect(r.unassignedAreaM2).toBeCloseTo(KNOWN.boundary - KNOWN.A - KNOWN.G, 3);
    const total = r.landUse.reduce((s, x) => s + x.percent, 0) + (100 * (r.unassignedAreaM2 - r.overlapAreaM2)) / r.parkAreaM2;
    expect(total).toBeCloseTo(100, 9);
    expect(r.plotStats).toEqual({ count: 1, meanAreaM2: r.plots[0].areaM2, minAreaM2: r.plots[0].areaM2, maxAreaM2: r.plots[0].areaM2 });
  });

  it('an overlapping layout: overlap is the sum of land uses minus their union', () => {
    const r = analyzeScenario(docOf([boundary, A, G, C]), undefined, { date: DATE });
    const overlap = KNOWN.AC + KNOWN.GC;
    // The union's parallel edges gain vertices where C meets A and G: geodesic edges between the
    // new vertices move the area by well under 1 m² at this size, hence the 0.5 m² tolerance.
    expect(Math.abs(r.overlapAreaM2 - overlap)).toBeLessThan(0.5);
    expect(Math.abs(r.unassignedAreaM2 - (KNOWN.boundary - (KNOWN.A + KNOWN.G + KNOWN.C - overlap)))).toBeLessThan(0.5);
    expect(r.overlapFeatureIds).toEqual(['A', 'C', 'G']);
    const green = r.landUse.find((x) => x.landUse === 'green')!;
    expect(green.areaM2).toBeCloseTo(KNOWN.G + KNOWN.C, 3);
    expect(green.subtypes.map((s) => [s.subtype, Math.round(s.areaM2 * 1000) / 1000])).toEqual([
      ['buffer', Math.round(KNOWN.C * 1000) / 1000],
      ['park', Math.round(KNOWN.G * 1000) / 1000],
    ]);
    const total = r.landUse.reduce((s, x) => s + x.areaM2, 0) + r.unassignedAreaM2 - r.overlapAreaM2;
    expect(total).toBeCloseTo(r.parkAreaM2, 6);
    // Green land excludes the part drawn inside the industrial plot; total green keeps it.
    expect(r.green.greenInPlotsM2).toBeCloseTo(KNOWN.AC, 2);
    expect(r.green.greenLandM2).toBeCloseTo(KNOWN.G + KNOWN.C - KNOWN.AC, 2);
    expect(r.green.greenSpaceRatio).toBeCloseTo((KNOWN.G + KNOWN.C - KNOWN.AC) / KNOWN.boundary, 8);
    expect(r.green.totalGreenM2).toBeCloseTo(KNOWN.G + KNOWN.C, 3);
    expect(r.green.greenPerIndustrialHaM2).toBeCloseTo((KNOWN.G + KNOWN.C) / (KNOWN.A / 10000), 3);
  });

  it('three polygons overlapping each other: the union is measured, not just the pairs', () => {
    // python3-geographiclib areas of the rectangles and of their pairwise and triple
    // intersections (all lon/lat rectangles); union by inclusion–exclusion, by hand.
    const k = { A: 46044.8737629056, B: 46044.8737629056, C: 46044.57245969772, AB: 23022.436880260706, AC: 17266.771167337894, BC: 17266.771167337894, ABC: 11511.180777937174 };
    const union = k.A + k.B + k.C - k.AB - k.AC - k.BC + k.ABC;
    const three: ParkFeature[] = [
      { id: 'tA', kind: 'landuse', landUse: 'water', geometry: poly(rect(106.0, 21.0, 106.002, 21.002)) },
      { id: 'tB', kind: 'landuse', landUse: 'other', geometry: poly(rect(106.001, 21.0, 106.003, 21.002)) },
      { id: 'tC', kind: 'landuse', landUse: 'green', geometry: poly(rect(106.0005, 21.001, 106.0025, 21.003)) },
    ];
    const r = analyzeScenario(docOf([boundary, ...three]), undefined, { date: DATE });
    // Split parallel edges in the union (see the note on the overlapping layout): < 0.5 m².
    expect(Math.abs(r.overlapAreaM2 - (k.A + k.B + k.C - union))).toBeLessThan(0.5);
    expect(r.overlapFeatureIds).toEqual(['tA', 'tB', 'tC']);
  });

  it('two concave (L-shaped) polygons overlapping: measured piecewise, exactly', () => {
    // L = [0,2]² minus [1,2]² in units of 0.001° from (106.0, 21.0); the second L is shifted by
    // (0.5, 0.5). By hand their intersection is [0.5,2]×[0.5,1] ∪ [0.5,1]×[1,1.5] ∪ [0.5,1]×[1.5,2];
    // python3-geographiclib areas of those rectangles: 8633.427954018116 + 2877.7999023646116 +
    // 2877.7904866039753 = 14389.018342986703 m².
    const u = 0.001;
    const L = (dx: number, dy: number) =>
      poly([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]].map(([x, y]) => [106.0 + (x + dx) * u, 21.0 + (y + dy) * u]));
    const r = analyzeScenario(docOf([boundary, { id: 'L1', kind: 'landuse', landUse: 'water', geometry: L(0, 0) }, { id: 'L2', kind: 'landuse', landUse: 'other', geometry: L(0.5, 0.5) }]), undefined, { date: DATE });
    expect(Math.abs(r.overlapAreaM2 - 14389.018342986703)).toBeLessThan(0.5);
  });

  it('land use outside the boundary is reported apart and never enters the table', () => {
    const r = analyzeScenario(docOf([boundary, O]), undefined, { date: DATE });
    expect(r.landUse).toHaveLength(1);
    expect(r.landUse[0].areaM2).toBeCloseTo(KNOWN.Oin, 3);
    expect(r.outsideBoundaryAreaM2).toBeCloseTo(KNOWN.O - KNOWN.Oin, 3);
    expect(r.unassignedAreaM2).toBeCloseTo(KNOWN.boundary - KNOWN.Oin, 3);
  });

  it('colinear partial overlap (edges on edges, no crossing) is found', () => {
    const left: ParkFeature = { id: 'L1', kind: 'landuse', landUse: 'water', geometry: poly(rect(106.0, 21.0, 106.005, 21.008)) };
    const right: ParkFeature = { id: 'R1', kind: 'landuse', landUse: 'other', geometry: poly(rect(106.004, 21.0, 106.01, 21.008)) };
    const r = analyzeScenario(docOf([boundary, left, right]), undefined, { date: DATE });
    expect(r.overlapFeatureIds).toEqual(['L1', 'R1']);
    expect(r.overlapAreaM2).toBeGreaterThan(90000);
    // The boundary's parallel edges are split at 106.005 by the pieces: geodesic edges between
    // the extra vertices differ from the unsplit edge by about a square millimetre.
    expect(r.unassignedAreaM2).toBeLessThan(0.01);
  });

  it('neighbours sharing an edge do not overlap', () => {
    const left: ParkFeature = { id: 'L1', kind: 'landuse', landUse: 'water', geometry: poly(rect(106.0, 21.0, 106.005, 21.008)) };
    const right: ParkFeature = { id: 'R1', kind: 'landuse', landUse: 'other', geometry: poly(rect(106.005, 21.0, 106.01, 21.008)) };
    const r = analyzeScenario(docOf([boundary, left, right]), undefined, { date: DATE });
    expect(r.overlapAreaM2).toBe(0);
    expect(r.unassignedAreaM2).toBeLessThan(0.01); // see the split-edge note above
  });

  it('without a boundary everything is outside and ratios are zero', () => {
    const r = analyzeScenario(docOf([A]), undefined, { date: DATE });
    expect(r.parkAreaM2).toBe(0);
    expect(r.landUse).toEqual([]);
    expect(r.outsideBoundaryAreaM2).toBeCloseTo(KNOWN.A, 3);
    expect(r.rules.find((x) => x.id === 'qcvn.park.green-min')!.status).toBe('n/a');
  });
});
