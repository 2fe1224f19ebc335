import { formatNumber, type FormatLang } from '../format';
import { describeLimitExceeded, type LimitExceeded } from '../limits';
import type { ImportFailure } from './imported-layer';
import { ENTITY_WORDS } from './reader-notes';
import { GEOMETRY_WORDS, KIND_WORDS, type GeometryProblem } from './import-notes';
import { FEATURE_KINDS, type FeatureKind } from '../model/feature';

/**
 * Why a whole file could not be imported, as data: a code and what the sentence needs. The
 * import dialog and `ecopark convert` word it with describeImportRefusal in the reader's
 * language; `technical` is the low-level parser's own diagnostic (a zip or .shp header, an XML
 * syntax error), kept verbatim in English because it names bytes and characters, not ideas.
 */
export type ImportRefusal = FileRefusal | ProjectGeoJsonRefusal;

/** Refusals of the layer importers (importFile). */
export type FileRefusal =
  | { code: 'geopackage_needs_sql' }
  | { code: 'table_not_importable'; file: string }
  | { code: 'unknown_file_type'; file: string }
  | { code: 'not_json'; technical: string }
  | { code: 'not_geojson' }
  /** A coordinate system the user typed (or a file declares) that we do not know. */
  | { code: 'unknown_crs'; crs: string }
  | { code: 'geojson_no_features' }
  | { code: 'kml_not_xml'; technical: string }
  | { code: 'kml_no_root' }
  | { code: 'kml_no_placemarks' }
  | { code: 'kmz_no_kml' }
  | { code: 'not_zip' }
  | { code: 'zip_damaged'; technical: string }
  | { code: 'zip_no_shp' }
  | { code: 'shp_damaged'; file: string; technical: string }
  | { code: 'prj_unknown'; layer: string }
  | { code: 'prj_missing'; layer: string; guess?: string }
  | { code: 'dxf_not_ascii' }
  | { code: 'dxf_no_entities' }
  /** `incomplete`: entities of the kinds read whose coordinates were missing; `ignored`: the others, by DXF type. */
  | { code: 'dxf_nothing_importable'; incomplete: number; ignored: { type: string; count: number }[] }
  /** `found`: what the drawing holds instead, by DXF type ('open polyline' for a polyline that is not closed). */
  | { code: 'dxf_no_closed_polylines'; found: { type: string; count: number }[] }
  /** `box`: the drawing's extent [minX, minY, maxX, maxY] in its own metres. */
  | { code: 'dxf_crs_required'; box: [number, number, number, number]; guess?: string }
  | { code: 'gpkg_not_sqlite'; technical: string }
  | { code: 'gpkg_not_geopackage' }
  | { code: 'gpkg_unknown_srs'; layer: string; srsId: string }
  | { code: 'gpkg_bad_geometry'; layer: string; fid: string; technical: string }
  | { code: 'gpkg_no_layers' }
  | { code: 'gpkg_unreadable'; technical: string }
  | { code: 'limit_exceeded'; limit: LimitExceeded };

/**
 * Refusals of a GeoJSON read as a whole project (geoJsonToDocument: our own export, or a plain
 * FeatureCollection made a new project), which refuses a file rather than drop a bad feature.
 * `feature`: its number in "features", from 1.
 */
export type ProjectGeoJsonRefusal =
  | { code: 'not_feature_collection' }
  | { code: 'ecopark_member_invalid'; at: string; technical: string }
  | { code: 'newer_format'; version: number; supported: number }
  | { code: 'feature_not_a_feature'; feature: number }
  | { code: 'feature_unknown_scenario'; feature: number; scenario: string }
  | { code: 'feature_unsupported_geometry'; feature: number; type: string }
  | { code: 'feature_invalid_geometry'; feature: number; problem: GeometryProblem }
  | { code: 'feature_kind_misfit'; feature: number; kind: FeatureKind; geometryType: string }
  | { code: 'feature_unknown_kind'; feature: number; kind: string }
  | { code: 'feature_invalid_attribute'; feature: number; field: string }
  | { code: 'project_invalid'; at: string; technical: string };

export type ImportRefusalCode = ImportRefusal['code'];

