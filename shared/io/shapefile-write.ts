import type { Position } from 'geojson';
import type { ParkFeature } from '../model/feature';
import { fromWgs84, mapPositions, type CrsDefinition } from './crs/crs';
import { crsToWkt } from './crs/crs-wkt';
import { writeDbf, type DbfCut, type DbfField, type DbfValue } from './dbf';
import type { ExportNote } from './export-notes';
import type { ScenarioExport } from './export-input';
import { utf8, writeZip, type ZipEntries } from './zip';
import { pointsBox as bounds, signedRingArea } from '../geometry/ring';

/**
 * Zipped Shapefile export: one Shapefile per geometry type (a Shapefile holds one), each with
 * .shp, .shx, .dbf (UTF-8), .cpg and .prj, coordinates in the chosen CRS.
 */

const C = (name: string, length = 254): DbfField => ({ name, type: 'C', length, decimals: 0 });
const N = (name: string, decimals: number): DbfField => ({ name, type: 'N', length: decimals === 0 ? 10 : 20, decimals });

/** DBF column → model field; names cut to DBF's 10 characters where needed. */
const COMMON: [DbfField, string][] = [
  [C('id', 64), 'id'],
  [C('kind', 16), 'kind'],
  [C('name'), 'name'],
  [C('code', 64), 'code'],
  [C('notes'), 'notes'],
];
const COLUMNS: Record<ShapeGroup, [DbfField, string][]> = {
  polygons: [
    ...COMMON,
    [C('landUse', 16), 'landUse'],
    [C('subtype', 64), 'subtype'],
    [N('maxDensity', 6), 'maxDensity'],
    [N('maxFloors', 0), 'maxFloors'],
    [N('minGreenR', 6), 'minGreenRatio'],
    [N('maxFar', 6), 'maxFar'],
    [C('sector', 8), 'sector'],
    [C('sectorSch', 8), 'sectorScheme'],
    [C('tenant'), 'tenant'],
    [N('employees', 0), 'employees'],
    [N('elecMwhYr', 3), 'measuredElectricityMwhPerYear'],
    [N('waterM3Day', 3), 'measuredWaterM3PerDay'],
    [N('heightM', 4), 'heightM'],
    [N('floors', 0), 'floors'],
    [C('roofType', 16), 'roofType'],
    [C('props'), 'props'],
  ],
  lines: [...COMMON, [N('widthM', 4), 'widthM'], [C('props'), 'props']],
  points: [...COMMON, [C('facility', 64), 'facilityType'], [C('props'), 'props']],
};

type ShapeGroup = 'polygons' | 'lines' | 'points';

const SHAPE_TYPE: Record<ShapeGroup, number> = { points: 1, lines: 3, polygons: 5 };

function groupOf(f: ParkFeature): ShapeGroup {
  if (f.geometry.type === 'Point') return 'points';
  return f.geometry.type.includes('Line') ? 'lines' : 'polygons';
}

/** The parts of a shape record: rings wound as the Shapefile wants (outer clockwise, holes counter-clockwise). */
function shapeParts(f: ParkFeature, project: (p: Position) => Position): Position[][] {
  const g = f.geometry;
  if (g.type === 'Point') return [[project(g.coordinates)]];
  if (g.type === 'LineString') return [g.coordinates.map(project)];
  if (g.type === 'MultiLineString') return g.coordinates.map((l) => l.map(project));
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.flatMap((rings) =>
    rings.map((ring, i) => {
      const r = ring.map(project);
      const clockwise = signedRingArea(r) < 0;
      return (i === 0) === clockwise ? r : r.reverse();
    }),
  );
}


