import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeScenario, citationIn } from '../../../shared/analysis';
import { landUseLabel, type ParkDocument } from '../../../shared/model';
import { formatNumber } from '../../../shared/format';
import { buildReportModel, gridStepDeg, roundScaleLengthM, type ReportCell, type ReportModel } from '../../../shared/report';
import { readSolarSettings, runSolar, solarInputFromDocument, type ParkSolarResult } from '../../../shared/solar';
import { GREEN_M2, INDUSTRIAL_M2, loadSample, NOW, PARK_M2, PARK_NAME } from './helpers';

const numOf = (c: ReportCell): number => (c.t === 'num' && c.v !== null ? c.v : NaN);
const textOf = (c: ReportCell) => (c.t === 'text' ? c.v : c.t === 'status' ? c.v : String(c.v));

let doc: ParkDocument;
let solar: ParkSolarResult;
let en: ReportModel;
let vi: ReportModel;

beforeAll(async () => {
  doc = await loadSample();
  solar = runSolar(solarInputFromDocument(doc, readSolarSettings(doc.settings)));
  en = buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '9.9.9', solar });
  vi = buildReportModel(doc, doc.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '9.9.9', solar, solarOrigin: 'ui-unshaded' });
});

describe('map helpers', () => {
  it('picks a round scale-bar length near a quarter of the width', () => {
    expect(roundScaleLengthM(1900)).toBe(200);
    expect(roundScaleLengthM(2400)).toBe(500);
    expect(roundScaleLengthM(45_000)).toBe(10_000);
  });
  it('picks a degree step that gives at most six grid lines', () => {
    expect(gridStepDeg(0.025)).toEqual({ step: 0.005, digits: 3 });
    expect(gridStepDeg(0.5)).toEqual({ step: 0.1, digits: 1 });
    expect(gridStepDeg(0.3)).toEqual({ step: 0.05, digits: 2 });
    expect(gridStepDeg(0.011).step).toBe(0.002);
  });
});

