import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../shared/analysis';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import type { ParkFeature } from '../../../shared/model';
import { DATE, docOf } from './fixtures';

// Layouts built in planning metres around Bắc Ninh with the geodesic local frame: the widths and
// distances below are known by construction (the frame places points by the geodesic Direct
// problem), not read back from the code under test.
const frame = createLocalFrame(106.05, 21.05);
function box(x0: number, y0: number, x1: number, y1: number): number[][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => localToLonLat(frame, x, y));
}
const W = 600;
const H = 400;
const boundary: ParkFeature = { id: 'b', kind: 'boundary', geometry: { type: 'Polygon', coordinates: [box(0, 0, W, H)] } };
/** A green strip `w` metres wide all round, with a gap for a road at x 290–310 on the south side. */
function strip(w: number): ParkFeature {
  return {
    id: 'strip', kind: 'landuse', landUse: 'green', subtype: 'buffer',
    geometry: { type: 'Polygon', coordinates: [box(0, 0, W, H), box(w, w, W - w, H - w)] },
  };
}
const road: ParkFeature = { id: 'road', kind: 'landuse', landUse: 'traffic', geometry: { type: 'Polygon', coordinates: [box(290, 0, 310, 200)] } };

describe('green isolation strip width', () => {
  it('a 12 m strip all round measures 12 m (to 5 cm) and passes the 10 m rule', () => {
    const r = analyzeScenario(docOf([boundary, strip(12)]), undefined, { date: DATE });
    const widths = r.green.isolationSamples.map((s) => s.widthM);
    // 2 × (600 + 400) m at a 10 m step, the first sample 5 m from each corner.
    expect(widths).toHaveLength(200);
    // The sample 5 m from a corner looks inward along the crossing side's strip, so it reads
    // long (never short); every other sample reads the strip's 12 m.
    const firstOrLast = new Set([0, 59, 60, 99, 100, 159, 160, 199]);
    widths.forEach((w, i) => {
      if (firstOrLast.has(i)) expect(w).toBeGreaterThan(11.95);
      else expect(Math.abs(w - 12)).toBeLessThan(0.05);
    });
    expect(Math.abs(r.green.isolationMinWidthM! - 12)).toBeLessThan(0.05);
    const rule = r.rules.find((x) => x.id === 'qcvn.park.isolation-strip-min')!;
    expect(rule.status).toBe('pass');
    expect(rule.segments).toEqual([]);
  });

  it('a 9.9 m strip fails, and the stretches below the rule are the whole boundary', () => {
    const r = analyzeScenario(docOf([boundary, strip(9.9)]), undefined, { date: DATE });
    const rule = r.rules.find((x) => x.id === 'qcvn.park.isolation-strip-min')!;
    expect(rule.status).toBe('fail');
    expect(Math.abs(rule.value! - 9.9)).toBeLessThan(0.05);
    expect(rule.featureIds).toEqual(['b']);
    // All samples but the 8 next to corners (which read along the crossing strip, see above).
    expect(rule.segments!.reduce((n, s) => n + s.coordinates.length - 1, 0)).toBe(192);
  });

  it('only the part of the boundary without green is reported', () => {
    // Strip along the south side only (0–12 m): the other three sides have no strip.
    const south: ParkFeature = { id: 's', kind: 'landuse', landUse: 'green', subtype: 'buffer', geometry: { type: 'Polygon', coordinates: [box(0, 0, W, 12)] } };
    const r = analyzeScenario(docOf([boundary, south]), undefined, { date: DATE });
    const southSamples = r.green.isolationSamples.slice(0, 60);
    for (const s of southSamples) expect(Math.abs(s.widthM - 12)).toBeLessThan(0.05);
    expect(r.green.isolationMinWidthM).toBe(0);
    const rule = r.rules.find((x) => x.id === 'qcvn.park.isolation-strip-min')!;
    expect(rule.status).toBe('fail');
    // One stretch: east, north and west sides, except the east and west samples 5 m from the
    // south corners, which look along the south strip: 39 + 60 + 39 samples, 139 points.
    expect(rule.segments).toHaveLength(1);
    expect(rule.segments![0].coordinates).toHaveLength(139);
  });

  it('a road entering the park is an access, not a gap in the strip', () => {
    const gapped: ParkFeature = {
      id: 'strip', kind: 'landuse', landUse: 'green', subtype: 'buffer',
      geometry: { type: 'MultiPolygon', coordinates: [[box(0, 0, 290, 12)], [box(310, 0, W, 12)]] },
    };
    const r = analyzeScenario(docOf([boundary, gapped, road]), undefined, { date: DATE });
    const access = r.green.isolationSamples.filter((s) => s.access);
    expect(access).toHaveLength(2); // samples at x = 295 and 305
    expect(r.green.isolationSamples.slice(0, 60).filter((s) => !s.access).every((s) => Math.abs(s.widthM - 12) < 0.05)).toBe(true);
  });

  it('an administration land use or office building in the strip breaks the rule', () => {
    const admin: ParkFeature = { id: 'adm', kind: 'landuse', landUse: 'admin_services', geometry: { type: 'Polygon', coordinates: [box(100, 5, 150, 60)] } };
    const office: ParkFeature = { id: 'off', kind: 'building', props: { use: 'office' }, geometry: { type: 'Polygon', coordinates: [box(400, 2, 410, 10)] } };
    const shed: ParkFeature = { id: 'shed', kind: 'building', props: { use: 'warehouse' }, geometry: { type: 'Polygon', coordinates: [box(450, 2, 460, 10)] } };
    const r = analyzeScenario(docOf([boundary, strip(12), admin, office, shed]), undefined, { date: DATE });
    expect(r.adminInIsolationStrip).toEqual(['adm', 'off']);
    expect(r.rules.find((x) => x.id === 'qcvn.park.no-admin-in-isolation-strip')).toMatchObject({ status: 'fail', value: 2, featureIds: ['adm', 'off'] });
  });
});

