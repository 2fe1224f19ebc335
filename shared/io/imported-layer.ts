import type { Feature, Geometry } from 'geojson';
import { mapPositions, toWgs84, transformationsUsed, type CrsDefinition } from './crs/crs';
import type { ImportNote } from './import-notes';
import { describeImportRefusal, REFUSAL_REASONS, type FileRefusal } from './import-refusals';
import { VN2000_TO_WGS84_2 } from './crs/vn2000-transformations';
import { LimitExceededError, type LimitExceeded } from '../limits';

/**
 * What every importer returns (GeoJSON, KML/KMZ, Shapefile, DXF, foreign GeoPackage): layers of
 * plain GeoJSON features in EPSG:4326 with their raw attributes, before the mapping step
 * (apply-mapping.ts) decides kinds and land uses.
 */

/** Geometry family of a layer; 'Mixed' when it holds more than one. */
export type LayerGeometryType = 'Point' | 'LineString' | 'Polygon' | 'Mixed' | 'None';

/** One source layer (a KML folder, a Shapefile, a DXF layer, a GeoPackage table). Coordinates in EPSG:4326. */
export interface ImportedLayer {
  name: string;
  geometryType: LayerGeometryType;
  features: Feature<Geometry, Record<string, unknown>>[];
  /** Every attribute name of the features, in first-seen order. */
  attributeNames: string[];
}

/** Why a file was refused; the UI and the CLI turn each into a message. */
export const IMPORT_FAILURES = [
  'unsupported_format',
  'not_geojson',
  'invalid_kml',
  'broken_zip',
  'no_shapefile',
  'invalid_shapefile',
  'crs_required',
  'unsupported_crs',
  'invalid_dxf',
  'no_closed_polylines',
  'invalid_geopackage',
  'empty',
  'limit_exceeded',
] as const;
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

export type ImportResult =
  | {
      ok: true;
      layers: ImportedLayer[];
      /** What the reader noticed (skipped entities, encodings), as data for describeImportNote. */
      notes: ImportNote[];
      /** CRS the source coordinates were read in. */
      crs: string;
      /** EPSG codes of the VN-2000 → WGS 84 transformations run ('EPSG:5194', 'EPSG:6960'); empty or absent for WGS 84 input. */
      transformations?: string[];
    }
  | {
      ok: false;
      reason: ImportFailure;
      /** Why, as data for describeImportRefusal in the reader's language. */
      refusal: FileRefusal;
      /** The refusal in English, for logs and tests. */
      detail: string;
      /** For crs_required: the suggested default. */
      guess?: string;
      /** For limit_exceeded: which limit, its maximum and the value met (the UI and CLI word it in the reader's language). */
      limit?: LimitExceeded;
      /** What the reader noticed before refusing (e.g. unsupported DXF entities): the explanation of an 'empty' refusal. */
      notes?: ImportNote[];
    };

export type ImportFailureResult = Extract<ImportResult, { ok: false }>;

/** A refusal; `guess`: for crs_required and unknown .prj, the coordinate system to suggest. */
export function importFailure(refusal: FileRefusal, guess?: string): ImportFailureResult {
  const failure: ImportFailureResult = { ok: false, reason: REFUSAL_REASONS[refusal.code], refusal, detail: describeImportRefusal(refusal, 'en') };
  return guess === undefined ? failure : { ...failure, guess };
}

/** A refusal for an exceeded limit. */
export const limitFailure = (exceeded: LimitExceeded): ImportFailureResult => ({ ...importFailure({ code: 'limit_exceeded', limit: exceeded }), limit: exceeded });

/**
 * Runs a reader, turning a LimitExceededError thrown from deep inside it (a streamed inflate, a
 * parser loop) into a limit_exceeded refusal; any other error is the reader's to handle.
 */
export function catchLimits(read: () => ImportResult): ImportResult {
  try {
    return read();
  } catch (error) {
    if (error instanceof LimitExceededError) return limitFailure(error.exceeded);
    throw error;
  }
}

export function geometryFamily(type: Geometry['type']): LayerGeometryType {
  if (type === 'Point' || type === 'MultiPoint') return 'Point';
  if (type === 'LineString' || type === 'MultiLineString') return 'LineString';
  if (type === 'Polygon' || type === 'MultiPolygon') return 'Polygon';
  return 'Mixed';
}

