import { describe, expect, it } from 'vitest';
import { generateLayout } from '../../../shared/layout/generate';
import { defaultLayoutParameters } from '../../../shared/layout/parameters';
import { generateVariants } from '../../../shared/layout/variants';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model/document';
import type { LandUseFeature, ParkFeature, PointFeature, RoadFeature } from '../../../shared/model/feature';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import { distanceM } from '../../../shared/geometry/geodesic';
import { judgeLayout, type Judgement } from './judge';
import { lShape, rotatedRectangle } from './sites';

/**
 * The generator's options (issue 15, session 6): progress while variants are made, plan codes on
 * generated land, the SME band near the entrance, entrances picked by the user. Layouts are
 * judged by GDAL (judge.ts) as in sites.test.ts.
 */
const RULE_DATE = '2026-06-01';

/** What every generated layout must pass (sites.test.ts): valid, no overlap, assigned, served, no failing rule. */
function expectSound(judged: Judgement, failing: string[]): void {
  expect(judged.invalid).toEqual([]);
  expect(judged.overlapM2).toBeLessThanOrEqual(1e-3 * judged.parkM2);
  expect(judged.assignedM2).toBeGreaterThanOrEqual(0.99 * judged.parkM2);
  expect(judged.worstPlotToRoadM).toBeLessThanOrEqual(1);
  expect(failing).toEqual([]);
}

const failingRules = (layout: { analysis: { rules: { id: string; status: string }[] } }) => layout.analysis.rules.filter((r) => r.status === 'fail').map((r) => r.id);

