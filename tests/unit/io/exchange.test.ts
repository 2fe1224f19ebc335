import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../shared/io/apply-mapping';
import { EXCHANGE_FORMATS, exportDocument, FORMAT_EXTENSIONS, formatFromFileName, IMPORT_FORMATS, importFile } from '../../../shared/io/exchange';
import { describeExportNote, describeExportNotes, EXPORT_NOTE_CODES, type ExportNote } from '../../../shared/io/export-notes';
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
    // Phương án B (sample-document.ts): one boundary b1, one land-use polygon l1.
    expect(out.summary).toEqual({ scenarios: 1, features: 2, kinds: [{ kind: 'boundary', count: 1 }, { kind: 'landuse', count: 1 }] });
  });

  it('refuses tables as input and unknown CRS codes as output with reason codes', () => {
    expect(importFile(new Uint8Array([1]), 'a.xlsx')).toMatchObject({ ok: false, reason: 'unsupported_format' });
    expect(importFile(new Uint8Array([1]), 'a.csv')).toMatchObject({ ok: false, reason: 'unsupported_format' });
    expect(exportDocument(doc, 'dxf', { crs: 'EPSG:2154' })).toMatchObject({ ok: false, reason: 'unsupported_crs' });
    const kml = exportDocument(doc, 'kml', { crs: 'VN2000:105.5' });
    expect(kml.ok && kml.notes).toEqual([{ code: 'crs_not_applied', format: '.kml', crs: 'VN2000:105.5' }]);
    expect(kml.ok && describeExportNote(kml.notes[0], 'vi')).toBe('Tệp .kml luôn được ghi theo WGS 84 (EPSG:4326); hệ tọa độ VN2000:105.5 chỉ áp dụng cho .shp.zip và .dxf.');
  });

  it('a name longer than its .dbf column is cut, and the export says so in the user’s language', () => {
    // 100 × "Đường " = 600 characters, 1,000 UTF-8 bytes ("Đ" and "ư" take 2 bytes, "ờ" 3, "ng " 3): over the 254-byte name column.
    const long = 'Đường '.repeat(100);
    expect(new TextEncoder().encode(long).length).toBe(1000);
    const scenario = doc.scenarios[0];
    const named = { ...doc, scenarios: [{ ...scenario, features: scenario.features.map((f) => (f.kind === 'road' ? { ...f, name: long } : f)) }, ...doc.scenarios.slice(1)] };
    const roads = scenario.features.filter((f) => f.kind === 'road').length;
    const out = exportDocument(named, 'shp', { scenarioId: 's-a' });
    if (!out.ok) throw new Error(out.detail);
    const cut = out.notes.filter((n) => n.code === 'value_cut');
    expect(cut).toHaveLength(roads);
    expect(cut[0]).toMatchObject({ code: 'value_cut', row: 1, field: 'name', maxBytes: 254 });
    expect(describeExportNote(cut[0], 'vi')).toMatch(/^[\w-]+_lines\.dbf, dòng 1: giá trị của trường name dài hơn 254 byte nên bị cắt bớt\.$/);
    expect(describeExportNotes([...cut, ...cut, ...cut], 'vi', 2)).toMatch(/ … và [0-9.]+ ghi chú khác\.$/);
  });
});

describe('export notes', () => {
  it('every code is a sentence in both languages', () => {
    const notes: ExportNote[] = [
      { code: 'crs_not_applied', format: '.geojson', crs: 'EPSG:9210' },
      { code: 'value_cut', file: 'park_polygons.dbf', row: 1200, field: 'props', maxBytes: 254 },
    ];
    expect(new Set(notes.map((n) => n.code))).toEqual(new Set(EXPORT_NOTE_CODES));
    for (const note of notes) {
      const en = describeExportNote(note, 'en');
      const vi = describeExportNote(note, 'vi');
      expect(vi).not.toBe(en);
      expect(vi).toMatch(/[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/);
      expect(en).toMatch(/^\S.*\.$/);
    }
    // Row numbers in the reader's notation.
    expect(describeExportNote(notes[1], 'vi')).toContain('dòng 1.200');
    expect(describeExportNote(notes[1], 'en')).toContain('row 1,200');
  });
});