const PROJECT_GEOJSON_CODES: readonly ProjectGeoJsonRefusal['code'][] = [
  'not_feature_collection',
  'ecopark_member_invalid',
  'newer_format',
  'feature_not_a_feature',
  'feature_unknown_scenario',
  'feature_unsupported_geometry',
  'feature_invalid_geometry',
  'feature_kind_misfit',
  'feature_unknown_kind',
  'feature_invalid_attribute',
  'project_invalid',
];

/** The headline category of each importer refusal (the dialog's first sentence). */
export const REFUSAL_REASONS: Record<FileRefusal['code'], ImportFailure> = {
  geopackage_needs_sql: 'unsupported_format',
  table_not_importable: 'unsupported_format',
  unknown_file_type: 'unsupported_format',
  not_json: 'not_geojson',
  not_geojson: 'not_geojson',
  unknown_crs: 'unsupported_crs',
  geojson_no_features: 'empty',
  kml_not_xml: 'invalid_kml',
  kml_no_root: 'invalid_kml',
  kml_no_placemarks: 'empty',
  kmz_no_kml: 'invalid_kml',
  not_zip: 'broken_zip',
  zip_damaged: 'broken_zip',
  zip_no_shp: 'no_shapefile',
  shp_damaged: 'invalid_shapefile',
  prj_unknown: 'unsupported_crs',
  prj_missing: 'crs_required',
  dxf_not_ascii: 'invalid_dxf',
  dxf_no_entities: 'invalid_dxf',
  dxf_nothing_importable: 'empty',
  dxf_no_closed_polylines: 'no_closed_polylines',
  dxf_crs_required: 'crs_required',
  gpkg_not_sqlite: 'invalid_geopackage',
  gpkg_not_geopackage: 'invalid_geopackage',
  gpkg_unknown_srs: 'unsupported_crs',
  gpkg_bad_geometry: 'invalid_geopackage',
  gpkg_no_layers: 'empty',
  gpkg_unreadable: 'invalid_geopackage',
  limit_exceeded: 'limit_exceeded',
};

export const IMPORT_REFUSAL_CODES: readonly ImportRefusalCode[] = [...(Object.keys(REFUSAL_REASONS) as FileRefusal['code'][]), ...PROJECT_GEOJSON_CODES];

const FORMATS_EN = 'GeoJSON, KML/KMZ, zipped Shapefile (.shp.zip), DXF or GeoPackage';
const FORMATS_VI = 'GeoJSON, KML/KMZ, Shapefile nén (.shp.zip), DXF hoặc GeoPackage';

/** A polyline that is not closed, [one, more]: the reader's own name beside DXF's type names. */
const OPEN_POLYLINE: Record<FormatLang, [string, string]> = { en: ['open polyline', 'open polylines'], vi: ['polyline hở', 'polyline hở'] };

