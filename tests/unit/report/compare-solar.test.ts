import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument, Scenario } from '../../../shared/model';
import { readSolarSettings, runSolar, solarInputFromDocument } from '../../../shared/solar';
import { useSolarStore } from '../../../renderer/src/panels/solar/solar-store';
import { comparisonFor, solarFor } from '../../../renderer/src/report/report-data';
import { loadSample } from './helpers';

let doc: ParkDocument;

beforeAll(async () => {
  const sample = await loadSample();
  const a = sample.scenarios[0];
  // B: the same features under another id and name — identical roofs and neighbours.
  const b: Scenario = { id: 'scn-copy', name: 'Copy', features: a.features };
  doc = { ...sample, scenarios: [a, b] };
}, 60_000);

describe('Compare: every scenario on the active scenario’s shading model', () => {
  it('two identical scenarios give identical PV figures, the active one from the Solar panel', () => {
    // The Solar panel's result for the active scenario, as its worker computes it (shading on by default).
    const settings = readSolarSettings(doc.settings);
    expect(settings.shading).toBe(true);
    const panel = runSolar(solarInputFromDocument(doc, settings, null));
    expect(panel.shadingSunPositions).toBeGreaterThan(0);
    // The former mix (the other scenario without neighbour shading) would differ here.
    const unshaded = runSolar(solarInputFromDocument(doc, { ...settings, shading: false }, null, 'scn-copy'));
    expect(Math.abs(unshaded.annualKwh - panel.annualKwh) / 1000).toBeGreaterThan(0.05);
    useSolarStore.getState().set({ status: 'done', result: panel, resultRevision: 3 });
    try {
      expect(solarFor(doc, doc.activeScenarioId, 3).origin).toBe('ui-latest');
      const copy = solarFor(doc, 'scn-copy', 3);
      expect(copy.solar!.shadingSunPositions).toBe(panel.shadingSunPositions);
      const model = comparisonFor(doc, [doc.activeScenarioId, 'scn-copy'], 3, 'en')!;
      for (const key of ['totalKwp', 'annualMwh', 'specificYield']) {
        const kpi = model.kpis.find((k) => k.key === key)!;
        expect(kpi.values[0]).not.toBeNull();
        expect(kpi.values[1]).toBe(kpi.values[0]);
        expect(kpi.deltas[1]).toBe(0);
      }
      // No solar row is highlighted as different.
      const rows = model.kpis.map((k, r) => [k.key, r] as const).filter(([k]) => ['totalKwp', 'annualMwh', 'specificYield'].includes(k));
      for (const [, r] of rows) expect(model.kpiTable.highlight!.some((h) => h.startsWith(`${r}:`))).toBe(false);
    } finally {
      useSolarStore.getState().set({ status: 'idle', result: null, resultRevision: -1 });
    }
  });

  it('shading off in the project: every scenario without it, still identical', () => {
    const off = { ...doc, settings: { ...doc.settings, solar: { ...(doc.settings.solar as object), shading: false } } };
    const model = comparisonFor(off, [off.activeScenarioId, 'scn-copy'], 1, 'en')!;
    const mwh = model.kpis.find((k) => k.key === 'annualMwh')!;
    expect(mwh.values[1]).toBe(mwh.values[0]);
    expect(solarFor(off, 'scn-copy', 1).solar!.shadingSunPositions).toBe(0);
  });
});
