import type { Database, SqlJsStatic } from 'sql.js';
import { createEmptyDocument, type ParkDocument } from '../model/document';
import type { FeatureKind, ParkFeature } from '../model/feature';
import type { ParkGeometry } from '../model/geometry-schema';
import { newId } from '../model/ids';
import { buildProfileFeature, centreOf, kindsForGeometry, projectNameFromFileName } from '../io/profile-attributes';

export { projectNameFromFileName };
import { checkLimit, DEFAULT_LIMITS, LimitExceededError, type LimitExceeded, type Limits } from '../limits';
import { countVertices, decodeGpkgGeometry, type GpkgGeometry } from './gpkg-geometry';
import { checkGeoPackageIdentity } from './gpkg-identity';
import { checkSqliteHeader, queryRows, quoteIdentifier, tableNames } from './sqlite-bytes';
import { setOwn } from '../own-property';

/** Result of importing another tool's GeoPackage: a new, unsaved document, or why not. */
export type ImportForeignResult = { ok: true; document: ParkDocument; warnings: string[] } | { ok: false; detail: string; limit?: LimitExceeded };

/** Layer names that mean "park limit" in English or Vietnamese ("ranh giới"). */
const BOUNDARY_NAME = /bound|limit|ranh[ _-]?gi[oơớ]i|ranhgioi/i;

/**
 * Splits a foreign geometry into the parts the model can hold. Multi-points and collections
 * are legal in GeoPackage but have no kind of their own: each part becomes a feature.
 */
function modelGeometries(g: GpkgGeometry): ParkGeometry[] {
  switch (g.type) {
    case 'MultiPoint':
      return g.coordinates.map((c) => ({ type: 'Point', coordinates: c }));
    case 'GeometryCollection':
      return g.geometries.flatMap(modelGeometries);
    default:
      return [g];
  }
}