/** Builds a layer, deriving its geometry type and attribute names from the features. */
export function makeLayer(name: string, features: Feature<Geometry, Record<string, unknown>>[]): ImportedLayer {
  const families = new Set(features.filter((f) => f.geometry).map((f) => geometryFamily(f.geometry.type)));
  const attributeNames: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const key of Object.keys(f.properties ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        attributeNames.push(key);
      }
    }
  }
  const geometryType: LayerGeometryType = families.size === 0 ? 'None' : families.size === 1 ? [...families][0] : 'Mixed';
  return { name, geometryType, features, attributeNames };
}

/** [minX, minY, maxX, maxY] of raw coordinates (any CRS); Infinity bounds when empty. */
export function rawBbox(geometries: Iterable<Geometry | null>): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  // An explicit stack, not recursion: imported nesting is hostile until checked.
  const stack: unknown[] = [];
  for (const g of geometries) {
    if (!g) continue;
    stack.push(g);
    while (stack.length > 0) {
      const c = stack.pop();
      if (Array.isArray(c) && typeof c[0] === 'number') {
        box[0] = Math.min(box[0], c[0]);
        box[1] = Math.min(box[1], c[1] as number);
        box[2] = Math.max(box[2], c[0]);
        box[3] = Math.max(box[3], c[1] as number);
      } else if (Array.isArray(c)) for (const x of c) stack.push(x);
      else if (typeof c === 'object' && c !== null) stack.push((c as { coordinates?: unknown }).coordinates, (c as { geometries?: unknown }).geometries);
    }
  }
  return box;
}

/** The geometry moved from `crs` to EPSG:4326 (a no-op for WGS 84 lon/lat). */
export function geometryToWgs84(g: Geometry, crs: CrsDefinition): Geometry {
  if (crs.tm === null && crs.datum === 'WGS84') return g;
  const fn = (x: number, y: number): [number, number] => toWgs84(crs, x, y);
  if (g.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: g.geometries.map((x) => geometryToWgs84(x, crs)) };
  return { ...g, coordinates: mapPositions(g.coordinates, fn) } as Geometry;
}

/**
 * EPSG codes of the VN-2000 → WGS 84 transformations an import in `crs` ran over `geometries`
 * (already moved to WGS 84), for the result's `transformations`; empty for WGS 84 input.
 */
export function transformationCodes(crs: CrsDefinition, geometries: Iterable<Geometry | null>): string[] {
  return transformationsUsed(crs, rawBbox(geometries)).map((t) => t.code);
}

/** Viet Nam onshore, lon/lat (the EPSG extent 3328 of the VN-2000 → WGS 84 transformation). */
const VIET_NAM = VN2000_TO_WGS84_2.area;

const insideVietNam = (west: number, south: number, east: number, north: number) =>
  west >= VIET_NAM.west && east <= VIET_NAM.east && south >= VIET_NAM.south && north <= VIET_NAM.north;

/**
 * Whether the layers look like latitude/longitude written in the wrong order (a spreadsheet or
 * hand-made GeoJSON "[21.05, 106.07]"): every coordinate read the other way round falls in
 * Viet Nam while read as written they do not. The UI offers the swap; it never swaps silently.
 */
export function latLonSwapSuspected(layers: readonly ImportedLayer[]): boolean {
  const [minX, minY, maxX, maxY] = rawBbox(layers.flatMap((l) => l.features.map((f) => f.geometry)));
  if (!Number.isFinite(minX)) return false;
  return !insideVietNam(minX, minY, maxX, maxY) && insideVietNam(minY, minX, maxY, maxX);
}

/** The layers with every position's first two numbers exchanged (lat/lon → lon/lat); a third (height) is kept. */
export function swapLatLon(layers: readonly ImportedLayer[]): ImportedLayer[] {
  const swap = (x: number, y: number): [number, number] => [y, x];
  const swapGeometry = (g: Geometry): Geometry =>
    g.type === 'GeometryCollection' ? { ...g, geometries: g.geometries.map(swapGeometry) } : ({ ...g, coordinates: mapPositions(g.coordinates, swap) } as Geometry);
  return layers.map((layer) => ({ ...layer, features: layer.features.map((f) => (f.geometry ? { ...f, geometry: swapGeometry(f.geometry) } : f)) }));
}
