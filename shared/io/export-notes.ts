import { formatNumber, type FormatLang } from '../format';

/**
 * What an export noticed, as data; describeExportNote words it in the reader's language for the
 * export dialog and `ecopark convert`.
 */
export type ExportNote =
  /** A coordinate system asked for a format that is WGS 84 by definition; `format`: its extension ('.kml'). */
  | { code: 'crs_not_applied'; format: string; crs: string }
  /** A text value longer than its .dbf column (254 bytes at most), cut at a character boundary. */
  | { code: 'value_cut'; file: string; row: number; field: string; maxBytes: number };

export type ExportNoteCode = ExportNote['code'];
export const EXPORT_NOTE_CODES: readonly ExportNoteCode[] = ['crs_not_applied', 'value_cut'];

/** The note as a sentence in the reader's language. */
export function describeExportNote(note: ExportNote, lang: FormatLang): string {
  const vi = lang === 'vi';
  const n = (value: number) => formatNumber(lang, value, 0);
  switch (note.code) {
    case 'crs_not_applied':
      return vi
        ? `Tệp ${note.format} luôn được ghi theo WGS 84 (EPSG:4326); hệ tọa độ ${note.crs} chỉ áp dụng cho .shp.zip và .dxf.`
        : `A ${note.format} file is always written in WGS 84 (EPSG:4326); the coordinate system ${note.crs} applies to .shp.zip and .dxf only.`;
    case 'value_cut':
      return vi
        ? `${note.file}, dòng ${n(note.row)}: giá trị của trường ${note.field} dài hơn ${n(note.maxBytes)} byte nên bị cắt bớt.`
        : `${note.file}, row ${n(note.row)}: the value of ${note.field} is longer than ${n(note.maxBytes)} bytes, so it was cut.`;
  }
}

/** The first `max` notes as sentences, then how many more there are: a notice, not a wall of text. */
export function describeExportNotes(notes: readonly ExportNote[], lang: FormatLang, max = 3): string {
  const shown = notes.slice(0, max).map((note) => describeExportNote(note, lang));
  const more = notes.length - shown.length;
  if (more > 0) shown.push(lang === 'vi' ? `… và ${formatNumber(lang, more, 0)} ghi chú khác.` : `… and ${formatNumber(lang, more, 0)} more.`);
  return shown.join(' ');
}