function isWgs84(db: Database, srsId: number): boolean {
  if (srsId === 4326) return true;
  const rows = queryRows(db, 'SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
  return rows.some((r) => String(r.organization).toUpperCase() === 'EPSG' && Number(r.organization_coordsys_id) === 4326);
}

/**
 * Imports every feature table of an open GeoPackage into one scenario of a new document, within
 * `limits` (features, vertices, attribute length: refused with `limit` set when one is passed).
 */
export function importForeignFromDatabase(db: Database, fileName: string, now?: string, limits: Limits = DEFAULT_LIMITS): ImportForeignResult {
  try {
    return importLayers(db, fileName, now, limits);
  } catch (error) {
    if (error instanceof LimitExceededError) return { ok: false, detail: error.message, limit: error.exceeded };
    throw error;
  }
}

function importLayers(db: Database, fileName: string, now: string | undefined, limits: Limits): ImportForeignResult {
  const tables = tableNames(db);
  if (!tables.has('gpkg_geometry_columns')) return { ok: false, detail: 'the GeoPackage has no gpkg_geometry_columns table' };
  const layers = queryRows(
    db,
    `SELECT c.table_name AS table_name, g.column_name AS column_name, g.srs_id AS srs_id
     FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
     WHERE c.data_type = 'features' ORDER BY c.table_name`,
  );
  if (layers.length === 0) return { ok: false, detail: 'the GeoPackage has no feature layers' };
  const features: ParkFeature[] = [];
  const warnings: string[] = [];
  let rowCount = 0;
  let vertexCount = 0;
  for (const layer of layers) {
    const table = String(layer.table_name);
    const geomColumn = String(layer.column_name);
    const srsId = Number(layer.srs_id);
    if (!tables.has(table)) return { ok: false, detail: `layer ${table} is registered but its table is missing` };
    if (!isWgs84(db, srsId)) {
      return { ok: false, detail: `layer ${table} uses srs_id ${srsId}, not EPSG:4326 (WGS 84 longitude/latitude); reproject it first, e.g. ogr2ogr -t_srs EPSG:4326` };
    }
    const pk = queryRows(db, `PRAGMA table_info(${quoteIdentifier(table)})`).find((c) => Number(c.pk) === 1);
    const pkName = pk ? String(pk.name) : undefined;
    // Counted before the rows are read, so millions of features are refused at once.
    rowCount += Number(queryRows(db, `SELECT COUNT(*) AS n FROM ${quoteIdentifier(table)}`)[0].n);
    checkLimit(limits, 'features-per-file', rowCount, `layer ${table}`);
    for (const row of queryRows(db, `SELECT * FROM ${quoteIdentifier(table)}`)) {
      const label = `layer ${table}, fid ${pkName ? String(row[pkName]) : '?'}`;
      for (const [column, value] of Object.entries(row)) if (typeof value === 'string') checkLimit(limits, 'attribute-chars', value.length, `${label}, ${column}`);
      const blob = row[geomColumn];
      if (!(blob instanceof Uint8Array)) {
        warnings.push(`${label}: no geometry; skipped`);
        continue;
      }
      const decoded = decodeGpkgGeometry(blob, { maxVertices: limits['vertices-per-feature'] });
      if (!decoded.ok && decoded.limit) throw new LimitExceededError({ ...decoded.limit, where: label });
      if (!decoded.ok) return { ok: false, detail: `${label}: unreadable geometry: ${decoded.detail}` };
      if (!decoded.geometry) {
        warnings.push(`${label}: empty geometry; skipped`);
        continue;
      }
      vertexCount += countVertices(decoded.geometry);
      checkLimit(limits, 'vertices-per-file', vertexCount, label);
      const attributes: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key === geomColumn || key === pkName) continue;
        // Blobs have no place in flat props; a note keeps the loss visible.
        setOwn(attributes, key, value instanceof Uint8Array ? `(binary, ${value.length} bytes)` : value);
      }
      const parts = modelGeometries(decoded.geometry);
      if (parts.length > 1 && decoded.geometry.type !== 'MultiPolygon' && decoded.geometry.type !== 'MultiLineString') {
        warnings.push(`${label}: ${decoded.geometry.type} split into ${parts.length} features`);
      }
      for (const geometry of parts) {
        const kind = chooseKind(table, geometry, row.kind);
        const { kind: kindAttribute, props: propsAttribute, ...rest } = attributes;
        const used: Record<string, unknown> = kindAttribute === kind || kindAttribute === undefined ? rest : { ...rest, kind: kindAttribute };
        // Our GeoJSON export run through ogr2ogr stores `props` as JSON text: unpack it.
        const props = parseJsonObject(propsAttribute);
        if (propsAttribute !== undefined && !props) used.props = propsAttribute;
        const built = buildProfileFeature({ id: newId(), kind, geometry, attributes: used, props, label });
        if (!built.ok) return { ok: false, detail: built.detail };
        features.push(built.feature);
        warnings.push(...built.warnings);
      }
    }
  }
  const doc = createEmptyDocument(projectNameFromFileName(fileName), { now, location: centreOf(features) });
  doc.scenarios[0].features = features;
  return { ok: true, document: doc, warnings };
}

function parseJsonObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A `kind` attribute wins when it fits the geometry (our own GeoJSON run through ogr2ogr). */
function chooseKind(table: string, geometry: ParkGeometry, kindAttribute: unknown): FeatureKind {
  const possible = kindsForGeometry(geometry.type);
  if (typeof kindAttribute === 'string' && (possible as string[]).includes(kindAttribute)) return kindAttribute as FeatureKind;
  if (possible.includes('boundary') && BOUNDARY_NAME.test(table)) return 'boundary';
  return possible[0];
}

/**
 * Imports any GeoPackage (GDAL's, QGIS's...) as a new document named after `fileName`.
 * Never throws; never modifies `bytes`.
 */
export function importForeignGeoPackage(SQL: SqlJsStatic, bytes: Uint8Array, fileName: string, now?: string, limits: Limits = DEFAULT_LIMITS): ImportForeignResult {
  const header = checkSqliteHeader(bytes);
  if (!header.ok) return { ok: false, detail: header.detail };
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes.slice());
    const tables = tableNames(db);
    if (!tables.has('gpkg_contents')) return { ok: false, detail: 'the file is not a GeoPackage (no gpkg_contents table)' };
    const imported = importForeignFromDatabase(db, fileName, now, limits);
    // Read like GDAL reads it: a wrong application_id or an unknown version is a warning, not a refusal.
    if (imported.ok) imported.warnings.unshift(...checkGeoPackageIdentity(db).problems.map((p) => `the file is a GeoPackage, but ${p}`));
    return imported;
  } catch (error) {
    return { ok: false, detail: `the database cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}
