import { along, centerOfMass, length as turfLength } from '@turf/turf';
import type { ParkFeature } from '../model/feature';
import { ATTRIBUTE_NAMES } from '../model/feature';
import { geodesicAreaM2, geodesicLengthM } from '../geometry/geodesic';
import type { ScenarioExport } from './export-input';
import { escapeXml } from './xml';
import { utf8, writeZip } from './zip';

/**
 * The features of a scenario as an attribute table (CSV or XLSX): one row per feature with
 * id, kind, the profile attributes, props as JSON, geodesic area (polygons) or length (lines)
 * on the WGS84 ellipsoid, and a representative point. The report spreadsheets live in
 * shared/report; this is the data-exchange table of `ecopark convert`.
 */

export const TABLE_COLUMNS = ['id', 'kind', ...ATTRIBUTE_NAMES, 'props', 'areaM2', 'lengthM', 'centroidLon', 'centroidLat'] as const;

export type TableCell = string | number | null;

/** Centroid of area for polygons, the midpoint along the line for roads, the point itself. */
function representativePoint(f: ParkFeature): number[] {
  const g = f.geometry;
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return centerOfMass({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates;
  const line = g.type === 'LineString' ? g.coordinates : g.coordinates.reduce((a, b) => (b.length > a.length ? b : a));
  const feature = { type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: line } };
  return along(feature, turfLength(feature) / 2).geometry.coordinates;
}

export function featureRows(input: ScenarioExport): TableCell[][] {
  return input.features.map((f) => {
    const fields = f as unknown as Record<string, unknown>;
    const area = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon' ? geodesicAreaM2(f.geometry) : null;
    const len = f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString' ? geodesicLengthM(f.geometry) : null;
    const [lon, lat] = representativePoint(f);
    return TABLE_COLUMNS.map((c) => {
      if (c === 'props') return f.props && Object.keys(f.props).length > 0 ? JSON.stringify(f.props) : null;
      if (c === 'areaM2') return area === null ? null : Math.round(area * 100) / 100;
      if (c === 'lengthM') return len === null ? null : Math.round(len * 100) / 100;
      if (c === 'centroidLon') return Number(lon.toFixed(8));
      if (c === 'centroidLat') return Number(lat.toFixed(8));
      const v = fields[c];
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    });
  });
}

const csvCell = (v: TableCell): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV, UTF-8 with a byte-order mark so Excel shows Vietnamese correctly. */
export function exportCsv(input: ScenarioExport): string {
  const lines = [TABLE_COLUMNS.join(','), ...featureRows(input).map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** XML 1.0 forbids most control characters; one in a note would make Excel refuse the file. */
// eslint-disable-next-line no-control-regex
const xmlText = (s: string): string => escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));

/** A one-sheet Office Open XML workbook (ECMA-376), inline strings, no styles. */
export function exportXlsx(input: ScenarioExport): Uint8Array {
  const rows = [[...TABLE_COLUMNS] as TableCell[], ...featureRows(input)];
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${column(c)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const sheetName = xmlText(input.scenarioName.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'features');
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return writeZip({
    '[Content_Types].xml': utf8(`${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    '_rels/.rels': utf8(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': utf8(`${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': utf8(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': utf8(`${head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}
