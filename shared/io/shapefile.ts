import type { Feature, Geometry, Position } from 'geojson';
import { parseCrsCode, withTransformation, type CrsDefinition } from './crs/crs';
import type { VnTransformationChoice } from './crs/vn2000-transformations';
import { crsFromWkt } from './crs/crs-wkt';
import { readDbf } from './dbf';
import { catchLimits, geometryToWgs84, importFailure, makeLayer, rawBbox, transformationCodes, type ImportedLayer, type ImportResult } from './imported-layer';
import type { ImportNote } from './import-notes';
import { guessCrsFromCoordinates } from './crs/crs';
import { codePageLabel } from './text-codec';
import { fromUtf8, openZip, type ZipArchive } from './zip';
import { checkLimit, DEFAULT_LIMITS, type Limits } from '../limits';
import { getOwn } from '../own-property';
import { signedRingArea } from '../geometry/ring';
import { pointInRing } from '../geometry/planar-ring';

/**
 * Zipped Shapefiles (ESRI Shapefile Technical Description, July 1998): every .shp in the zip is
 * one layer, with its .dbf attributes, its .prj coordinate system and its .cpg code page.
 * Without a .prj the coordinates are ambiguous: the import stops with 'crs_required' and a
 * guess, unless the caller names the CRS.
 */

export interface ShapefileImportOptions {
  /** CRS of files without .prj (or overriding it), e.g. 'VN2000:105.5'. */
  crs?: string;
  /** VN-2000 → WGS 84 transformation; absent: the .prj's TOWGS84 when it names one, else 'auto'. */
  transformation?: VnTransformationChoice;
  /** The project's province, to guess a VN-2000 zone. */
  province?: string;
  /** Size limits (defaults, or raised by the user). */
  limits?: Limits;
}

/** DBF names are 10 characters: ours are cut ("minGreenR"), read back to the profile name. */
const DBF_NAMES: Record<string, string> = {
  minGreenR: 'minGreenRatio',
  facility: 'facilityType',
  sectorSch: 'sectorScheme',
  elecMwhYr: 'measuredElectricityMwhPerYear',
  waterM3Day: 'measuredWaterM3PerDay',
};

/** Shapefile rings: clockwise outer, counter-clockwise holes; out as RFC 7946 (outer counter-clockwise). */
function assemblePolygon(rings: Position[][]): Geometry | null {
  const polygons: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    if (signedRingArea(ring) < 0) polygons.push([ring.slice().reverse()]);
    else holes.push(ring.slice().reverse());
  }
  for (const hole of holes) {
    const owner = polygons.find((p) => pointInRing(hole[0], p[0]));
    // A lone counter-clockwise ring is a badly wound outer ring, not a hole without a home.
    if (owner) owner.push(hole);
    else polygons.push([hole.slice().reverse()]);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

type ShpResult = { ok: true; geometries: (Geometry | null)[] } | { ok: false; detail: string };
type ShapeRead = { geometry: Geometry | null; vertices: number } | { problem: string };

/** Null, point, polyline, polygon, multipoint and their Z and M forms (whose extra values are skipped). */
const SUPPORTED_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);

/**
 * The records of a .shp. Every count and length is checked against the record and the file
 * before it is used, and every record moves the position forward by at least its 8-byte
 * header plus 4 bytes, so a hostile file can neither loop nor read out of bounds.
 */
