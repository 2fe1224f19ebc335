import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../shared/io/exchange';
import { parseCrsCode } from '../../../shared/io/crs/crs';
import { describeImportRefusal, IMPORT_REFUSAL_CODES, REFUSAL_REASONS, type FileRefusal, type ImportRefusal, type ImportRefusalCode } from '../../../shared/io/import-refusals';
import { importFailure, type ImportResult } from '../../../shared/io/imported-layer';
import { exportShapefileZip } from '../../../shared/io/shapefile-write';
import { nested, patched, storedEntry, utf8, writeZip } from '../../hostile/bytes';
import { sampleExport } from './exchange-helpers';

/** One refusal of every code, with parameters a sentence must carry. */
const SAMPLES: Record<ImportRefusalCode, ImportRefusal> = {
  geopackage_needs_sql: { code: 'geopackage_needs_sql' },
  table_not_importable: { code: 'table_not_importable', file: 'lô đất.csv' },
  unknown_file_type: { code: 'unknown_file_type', file: 'plan.pdf' },
  not_json: { code: 'not_json', technical: 'Unexpected token x' },
  not_geojson: { code: 'not_geojson' },
  unknown_crs: { code: 'unknown_crs', crs: 'EPSG:9999' },
  geojson_no_features: { code: 'geojson_no_features' },
  kml_not_xml: { code: 'kml_not_xml', technical: 'element <x> is not closed' },
  kml_no_root: { code: 'kml_no_root' },
  kml_no_placemarks: { code: 'kml_no_placemarks' },
  kmz_no_kml: { code: 'kmz_no_kml' },
  not_zip: { code: 'not_zip' },
  zip_damaged: { code: 'zip_damaged', technical: 'bad CRC' },
  zip_no_shp: { code: 'zip_no_shp' },
  shp_damaged: { code: 'shp_damaged', file: 'park_polygons.shp', technical: 'record 1' },
  prj_unknown: { code: 'prj_unknown', layer: 'park_polygons' },
  prj_missing: { code: 'prj_missing', layer: 'park_polygons', guess: 'VN2000:105.5' },
  dxf_not_ascii: { code: 'dxf_not_ascii' },
  dxf_no_entities: { code: 'dxf_no_entities' },
  dxf_nothing_importable: { code: 'dxf_nothing_importable', incomplete: 2, ignored: [{ type: 'HATCH', count: 1234 }] },
  dxf_no_closed_polylines: { code: 'dxf_no_closed_polylines', found: [{ type: 'LINE', count: 3 }] },
  dxf_crs_required: { code: 'dxf_crs_required', box: [556925.3, 2339658.2, 557325.3, 2339958.2], guess: 'EPSG:9209' },
  gpkg_not_sqlite: { code: 'gpkg_not_sqlite', technical: 'the file is empty' },
  gpkg_not_geopackage: { code: 'gpkg_not_geopackage' },
  gpkg_unknown_srs: { code: 'gpkg_unknown_srs', layer: 'plots', srsId: '31287' },
  gpkg_bad_geometry: { code: 'gpkg_bad_geometry', layer: 'plots', fid: '17', technical: 'bad header' },
  gpkg_no_layers: { code: 'gpkg_no_layers' },
  gpkg_unreadable: { code: 'gpkg_unreadable', technical: 'database disk image is malformed' },
  limit_exceeded: { code: 'limit_exceeded', limit: { reason: 'limit_exceeded', limit: 'features-per-file', max: 1_000_000, value: 1_000_001 } },
  not_feature_collection: { code: 'not_feature_collection' },
  ecopark_member_invalid: { code: 'ecopark_member_invalid', at: 'scenarios', technical: 'Too small: expected array to have >=1 items' },
  newer_format: { code: 'newer_format', version: 9, supported: 1 },
  feature_not_a_feature: { code: 'feature_not_a_feature', feature: 2 },
  feature_unknown_scenario: { code: 'feature_unknown_scenario', feature: 4, scenario: 'ghost' },
  feature_unsupported_geometry: { code: 'feature_unsupported_geometry', feature: 2, type: 'GeometryCollection' },
  feature_invalid_geometry: { code: 'feature_invalid_geometry', feature: 2, problem: 'ring_not_closed' },
  feature_kind_misfit: { code: 'feature_kind_misfit', feature: 2, kind: 'road', geometryType: 'Polygon' },
  feature_unknown_kind: { code: 'feature_unknown_kind', feature: 2, kind: 'tree' },
  feature_invalid_attribute: { code: 'feature_invalid_attribute', feature: 1234, field: 'heightM' },
  project_invalid: { code: 'project_invalid', at: 'activeScenarioId', technical: 'Invalid input' },
};

