import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RooftopPv } from '../../../shared/eco';
import type { ParkDocument } from '../../../shared/model';
import { buildReportModel, compareScenarios, renderReportPdf, renderReportXlsx, type ReportModel } from '../../../shared/report';
import { park } from '../eco/eco-park';
import { NOW, pdfText, reportFonts, tempDir } from './helpers';

// The issue-16 park of tests/unit/eco/eco-park.ts: five plots of A = 4.6014674924 ha each
// (python3-geographiclib, Geodesic.WGS84.Polygon), sectors aluminium 2420, brewery 1103
// (measured 10 000 MWh/year), fertiliser 2012, furniture 3101, garments 1410, WWTP 500 m³/day;
// grid factor 0.6592 t/MWh (2023); intensities per ha from data/eco/sector-intensities.json.
// Hand figures (python3, A as above):
//   electricity 6 900 × A + 10 000 = 41 750.126 MWh/year; scope 2 without PV × 0.6592 = 27 521.683 t
//   CBAM aluminium 842 × A = 3 874.436 t, × 75 EUR = 290 582.67 EUR
//   CBAM fertiliser 187 × A + 800 × A × 0.6592 = 3 287.104 t, × 75 = 246 532.82 EUR; sum 537 115.50 EUR
//   wastewater 145.49 × A = 669.468 m³/day; 500 ÷ 669.468 = 74.686 %
//   spent grain brewery → fertiliser 2 000 × A = 9 202.935 t, 311.7 m apart

