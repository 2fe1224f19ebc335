import { describe, expect, it } from 'vitest';
import { refusalKey, refusalText } from '../../../renderer/src/i18n/refusal-text';
import { translate } from '../../../renderer/src/i18n/strings';
import { COMMAND_FAILURES } from '../../../shared/editing/commands';
import { CREATE_FAILURES } from '../../../shared/editing/create-feature';
import { MERGE_REASONS } from '../../../shared/geometry/merge';
import { SPLIT_REASONS } from '../../../shared/geometry/split';
import { SUBDIVIDE_REASONS } from '../../../shared/geometry/subdivide';
import { REPAIR_FAILURES, REPAIR_KINDS, VALIDATION_REASONS, validateLayout } from '../../../shared/geometry/validate';
import { issueSentence } from '../../../shared/geometry/issue-sentence';
import { describeProblem, scenarioProblems } from '../../../shared/analysis/problems';
import { describeImportNote, GEOMETRY_PROBLEMS, IMPORT_NOTE_CODES, type ImportNote } from '../../../shared/io/import-notes';
import { applyMapping } from '../../../shared/io/apply-mapping';
import { CLIMATE_STATIONS, describeWeatherSource } from '../../../shared/solar/weather';
import type { ParkFeature } from '../../../shared/model';

/**
 * Every message a person reads about a refused edit, a geometry problem or an import note is a
 * sentence in the UI language: each code the UI can show is walked here, in English and in
 * Vietnamese, and none may come out empty, untranslated, or carrying a raw code or validator
 * jargon (issue 13, bug 8).
 */

const LANGS = ['en', 'vi'] as const;
/** A snake_case code ("not_adjacent"), a dotted key ("refusal.x") or a zod message. */
const RAW = /\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z]+\.[a-zA-Z_]+\b|Too small|expected (array|number)|Invalid input/;
/** A letter only Vietnamese writes (with its diacritics). */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

function expectSentences(en: string, vi: string, what: string) {
  for (const text of [en, vi]) {
    expect(text.trim(), what).not.toBe('');
    expect(text, what).not.toMatch(RAW);
  }
  expect(vi, what).not.toBe(en);
  expect(vi, what).toMatch(VIETNAMESE);
}

describe('refused edits', () => {
  const codes = [...new Set<string>([...COMMAND_FAILURES, ...MERGE_REASONS, ...SPLIT_REASONS, ...SUBDIVIDE_REASONS, ...REPAIR_FAILURES, ...CREATE_FAILURES])];

  it('every refusal code of shared/editing and shared/geometry has its own sentence in both languages', () => {
    // 7 command + 3 merge + 3 new split (invalid_polygon is merge's) + 5 subdivide + 2 new repair
    // (too_few_vertices is a command's) + 3 new create (not_found is a command's) = 23 codes.
    expect(codes.length).toBe(23);
    for (const code of codes) {
      expect(refusalKey(code), code).not.toBe('refusal.unknown');
      expectSentences(refusalText('en', code), refusalText('vi', code), code);
    }
  });

  it('merging plots that do not touch says so in Vietnamese, never "not_adjacent"', () => {
    const vi = translate('vi', 'merge.failed', { reason: refusalText('vi', 'not_adjacent') });
    expect(vi).toBe('Không gộp được các đa giác: Các đa giác này không tiếp giáp nhau nên không gộp thành một được. Hãy chọn các lô có chung cạnh.');
  });

  it('a code no table knows still becomes a sentence, not the code', () => {
    expect(refusalText('vi', 'some_future_code')).toBe('Không thực hiện được thao tác này trên các đối tượng đã chọn.');
  });

  it('each repair has a name for its undo step', () => {
    for (const kind of REPAIR_KINDS) expectSentences(translate('en', `repairKind.${kind}`), translate('vi', `repairKind.${kind}`), kind);
  });
});