function readShp(bytes: Uint8Array, limits: Limits): ShpResult {
  if (bytes.length < 100) return { ok: false, detail: 'the .shp file is shorter than its 100-byte header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) return { ok: false, detail: 'the .shp file has no Shapefile signature (9994)' };
  // Lengths are in 16-bit words; bytes after the declared end are ignored.
  const end = view.getInt32(24, false) * 2;
  if (end < 100 || end > bytes.length) return { ok: false, detail: `the header gives a file length of ${end} bytes, but the file has ${bytes.length}` };
  const geometries: (Geometry | null)[] = [];
  let vertices = 0;
  let pos = 100;
  while (pos + 8 <= end) {
    const where = `record ${geometries.length + 1} at byte ${pos}`;
    const at = pos + 8;
    const length = view.getInt32(pos + 4, false) * 2;
    if (length < 4 || at + length > end) return { ok: false, detail: `${where}: its content length of ${length} bytes is not between 4 and the ${end - at} bytes left in the file` };
    checkLimit(limits, 'features-per-file', geometries.length + 1);
    const shape = readShape(view, at, length);
    if ('problem' in shape) return { ok: false, detail: `${where}: ${shape.problem}` };
    checkLimit(limits, 'vertices-per-feature', shape.vertices, where);
    vertices += shape.vertices;
    checkLimit(limits, 'vertices-per-file', vertices);
    geometries.push(shape.geometry);
    pos = at + length;
  }
  return { ok: true, geometries };
}

/** One record's shape, its counts checked against its `length` bytes starting at `at`. */
function readShape(view: DataView, at: number, length: number): ShapeRead {
  const type = view.getInt32(at, true);
  if (!SUPPORTED_TYPES.has(type)) return { problem: `shape type ${type} is not supported (points, lines, polygons and multipoints are)` };
  const xy = (offset: number): Position => [view.getFloat64(offset, true), view.getFloat64(offset + 8, true)];
  const base = type % 10;
  if (type === 0) return { geometry: null, vertices: 0 };
  if (base === 1) {
    if (length < 20) return { problem: `a point needs 20 bytes, the record has ${length}` };
    return { geometry: { type: 'Point', coordinates: xy(at + 4) }, vertices: 1 };
  }
  if (base === 8) {
    const count = length >= 40 ? view.getInt32(at + 36, true) : -1;
    if (count < 0 || 40 + 16 * count > length) return { problem: `${count < 0 ? 'no valid point count' : `${count} points`} in a multipoint record of ${length} bytes` };
    const points: Position[] = [];
    for (let i = 0; i < count; i++) points.push(xy(at + 40 + 16 * i));
    return { geometry: { type: 'MultiPoint', coordinates: points }, vertices: count };
  }
  if (length < 44) return { problem: `a line or polygon needs at least 44 bytes, the record has ${length}` };
  const numParts = view.getInt32(at + 36, true);
  const numPoints = view.getInt32(at + 40, true);
  if (numParts < 0 || numPoints < 0 || 44 + 4 * numParts + 16 * numPoints > length) return { problem: `${numParts} parts and ${numPoints} points do not fit in a record of ${length} bytes` };
  const partsAt = at + 44;
  const pointsAt = partsAt + 4 * numParts;
  const starts: number[] = [];
  for (let p = 0; p < numParts; p++) {
    const start = view.getInt32(partsAt + 4 * p, true);
    const previous = starts.length > 0 ? starts[starts.length - 1] : 0;
    if (start < previous || start > numPoints) return { problem: `part ${p + 1} starts at point ${start}, outside ${previous}–${numPoints}` };
    starts.push(start);
  }
  const parts = starts.map((from, p) => {
    const ring: Position[] = [];
    for (let i = from; i < (p + 1 < numParts ? starts[p + 1] : numPoints); i++) ring.push(xy(pointsAt + 16 * i));
    return ring;
  });
  if (base === 5) return { geometry: assemblePolygon(parts), vertices: numPoints };
  return { geometry: parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts }, vertices: numPoints };
}

type ShapefilePart = 'shp' | 'dbf' | 'prj' | 'cpg';

/** The parts of one Shapefile the reader uses, inflated from the zip (the .shx index is not needed). */
function readParts(archive: ZipArchive, names: Partial<Record<ShapefilePart, string>>): { ok: true; files: Partial<Record<ShapefilePart, Uint8Array>> } | { ok: false; detail: string } {
  const files: Partial<Record<ShapefilePart, Uint8Array>> = {};
  for (const part of ['shp', 'dbf', 'prj', 'cpg'] as const) {
    const name = names[part];
    if (name === undefined) continue;
    const entry = archive.read(name);
    if (!entry.ok) return entry;
    files[part] = entry.data;
  }
  return { ok: true, files };
}

/** Imports every Shapefile of a zip as one layer each; only their .shp, .dbf, .prj and .cpg entries are inflated. */
export function importShapefileZip(bytes: Uint8Array, options: ShapefileImportOptions = {}): ImportResult {
  return catchLimits(() => readShapefileZip(bytes, options, options.limits ?? DEFAULT_LIMITS));
}