/** Letters only Vietnamese writes (tone marks, ă, â, đ, ê, ô, ơ, ư): the sentence was translated, not copied. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** The strings each sample's sentence must name, in both languages (a geometry `problem` is a code, worded instead). */
const params = (r: ImportRefusal): string[] =>
  Object.entries(r)
    .filter(([key, value]) => key !== 'code' && key !== 'technical' && key !== 'problem' && typeof value === 'string')
    .map(([, value]) => value as string);

describe('describeImportRefusal', () => {
  it.each(IMPORT_REFUSAL_CODES)('words %s as a sentence in English and in Vietnamese, naming its parameters', (code) => {
    const refusal = SAMPLES[code];
    const en = describeImportRefusal(refusal, 'en');
    const vi = describeImportRefusal(refusal, 'vi');
    expect(en).not.toBe(vi);
    expect(vi).toMatch(VIETNAMESE);
    for (const text of [en, vi]) {
      expect(text).toMatch(/^[\p{Lu}“]/u);
      expect(text).toMatch(/\.$/);
      expect(text).not.toContain(code);
      for (const p of params(refusal)) expect(text).toContain(p);
      if ('technical' in refusal) expect(text).toContain(refusal.technical);
    }
  });

  it('counts in the locale: 1,234 / 1.234 (vi groups thousands with a dot)', () => {
    expect(describeImportRefusal(SAMPLES.dxf_nothing_importable, 'en')).toBe(
      'Nothing in the DXF can be imported: only polylines, lines, points and block inserts are read, and its 2 entities of those kinds have incomplete coordinates; the other entities (1,234 HATCH) are not read.',
    );
    expect(describeImportRefusal(SAMPLES.dxf_nothing_importable, 'vi')).toBe(
      'Không có gì trong tệp DXF nhập được: chỉ đọc polyline, đoạn thẳng (line), điểm (point) và khối chèn (block insert), mà cả 2 đối tượng loại đó đều thiếu tọa độ; các đối tượng khác (1.234 HATCH) không được đọc.',
    );
    // The extent rounded to whole metres: 556925.3 → 556 925, 2339958.2 → 2 339 958.
    expect(describeImportRefusal(SAMPLES.dxf_crs_required, 'vi')).toBe(
      'Tệp DXF không ghi hệ tọa độ và tọa độ tính bằng mét (x 556.925…557.325, y 2.339.658…2.339.958); hãy chọn hệ tọa độ, ví dụ EPSG:9209.',
    );
  });

  it('words a whole-project GeoJSON refusal with the feature number in the locale and the geometry problem in words', () => {
    expect(describeImportRefusal(SAMPLES.feature_invalid_attribute, 'en')).toBe('Feature 1,234: the value of “heightM” is not valid, so the file was not imported.');
    expect(describeImportRefusal(SAMPLES.feature_invalid_attribute, 'vi')).toBe('Đối tượng 1.234: giá trị của “heightM” không hợp lệ nên tệp không được nhập.');
    expect(describeImportRefusal(SAMPLES.feature_invalid_geometry, 'vi')).toBe('Đối tượng 2: đường bao đa giác không kết thúc tại điểm bắt đầu nên tệp không được nhập.');
    expect(describeImportRefusal(SAMPLES.feature_kind_misfit, 'vi')).toBe('Đối tượng 2: loại “đường” (kind "road") không hợp với hình học Polygon nên tệp không được nhập.');
  });

  it('gives each refusal its headline category and its English sentence as the detail', () => {
    const prjMissing: FileRefusal = { code: 'prj_missing', layer: 'park_polygons', guess: 'VN2000:105.5' };
    const failure = importFailure(prjMissing, 'VN2000:105.5');
    expect(failure).toMatchObject({ ok: false, reason: 'crs_required', guess: 'VN2000:105.5', refusal: prjMissing });
    expect(failure.detail).toBe('The layer park_polygons has no .prj file, so its coordinate system is unknown; choose it (the coordinates suggest VN2000:105.5).');
    expect(REFUSAL_REASONS.dxf_nothing_importable).toBe('empty');
    expect(REFUSAL_REASONS.limit_exceeded).toBe('limit_exceeded');
  });
});

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/exchange/${name}`, import.meta.url)));

function refusedInVietnamese(result: ImportResult): string {
  if (result.ok) throw new Error('the file was imported, not refused');
  return describeImportRefusal(result.refusal, 'vi');
}

describe('real refused files give their Vietnamese sentence', () => {
  it('GeoJSON: arrays nested 100,000 deep (hostile corpus geojson/deep-arrays-100k)', () => {
    // The depth check stops at the first level past the default maximum of 256: 257.
    expect(refusedInVietnamese(importFile(utf8(nested('[', ']', 100_000)), 'input.geojson'))).toBe('Độ sâu lồng nhau của tài liệu là 257 cấp, vượt giới hạn 256 cấp.');
  });

  it('KML: elements never closed (hostile corpus kml/unclosed-everything)', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>p<Polygon><outerBoundaryIs><LinearRing><coordinates>106,21 106.01,21';
    expect(refusedInVietnamese(importFile(utf8(text), 'input.kml'))).toBe('Tệp KML không phải XML đúng cú pháp (chi tiết kỹ thuật: element <coordinates> is not closed).');
  });

  it('KMZ: a zip with no .kml inside (hostile corpus kmz/no-kml-inside)', () => {
    expect(refusedInVietnamese(importFile(writeZip([storedEntry('readme.txt', utf8('hello'))]), 'input.kmz'))).toBe('Tệp KMZ không chứa tệp .kml nào.');
  });

  it('Shapefile: a record length of −4 words (hostile corpus shp/record-length-minus-4)', () => {
    const files = unzipSync(exportShapefileZip(sampleExport(), parseCrsCode('EPSG:4326')!, 'park').bytes);
    const shp = patched(files['park_polygons.shp'], (v) => v.setInt32(104, -4));
    // −4 16-bit words = −8 bytes; the first record's content starts at byte 108, so the file has length − 108 bytes left.
    const left = shp.length - 108;
    expect(refusedInVietnamese(importFile(zipSync({ ...files, 'park_polygons.shp': shp }), 'input.shp.zip'))).toBe(
      `Tệp park_polygons.shp bị hỏng hoặc không đúng định dạng (chi tiết kỹ thuật: record 1 at byte 100: its content length of -8 bytes is not between 4 and the ${left} bytes left in the file).`,
    );
  });

  it('DXF: a file that is not ASCII DXF (tests/fixtures/exchange/not-a-dxf.dxf)', () => {
    expect(refusedInVietnamese(importFile(fixture('not-a-dxf.dxf'), 'not-a-dxf.dxf'))).toBe(
      'Tệp không phải DXF dạng ASCII (mã nhóm và giá trị xen kẽ từng dòng); không hỗ trợ DXF nhị phân và DWG: hãy lưu lại thành ASCII DXF.',
    );
  });

  it('DXF: only open polylines when areas are asked for (tests/fixtures/exchange/lines-only.dxf: 2 LWPOLYLINEs, group 70 = 0, not closed)', () => {
    expect(refusedInVietnamese(importFile(fixture('lines-only.dxf'), 'lines-only.dxf', { requirePolygons: true }))).toBe(
      'Tệp DXF không có polyline khép kín (chỉ có 2 polyline hở) nên không tạo được lô đất hay vùng nào; hãy khép các đường bao trong CAD (PEDIT → Close) hoặc nhập chúng thành đường.',
    );
  });

  it('GeoPackage: a fixture whose first bytes are a PDF header (hostile corpus gpkg/wrong-magic)', async () => {
    const SQL = await initSqlJs();
    const bytes = patched(fixture('plots-vn2000-hcm.gpkg'), (_, out) => out.set(utf8('%PDF-1.7\n'), 0));
    expect(refusedInVietnamese(importFile(bytes, 'input.gpkg', { SQL }))).toBe(
      'Tệp không phải cơ sở dữ liệu SQLite nên không phải GeoPackage (chi tiết kỹ thuật: the file does not start with the SQLite header ("SQLite format 3")).',
    );
  });
});