function writeShpShx(type: number, shapes: Position[][][]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = shapes.map((parts) => {
    const points = parts.flat();
    if (type === 1) return 20;
    return 44 + 4 * parts.length + 16 * points.length;
  });
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c, 0);
  const shp = new DataView(new ArrayBuffer(shpLength));
  const shx = new DataView(new ArrayBuffer(100 + 8 * shapes.length));
  const all = shapes.flat(2);
  const box = bounds(all);
  for (const [view, length] of [[shp, shpLength], [shx, 100 + 8 * shapes.length]] as const) {
    view.setInt32(0, 9994, false);
    view.setInt32(24, length / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, type, true);
    box.forEach((v, i) => view.setFloat64(36 + 8 * i, all.length > 0 ? v : 0, true));
  }
  let pos = 100;
  shapes.forEach((parts, i) => {
    shx.setInt32(100 + 8 * i, pos / 2, false);
    shx.setInt32(104 + 8 * i, contents[i] / 2, false);
    shp.setInt32(pos, i + 1, false);
    shp.setInt32(pos + 4, contents[i] / 2, false);
    const at = pos + 8;
    shp.setInt32(at, type, true);
    const points = parts.flat();
    if (type === 1) {
      shp.setFloat64(at + 4, points[0][0], true);
      shp.setFloat64(at + 12, points[0][1], true);
    } else {
      bounds(points).forEach((v, k) => shp.setFloat64(at + 4 + 8 * k, v, true));
      shp.setInt32(at + 36, parts.length, true);
      shp.setInt32(at + 40, points.length, true);
      let start = 0;
      parts.forEach((part, k) => {
        shp.setInt32(at + 44 + 4 * k, start, true);
        start += part.length;
      });
      const pointsAt = at + 44 + 4 * parts.length;
      points.forEach((p, k) => {
        shp.setFloat64(pointsAt + 16 * k, p[0], true);
        shp.setFloat64(pointsAt + 16 * k + 8, p[1], true);
      });
    }
    pos = at + contents[i];
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

export interface ShapefileExport {
  bytes: Uint8Array;
  /** Layers written with their feature counts, e.g. "park_polygons". */
  layers: { name: string; count: number }[];
  /** Values cut to fit their .dbf column. */
  notes: ExportNote[];
}

/** ASCII base name for the member files ("Yên Phong" → "Yen_Phong"): some tools choke on non-ASCII names in zips. */
export function asciiBaseName(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'park'
  );
}

export function exportShapefileZip(input: ScenarioExport, crs: CrsDefinition, baseName = asciiBaseName(input.projectName)): ShapefileExport {
  const project = (p: Position): Position => mapPositions(p, (x, y) => fromWgs84(crs, x, y)).slice(0, 2);
  const entries: ZipEntries = {};
  const notes: ExportNote[] = [];
  const layers: ShapefileExport['layers'] = [];
  for (const group of ['polygons', 'lines', 'points'] as ShapeGroup[]) {
    const features = input.features.filter((f) => groupOf(f) === group);
    if (features.length === 0) continue;
    const name = `${baseName}_${group}`;
    const columns = COLUMNS[group];
    const rows: DbfValue[][] = features.map((f) => {
      const fields = f as unknown as Record<string, unknown>;
      return columns.map(([, key]) => {
        if (key === 'props') return f.props && Object.keys(f.props).length > 0 ? JSON.stringify(f.props) : null;
        const v = fields[key];
        return typeof v === 'string' || typeof v === 'number' ? v : null;
      });
    });
    const cuts: DbfCut[] = [];
    entries[`${name}.dbf`] = writeDbf(columns.map(([f]) => f), rows, cuts);
    notes.push(...cuts.map((cut): ExportNote => ({ code: 'value_cut', file: `${name}.dbf`, ...cut })));
    const { shp, shx } = writeShpShx(SHAPE_TYPE[group], features.map((f) => shapeParts(f, project)));
    entries[`${name}.shp`] = shp;
    entries[`${name}.shx`] = shx;
    entries[`${name}.prj`] = utf8(crsToWkt(crs));
    entries[`${name}.cpg`] = utf8('UTF-8');
    layers.push({ name, count: features.length });
  }
  return { bytes: writeZip(entries), layers, notes };
}
