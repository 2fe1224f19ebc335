import { formatNumber, type FormatLang } from '../format';

/**
 * What a file reader (DXF, Shapefile, GeoJSON, KML/KMZ, GeoPackage) noticed while reading, as
 * data. Notes about single features use the mapping step's codes ('no_geometry',
 * 'invalid_geometry' in import-notes.ts); these are the ones about a file, a layer or an entity.
 * describeImportNote words every note in the reader's language.
 */
export type ReaderNote =
  /** Text that is not valid in its declared encoding (a DXF that is not UTF-8, a .dbf beside its .cpg). */
  | { code: 'encoding_fallback'; file: string; encoding: string }
  /** A member of a FeatureCollection's "features" that is not a Feature object. */
  | { code: 'not_a_feature'; layer: string; feature: number }
  /** A DXF entity whose coordinates are missing or not numbers (`handle` when the drawing gives one). */
  | { code: 'dxf_incomplete_coordinates'; layer: string; entity: string; handle?: string }
  /** Polylines with arc segments, which were read as straight lines. */
  | { code: 'dxf_arcs_straightened'; count: number }
  /** Entities of types the reader does not import, counted by DXF type name. */
  | { code: 'dxf_ignored_entities'; entities: { type: string; count: number }[] }
  | { code: 'shapefile_row_mismatch'; layer: string; shapes: number; rows: number }
  | { code: 'shapefile_no_dbf'; layer: string }
  /** A MultiPoint made into `count` point features. */
  | { code: 'multipoint_split'; layer: string; feature: number; count: number }
  /** A feature id already taken in its scenario, replaced by a new one. */
  | { code: 'duplicate_id'; layer: string; feature: number; id: string }
  /** Features without a `kind`, which was taken from their geometry; `features`: the first few numbers. */
  | { code: 'kind_inferred'; layer: string; count: number; features: number[] };

export type ReaderNoteCode = ReaderNote['code'];
export const READER_NOTE_CODES: readonly ReaderNoteCode[] = [
  'encoding_fallback',
  'not_a_feature',
  'dxf_incomplete_coordinates',
  'dxf_arcs_straightened',
  'dxf_ignored_entities',
  'shapefile_row_mismatch',
  'shapefile_no_dbf',
  'multipoint_split',
  'duplicate_id',
  'kind_inferred',
];

export const isReaderNote = (note: { code: string }): note is ReaderNote => (READER_NOTE_CODES as readonly string[]).includes(note.code);

/** DXF type names the reader itself coins (a mesh is a POLYLINE with flag 16 or 64). */
export const ENTITY_WORDS: Record<FormatLang, Record<string, string>> = {
  en: { 'POLYLINE mesh': 'POLYLINE (mesh)' },
  vi: { 'POLYLINE mesh': 'POLYLINE (dạng lưới)' },
};

/** The reader's note as a sentence in the reader's language. */
export function describeReaderNote(note: ReaderNote, lang: FormatLang): string {
  const vi = lang === 'vi';
  const n = (value: number) => formatNumber(lang, value, 0);
  switch (note.code) {
    case 'encoding_fallback':
      return vi
        ? `Tệp “${note.file}” không đúng bảng mã khai báo (hoặc UTF-8) nên được đọc theo bảng mã ${note.encoding}; hãy kiểm tra các chữ có dấu.`
        : `“${note.file}” is not valid in its declared encoding (or UTF-8), so it was read as ${note.encoding}; check the accented letters.`;
    case 'not_a_feature':
      return vi
        ? `Lớp “${note.layer}”, đối tượng ${n(note.feature)}: không phải một Feature GeoJSON nên không được nhập.`
        : `Layer “${note.layer}”, feature ${n(note.feature)}: it is not a GeoJSON Feature, so it was not imported.`;
    case 'dxf_incomplete_coordinates': {
      const handle = note.handle ? ` (handle ${note.handle})` : '';
      return vi
        ? `Lớp “${note.layer}”: một ${note.entity}${handle} thiếu tọa độ hoặc có tọa độ không phải là số nên không được nhập.`
        : `Layer “${note.layer}”: a ${note.entity}${handle} has missing or non-numeric coordinates, so it was not imported.`;
    }
    case 'dxf_arcs_straightened':
      return vi
        ? `${n(note.count)} polyline có đoạn cung (bulge); các cung được đọc thành đoạn thẳng, nên diện tích và hình dạng có thể lệch so với bản vẽ.`
        : `${n(note.count)} ${note.count === 1 ? 'polyline has' : 'polylines have'} arc segments (bulges); the arcs were read as straight segments, so areas and shapes may differ from the drawing.`;
    case 'dxf_ignored_entities': {
      const list = note.entities.map((e) => `${n(e.count)} ${ENTITY_WORDS[lang][e.type] ?? e.type}`).join(', ');
      return vi
        ? `Không đọc các đối tượng loại khác (${list}): chỉ nhập đường đa tuyến (polyline), đoạn thẳng (line), điểm (point) và khối chèn (block insert).`
        : `Entities of other types were not read (${list}): only polylines, lines, points and block inserts are imported.`;
    }
    case 'shapefile_row_mismatch':
      return vi
        ? `Lớp “${note.layer}”: có ${n(note.shapes)} hình nhưng ${n(note.rows)} dòng thuộc tính; thuộc tính được ghép theo thứ tự, hình thiếu dòng thì không có thuộc tính.`
        : `Layer “${note.layer}”: ${n(note.shapes)} shapes but ${n(note.rows)} attribute rows; attributes were paired in order, and shapes without a row have none.`;
    case 'shapefile_no_dbf':
      return vi
        ? `Lớp “${note.layer}”: không có tệp .dbf nên các đối tượng không có thuộc tính.`
        : `Layer “${note.layer}”: there is no .dbf file, so its features have no attributes.`;
    case 'multipoint_split':
      return vi
        ? `Lớp “${note.layer}”, đối tượng ${n(note.feature)}: nhóm điểm (MultiPoint) được tách thành ${n(note.count)} điểm.`
        : `Layer “${note.layer}”, feature ${n(note.feature)}: its MultiPoint was split into ${n(note.count)} points.`;
    case 'duplicate_id':
      return vi
        ? `Lớp “${note.layer}”, đối tượng ${n(note.feature)}: mã định danh (id) “${note.id}” đã có trong phương án nên được thay bằng mã định danh mới.`
        : `Layer “${note.layer}”, feature ${n(note.feature)}: its id “${note.id}” is already taken in the scenario, so it was given a new one.`;
    case 'kind_inferred': {
      const list = `${note.features.map(n).join(', ')}${note.count > note.features.length ? '…' : ''}`;
      return vi
        ? `Lớp “${note.layer}”: ${n(note.count)} đối tượng không có thuộc tính kind nên loại được xác định theo hình học (đối tượng ${list}).`
        : `Layer “${note.layer}”: ${n(note.count)} ${note.count === 1 ? 'feature has' : 'features have'} no kind attribute, so the kind follows the geometry (features ${list}).`;
    }
  }
}