/** The refusal as one or two sentences in the reader's language; `raiseHint`: a limit refusal says how to raise it (the CLI's --limit). */
export function describeImportRefusal(refusal: ImportRefusal, lang: FormatLang, options: { raiseHint?: boolean } = {}): string {
  const vi = lang === 'vi';
  const n = (value: number) => formatNumber(lang, value, 0);
  // Real DXF names (LINE, INSERT…) read the same in both languages.
  const typeWord = (type: string, count: number) => (type === 'open polyline' ? OPEN_POLYLINE[lang][count === 1 ? 0 : 1] : (ENTITY_WORDS[lang][type] ?? type));
  const counts = (list: { type: string; count: number }[]) => list.map((e) => `${n(e.count)} ${typeWord(e.type, e.count)}`).join(', ');
  const technical = (text: string) => (vi ? ` (chi tiết kỹ thuật: ${text})` : ` (${text})`);
  switch (refusal.code) {
    case 'geopackage_needs_sql':
      return vi ? 'Không tải được thư viện SQLite (sql.js) cần để đọc GeoPackage.' : 'The SQLite library (sql.js) needed to read a GeoPackage could not be loaded.';
    case 'table_not_importable':
      return vi
        ? `“${refusal.file}” là bảng thuộc tính (.csv, .xlsx) dành cho bảng tính, không có hình học nên không nhập được; hãy nhập ${FORMATS_VI}.`
        : `“${refusal.file}” is an attribute table (.csv, .xlsx) written for spreadsheets: it holds no geometry, so it cannot be imported; import ${FORMATS_EN}.`;
    case 'unknown_file_type':
      return vi
        ? `Không nhận ra loại tệp của “${refusal.file}”; hãy dùng .geojson, .kml, .kmz, .shp.zip, .dxf hoặc .gpkg.`
        : `“${refusal.file}” is not a file type EcoPark Planner knows; use .geojson, .kml, .kmz, .shp.zip, .dxf or .gpkg.`;
    case 'not_json':
      return (vi ? 'Tệp không phải JSON hợp lệ' : 'The file is not valid JSON') + technical(refusal.technical) + '.';
    case 'not_geojson':
      return vi ? 'Tệp là JSON nhưng không phải một FeatureCollection hay Feature GeoJSON.' : 'The file is JSON but not a GeoJSON FeatureCollection or Feature.';
    case 'unknown_crs':
      return vi
        ? `EcoPark Planner không biết hệ tọa độ ${refusal.crs}; hãy chọn múi VN-2000, UTM 48N/49N hoặc WGS 84, hoặc chuyển tệp sang EPSG:4326 trước.`
        : `EcoPark Planner does not know the coordinate system ${refusal.crs}; choose a VN-2000 zone, UTM 48N/49N or WGS 84, or reproject the file to EPSG:4326 first.`;
    case 'geojson_no_features':
      return vi ? 'Tệp GeoJSON không có đối tượng nào.' : 'The GeoJSON file has no features.';
    case 'kml_not_xml':
      return (vi ? 'Tệp KML không phải XML đúng cú pháp' : 'The KML file is not well-formed XML') + technical(refusal.technical) + '.';
    case 'kml_no_root':
      return vi ? 'Tệp không có phần tử gốc <kml> nên không phải KML.' : 'The file has no <kml> root element, so it is not KML.';
    case 'kml_no_placemarks':
      return vi ? 'Tệp KML không có điểm đánh dấu (Placemark) nào có hình học.' : 'The KML file has no placemarks with a geometry.';
    case 'kmz_no_kml':
      return vi ? 'Tệp KMZ không chứa tệp .kml nào.' : 'The KMZ holds no .kml file.';
    case 'not_zip':
      return vi ? 'Tệp không phải tệp nén ZIP (thiếu chữ ký PK ở đầu tệp).' : 'The file is not a ZIP archive (it does not start with the PK signature).';
    case 'zip_damaged':
      return (vi ? 'Tệp nén ZIP bị hỏng nên không giải nén được' : 'The ZIP archive is damaged and cannot be unpacked') + technical(refusal.technical) + '.';
    case 'zip_no_shp':
      return vi ? 'Tệp nén không chứa tệp .shp nào; Shapefile cần các tệp .shp, .dbf (và .prj) trong cùng tệp ZIP.' : 'The archive holds no .shp file; a Shapefile needs its .shp, .dbf (and .prj) files in the same ZIP.';
    case 'shp_damaged':
      return (vi ? `Tệp ${refusal.file} bị hỏng hoặc không đúng định dạng` : `The file ${refusal.file} is damaged or not in the expected format`) + technical(refusal.technical) + '.';
    case 'prj_unknown':
      return vi
        ? `Tệp ${refusal.layer}.prj mô tả hệ tọa độ mà EcoPark Planner không biết; hãy chọn hệ tọa độ (múi VN-2000, UTM 48N/49N hoặc WGS 84).`
        : `The file ${refusal.layer}.prj describes a coordinate system EcoPark Planner does not know; choose one (a VN-2000 zone, UTM 48N/49N or WGS 84).`;
    case 'prj_missing': {
      const guess = refusal.guess ? (vi ? ` (tọa độ gợi ý ${refusal.guess})` : ` (the coordinates suggest ${refusal.guess})`) : '';
      return vi
        ? `Lớp ${refusal.layer} không có tệp .prj nên không biết hệ tọa độ; hãy chọn hệ tọa độ${guess}.`
        : `The layer ${refusal.layer} has no .prj file, so its coordinate system is unknown; choose it${guess}.`;
    }
    case 'dxf_not_ascii':
      return vi
        ? 'Tệp không phải DXF dạng ASCII (mã nhóm và giá trị xen kẽ từng dòng); không hỗ trợ DXF nhị phân và DWG: hãy lưu lại thành ASCII DXF.'
        : 'The file is not an ASCII DXF (group codes and values on alternate lines); binary DXF and DWG are not supported: save it as ASCII DXF.';
    case 'dxf_no_entities':
      return vi ? 'Tệp DXF không có phần ENTITIES nên không có gì để đọc.' : 'The DXF has no ENTITIES section, so there is nothing to read.';
    case 'dxf_nothing_importable': {
      const heldVi = refusal.incomplete > 0 ? `cả ${n(refusal.incomplete)} đối tượng loại đó đều thiếu tọa độ` : 'bản vẽ không có đối tượng nào loại đó';
      const heldEn = refusal.incomplete > 0 ? `its ${n(refusal.incomplete)} ${refusal.incomplete === 1 ? 'entity of those kinds has' : 'entities of those kinds have'} incomplete coordinates` : 'it has none';
      const other = refusal.ignored.length === 0 ? '' : vi ? `; các đối tượng khác (${counts(refusal.ignored)}) không được đọc` : `; the other entities (${counts(refusal.ignored)}) are not read`;
      return vi
        ? `Không có gì trong tệp DXF nhập được: chỉ đọc polyline, đoạn thẳng (line), điểm (point) và khối chèn (block insert), mà ${heldVi}${other}.`
        : `Nothing in the DXF can be imported: only polylines, lines, points and block inserts are read, and ${heldEn}${other}.`;
    }
    case 'dxf_no_closed_polylines':
      return vi
        ? `Tệp DXF không có polyline khép kín (chỉ có ${counts(refusal.found)}) nên không tạo được lô đất hay vùng nào; hãy khép các đường bao trong CAD (PEDIT → Close) hoặc nhập chúng thành đường.`
        : `The DXF has no closed polylines (it has ${counts(refusal.found)}), so no plots or areas can be made from it; close the outlines in CAD (PEDIT → Close) or import them as lines.`;
    case 'dxf_crs_required': {
      const [x0, y0, x1, y1] = refusal.box.map((v) => n(Math.round(v)));
      const guess = refusal.guess ? (vi ? `, ví dụ ${refusal.guess}` : `, e.g. ${refusal.guess}`) : '';
      return vi
        ? `Tệp DXF không ghi hệ tọa độ và tọa độ tính bằng mét (x ${x0}…${x1}, y ${y0}…${y1}); hãy chọn hệ tọa độ${guess}.`
        : `A DXF has no coordinate system and these coordinates are in metres (x ${x0}…${x1}, y ${y0}…${y1}); choose it${guess}.`;
    }
    case 'gpkg_not_sqlite':
      return (vi ? 'Tệp không phải cơ sở dữ liệu SQLite nên không phải GeoPackage' : 'The file is not an SQLite database, so not a GeoPackage') + technical(refusal.technical) + '.';
    case 'gpkg_not_geopackage':
      return vi
        ? 'Tệp là cơ sở dữ liệu SQLite nhưng không phải GeoPackage (thiếu bảng gpkg_contents hoặc gpkg_geometry_columns).'
        : 'The file is an SQLite database but not a GeoPackage (no gpkg_contents or gpkg_geometry_columns table).';
    case 'gpkg_unknown_srs':
      return vi
        ? `Lớp ${refusal.layer} dùng srs_id ${refusal.srsId}, hệ tọa độ mà EcoPark Planner không biết; hãy chuyển sang EPSG:4326 (ogr2ogr -t_srs EPSG:4326).`
        : `Layer ${refusal.layer} uses srs_id ${refusal.srsId}, a coordinate system EcoPark Planner does not know; reproject it (ogr2ogr -t_srs EPSG:4326).`;
    case 'gpkg_bad_geometry':
      return (vi ? `Lớp ${refusal.layer}, fid ${refusal.fid}: không đọc được hình học` : `Layer ${refusal.layer}, fid ${refusal.fid}: the geometry cannot be read`) + technical(refusal.technical) + '.';
    case 'gpkg_no_layers':
      return vi ? 'GeoPackage không có lớp đối tượng (feature layer) nào.' : 'The GeoPackage has no feature layers.';
    case 'gpkg_unreadable':
      return (vi ? 'Không đọc được cơ sở dữ liệu' : 'The database cannot be read') + technical(refusal.technical) + '.';
    case 'limit_exceeded':
      return describeLimitExceeded(refusal.limit, lang, options);
    default:
      return describeProjectGeoJsonRefusal(refusal, lang);
  }
}

