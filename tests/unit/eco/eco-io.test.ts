import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { analyzeEco, profileFor, readEcoSettings, searchSectors, sectorLabel, withExchangeDecision } from '../../../shared/eco';
import { documentToGeoJson, geoJsonToDocument } from '../../../shared/io/geojson';
import { readProject, writeProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo } from '../cli/helpers';
import { park } from './eco-park';

const ECO_FIELDS = ['sector', 'sectorScheme', 'tenant', 'employees', 'measuredElectricityMwhPerYear', 'measuredWaterM3PerDay'] as const;
const ecoFieldsOf = (features: readonly object[]) =>
  features.map((f) => Object.fromEntries(ECO_FIELDS.filter((k) => k in f).map((k) => [k, (f as Record<string, unknown>)[k]])));

describe('tenant attributes travel with the project', () => {
  const doc = park({ carbonPriceEurPerT: 90 });
  const expected = ecoFieldsOf(doc.scenarios[0].features);

  it('are saved in and read back from the project file', async () => {
    const SQL = await initSqlJs();
    const read = readProject(SQL, writeProject(SQL, doc));
    if (!read.ok) throw new Error(read.detail);
    expect(ecoFieldsOf(read.document.scenarios[0].features)).toEqual(expected);
    expect(read.document.settings.eco).toEqual({ carbonPriceEurPerT: 90 });
  });

  it('are exported to and imported from GeoJSON as profile properties', () => {
    const json = documentToGeoJson(doc);
    expect(json.features[1].properties).toMatchObject({ sector: '1103', tenant: 'Bia Hà Nội – Bắc Ninh', employees: 300 });
    expect(json.features[3].properties.sectorScheme).toBe('VSIC2018');
    const back = geoJsonToDocument(JSON.parse(JSON.stringify(json)));
    if (!back.ok) throw new Error(back.detail);
    expect(ecoFieldsOf(back.document.scenarios[0].features)).toEqual(expected);
  });

  it('a foreign file with a numeric sector code gets the code as text; a bad scheme stays in props', () => {
    const foreign = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { kind: 'landuse', landUse: 'industrial', sector: 2420, sectorScheme: 'ISIC4' }, geometry: park().scenarios[0].features[0].geometry },
      ],
    };
    const read = geoJsonToDocument(foreign);
    if (!read.ok) throw new Error(read.detail);
    const f = read.document.scenarios[0].features[0];
    expect(f).toMatchObject({ sector: '2420', props: { sectorScheme: 'ISIC4' } });
    expect(read.warnings.join('\n')).toMatch(/sectorScheme = "ISIC4" is not a valid sectorScheme/);
  });
});

describe('sector look-ups', () => {
  it('finds a sector by code or by name in either language, accents ignored', () => {
    expect(searchSectors('1103').map((e) => e.code)).toEqual(['1103']);
    expect(searchSectors('bia').map((e) => e.code)).toContain('1103');
    expect(searchSectors('malt liquors').map((e) => e.code)).toEqual(['1103']);
    expect(searchSectors('san xuat phan bon').map((e) => e.code)).toContain('2012');
  });
  it('names a code, or its nearest listed parent', () => {
    expect(sectorLabel('2012', 'VSIC2025', 'vi')).toBe('2012 Sản xuất phân bón và hợp chất ni tơ');
    expect(sectorLabel('10799', 'VSIC2025', 'en')).toBe('10799 (10 Manufacture of food products)');
    expect(profileFor('10799').id).toBe('food');
    expect(profileFor('4100').id).toBe('general');
  });
});

