import { describe, expect, it } from 'vitest';
import { analyzeScenario, floorsOf } from '../../../shared/analysis';
import type { ParkFeature } from '../../../shared/model';
import { DATE, docOf, poly, rect } from './fixtures';

// Known answers: /usr/bin/python3 with Debian's python3-geographiclib, Geodesic.WGS84.Polygon
// over the same rings, frozen with repr().
const KNOWN = {
  P: 34533.711815834045, // rect(106.0, 21.0, 106.002, 21.0015)
  b1: 4144.052196741104, // rect(106.0002, 21.0002, 106.0008, 21.0008)
  b2: 3683.604363054037, // rect(106.0010, 21.0002, 106.0018, 21.0006)
  gi: 3683.587490618229, // rect(106.0010, 21.0009, 106.0018, 21.0013)
};

const boundary: ParkFeature = { id: 'b', kind: 'boundary', geometry: poly(rect(105.999, 20.999, 106.004, 21.003)) };
const plot: ParkFeature = {
  id: 'P', kind: 'landuse', landUse: 'industrial', code: 'CN-01', maxDensity: 0.7, maxFloors: 5, minGreenRatio: 0.2, maxFar: 2.5,
  geometry: poly(rect(106.0, 21.0, 106.002, 21.0015)),
};
const b1: ParkFeature = { id: 'b1', kind: 'building', floors: 2, geometry: poly(rect(106.0002, 21.0002, 106.0008, 21.0008)) };
const b2: ParkFeature = { id: 'b2', kind: 'building', heightM: 10, geometry: poly(rect(106.001, 21.0002, 106.0018, 21.0006)) };
const gi: ParkFeature = { id: 'gi', kind: 'landuse', landUse: 'green', geometry: poly(rect(106.001, 21.0009, 106.0018, 21.0013)) };
const empty: ParkFeature = { id: 'E', kind: 'landuse', landUse: 'industrial', code: 'CN-02', geometry: poly(rect(106.002, 21.0, 106.004, 21.0015)), props: { greenRatio: 0.25 } };