describe('geometry problems', () => {
  it('every validation reason is worded from its data in both languages', () => {
    const params = { distinct: 2, needed: 3, shape: 'polygon' as const, minWidthM: 2, areaM2: 12.5, vertexOutside: false };
    for (const reason of VALIDATION_REASONS) {
      const issue = { reason, params, at: [106.05, 21.1] as [number, number] };
      expectSentences(issueSentence(issue, 'Plot “CN-01”', 'Plot “CN-02”', 'en'), issueSentence(issue, 'Lô “CN-01”', 'Lô “CN-02”', 'vi'), reason);
    }
  });

  it('numbers and places are written in the reader’s notation', () => {
    // 1,234.5 m² rounds to 1,235 (whole m² from 10 m² up); 3.14159 to 3.14 (2 decimals below).
    const overlap = (areaM2: number, lang: 'en' | 'vi') => issueSentence({ reason: 'overlap', params: { areaM2 }, at: [106.123456, 21.5] }, 'A', 'B', lang);
    expect(overlap(1234.5, 'vi')).toBe('A chồng lấn B 1.235 m² gần 21,500000° B, 106,123456° Đ.');
    expect(overlap(3.14159, 'vi')).toBe('A chồng lấn B 3,14 m² gần 21,500000° B, 106,123456° Đ.');
    expect(overlap(3.14159, 'en')).toBe('A overlaps B by 3.14 m² near 21.500000° N, 106.123456° E.');
    const few = issueSentence({ reason: 'too_few_vertices', params: { distinct: 2, needed: 3, shape: 'polygon' } }, 'X', undefined, 'vi');
    expect(few).toBe('X: chỉ có 2 đỉnh phân biệt; một đa giác cần ít nhất 3 đỉnh.');
  });

  it('the Problems list of a real layout reads in Vietnamese with the validator’s own figures', () => {
    // Two 0.001° squares sharing a 0.0005° strip, and a polygon with two distinct vertices.
    const sq = (x: number): ParkFeature => ({ id: `sq${x}`, kind: 'landuse', landUse: 'industrial', name: `CN-0${x}`, geometry: { type: 'Polygon', coordinates: [[[106 + x * 0.0005, 21], [106.001 + x * 0.0005, 21], [106.001 + x * 0.0005, 21.001], [106 + x * 0.0005, 21.001], [106 + x * 0.0005, 21]]] } });
    const flat: ParkFeature = { id: 'flat', kind: 'landuse', landUse: 'green', name: 'CX-01', geometry: { type: 'Polygon', coordinates: [[[106.01, 21], [106.011, 21], [106.01, 21], [106.01, 21]]] } };
    const features = [sq(1), sq(2), flat];
    const problems = scenarioProblems(features);
    const byId = new Map(features.map((f) => [f.id, f]));
    const overlap = problems.find((p) => p.reason === 'overlap' && p.featureId === 'sq1')!;
    expect(overlap.params?.areaM2).toBeGreaterThan(10);
    expect(describeProblem(overlap, byId, 'vi')).toMatch(/^Vùng sử dụng đất “CN-01” chồng lấn Vùng sử dụng đất “CN-02” [\d.]+ m² gần 21,\d{6}° B, 106,\d{6}° Đ\.$/);
    // The English sentence for people equals the machine output's.
    for (const p of problems) expect(describeProblem(p, byId, 'en')).toBe(p.message);
    const few = problems.find((p) => p.featureId === 'flat')!;
    expect(describeProblem(few, byId, 'vi')).toBe('Vùng sử dụng đất “CX-01”: chỉ có 2 đỉnh phân biệt; một đa giác cần ít nhất 3 đỉnh.');
    expect(validateLayout(features).every((i) => !RAW.test(describeProblem(i, byId, 'vi')))).toBe(true);
  });
});

