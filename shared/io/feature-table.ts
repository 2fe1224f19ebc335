import { along } from '@turf/along';
import { centerOfMass } from '@turf/center-of-mass';
import { length as turfLength } from '@turf/length';
import type { ParkFeature } from '../model/feature';
import { ATTRIBUTE_NAMES } from '../model/feature';
import { geodesicAreaM2, geodesicLengthM } from '../geometry/geodesic';
import type { ScenarioExport } from './export-input';
import { CSV_BOM, csvLines, writeXlsx, type TableValue } from './spreadsheet';

/**
 * The features of a scenario as an attribute table (CSV or XLSX): one row per feature with
 * id, kind, the profile attributes, props as JSON, geodesic area (polygons) or length (lines)
 * on the WGS84 ellipsoid, and a representative point. The report spreadsheets live in
 * shared/report; this is the data-exchange table of `ecopark convert`.
 */

export const TABLE_COLUMNS = ['id', 'kind', ...ATTRIBUTE_NAMES, 'props', 'areaM2', 'lengthM', 'centroidLon', 'centroidLat'] as const;

export type TableCell = TableValue;

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

/** RFC 4180 CSV, UTF-8 with a byte-order mark so Excel shows Vietnamese correctly. */
export function exportCsv(input: ScenarioExport): string {
  return `${CSV_BOM}${csvLines([[...TABLE_COLUMNS], ...featureRows(input)]).join('\r\n')}\r\n`;
}

/** A one-sheet workbook named after the scenario, inline strings, no styles. */
export function exportXlsx(input: ScenarioExport): Uint8Array {
  return writeXlsx({ sheets: [{ name: input.scenarioName || 'features', rows: [[...TABLE_COLUMNS], ...featureRows(input)] }] });
}