describe('plot indicators', () => {
  it('footprint, density, FAR, floors and green drawn inside', () => {
    const r = analyzeScenario(docOf([boundary, plot, b1, b2, gi]), undefined, { date: DATE });
    const p = r.plots[0];
    expect(p.code).toBe('CN-01');
    expect(p.areaM2).toBeCloseTo(KNOWN.P, 4);
    expect(p.buildingIds).toEqual(['b1', 'b2']);
    expect(p.footprintM2).toBeCloseTo(KNOWN.b1 + KNOWN.b2, 4);
    expect(p.buildingDensity).toBeCloseTo((KNOWN.b1 + KNOWN.b2) / KNOWN.P, 10);
    // b1: 2 floors given; b2: 10 m ÷ 4.5 m = 2.2 → 2 whole storeys.
    expect(p.floorAreaM2).toBeCloseTo(2 * KNOWN.b1 + 2 * KNOWN.b2, 4);
    expect(p.far).toBeCloseTo((2 * KNOWN.b1 + 2 * KNOWN.b2) / KNOWN.P, 10);
    expect(p.maxFloors).toBe(2);
    expect(p.greenSource).toBe('drawn');
    expect(p.greenIds).toEqual(['gi']);
    expect(p.greenInsideM2).toBeCloseTo(KNOWN.gi, 3);
    expect(p.greenRatio).toBeCloseTo(KNOWN.gi / KNOWN.P, 8);
    expect(p.limits).toEqual({ maxDensity: 0.7, maxFloors: 5, minGreenRatio: 0.2, maxFar: 2.5 });
  });

  it('a plot without buildings: zero density and FAR, the declared green ratio', () => {
    const r = analyzeScenario(docOf([boundary, plot, empty]), undefined, { date: DATE });
    const e = r.plots.find((p) => p.id === 'E')!;
    expect(e.footprintM2).toBe(0);
    expect(e.buildingDensity).toBe(0);
    expect(e.far).toBe(0);
    expect(e.maxFloors).toBe(0);
    expect(e.greenSource).toBe('declared');
    expect(e.greenRatio).toBe(0.25);
    const p = r.plots.find((x) => x.id === 'P')!;
    expect(p.greenSource).toBe('none');
    expect(p.greenRatio).toBeNull();
    expect(r.plotStats.count).toBe(2);
  });

  it('the storey height is a project setting', () => {
    const r = analyzeScenario(docOf([boundary, plot, b2], { rules: { storeyHeightM: 3 } }), undefined, { date: DATE });
    expect(r.storeyHeightM).toBe(3);
    expect(r.plots[0].maxFloors).toBe(3); // 10 m ÷ 3 m = 3.3 → 3
    expect(r.plots[0].far).toBeCloseTo((3 * KNOWN.b2) / KNOWN.P, 10);
  });

  it('floors: given floors win, else whole storeys of the height, at least one', () => {
    const base = { id: 'x', kind: 'building' as const, geometry: poly(rect(0, 0, 1, 1)) };
    expect(floorsOf({ ...base, floors: 7, heightM: 4 }, 4.5)).toBe(7);
    expect(floorsOf({ ...base, heightM: 9 }, 4.5)).toBe(2);
    expect(floorsOf({ ...base, heightM: 8.99 }, 4.5)).toBe(1);
    expect(floorsOf({ ...base, heightM: 3 }, 4.5)).toBe(1);
    expect(floorsOf(base, 4.5)).toBe(1);
  });

  it('a building crossing the plot edge counts only its part inside', () => {
    // A quarter of this building lies west of the plot (106.0 is the plot's west edge).
    const half: ParkFeature = { id: 'h', kind: 'building', floors: 1, geometry: poly(rect(105.9998, 21.0002, 106.0005, 21.0008)) };
    const r = analyzeScenario(docOf([boundary, plot, half]), undefined, { date: DATE });
    // The interior point of the building falls inside the plot; its inside half is
    // rect(106.0, 21.0002, 106.0005, 21.0008): python3-geographiclib gives 3453.376830711961 m².
    expect(r.plots[0].buildingIds).toEqual(['h']);
    expect(r.plots[0].footprintM2).toBeCloseTo(3453.376830711961, 2);
  });

  it('a building across the line between two plots counts in both, by the part in each, and none of it is lost', () => {
    // Issue 13, bug 4. /usr/bin/python3 -c "from geographiclib.geodesic import Geodesic; ..." with
    // Geodesic.WGS84.Polygon over each rectangle, frozen with repr():
    const west = 2762.699656814337; // rect(106.0006, 21.0003, 106.001, 21.0009): the part in P1
    const east = 4144.049485146999; // rect(106.001, 21.0003, 106.0016, 21.0009): the part in P2
    const whole = 6906.749142020941; // rect(106.0006, 21.0003, 106.0016, 21.0009)
    const plotM2 = 17266.85590723157; // rect(106.0, 21.0, 106.001, 21.0015) (P2 the same to 2e-10 m²)
    const p1: ParkFeature = { id: 'P1', kind: 'landuse', landUse: 'industrial', geometry: poly(rect(106.0, 21.0, 106.001, 21.0015)) };
    const p2: ParkFeature = { id: 'P2', kind: 'landuse', landUse: 'industrial', geometry: poly(rect(106.001, 21.0, 106.002, 21.0015)) };
    const across: ParkFeature = { id: 'x', kind: 'building', floors: 3, geometry: poly(rect(106.0006, 21.0003, 106.0016, 21.0009)) };
    const r = analyzeScenario(docOf([boundary, p1, p2, across]), undefined, { date: DATE });
    const [a, b] = ['P1', 'P2'].map((id) => r.plots.find((p) => p.id === id)!);
    expect(a.buildingIds).toEqual(['x']);
    expect(b.buildingIds).toEqual(['x']);
    expect(a.footprintM2).toBeCloseTo(west, 3);
    expect(b.footprintM2).toBeCloseTo(east, 3);
    expect(a.footprintM2 + b.footprintM2).toBeCloseTo(whole, 3);
    expect(a.buildingDensity).toBeCloseTo(west / plotM2, 8);
    expect(b.floorAreaM2).toBeCloseTo(3 * east, 3);
    expect(a.maxFloors).toBe(3);
    expect(b.maxFloors).toBe(3);
  });
});