describe('import notes', () => {
  it('every note and every geometry fault is a sentence naming the layer and the feature in both languages', () => {
    const notes: ImportNote[] = [
      { code: 'not_a_feature', layer: 'lo_dat', feature: 5 },
      { code: 'dxf_incomplete_coordinates', layer: 'lo_dat', entity: 'LWPOLYLINE', handle: '2F' },
      { code: 'shapefile_row_mismatch', layer: 'lo_dat', shapes: 12, rows: 11 },
      { code: 'shapefile_no_dbf', layer: 'duong' },
      { code: 'multipoint_split', layer: 'tien_ich', feature: 2, count: 3 },
      { code: 'duplicate_id', layer: 'lo_dat', feature: 6, id: 'CN-01' },
      { code: 'kind_inferred', layer: 'lo_dat', count: 7, features: [1, 2, 3, 4, 5] },
      { code: 'no_geometry', layer: 'ranh_gioi', feature: 3 },
      { code: 'no_geometry', layer: 'ranh_gioi', feature: 4, name: 'Cổng chính' },
      ...GEOMETRY_PROBLEMS.map((problem): ImportNote => ({ code: 'invalid_geometry', layer: 'lo_dat', feature: 7, problem })),
      { code: 'invalid_attribute', layer: 'lo_dat', feature: 2, field: 'heightM' },
      { code: 'attribute_kept', layer: 'lo_dat', feature: 4, key: 'chieu_cao', value: '"cao"', field: 'heightM' },
      { code: 'default_road_width', layer: 'duong', feature: 1, widthM: 8 },
      { code: 'kind_misfit', layer: 'nha', count: 2, kind: 'building' },
      { code: 'kind_misfit', layer: 'nha', count: 2, kind: null },
    ];
    // Notes about a whole file or drawing name no layer.
    const fileNotes: ImportNote[] = [
      { code: 'encoding_fallback', file: 'lo_dat.dbf', encoding: 'windows-1258' },
      { code: 'dxf_arcs_straightened', count: 1234 },
      { code: 'dxf_ignored_entities', entities: [{ type: 'TEXT', count: 2 }, { type: 'POLYLINE mesh', count: 1 }] },
    ];
    expect(new Set([...notes, ...fileNotes].map((n) => n.code))).toEqual(new Set(IMPORT_NOTE_CODES));
    for (const note of fileNotes) {
      const [en, vi] = LANGS.map((lang) => describeImportNote(note, lang));
      const own = (text: string) => text.split('lo_dat.dbf').join('').split('windows-1258').join('');
      expectSentences(own(en), own(vi), note.code);
    }
    // Counts in the reader's notation.
    expect(describeImportNote(fileNotes[1], 'vi')).toMatch(/^1\.234 polyline có đoạn cung/);
    expect(describeImportNote(fileNotes[1], 'en')).toMatch(/^1,234 polylines have arc segments/);
    for (const note of notes) {
      if (!('layer' in note)) throw new Error(`${note.code} names a layer`);
      const [en, vi] = LANGS.map((lang) => describeImportNote(note, lang));
      // Layer names and attribute keys are the file's own words (snake_case allowed there): drop them before the code check.
      const own = (text: string) => text.split(`“${note.layer}”`).join('').split('chieu_cao').join('');
      expectSentences(own(en), own(vi), `${note.code} ${'problem' in note ? note.problem : ''}`);
      expect(en).toContain(`Layer “${note.layer}”`);
      expect(vi).toContain(`Lớp “${note.layer}”`);
    }
  });

  it('a polygon of two points is refused with what is wrong, not the validator’s path and message', () => {
    const layer = { name: 'Lô đất', geometryType: 'Polygon' as const, attributeNames: [], features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[106, 21], [106.1, 21], [106, 21]]] } }] };
    const applied = applyMapping([layer], { layers: {} });
    expect(applied.features).toEqual([]);
    expect(applied.notes).toEqual([{ code: 'invalid_geometry', layer: 'Lô đất', feature: 1, problem: 'ring_too_short' }]);
    expect(describeImportNote(applied.notes[0], 'vi')).toBe('Lớp “Lô đất”, đối tượng 1: đường bao đa giác có ít hơn 3 góc phân biệt nên không được nhập.');
    expect(applied.warnings).toEqual(['Layer “Lô đất”, feature 1: its polygon outline has fewer than 3 distinct corners, so it was not imported.']);
  });
});

describe('climate stations', () => {
  // Names that are written without diacritics in Vietnamese too.
  const PLAIN = ['Vinh', 'Nha Trang'];
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd');

  it('each station has an ASCII id and its proper Vietnamese name, with diacritics, in both languages', () => {
    for (const s of CLIMATE_STATIONS) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      if (PLAIN.includes(s.nameVi)) continue;
      expect(s.nameVi, s.id).toMatch(VIETNAMESE);
      expect(s.name, s.id).not.toBe(fold(s.name));
    }
  });

  it('the weather source names the station in the reader’s language', () => {
    const origin = { id: 'ho-chi-minh-city', name: 'Ho Chi Minh City (Tân Sơn Hòa)', distanceKm: 12.4 };
    expect(describeWeatherSource({ source: '', station: origin }, 'vi')).toBe('TP. Hồ Chí Minh (Tân Sơn Hòa) — khí hậu theo tháng, 5 ngày điển hình mỗi tháng (trạm gần nhất, 12 km)');
    expect(describeWeatherSource({ source: '', station: origin }, 'en')).toBe('Ho Chi Minh City (Tân Sơn Hòa) — monthly climate, 5 typical days a month (nearest station, 12 km)');
  });
});
