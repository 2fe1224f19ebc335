import { beforeAll, describe, expect, it } from 'vitest';
import type { ParkDocument, Scenario } from '../../../shared/model';
import { buildReportModel, compareScenarios, renderReportPdf, type ComparisonModel } from '../../../shared/report';
import { readSolarSettings, runSolar, solarInputFromDocument } from '../../../shared/solar';
import { GREEN_M2, loadSample, NOW, PARK_M2, pdfText, reportFonts } from './helpers';

let doc: ParkDocument;
let cmp: ComparisonModel;
const DATE = NOW.slice(0, 10);

/** Scenario B: every green land use re-coded as "other"; C: B without buildings. */
function withVariants(base: ParkDocument): ParkDocument {
  const a = base.scenarios[0];
  const b: Scenario = { id: 'scn-b', name: 'B — no green', features: a.features.map((f) => (f.kind === 'landuse' && f.landUse === 'green' ? { ...f, landUse: 'other' as const } : f)) };
  const c: Scenario = { id: 'scn-c', name: 'C — no roofs', features: b.features.filter((f) => f.kind !== 'building') };
  return { ...base, scenarios: [a, b, c] };
}

beforeAll(async () => {
  doc = withVariants(await loadSample());
  const settings = readSolarSettings(doc.settings);
  const solar = Object.fromEntries(doc.scenarios.map((s) => [s.id, runSolar(solarInputFromDocument(doc, settings, null, s.id))]));
  cmp = compareScenarios(doc, doc.scenarios.map((s) => s.id), { lang: 'en', date: DATE, solar });
}, 60_000);

const kpi = (key: string) => cmp.kpis.find((k) => k.key === key)!;

describe('compareScenarios', () => {
  it('takes 2 to 4 scenarios', () => {
    expect(() => compareScenarios(doc, [doc.scenarios[0].id], { lang: 'en', date: DATE })).toThrow(/2–4/);
    expect(() => compareScenarios(doc, ['x', 'y'], { lang: 'en', date: DATE })).toThrow(/no scenario x/);
  });

  it('gives each KPI per scenario and its difference against the first, from independent areas', () => {
    expect(cmp.scenarios.map((s) => s.name)).toEqual(['Phương án A', 'B — no green', 'C — no roofs']);
    const greenShare = (100 * GREEN_M2) / PARK_M2;
    expect(kpi('parkAreaHa').values[1]).toBeCloseTo(PARK_M2 / 10_000, 6);
    expect(kpi('parkAreaHa').deltas).toEqual([0, 0, 0]);
    expect(kpi('share.green').values[0]).toBeCloseTo(greenShare, 7);
    expect(kpi('share.green').values[1]).toBe(0);
    expect(kpi('share.green').deltas[1]).toBeCloseTo(-greenShare, 7);
    expect(kpi('share.other').deltas[1]).toBeCloseTo(greenShare, 7);
    expect(kpi('greenSpaceRatio').deltas[2]).toBeCloseTo(-greenShare, 7);
    expect(kpi('plotCount').values).toEqual([45, 45, 45]);
    expect(kpi('meanDensity').values[2]).toBe(0);
    expect(kpi('totalKwp').values[2]).toBe(0);
    expect(kpi('totalKwp').values[1]).toBeCloseTo(kpi('totalKwp').values[0]!, 9);
    expect(kpi('annualMwh').deltas[2]).toBeCloseTo(-kpi('annualMwh').values[0]!, 9);
  });

  it('highlights the changed values and deltas only', () => {
    const t = cmp.kpiTable;
    expect(t.columns.map((c) => c.header)).toEqual(['Indicator', 'Unit', 'Phương án A', 'B — no green', 'C — no roofs', 'Δ B — no green', 'Δ C — no roofs']);
    const row = cmp.kpis.findIndex((k) => k.key === 'share.green');
    expect(t.highlight).toEqual(expect.arrayContaining([`${row}:3`, `${row}:5`, `${row}:4`, `${row}:6`]));
    const area = cmp.kpis.findIndex((k) => k.key === 'parkAreaHa');
    expect(t.highlight!.filter((h) => h.startsWith(`${area}:`))).toEqual([]);
  });

  it('grids every rule status per scenario: park green passes in A and fails without green', () => {
    const green = cmp.rules.find((r) => r.id === 'qcvn.park.green-min')!;
    expect(green.statuses).toEqual(['pass', 'fail', 'fail']);
    const row = cmp.rules.indexOf(green);
    expect(cmp.ruleTable.highlight).toEqual(expect.arrayContaining([`${row}:3`, `${row}:4`]));
    expect(cmp.ruleTable.rows[row][2]).toEqual({ t: 'status', v: 'pass' });
    expect(kpi('rulesFail').deltas[1]).toBeGreaterThanOrEqual(1);
    expect(cmp.maps).toHaveLength(3);
    expect(cmp.maps[2].primitives.length).toBeLessThan(cmp.maps[1].primitives.length);
  });

  it('adds a comparison section to the PDF', async () => {
    const model = buildReportModel(doc, doc.scenarios[0].id, { lang: 'en', now: NOW, toolVersion: '9.9.9' });
    model.comparison = cmp;
    const text = pdfText(await renderReportPdf(model, reportFonts()));
    expect(text).toContain('Scenario comparison');
    expect(text).toContain('Rule status by scenario');
    expect(text).toContain('C — no roofs');
    expect(text).toContain('Rules failed');
    expect(text).toContain('Share: Green space');
  }, 60_000);
});