function readShapefileZip(bytes: Uint8Array, options: ShapefileImportOptions, limits: Limits): ImportResult {
  const zip = openZip(bytes, limits);
  if (!zip.ok) return importFailure(zip.notZip ? { code: 'not_zip' } : { code: 'zip_damaged', technical: zip.detail });
  const byBase = new Map<string, Partial<Record<ShapefilePart, string>>>();
  for (const name of zip.archive.names) {
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(name);
    if (!m || name.split('/').some((p) => p.startsWith('__MACOSX'))) continue;
    const parts = byBase.get(m[1]) ?? {};
    parts[m[2].toLowerCase() as ShapefilePart] = name;
    byBase.set(m[1], parts);
  }
  const bases = [...byBase.entries()].filter(([, p]) => p.shp).sort(([a], [b]) => a.localeCompare(b));
  if (bases.length === 0) return importFailure({ code: 'zip_no_shp' });
  const override = options.crs !== undefined ? parseCrsCode(options.crs) : undefined;
  if (options.crs !== undefined && !override) return importFailure({ code: 'unknown_crs', crs: options.crs });
  const layers: ImportedLayer[] = [];
  const notes: ImportNote[] = [];
  const used = new Set<string>();
  const transformations = new Set<string>();
  for (const [base, names] of bases) {
    const name = base.split('/').pop() ?? base;
    const read = readParts(zip.archive, names);
    if (!read.ok) return importFailure({ code: 'zip_damaged', technical: read.detail });
    const files = read.files;
    if (!files.shp) continue;
    const shp = readShp(files.shp, limits);
    if (!shp.ok) return importFailure({ code: 'shp_damaged', file: `${name}.shp`, technical: shp.detail });
    let crs: CrsDefinition | undefined = override;
    if (!crs && files.prj) {
      crs = crsFromWkt(fromUtf8(files.prj));
      if (!crs) return importFailure({ code: 'prj_unknown', layer: name }, guessCrsFromCoordinates(rawBbox(shp.geometries), options.province));
    }
    if (!crs) {
      const guess = guessCrsFromCoordinates(rawBbox(shp.geometries), options.province);
      return importFailure(guess ? { code: 'prj_missing', layer: name, guess } : { code: 'prj_missing', layer: name }, guess);
    }
    used.add(crs.code);
    let rows: Record<string, unknown>[] = [];
    if (files.dbf) {
      const dbf = readDbf(files.dbf, files.cpg ? codePageLabel(fromUtf8(files.cpg)) : 'utf-8', limits);
      if (!dbf.ok) return importFailure({ code: 'shp_damaged', file: `${name}.dbf`, technical: dbf.detail });
      if (dbf.usedFallback) notes.push({ code: 'encoding_fallback', file: `${name}.dbf`, encoding: dbf.encoding });
      // An empty DBF cell is the format's only way to say "no value": nothing to keep.
      rows = dbf.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null).map(([k, v]) => [getOwn(DBF_NAMES, k) ?? k, v])));
      if (rows.length !== shp.geometries.length) notes.push({ code: 'shapefile_row_mismatch', layer: name, shapes: shp.geometries.length, rows: rows.length });
    } else notes.push({ code: 'shapefile_no_dbf', layer: name });
    // The user's transformation choice wins over a .prj TOWGS84; neither means PROJ's automatic pick.
    const crsOf = withTransformation(crs, options.transformation);
    const features: Feature<Geometry, Record<string, unknown>>[] = [];
    shp.geometries.forEach((g, i) => {
      if (!g) {
        notes.push({ code: 'invalid_geometry', layer: name, feature: i + 1, problem: 'empty' });
        return;
      }
      features.push({ type: 'Feature', properties: rows[i] ?? {}, geometry: geometryToWgs84(g, crsOf) });
    });
    for (const code of transformationCodes(crsOf, features.map((f) => f.geometry))) transformations.add(code);
    layers.push(makeLayer(name, features));
  }
  return { ok: true, layers, notes, crs: [...used].join(', '), transformations: [...transformations] };
}