function describeProjectGeoJsonRefusal(refusal: ProjectGeoJsonRefusal, lang: FormatLang): string {
  const vi = lang === 'vi';
  const technical = (text: string) => (vi ? ` (chi tiết kỹ thuật: ${text})` : ` (${text})`);
  const feature = 'feature' in refusal ? (vi ? `Đối tượng ${formatNumber(lang, refusal.feature, 0)}` : `Feature ${formatNumber(lang, refusal.feature, 0)}`) : '';
  // A whole-project read refuses the file for one bad feature, so the sentence says so.
  const refused = vi ? ' nên tệp không được nhập' : ', so the file was not imported';
  switch (refusal.code) {
    case 'not_feature_collection':
      return vi
        ? 'Tệp không phải một FeatureCollection GeoJSON (đối tượng có "type": "FeatureCollection" và mảng "features").'
        : 'The file is not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and a "features" array).';
    case 'ecopark_member_invalid':
      return (vi ? `Phần “ecopark” của tệp không hợp lệ tại ${refusal.at}` : `The file’s “ecopark” member is invalid at ${refusal.at}`) + technical(refusal.technical) + '.';
    case 'newer_format':
      return vi
        ? `Tệp dùng định dạng phiên bản ${refusal.version}; phiên bản EcoPark Planner này chỉ đọc tới phiên bản ${refusal.supported}: hãy cập nhật ứng dụng.`
        : `The file uses format version ${refusal.version}; this version of EcoPark Planner reads up to version ${refusal.supported}: update the app.`;
    case 'feature_not_a_feature':
      return vi ? `${feature} không phải một Feature GeoJSON${refused}.` : `${feature} is not a GeoJSON Feature${refused}.`;
    case 'feature_unknown_scenario':
      return vi
        ? `${feature} thuộc phương án “${refusal.scenario}” mà phần “ecopark” không liệt kê${refused}.`
        : `${feature} belongs to scenario “${refusal.scenario}”, which the “ecopark” member does not list${refused}.`;
    case 'feature_unsupported_geometry':
      return vi
        ? `${feature} có kiểu hình học ${refusal.type} mà mô hình khu công nghiệp không lưu được${refused}.`
        : `${feature} has the geometry type ${refusal.type}, which the park model cannot hold${refused}.`;
    case 'feature_invalid_geometry':
      return `${feature}: ${GEOMETRY_WORDS[lang][refusal.problem]}${refused}.`;
    case 'feature_kind_misfit':
      return vi
        ? `${feature}: loại “${KIND_WORDS.vi[refusal.kind]}” (kind "${refusal.kind}") không hợp với hình học ${refusal.geometryType}${refused}.`
        : `${feature}: kind "${refusal.kind}" does not fit a ${refusal.geometryType}${refused}.`;
    case 'feature_unknown_kind':
      return vi
        ? `${feature}: loại (kind) “${refusal.kind}” không tồn tại; các loại là ${FEATURE_KINDS.join(', ')}${refused}.`
        : `${feature}: unknown kind “${refusal.kind}” (expected one of ${FEATURE_KINDS.join(', ')})${refused}.`;
    case 'feature_invalid_attribute':
      return vi ? `${feature}: giá trị của “${refusal.field}” không hợp lệ${refused}.` : `${feature}: the value of “${refusal.field}” is not valid${refused}.`;
    case 'project_invalid':
      return (vi ? `Dữ liệu dự án trong tệp không hợp lệ tại ${refusal.at}` : `The project in the file is invalid at ${refusal.at}`) + technical(refusal.technical) + '.';
  }
}
