import { formatNumber, type FormatLang } from '../format';
import type { FeatureKind } from '../model/feature';
import type { ParkGeometry, Position } from '../model/geometry-schema';
import { describeReaderNote, isReaderNote, READER_NOTE_CODES, type ReaderNote } from './reader-notes';

/**
 * What an import noticed, as data — the file readers (reader-notes.ts) and the mapping step: the
 * UI and the CLI word each note in the reader's language (describeImportNote), naming the layer,
 * the feature and what is wrong — never a validator's path and message ("geometry.coordinates.0: Too small…").
 */

/** What is wrong with a geometry the model cannot hold, worded for a person. */
export const GEOMETRY_PROBLEMS = ['bad_coordinate', 'coordinate_out_of_range', 'ring_too_short', 'ring_not_closed', 'line_too_short', 'empty', 'unknown_type', 'other'] as const;
export type GeometryProblem = (typeof GEOMETRY_PROBLEMS)[number];

export type ImportNote =
  | ReaderNote
  /** `name`: the feature's own name where the file gives one (a KML placemark's). */
  | { code: 'no_geometry'; layer: string; feature: number; name?: string }
  | { code: 'invalid_geometry'; layer: string; feature: number; problem: GeometryProblem }
  | { code: 'invalid_attribute'; layer: string; feature: number; field: string }
  | { code: 'attribute_kept'; layer: string; feature: number; key: string; value: string; field: string }
  | { code: 'default_road_width'; layer: string; feature: number; widthM: number }
  /** `kind` null: the kinds were chosen per attribute value. */
  | { code: 'kind_misfit'; layer: string; count: number; kind: FeatureKind | null };

export type ImportNoteCode = ImportNote['code'];
export const IMPORT_NOTE_CODES: readonly ImportNoteCode[] = [...READER_NOTE_CODES, 'no_geometry', 'invalid_geometry', 'invalid_attribute', 'attribute_kept', 'default_road_width', 'kind_misfit'];

function positionProblem(p: Position): GeometryProblem | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'bad_coordinate';
  if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return 'coordinate_out_of_range';
  return null;
}

function ringProblem(ring: Position[]): GeometryProblem | null {
  if (!Array.isArray(ring)) return 'bad_coordinate';
  for (const p of ring) {
    const bad = positionProblem(p);
    if (bad) return bad;
  }
  if (ring.length < 4) return 'ring_too_short';
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a[0] === b[0] && a[1] === b[1] ? null : 'ring_not_closed';
}

function lineProblem(line: Position[]): GeometryProblem | null {
  if (!Array.isArray(line)) return 'bad_coordinate';
  for (const p of line) {
    const bad = positionProblem(p);
    if (bad) return bad;
  }
  return line.length < 2 ? 'line_too_short' : null;
}

/** The first thing that keeps the model from holding this geometry (the schema's checks, in words). */
export function geometryProblem(g: ParkGeometry): GeometryProblem {
  const first = (items: unknown, check: (x: never) => GeometryProblem | null): GeometryProblem | null => {
    if (!Array.isArray(items) || items.length === 0) return 'empty';
    for (const x of items) {
      const bad = check(x as never);
      if (bad) return bad;
    }
    return null;
  };
  let found: GeometryProblem | null;
  if (g.type === 'Point') found = positionProblem(g.coordinates);
  else if (g.type === 'LineString') found = lineProblem(g.coordinates);
  else if (g.type === 'MultiLineString') found = first(g.coordinates, lineProblem);
  else if (g.type === 'Polygon') found = first(g.coordinates, ringProblem);
  else found = first(g.coordinates, (rings: Position[][]) => first(rings, ringProblem));
  return found ?? 'other';
}

type Lang = FormatLang;

export const KIND_WORDS: Record<Lang, Record<FeatureKind, string>> = {
  en: { boundary: 'park boundary', landuse: 'land use', building: 'building', road: 'road', point: 'point' },
  vi: { boundary: 'ranh giới khu', landuse: 'vùng sử dụng đất', building: 'công trình', road: 'đường', point: 'điểm' },
};

