import { describe, expect, it } from 'vitest';
import { generateLayout } from '../../../shared/layout/generate';
import { checkParameters, defaultLayoutParameters } from '../../../shared/layout/parameters';
import { plotCount } from '../../../shared/layout/parcels';
import { seededRandom } from '../../../shared/layout/random';
import { generateVariants, layoutVariantsCommand, variantSpecs } from '../../../shared/layout/variants';
import { applyDocumentCommand } from '../../../shared/model/document-command';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model/document';
import { rotatedRectangle } from './sites';

const RULE_DATE = '2026-06-01';

describe('plot count of a row', () => {
  const p = { plotMinM2: 10_000, plotMaxM2: 50_000, plotTargetM2: 30_000 };
  it('puts the plots nearest the target within the range', () => {
    // 95,000 m²: 2 to 9 plots fit the range; 95,000 / 30,000 = 3.17 → 3 plots of 31,667 m².
    expect(plotCount(95_000, p)).toBe(3);
    // 50,000 m² fits as one plot (at the maximum); 50,000 / 30,000 = 1.67 rounds to 2 of 25,000 m².
    expect(plotCount(50_000, p)).toBe(2);
  });
  it('takes the smaller miss when no count fits a narrow range', () => {
    // 12,000–20,000 m², row of 22,000: 1 plot is 10 % over the maximum (22/20 = 1.1), 2 plots of
    // 11,000 are 9.1 % under the minimum (12/11 = 1.0909): two plots.
    expect(plotCount(22_000, { plotMinM2: 12_000, plotMaxM2: 20_000, plotTargetM2: 16_000 })).toBe(2);
  });
});

describe('parameters', () => {
  it('takes the rule thresholds from the shipped rule sets', () => {
    const p = defaultLayoutParameters();
    // data/rules/qcvn-01-2021-bxd-ip.json: green ≥ 10 %, traffic ≥ 8 %, technical ≥ 1 %, strip ≥ 10 m,
    // density ≤ 70 %, plot green ≥ 20 %; data/rules/eip-decree-35-2022.json: infrastructure ≥ 25 %.
    expect([p.greenShareMin, p.trafficShareMin, p.technicalShareMin, p.isolationStripM, p.plotMaxDensity, p.plotMinGreenRatio, p.infrastructureShareMin]).toEqual([
      0.1, 0.08, 0.01, 10, 0.7, 0.2, 0.25,
    ]);
    expect(checkParameters(p)).toEqual({ ok: true });
  });
  it('refuses what cannot be laid out, with the reason', () => {
    const p = defaultLayoutParameters();
    expect(checkParameters({ ...p, plotMinM2: 60_000 })).toEqual({ ok: false, reason: 'plot_range' });
    expect(checkParameters({ ...p, internalRoadWidthM: 0 })).toEqual({ ok: false, reason: 'road_width' });
    expect(checkParameters({ ...p, greenShareMin: 1.5 })).toEqual({ ok: false, reason: 'share' });
    expect(generateLayout([], p)).toEqual({ ok: false, reason: 'no_boundary' });
  });
});

describe('seeded randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seq = (r: ReturnType<typeof seededRandom>) => [r.next(), r.next(), r.id()];
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first[2]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('variant specs', () => {
  it('tries every bearing with the default blocks first, then other block sizes', () => {
    expect(variantSpecs([10, 40], 4)).toEqual([
      { bearingDeg: 10, depthFactor: 1, lengthFactor: 1 },
      { bearingDeg: 40, depthFactor: 1, lengthFactor: 1 },
      { bearingDeg: 10, depthFactor: 0.8, lengthFactor: 1.25 },
      { bearingDeg: 40, depthFactor: 0.8, lengthFactor: 1.25 },
    ]);
  });
});

describe('a 50 ha site', () => {
  const site = () => rotatedRectangle(800, 625, 30);

  it('is laid out on the grid of its edges, the same for the same seed', { timeout: 300_000 }, () => {
    const p = defaultLayoutParameters();
    const a = generateLayout(site(), p, { ruleDate: RULE_DATE });
    const b = generateLayout(site(), p, { ruleDate: RULE_DATE });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    // The rectangle's edges run at 30° and 120° (rotated 30° clockwise): folded to 30°.
    // The site is built in the geodesic frame and read in the tangent plane: they agree within 0.01°.
    expect(a.layout.bearingDeg).toBeCloseTo(30, 2);
    expect(JSON.stringify(b.layout.features)).toBe(JSON.stringify(a.layout.features));
    const kinds = new Set(a.layout.features.map((f) => (f.kind === 'landuse' ? `${f.landUse}/${f.subtype ?? ''}` : f.kind)));
    for (const k of ['boundary', 'road', 'point', 'green/buffer', 'traffic/road', 'admin_services/administration', 'technical/wwtp']) expect(kinds).toContain(k);
  });

  it('gives variants as new scenarios in one undoable step, the best active', { timeout: 600_000 }, () => {
    const base: ParkDocument = createEmptyDocument('Test park', { now: '2026-01-01T00:00:00.000Z', location: { lon: 106.07, lat: 21.18 } });
    const doc: ParkDocument = { ...base, scenarios: [{ ...base.scenarios[0], features: site() }] };
    const result = generateVariants(doc, doc.activeScenarioId, defaultLayoutParameters(), 2, { ruleDate: RULE_DATE });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.variants.map((v) => v.rank)).toEqual([1, 2]);
    const { command, scenarios } = layoutVariantsCommand(doc, result.variants, { seed: 1 });
    const applied = applyDocumentCommand(doc, command);
    expect(applied.document.scenarios.map((s) => s.name)).toEqual(['A', 'Layout 1', 'Layout 2']);
    expect(applied.document.activeScenarioId).toBe(scenarios[0].scenarioId);
    // Undo is one step back to the very same document.
    expect(applyDocumentCommand(applied.document, applied.inverse).document).toEqual(doc);
  });
});