describe('eco settings', () => {
  it('invalid settings fall back to the defaults, with the reason', () => {
    const read = readEcoSettings({ settings: { eco: { carbonPriceEurPerT: -5 } } });
    expect(read.ok).toBe(false);
    expect(read.settings.carbonPriceEurPerT).toBe(75);
  });
  it('a decision replaces the earlier one on the same exchange', () => {
    const once = withExchangeDecision({}, { fromPlotId: 'a', toPlotId: 'b', resource: 'slag', status: 'accepted' });
    const twice = withExchangeDecision(once, { fromPlotId: 'a', toPlotId: 'b', resource: 'slag', status: 'rejected', quantity: 5 });
    expect(twice.exchanges).toEqual([{ fromPlotId: 'a', toPlotId: 'b', resource: 'slag', status: 'rejected', quantity: 5 }]);
  });
  it('an edited grid factor without a year shows no year', () => {
    const r = analyzeEco(park({ gridEmissionFactorTPerMwh: 0.7 }));
    expect(r.carbon).toMatchObject({ gridEmissionFactorTPerMwh: 0.7, gridEmissionFactorYear: null });
  });
});

describe('ecopark eco', () => {
  it('prints the JSON shape of the issue', async () => {
    const SQL = await initSqlJs();
    const { io, out, err } = memoryIo({ 'park.gpkg': writeProject(SQL, park({ exchanges: [{ fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain', status: 'accepted' }] })) });
    expect(await run(['eco', 'park.gpkg', '--json', '--no-pv'], io, CONTEXT)).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join('\n'));
    expect(Object.keys(json)).toEqual(['plots', 'totals', 'carbon', 'symbiosis', 'criteria']);
    expect(Object.keys(json.plots[0])).toEqual(['id', 'code', 'sector', 'electricityMwhPerYear', 'waterM3PerDay', 'wastewaterM3PerDay', 'solidWasteTPerYear', 'scope1T', 'scope2T', 'cbam']);
    expect(Object.keys(json.totals)).toEqual(['electricityMwhPerYear', 'rooftopPvMwhPerYear', 'selfConsumedMwhPerYear', 'waterM3PerDay', 'wastewaterM3PerDay', 'solidWasteTPerYear']);
    expect(Object.keys(json.symbiosis[0])).toEqual(['fromPlotId', 'toPlotId', 'resource', 'quantity', 'unit', 'distanceM', 'distanceAlongRoads', 'status']);
    expect(Object.keys(json.criteria[0])).toEqual(['id', 'status', 'value', 'threshold', 'citation']);
    // Hand figures of eco-park.test.ts, rounded as printed: 41 750.126 MWh → 41 750.1; 27 521.683 t → 27 521.68.
    expect(json.totals.electricityMwhPerYear).toBe(41750.1);
    expect(json.carbon).toEqual({ gridEmissionFactorTPerMwh: 0.6592, scope2T: 27521.68, avoidedByPvT: 0 });
    expect(json.plots[0]).toMatchObject({ id: 'al', sector: '2420', cbam: { sector: 'aluminium', embeddedT: 3874.44, costEur: 290582.67 } });
    expect(json.symbiosis.find((e: { status: string }) => e.status === 'accepted')).toEqual({
      fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain', quantity: 9202.93, unit: 't', distanceM: 311.7, distanceAlongRoads: false, status: 'accepted',
    });
  });

  it('prints a readable summary in Vietnamese', async () => {
    const SQL = await initSqlJs();
    const { io, out } = memoryIo({ 'park.gpkg': writeProject(SQL, park()) });
    expect(await run(['eco', 'park.gpkg', '--no-pv', '--lang', 'vi'], io, CONTEXT)).toBe(0);
    const text = out.join('\n');
    // 669.468 m³/day against a 500 m³/day WWTP.
    expect(text).toContain('Nước thải:');
    expect(text).toContain('669 m³/ngày — công suất trạm xử lý 500 m³/ngày không đủ');
    expect(text).toContain('CBAM: Aluminium — 2420 Sản xuất kim loại quý và kim loại màu, phát thải hàm chứa 3.874 tấn/năm');
  });

  it('refuses a second file', async () => {
    const { io, err } = memoryIo();
    expect(await run(['eco', 'a.gpkg', 'b.gpkg'], io, CONTEXT)).toBe(2);
    expect(err[0]).toMatch(/^ecopark: eco takes one project file/);
  });
});
