import type { Position } from 'geojson';
import type { ParkFeature } from '../model/feature';
import { LAND_USE_CODES } from '../model/land-use';
import { fromWgs84, type CrsDefinition } from './crs/crs';
import { featureGroup, type ScenarioExport } from './export-input';

/**
 * DXF export: AutoCAD R12 (AC1009) ASCII, one layer per land use plus BOUNDARY, BUILDING, ROAD
 * and POINT; every ring a closed POLYLINE, every road an open one, facilities POINTs.
 * Why R12 and POLYLINE rather than R2000 LWPOLYLINE: AutoCAD and every CAD program open a
 * minimal R12 file, while R13+ files need handles, class and object sections to load. DXF has
 * no attributes and no CRS: coordinates are in the chosen CRS (state it on the drawing), names
 * and other attributes are not carried (use GeoPackage, Shapefile or GeoJSON for those).
 */

/** DXF layer of a feature group ("industrial" → "INDUSTRIAL"). */
export function dxfLayerName(group: string): string {
  return group.toUpperCase();
}

/** AutoCAD colour index per layer, close to the catalogue colours. */
const COLOURS: Record<string, number> = {
  BOUNDARY: 1,
  INDUSTRIAL: 6,
  TECHNICAL: 5,
  ADMIN_SERVICES: 1,
  TRAFFIC: 8,
  GREEN: 3,
  WATER: 4,
  OTHER: 7,
  BUILDING: 30,
  ROAD: 9,
  POINT: 2,
};

export const DXF_LAYERS = ['BOUNDARY', ...LAND_USE_CODES.map(dxfLayerName), 'BUILDING', 'ROAD', 'POINT'];

export interface DxfExport {
  text: string;
  /** Layer name → entity count. */
  counts: Record<string, number>;
}

export function exportDxf(input: ScenarioExport, crs: CrsDefinition): DxfExport {
  const digits = crs.tm ? 4 : 9;
  const fmt = (v: number): string => v.toFixed(digits);
  const project = (p: Position): [number, number] => fromWgs84(crs, p[0], p[1]);
  const out: string[] = [];
  const put = (code: number, value: string | number): void => {
    out.push(String(code), String(value));
  };
  const counts: Record<string, number> = {};
  const entities: string[] = [];
  const body = (code: number, value: string | number): void => {
    entities.push(String(code), String(value));
  };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polyline = (layer: string, points: [number, number][], closed: boolean): void => {
    counts[layer] = (counts[layer] ?? 0) + 1;
    // A closed POLYLINE repeats no vertex: the closing flag draws the last edge.
    const pts = closed && points.length > 1 && points[0][0] === points[points.length - 1][0] && points[0][1] === points[points.length - 1][1] ? points.slice(0, -1) : points;
    body(0, 'POLYLINE');
    body(8, layer);
    body(66, 1);
    body(10, fmt(0));
    body(20, fmt(0));
    body(30, fmt(0));
    body(70, closed ? 1 : 0);
    for (const [x, y] of pts) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
      body(0, 'VERTEX');
      body(8, layer);
      body(10, fmt(x));
      body(20, fmt(y));
      body(30, fmt(0));
    }
    body(0, 'SEQEND');
    body(8, layer);
  };
  for (const f of input.features) writeFeature(f, dxfLayerName(featureGroup(f)));

  function writeFeature(f: ParkFeature, layer: string): void {
    const g = f.geometry;
    if (g.type === 'Point') {
      const [x, y] = project(g.coordinates);
      counts[layer] = (counts[layer] ?? 0) + 1;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
      body(0, 'POINT');
      body(8, layer);
      body(10, fmt(x));
      body(20, fmt(y));
      body(30, fmt(0));
    } else if (g.type === 'LineString') polyline(layer, g.coordinates.map(project), false);
    else if (g.type === 'MultiLineString') g.coordinates.forEach((l) => polyline(layer, l.map(project), false));
    else {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      polygons.forEach((rings) => rings.forEach((ring) => polyline(layer, ring.map(project), true)));
    }
  }

  put(0, 'SECTION');
  put(2, 'HEADER');
  put(9, '$ACADVER');
  put(1, 'AC1009');
  put(9, '$EXTMIN');
  put(10, fmt(Number.isFinite(minX) ? minX : 0));
  put(20, fmt(Number.isFinite(minY) ? minY : 0));
  put(9, '$EXTMAX');
  put(10, fmt(Number.isFinite(maxX) ? maxX : 0));
  put(20, fmt(Number.isFinite(maxY) ? maxY : 0));
  put(0, 'ENDSEC');
  put(0, 'SECTION');
  put(2, 'TABLES');
  put(0, 'TABLE');
  put(2, 'LTYPE');
  put(70, 1);
  put(0, 'LTYPE');
  put(2, 'CONTINUOUS');
  put(70, 0);
  put(3, 'Solid line');
  put(72, 65);
  put(73, 0);
  put(40, '0.0');
  put(0, 'ENDTAB');
  put(0, 'TABLE');
  put(2, 'LAYER');
  put(70, DXF_LAYERS.length);
  for (const layer of DXF_LAYERS) {
    put(0, 'LAYER');
    put(2, layer);
    put(70, 0);
    put(62, COLOURS[layer] ?? 7);
    put(6, 'CONTINUOUS');
  }
  put(0, 'ENDTAB');
  put(0, 'ENDSEC');
  put(0, 'SECTION');
  put(2, 'ENTITIES');
  out.push(...entities);
  put(0, 'ENDSEC');
  put(0, 'EOF');
  return { text: `${out.join('\r\n')}\r\n`, counts };
}