describe('progress of generateVariants', () => {
  it('reports each variant done, of the number asked', { timeout: 300_000 }, () => {
    const base: ParkDocument = createEmptyDocument('Test park', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
    const doc: ParkDocument = { ...base, scenarios: [{ ...base.scenarios[0], features: rotatedRectangle(800, 625, 30) }] };
    const calls: [number, number][] = [];
    const result = generateVariants(doc, doc.activeScenarioId, defaultLayoutParameters(), 2, { ruleDate: RULE_DATE, onProgress: (done, total) => calls.push([done, total]) });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('plan codes of generated land', () => {
  it('continue after the scenario’s highest code of each category, never reused, no "Plot n" names', { timeout: 300_000 }, () => {
    const site = rotatedRectangle(800, 625, 30);
    // A drawn plot coded CN-07 that the layout replaces (not kept): its code is not given again.
    const replaced: LandUseFeature = { id: 'old', kind: 'landuse', landUse: 'industrial', code: 'CN-07', geometry: (site[0] as { geometry: LandUseFeature['geometry'] }).geometry };
    const result = generateLayout([...site, replaced], defaultLayoutParameters(), { ruleDate: RULE_DATE });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plots = result.layout.features.filter((f): f is LandUseFeature => f.kind === 'landuse' && f.landUse === 'industrial');
    expect(plots.length).toBe(result.layout.plotCount);
    // CN-08, CN-09, … in the order the plots are laid out.
    expect(plots.map((f) => f.code)).toEqual(plots.map((_, i) => `CN-${String(8 + i).padStart(2, '0')}`));
    expect(plots.every((f) => f.name === undefined)).toBe(true);
    const green = result.layout.features.filter((f): f is LandUseFeature => f.kind === 'landuse' && f.landUse === 'green');
    expect(green.map((f) => f.code)).toEqual(green.map((_, i) => `CX-${String(1 + i).padStart(2, '0')}`));
    const codes = result.layout.features.flatMap((f) => (f.code ? [f.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the SME band', () => {
  it('cuts the rows nearest the entrance into 0.3–1 ha plots, the rest 1–5 ha, judged by GDAL', { timeout: 600_000 }, () => {
    const p = { ...defaultLayoutParameters(), smeShare: 0.2 };
    const result = generateLayout(lShape(), p, { ruleDate: RULE_DATE });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const judged = judgeLayout(result.layout.features);
    expectSound(judged, failingRules(result.layout));
    const { sme, standard } = judged.bands;
    expect(sme.n).toBe(result.layout.smePlotCount);
    expect(sme.n + standard.n).toBe(result.layout.plotCount);
    expect(result.layout.plotsOutOfRange).toBe(0);
    // Bands: 3,000–10,000 m² and 10,000–50,000 m² (UTM areas within 0.05 % of the geodesic ones).
    expect(sme.minM2).toBeGreaterThanOrEqual(3_000 * 0.999);
    expect(sme.maxM2).toBeLessThanOrEqual(10_000 * 1.001);
    expect(standard.minM2).toBeGreaterThanOrEqual(10_000 * 0.999);
    expect(standard.maxM2).toBeLessThanOrEqual(50_000 * 1.001);
    // At least the share of the rows goes to SMEs (administration and technical land near the
    // entrance take a few of them), by at most a couple of rows (a row here is 3–10 % of the plots).
    const smeShare = sme.totalM2 / (sme.totalM2 + standard.totalM2);
    expect(smeShare).toBeGreaterThan(0.15);
    expect(smeShare).toBeLessThan(0.35);
    // Nearer the main entrance on average.
    expect(sme.meanToGateM).toBeLessThan(standard.meanToGateM);
  });
});

describe('entrances picked by the user', () => {
  // A 1,200 × 800 m rectangle (96 ha), not rotated: the west edge is x = 0, the east edge x = 1,200 m.
  const frame = createLocalFrame(106.07, 21.18);
  const west = localToLonLat(frame, 0, 400);
  const east = localToLonLat(frame, 1200, 500);

  it('start the main axis at the first and an access road at the others, judged by GDAL', { timeout: 600_000 }, () => {
    // Picked 3 m off the boundary, as a click would be: the entrance is moved onto it.
    const p = { ...defaultLayoutParameters(), entrances: [localToLonLat(frame, -3, 400), localToLonLat(frame, 1203, 500)] };
    const result = generateLayout(rotatedRectangle(1200, 800, 0), p, { ruleDate: RULE_DATE });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const features: ParkFeature[] = result.layout.features;
    const gates = features.filter((f): f is PointFeature => f.kind === 'point' && f.facilityType === 'gate');
    expect(gates.map((g) => g.name)).toEqual(['Main entrance', 'Entrance 2']);
    // The site's frame and the generator's plane differ by millimetres over a kilometre.
    expect(distanceM(gates[0].geometry.coordinates, west)).toBeLessThan(0.05);
    expect(distanceM(gates[1].geometry.coordinates, east)).toBeLessThan(0.05);
    const roads = features.filter((f): f is RoadFeature => f.kind === 'road');
    const first = (r: RoadFeature) => (r.geometry.type === 'LineString' ? r.geometry.coordinates[0] : r.geometry.coordinates[0][0]);
    expect(distanceM(first(roads.find((r) => r.props?.roadClass === 'main')!), west)).toBeLessThan(0.05);
    expect(distanceM(first(roads.find((r) => r.props?.roadClass === 'access')!), east)).toBeLessThan(0.05);
    expectSound(judgeLayout(features), failingRules(result.layout));
  });
});

describe('wind for the WWTP', () => {
  /** Mean latitude of a polygon's outer ring (closing vertex left out): plain arithmetic, no generator code. */
  const meanLat = (f: { geometry: { type: string; coordinates: unknown } }) => {
    const rings = f.geometry.type === 'Polygon' ? (f.geometry.coordinates as number[][][]) : (f.geometry.coordinates as number[][][][])[0];
    const ring = rings[0].slice(0, -1);
    return ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  };

  it('puts the WWTP on the downwind side of the park', { timeout: 600_000 }, () => {
    // A 1,200 × 800 m rectangle (96 ha): wind from the north → WWTP in the south half, and the reverse.
    for (const [windFromDeg, south] of [
      [0, true],
      [180, false],
    ] as const) {
      const result = generateLayout(rotatedRectangle(1200, 800, 0), { ...defaultLayoutParameters(), windFromDeg }, { ruleDate: RULE_DATE });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const wwtp = result.layout.features.find((f) => f.kind === 'landuse' && f.subtype === 'wwtp')!;
      const park = result.layout.features.find((f) => f.kind === 'boundary')!;
      expect(meanLat(wwtp) < meanLat(park)).toBe(south);
      expect(failingRules(result.layout)).toEqual([]);
    }
  });
});