export const GEOMETRY_WORDS: Record<Lang, Record<GeometryProblem, string>> = {
  en: {
    bad_coordinate: 'a coordinate is missing or not a number',
    coordinate_out_of_range: 'a coordinate lies outside the longitude/latitude range (are longitude and latitude swapped, or is the file in another coordinate system?)',
    ring_too_short: 'its polygon outline has fewer than 3 distinct corners',
    ring_not_closed: 'its polygon outline does not end where it starts',
    line_too_short: 'its line has fewer than 2 points',
    empty: 'its geometry is empty',
    unknown_type: 'its geometry has no type, or one GeoJSON does not define',
    other: 'its geometry is not one the park model can hold',
  },
  vi: {
    bad_coordinate: 'có tọa độ bị thiếu hoặc không phải là số',
    coordinate_out_of_range: 'có tọa độ nằm ngoài phạm vi kinh độ/vĩ độ (kinh độ và vĩ độ có bị đảo, hay tệp dùng hệ tọa độ khác?)',
    ring_too_short: 'đường bao đa giác có ít hơn 3 góc phân biệt',
    ring_not_closed: 'đường bao đa giác không kết thúc tại điểm bắt đầu',
    line_too_short: 'đường có ít hơn 2 điểm',
    empty: 'hình học rỗng',
    unknown_type: 'hình học không có kiểu, hoặc có kiểu GeoJSON không định nghĩa',
    other: 'hình học không thuộc loại mô hình khu công nghiệp lưu được',
  },
};

/** The note as a sentence in the reader's language. */
export function describeImportNote(note: ImportNote, lang: Lang): string {
  if (isReaderNote(note)) return describeReaderNote(note, lang);
  const vi = lang === 'vi';
  const layer = vi ? `Lớp “${note.layer}”` : `Layer “${note.layer}”`;
  if (note.code === 'kind_misfit') {
    const kind = note.kind ? KIND_WORDS[lang][note.kind] : null;
    return vi
      ? `${layer}: ${note.count} đối tượng có hình học không hợp với ${kind ? `loại “${kind}”` : 'loại chọn theo giá trị'}, nên loại của chúng được xác định theo hình học.`
      : `${layer}: ${note.count} features do not fit ${kind ? `kind "${kind}"` : 'the kinds chosen by value'} (wrong geometry type), so their kind follows their geometry.`;
  }
  const named = 'name' in note && note.name ? ` (“${note.name}”)` : '';
  const where = vi ? `${layer}, đối tượng ${note.feature}${named}` : `${layer}, feature ${note.feature}${named}`;
  switch (note.code) {
    case 'no_geometry':
      return vi ? `${where}: không có hình học nên không được nhập.` : `${where}: it has no geometry, so it was not imported.`;
    case 'invalid_geometry':
      return vi ? `${where}: ${GEOMETRY_WORDS.vi[note.problem]} nên không được nhập.` : `${where}: ${GEOMETRY_WORDS.en[note.problem]}, so it was not imported.`;
    case 'invalid_attribute':
      return vi ? `${where}: giá trị của “${note.field}” không hợp lệ nên đối tượng không được nhập.` : `${where}: the value of “${note.field}” is not valid, so it was not imported.`;
    case 'attribute_kept':
      return vi
        ? `${where}: ${note.key} = ${note.value} không phải giá trị hợp lệ của “${note.field}”; giá trị được giữ trong thuộc tính khác.`
        : `${where}: ${note.key} = ${note.value} is not a valid ${note.field}; it was kept among the other attributes.`;
    case 'default_road_width':
    {
      const width = formatNumber(lang, note.widthM, Number.isInteger(note.widthM) ? 0 : 1);
      return vi ? `${where}: không có bề rộng đường; lấy ${width} m.` : `${where}: no road width was given; ${width} m was assumed.`;
    }
  }
}
