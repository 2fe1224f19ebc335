import { escapeXml } from './xml';
import { utf8, writeZip, type ZipEntries } from './zip';

/**
 * The one CSV and XLSX writer: the report's tables (shared/report) and the feature attribute
 * table of `ecopark convert` (feature-table.ts) both go through it. Values are written as they
 * come — numbers unformatted with a "." decimal — so the files stay language-neutral.
 */

/** A value of a table: text, a number, or an empty cell. */
export type TableValue = string | number | null;

/** One RFC 4180 field: quoted when it holds a quote, comma, line break or edge space (spreadsheets trim those). */
export function csvField(v: TableValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows as RFC 4180 lines (CRLF-separated, no trailing line break). */
export function csvLines(rows: readonly (readonly TableValue[])[]): string[] {
  return rows.map((row) => row.map(csvField).join(','));
}

/** A byte-order mark leads every CSV we write, so spreadsheet programs read Vietnamese as UTF-8. */
export const CSV_BOM = '\ufeff';

/** An XLSX cell: a value and the index of its style in the workbook's styles.xml (0 = default). */
export interface XlsxCell {
  v: TableValue;
  style?: number;
}

/** One worksheet. Rows may mix plain values and styled cells. */
export interface XlsxSheet {
  name: string;
  rows: readonly (readonly (XlsxCell | TableValue)[])[];
  /** Column widths in characters, first column first. */
  columnWidths?: readonly number[];
  /** Rows kept in view while scrolling (headers). */
  frozenRows?: number;
}

/** A workbook: sheets, optional styles.xml text, optional document properties. */
export interface XlsxWorkbook {
  sheets: readonly XlsxSheet[];
  stylesXml?: string;
  properties?: { title: string; creator: string; createdIsoDate: string };
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Text for XML 1.0, which forbids most control characters: a stray one would make Excel refuse the file. */
// eslint-disable-next-line no-control-regex
const xmlText = (s: string): string => escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet names as Excel wants them: ≤ 31 characters, none of []:*?/\, unique regardless of case. */
export function sheetNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  return raw.map((r) => {
    const base = r.replace(/[[\]:*?/\\]/g, '-').slice(0, 28) || 'sheet';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function cellXml(ref: string, cell: XlsxCell | TableValue): string {
  const { v, style } = cell !== null && typeof cell === 'object' ? cell : { v: cell, style: 0 };
  const s = style ? ` s="${style}"` : '';
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${row.map((c, i) => cellXml(`${columnName(i)}${r + 1}`, c)).join('')}</row>`).join('');
  const frozen = sheet.frozenRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '';
  const cols = sheet.columnWidths?.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return `${HEAD}<worksheet xmlns="${MAIN_NS}">${frozen}${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

/** An Office Open XML workbook (ECMA-376) with inline strings; the same input gives the same bytes. */
export function writeXlsx(book: XlsxWorkbook): Uint8Array {
  const names = sheetNames(book.sheets.map((s) => s.name));
  const ct = 'application/vnd.openxmlformats-officedocument';
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>`,
    book.stylesXml ? `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` : '',
    book.properties ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' : '',
    ...names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`),
  ].join('');
  const files: ZipEntries = {
    '[Content_Types].xml': utf8(`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`),
    '_rels/.rels': utf8(`${HEAD}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/>${book.properties ? `<Relationship Id="rId2" Type="${REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` : ''}</Relationships>`),
    'xl/workbook.xml': utf8(`${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_REL}"><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': utf8(`${HEAD}<Relationships xmlns="${REL_NS}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${book.stylesXml ? `<Relationship Id="rId${names.length + 1}" Type="${DOC_REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`),
  };
  if (book.stylesXml) files['xl/styles.xml'] = utf8(book.stylesXml);
  if (book.properties) {
    const p = book.properties;
    files['docProps/core.xml'] = utf8(`${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(p.title)}</dc:title><dc:creator>${xmlText(p.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${p.createdIsoDate}T00:00:00Z</dcterms:created></cp:coreProperties>`);
  }
  book.sheets.forEach((s, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = utf8(sheetXml(s)); });
  return writeZip(files);
}