describe('wastewater works safety distance', () => {
  /** An enclosed WWTP of 8,000 m³/day: the table asks 30 m (5,000–50,000 column, standards.md §1). */
  function works(southM: number, extra: Record<string, string | number | boolean> = {}): ParkFeature {
    return {
      id: 'w', kind: 'landuse', landUse: 'technical', subtype: 'wwtp', code: 'HT-01',
      props: { capacityM3PerDay: 8000, enclosedOdourControl: true, ...extra },
      geometry: { type: 'Polygon', coordinates: [box(200, southM, 260, southM + 60)] },
    };
  }
  const admin: ParkFeature = { id: 'adm', kind: 'landuse', landUse: 'admin_services', geometry: { type: 'Polygon', coordinates: [box(200, 200, 260, 260)] } };
  const rule = (r: ReturnType<typeof analyzeScenario>, id: string) => r.rules.find((x) => x.id === id)!;

  it('passes at exactly 30 m from the boundary and fails at 29.9 m', () => {
    const at = analyzeScenario(docOf([boundary, works(30), admin]), undefined, { date: DATE });
    expect(at.wwtp[0]).toMatchObject({ type: 'wwtp_enclosed', capacityM3PerDay: 8000, distanceToBoundaryM: 30 });
    expect(rule(at, 'qcvn.wwtp.safety-distance-boundary')).toMatchObject({ status: 'pass', value: 30, threshold: 30 });
    const near = analyzeScenario(docOf([boundary, works(29.9), admin]), undefined, { date: DATE });
    expect(rule(near, 'qcvn.wwtp.safety-distance-boundary')).toMatchObject({ status: 'fail', value: 29.9, threshold: 30, featureIds: ['w'] });
  });

  it('measures to the administration land use (the gap between them, 200 − 90 = 110 m)', () => {
    const r = analyzeScenario(docOf([boundary, works(30), admin]), undefined, { date: DATE });
    expect(r.wwtp[0].distanceToLandUseM.admin_services).toEqual({ distanceM: 110, featureId: 'adm' });
    expect(rule(r, 'qcvn.wwtp.safety-distance-admin')).toMatchObject({ status: 'pass', value: 110, threshold: 30 });
  });

  it('the type and capacity choose the table cell; a declared type wins', () => {
    // Open biological treatment at 8,000 m³/day: 250 m, so 30 m fails.
    const open = analyzeScenario(docOf([boundary, works(30, { enclosedOdourControl: false })]), undefined, { date: DATE });
    expect(rule(open, 'qcvn.wwtp.safety-distance-boundary')).toMatchObject({ status: 'fail', threshold: 250 });
    // At exactly 5,000 m³/day the higher column applies (the stricter distance): 30 m.
    const edge = analyzeScenario(docOf([boundary, works(30, { capacityM3PerDay: 5000 })]), undefined, { date: DATE });
    expect(rule(edge, 'qcvn.wwtp.safety-distance-boundary').threshold).toBe(30);
    const pump = analyzeScenario(docOf([boundary, works(30, { wwtpType: 'pumping_station', capacityM3PerDay: 100 })]), undefined, { date: DATE });
    expect(rule(pump, 'qcvn.wwtp.safety-distance-boundary')).toMatchObject({ status: 'pass', threshold: 15 });
  });

  it('without a capacity the rule is n/a (no data)', () => {
    const unknown = { ...works(30), props: { enclosedOdourControl: true } } as ParkFeature;
    const r = analyzeScenario(docOf([boundary, unknown]), undefined, { date: DATE });
    expect(rule(r, 'qcvn.wwtp.safety-distance-boundary')).toMatchObject({ status: 'n/a', reason: 'no_data' });
  });
});
