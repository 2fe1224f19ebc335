import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../shared/io/apply-mapping';
import { EXCHANGE_FORMATS, exportDocument, FORMAT_EXTENSIONS, formatFromFileName, IMPORT_FORMATS, importFile } from '../../../shared/io/exchange';
import { readProject } from '../../../shared/project-file';
import { loadSqlJs } from '../../helpers/sqljs';
import { sampleDocument } from '../project-file/sample-document';

const SQL = await loadSqlJs();
const doc = { ...sampleDocument(), activeScenarioId: 's-a' };

describe('exchange dispatcher', () => {
  it('knows every format by extension, .zip as Shapefile and .json as GeoJSON', () => {
    for (const f of EXCHANGE_FORMATS) expect(formatFromFileName(`Park${FORMAT_EXTENSIONS[f].toUpperCase()}`)).toBe(f);
    expect(formatFromFileName('a.zip')).toBe('shp');
    expect(formatFromFileName('a.json')).toBe('geojson');
    expect(formatFromFileName('a.dwg')).toBeUndefined();
  });

  for (const format of IMPORT_FORMATS) {
    it(`round trips scenario A through ${format}: the same number of features of each kind`, () => {
      const crs = format === 'dxf' || format === 'shp' ? 'VN2000:105.75' : undefined;
      const out = exportDocument(doc, format, { crs, scenarioId: 's-a', SQL });
      if (!out.ok) throw new Error(out.detail);
      const back = importFile(out.bytes, `park${FORMAT_EXTENSIONS[format]}`, { crs, SQL });
      if (!back.ok) throw new Error(back.detail);
      const { features } = applyMapping(back.layers, { layers: {} });
      const kinds = (list: { kind: string }[]) => list.map((f) => f.kind).sort();
      const source = doc.scenarios[0].features;
      // DXF writes each ring (holes, multipolygon parts) as its own polyline and carries no kinds beyond its layers.
      if (format === 'dxf') expect(features.length).toBe(12);
      else expect(kinds(features)).toEqual(kinds(source));
    });
  }

  it('GeoPackage export of one scenario is a project file with that scenario only', () => {
    const out = exportDocument(doc, 'gpkg', { scenarioId: 's-b', SQL });
    if (!out.ok) throw new Error(out.detail);
    const read = readProject(SQL, out.bytes);
    if (!read.ok) throw new Error(read.detail);
    expect(read.document.scenarios.map((s) => s.name)).toEqual(['Phương án B']);
    expect(read.document.activeScenarioId).toBe('s-b');
    expect(out.summary).toBe('1 scenario, 2 features');
  });

  it('refuses tables as input and unknown CRS codes as output with reason codes', () => {
    expect(importFile(new Uint8Array([1]), 'a.xlsx')).toMatchObject({ ok: false, reason: 'unsupported_format' });
    expect(importFile(new Uint8Array([1]), 'a.csv')).toMatchObject({ ok: false, reason: 'unsupported_format' });
    expect(exportDocument(doc, 'dxf', { crs: 'EPSG:2154' })).toMatchObject({ ok: false, reason: 'unsupported_crs' });
    const kml = exportDocument(doc, 'kml', { crs: 'VN2000:105.5' });
    expect(kml.ok && kml.warnings[0]).toMatch(/always written in WGS 84/);
  });
});
