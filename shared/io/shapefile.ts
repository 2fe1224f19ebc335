import type { Feature, Geometry, Position } from 'geojson';
import { parseCrsCode, type CrsDefinition } from './crs/crs';
import { crsFromWkt } from './crs/crs-wkt';
import { readDbf } from './dbf';
import { geometryToWgs84, importFailure, makeLayer, rawBbox, type ImportedLayer, type ImportResult } from './imported-layer';
import { guessCrsFromCoordinates } from './crs/crs';
import { codePageLabel } from './text-codec';
import { readZip, fromUtf8 } from './zip';

/**
 * Zipped Shapefiles (ESRI Shapefile Technical Description, July 1998): every .shp in the zip is
 * one layer, with its .dbf attributes, its .prj coordinate system and its .cpg code page.
 * Without a .prj the coordinates are ambiguous: the import stops with 'crs_required' and a
 * guess, unless the caller names the CRS.
 */

export interface ShapefileImportOptions {
  /** CRS of files without .prj (or overriding it), e.g. 'VN2000:105.5'. */
  crs?: string;
  /** The project's province, to guess a VN-2000 zone. */
  province?: string;
}

/** DBF names are 10 characters: ours are cut ("minGreenR"), read back to the profile name. */
const DBF_NAMES: Record<string, string> = { minGreenR: 'minGreenRatio', facility: 'facilityType' };

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function inside(p: Position, ring: Position[]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Shapefile rings: clockwise outer, counter-clockwise holes; out as RFC 7946 (outer counter-clockwise). */
function assemblePolygon(rings: Position[][]): Geometry | null {
  const polygons: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    if (signedArea(ring) < 0) polygons.push([ring.slice().reverse()]);
    else holes.push(ring.slice().reverse());
  }
  for (const hole of holes) {
    const owner = polygons.find((p) => inside(hole[0], p[0]));
    // A lone counter-clockwise ring is a badly wound outer ring, not a hole without a home.
    if (owner) owner.push(hole);
    else polygons.push([hole.slice().reverse()]);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

function readShp(bytes: Uint8Array): { ok: true; geometries: (Geometry | null)[] } | { ok: false; detail: string } {
  if (bytes.length < 100) return { ok: false, detail: 'the .shp file is shorter than its 100-byte header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) return { ok: false, detail: 'the .shp file has no Shapefile signature (9994)' };
  const end = Math.min(bytes.length, view.getInt32(24, false) * 2);
  const geometries: (Geometry | null)[] = [];
  let pos = 100;
  while (pos + 8 <= end) {
    const length = view.getInt32(pos + 4, false) * 2;
    const at = pos + 8;
    pos = at + length;
    if (pos > bytes.length) return { ok: false, detail: `record ${geometries.length + 1} runs past the end of the .shp file` };
    const type = view.getInt32(at, true);
    const base = type % 10;
    if (type === 0) geometries.push(null);
    else if (base === 1) geometries.push({ type: 'Point', coordinates: [view.getFloat64(at + 4, true), view.getFloat64(at + 12, true)] });
    else if (base === 8) {
      const n = view.getInt32(at + 36, true);
      const pts: Position[] = [];
      for (let i = 0; i < n; i++) pts.push([view.getFloat64(at + 40 + 16 * i, true), view.getFloat64(at + 48 + 16 * i, true)]);
      geometries.push({ type: 'MultiPoint', coordinates: pts });
    } else if (base === 3 || base === 5) {
      const numParts = view.getInt32(at + 36, true);
      const numPoints = view.getInt32(at + 40, true);
      const partsAt = at + 44;
      const pointsAt = partsAt + 4 * numParts;
      const parts: Position[][] = [];
      for (let p = 0; p < numParts; p++) {
        const from = view.getInt32(partsAt + 4 * p, true);
        const to = p + 1 < numParts ? view.getInt32(partsAt + 4 * (p + 1), true) : numPoints;
        const ring: Position[] = [];
        for (let i = from; i < to; i++) ring.push([view.getFloat64(pointsAt + 16 * i, true), view.getFloat64(pointsAt + 16 * i + 8, true)]);
        parts.push(ring);
      }
      if (base === 5) geometries.push(assemblePolygon(parts));
      else geometries.push(parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts });
    } else return { ok: false, detail: `shape type ${type} is not supported (points, lines, polygons and multipoints are)` };
  }
  return { ok: true, geometries };
}

/** Imports every Shapefile of a zip as one layer each. */
export function importShapefileZip(bytes: Uint8Array, options: ShapefileImportOptions = {}): ImportResult {
  const zip = readZip(bytes);
  if (!zip.ok) return importFailure('broken_zip', zip.detail);
  const byBase = new Map<string, Record<string, Uint8Array>>();
  for (const [name, data] of Object.entries(zip.entries)) {
    const m = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(name);
    if (!m || name.split('/').some((p) => p.startsWith('__MACOSX'))) continue;
    const parts = byBase.get(m[1]) ?? {};
    parts[m[2].toLowerCase()] = data;
    byBase.set(m[1], parts);
  }
  const bases = [...byBase.entries()].filter(([, p]) => p.shp).sort(([a], [b]) => a.localeCompare(b));
  if (bases.length === 0) return importFailure('no_shapefile', 'the zip holds no .shp file');
  const override = options.crs !== undefined ? parseCrsCode(options.crs) : undefined;
  if (options.crs !== undefined && !override) return importFailure('unsupported_crs', `unknown coordinate system ${options.crs}`);
  const layers: ImportedLayer[] = [];
  const warnings: string[] = [];
  const used = new Set<string>();
  for (const [base, files] of bases) {
    const name = base.split('/').pop() ?? base;
    const shp = readShp(files.shp);
    if (!shp.ok) return importFailure('invalid_shapefile', `${name}.shp: ${shp.detail}`);
    let crs: CrsDefinition | undefined = override;
    if (!crs && files.prj) {
      crs = crsFromWkt(fromUtf8(files.prj));
      if (!crs) return importFailure('unsupported_crs', `${name}.prj describes a coordinate system EcoPark Planner does not know; choose one (VN-2000 zone, UTM 48N/49N or WGS 84)`, guessCrsFromCoordinates(rawBbox(shp.geometries), options.province));
    }
    if (!crs) {
      const guess = guessCrsFromCoordinates(rawBbox(shp.geometries), options.province);
      return importFailure('crs_required', `${name} has no .prj file, so its coordinate system is unknown; choose it${guess ? ` (the coordinates suggest ${guess})` : ''}`, guess);
    }
    used.add(crs.code);
    let rows: Record<string, unknown>[] = [];
    if (files.dbf) {
      const dbf = readDbf(files.dbf, files.cpg ? codePageLabel(fromUtf8(files.cpg)) : 'utf-8');
      if (!dbf.ok) return importFailure('invalid_shapefile', `${name}.dbf: ${dbf.detail}`);
      if (dbf.usedFallback) warnings.push(`${name}.dbf is not valid in its declared code page; read as ${dbf.encoding}`);
      // An empty DBF cell is the format's only way to say "no value": nothing to keep.
      rows = dbf.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null).map(([k, v]) => [DBF_NAMES[k] ?? k, v])));
      if (rows.length !== shp.geometries.length) warnings.push(`${name}: ${shp.geometries.length} shapes but ${rows.length} attribute rows`);
    } else warnings.push(`${name} has no .dbf file: no attributes`);
    const crsOf = crs;
    const features: Feature<Geometry, Record<string, unknown>>[] = [];
    shp.geometries.forEach((g, i) => {
      if (!g) {
        warnings.push(`${name}, record ${i + 1}: empty shape; not imported`);
        return;
      }
      features.push({ type: 'Feature', properties: rows[i] ?? {}, geometry: geometryToWgs84(g, crsOf) });
    });
    layers.push(makeLayer(name, features));
  }
  return { ok: true, layers, warnings, crs: [...used].join(', ') };
}