describe('buildReportModel on the sample', () => {
  it('fills the title block from the project and the options', () => {
    expect(en.meta).toMatchObject({ parkName: PARK_NAME, province: 'Bắc Ninh', scenarioName: 'Phương án A', date: '2026-02-01', toolVersion: '9.9.9', author: 'EcoPark Planner sample generator' });
    expect(vi.meta.title).toBe('Báo cáo khu đất');
  });

  it('has the land-use table in m², ha and % matching the geodesic reference areas', () => {
    const t = en.landUseTable;
    const total = t.rows[t.rows.length - 1];
    expect(numOf(total[1])).toBeCloseTo(PARK_M2, 2);
    expect(numOf(total[2])).toBeCloseTo(PARK_M2 / 10_000, 6);
    expect(numOf(total[3])).toBe(100);
    const industrial = t.rows.find((r) => textOf(r[0]).startsWith('Industrial'))!;
    expect(numOf(industrial[1])).toBeCloseTo(INDUSTRIAL_M2, 2);
    expect(numOf(industrial[3])).toBeCloseTo((100 * INDUSTRIAL_M2) / PARK_M2, 7);
    const green = vi.landUseTable.rows.find((r) => textOf(r[0]) === landUseLabel('green', 'vi'))!;
    expect(numOf(green[1])).toBeCloseTo(GREEN_M2, 2);
    // The rows (without the total) add up to the park: the structure sums to 100 %.
    const sum = t.rows.slice(0, -1).reduce((a, r) => a + numOf(r[3]), 0);
    expect(sum).toBeCloseTo(100, 6);
    expect(en.landUseChart.bars.find((b) => b.label.startsWith('Industrial'))!.colour).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('lists every rule with value, threshold, status and citation', () => {
    const a = analyzeScenario(doc, doc.activeScenarioId, { date: '2026-02-01' });
    const rows = en.complianceTable.rows;
    expect(rows.map((r) => textOf(r[0]))).toEqual(a.rules.map((r) => r.id));
    for (const [i, r] of a.rules.entries()) {
      const row = rows[i];
      expect(row[6]).toEqual({ t: 'status', v: r.status });
      expect(textOf(row[7])).toContain(citationIn(r.citation, 'en').document);
      if (r.unit === 'ratio' && r.value !== null) expect(numOf(row[2])).toBeCloseTo(r.value * 100, 9);
      if (r.unit === 'm' && r.threshold !== null) expect(numOf(row[4])).toBe(r.threshold);
    }
    const green = rows.find((r) => textOf(r[0]) === 'qcvn.park.green-min')!;
    expect(numOf(green[2])).toBeCloseTo((100 * GREEN_M2) / PARK_M2, 7);
    expect(numOf(green[4])).toBeCloseTo(10, 9);
    expect(en.ruleCounts.pass + en.ruleCounts.fail + en.ruleCounts.warn + en.ruleCounts['n/a']).toBe(a.rules.length);
  });

  it('has one plot-schedule row per industrial plot', () => {
    expect(en.plotTable.rows).toHaveLength(45);
    const first = en.plotTable.rows[0];
    expect(numOf(first[4])).toBeCloseTo((100 * numOf(first[3])) / numOf(first[2]), 6);
  });

  it('carries the solar totals, a twelve-month chart and one row per roof plus the total', () => {
    const s = en.solar!;
    expect(s.monthlyChart.bars).toHaveLength(12);
    expect(s.monthlyChart.bars.reduce((a, b) => a + b.value, 0)).toBeCloseTo(solar.annualKwh / 1000, 6);
    expect(s.buildingTable.rows).toHaveLength(solar.buildings.length + 1);
    const total = s.buildingTable.rows[s.buildingTable.rows.length - 1];
    expect(numOf(total[3])).toBeCloseTo(solar.buildings.reduce((a, b) => a + b.kwp, 0), 6);
    expect(numOf(total[4])).toBeCloseTo(solar.buildings.reduce((a, b) => a + b.annualKwh, 0), 3);
    expect(en.summary.map((kv) => kv.value)).toContain(`${formatNumber('en', solar.totalKwp, 1)} kWp`);
  });

  it('states the methods: area method, rule sets with versions, weather and where solar came from', () => {
    const text = en.methods.map((m) => `${m.label}: ${m.value}`).join('\n');
    expect(text).toMatch(/WGS84 ellipsoid/);
    expect(text).toMatch(/qcvn-01-2021-bxd-ip v/);
    expect(text).toContain(solar.weatherSource);
    expect(text).toMatch(/computed for this report/);
    expect(vi.methods.map((m) => m.value).join('\n')).toMatch(/không tính che bóng lân cận/);
  });

  it('draws the map from every feature in a north-up metric frame with ticks inside the extent', () => {
    const f = en.map;
    const features = doc.scenarios[0].features;
    const drawn = f.primitives.filter((p) => p.type !== 'outline').length;
    // Boundary fill + each land use, road, building and point (single-part geometries).
    expect(drawn).toBeGreaterThanOrEqual(features.length);
    expect(f.maxX - f.minX).toBeGreaterThan(1000);
    for (const t of f.lonTicks) expect(t.posM).toBeGreaterThanOrEqual(f.minX);
    for (const t of f.latTicks) expect(t.posM).toBeLessThanOrEqual(f.maxY);
    expect(f.lonTicks.length).toBeGreaterThanOrEqual(2);
    expect(f.lonTicks[0].label).toMatch(/°E$/);
    expect(f.latTicks[0].label).toMatch(/°N$/);
    expect(f.scaleBarM).toBe(roundScaleLengthM(f.maxX - f.minX));
    expect(f.legend.map((l) => l.label)).toEqual(expect.arrayContaining(['Park boundary', 'Building', 'Road corridor']));
  });

  it('reports a scenario without solar as such', () => {
    const m = buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '1' });
    expect(m.solar).toBeNull();
    expect(m.methods.some((x) => x.label === 'Solar model')).toBe(false);
  });
});

describe('citations in the reader\'s language', () => {
  it('the Vietnamese report cites in Vietnamese where the data gives both, and keeps document numbers', () => {
    const cells = vi.complianceTable.rows.map((row) => textOf(row[7]));
    // qcvn.park.green-min cites Circular 35/2015 with words in both languages.
    expect(cells.some((c) => c.includes('Thông tư 35/2015/TT-BTNMT (cây xanh ≥ 10 % diện tích khu công nghiệp)'))).toBe(true);
    expect(cells.join(' ')).not.toContain('as summarised');
    expect(en.complianceTable.rows.map((row) => textOf(row[7])).join(' ')).toContain('QCVN 01:2019/BXD (as summarised)');
  });
});