const ACCEPTED = { exchanges: [{ fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain', status: 'accepted' as const }] };

/** 1 000 kW for 12 h of every day: 4 380 MWh/year, always below the flat demand (4 766 kW), all used on site. */
const PV: RooftopPv = {
  annualKwh: 4_380_000,
  totalKwp: 1500,
  hourlyAcKw: Array.from({ length: 8760 }, (_, h) => (h % 24 >= 6 && h % 24 < 18 ? 1000 : 0)),
  weight: new Array(8760).fill(1),
  exportCapFraction: 0.2,
};

let doc: ParkDocument;
let en: ReportModel;
let enPv: ReportModel;
let vi: ReportModel;

beforeAll(() => {
  doc = park(ACCEPTED);
  en = buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '9.9.9' });
  enPv = buildReportModel(doc, doc.activeScenarioId, { lang: 'en', now: NOW, toolVersion: '9.9.9', ecoPv: PV });
  vi = buildReportModel(doc, doc.activeScenarioId, { lang: 'vi', now: NOW, toolVersion: '9.9.9' });
});

describe('issue 16: the eco chapter of the site report', () => {
  it('prints the balances, carbon, CBAM, symbiosis and criteria in the PDF', async () => {
    const text = pdfText(await renderReportPdf(en, reportFonts()));
    expect(text).toContain('Eco performance');
    expect(text).toMatch(/Electricity demand\s+41,750\.1\s+MWh\/year/);
    expect(text).toContain('0.6592 tCO₂/MWh (2023;');
    expect(text).toContain('27,522 tCO₂/year');
    expect(text).toContain('537,115 EUR/year');
    // Aluminium row: embedded 3 874 t, cost 290 583 EUR; fertiliser 3 287 t, 246 533 EUR.
    expect(text).toMatch(/3,874\s+290,583/);
    expect(text).toMatch(/3,287\s+246,533/);
    expect(text).toMatch(/WWTP capacity ÷ wastewater\s+74\.7\s+%/);
    expect(text).toMatch(/Brewery\s+Fertiliser/);
    expect(text).toContain('9,203');
    expect(text).toContain('312');
    expect(text).toContain('accepted');
    expect(text).toContain('Decree 35/2022/ND-CP');
    expect(text).toContain('rooftop PV not counted');
  });

  it('counts rooftop PV hour by hour when given', async () => {
    const text = pdfText(await renderReportPdf(enPv, reportFonts()));
    // 4 380 MWh all self-consumed; 4 380 ÷ 41 750.126 = 10.491 %; grid 37 370.126 × 0.6592 = 24 634 t; avoided 4 380 × 0.6592 = 2 887 t.
    expect(text).toMatch(/PV used on site \(hourly\)\s+4,380\.0/);
    expect(text).toMatch(/share of demand\s+10\.5\s+%/);
    expect(text).toContain('24,634 tCO₂/year');
    expect(text).toContain('2,887 tCO₂/year');
  });

  it('is in Vietnamese with diacritics', async () => {
    const text = pdfText(await renderReportPdf(vi, reportFonts()));
    expect(text).toContain('Hiệu quả sinh thái');
    expect(text).toContain('Cộng sinh công nghiệp');
    expect(text).toMatch(/Nhu cầu điện\s+41\.750,1\s+MWh\/năm/);
    expect(text).toContain('đã chấp nhận');
  });

  it('is one sheet of the XLSX, read by GDAL', () => {
    const dir = tempDir();
    const file = join(dir, 'r.xlsx');
    writeFileSync(file, renderReportXlsx(en));
    const layers = execFileSync('ogrinfo', ['-ro', '-so', '-oo', 'HEADERS=FORCE', file], { encoding: 'utf8' });
    expect(layers).toMatch(/^\d+: eco \(None\)$/m);
    const json = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-oo', 'HEADERS=FORCE', '-oo', 'FIELD_TYPES=STRING', file, 'eco'], { encoding: 'utf8' })) as { features: { properties: Record<string, string | null> }[] };
    const rows = json.features.map((f) => Object.values(f.properties));
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(Number(find('Electricity demand')?.[1])).toBeCloseTo(41750.126, 3);
    expect(Number(find('WWTP capacity ÷ wastewater')?.[1])).toBeCloseTo(74.686, 3);
    const al = find('Aluminium')!;
    expect(al[6]).toBe('aluminium');
    expect(Number(al[7])).toBeCloseTo(3874.436, 3);
    expect(Number(al[8])).toBeCloseTo(290582.672, 3);
    const grain = rows.find((r) => r[0] === 'Brewery' && r[1] === 'Fertiliser')!;
    expect(Number(grain[3])).toBeCloseTo(9202.935, 3);
    expect(Number(grain[5])).toBeCloseTo(311.7009, 3);
    // The test park has no roads: the straight line, said so in the Route column.
    expect(grain[6]).toBe('straight line');
    expect(grain[7]).toBe('accepted');
    expect(rows.some((r) => r.includes('Decree 35/2022/ND-CP, Art. 37(1)(b) (wastewater treatment service)'))).toBe(true);
  });
});

describe('issue 16: eco figures per scenario in Compare', () => {
  it('adds electricity demand, PV share, scope 2, CBAM plots and accepted exchanges', () => {
    const d = park(ACCEPTED);
    const base = d.scenarios[0];
    d.scenarios.push({ ...base, id: 'no-al', name: 'Without aluminium', features: base.features.filter((f) => f.id !== 'al') });
    const cmp = compareScenarios(d, [base.id, 'no-al'], { lang: 'en', date: NOW.slice(0, 10) });
    const kpi = (key: string) => cmp.kpis.find((k) => k.key === key)!;
    // Without the aluminium plot: 41 750.126 − 5 000 × A = 18 742.788 MWh; × 0.6592 = 12 355.246 t.
    expect(kpi('eco.electricity').values[0]).toBeCloseTo(41750.126, 3);
    expect(kpi('eco.electricity').values[1]).toBeCloseTo(18742.788, 3);
    expect(kpi('eco.scope2').values[1]).toBeCloseTo(12355.246, 3);
    expect(kpi('eco.scope2').deltas[1]).toBeCloseTo(12355.246 - 27521.683, 2);
    expect(kpi('eco.cbamPlots').values).toEqual([2, 1]);
    expect(kpi('eco.acceptedExchanges').values).toEqual([1, 1]);
    // No solar result: the PV share is unknown, not 0 %.
    expect(kpi('eco.pvSelfShare').values).toEqual([null, null]);
    const labels = cmp.kpiTable.rows.map((r) => (r[0].t === 'text' ? r[0].v : ''));
    expect(labels).toEqual(expect.arrayContaining(['Electricity demand', 'Scope 2', 'Plots in the CBAM scope', 'Accepted symbiosis exchanges']));
  });
});
