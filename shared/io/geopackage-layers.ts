import type { Database, SqlJsStatic } from 'sql.js';
import type { Feature, Geometry } from 'geojson';
import { decodeGpkgGeometry } from '../project-file/gpkg-geometry';
import { checkSqliteHeader, queryRows, quoteIdentifier, tableNames } from '../project-file/sqlite-bytes';
import { parseCrsCode, withTransformation, type CrsDefinition } from './crs/crs';
import type { VnTransformationChoice } from './crs/vn2000-transformations';
import type { ImportNote } from './import-notes';
import { crsFromWkt } from './crs/crs-wkt';
import { DEFAULT_LIMITS, LimitExceededError, type Limits } from '../limits';
import { geometryToWgs84, importFailure, limitFailure, makeLayer, transformationCodes, type ImportedLayer, type ImportResult } from './imported-layer';
import { ImportBudget } from './import-limits';
import { readProject } from '../project-file/read-project';
import { documentToGeoJson } from './geojson';
import { ownScenarioLayers } from './geojson-layers';
import { setOwn } from '../own-property';

/**
 * Feature tables of a GeoPackage made by another tool (QGIS, GDAL, ArcGIS) as importable
 * layers, reprojected from VN-2000 / UTM when their srs is one we know. (Our own project files
 * are opened, not imported: shared/project-file/read-project.ts.)
 */
function crsOfSrs(db: Database, srsId: number): CrsDefinition | undefined {
  if (srsId === 4326) return parseCrsCode('EPSG:4326');
  const row = queryRows(db, 'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId])[0];
  if (!row) return undefined;
  if (String(row.organization).toUpperCase() === 'EPSG') {
    const byCode = parseCrsCode(`EPSG:${Number(row.organization_coordsys_id)}`);
    if (byCode) return byCode;
  }
  return typeof row.definition === 'string' ? crsFromWkt(row.definition) : undefined;
}

/** `transformation`: the VN-2000 → WGS 84 one for VN-2000 tables (absent: 'auto', PROJ's choice at each point). */
export function importGeoPackageLayers(SQL: SqlJsStatic, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, transformation?: VnTransformationChoice): ImportResult {
  const header = checkSqliteHeader(bytes);
  if (!header.ok) return importFailure({ code: 'gpkg_not_sqlite', technical: header.detail });
  // Our own project file: its scenarios, with kinds and attributes exactly as saved.
  const project = readProject(SQL, bytes);
  if (project.ok) {
    const fc = documentToGeoJson(project.document);
    const features = fc.features.map((f) => ({ ...f, properties: f.properties as unknown as Record<string, unknown> }));
    const layers = ownScenarioLayers(fc, features);
    if (layers && layers.length > 0) return { ok: true, layers, notes: [], crs: 'EPSG:4326' };
  }
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes.slice());
    const tables = tableNames(db);
    if (!tables.has('gpkg_contents') || !tables.has('gpkg_geometry_columns')) return importFailure({ code: 'gpkg_not_geopackage' });
    const rows = queryRows(
      db,
      `SELECT c.table_name AS table_name, g.column_name AS column_name, g.srs_id AS srs_id
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type = 'features' ORDER BY c.table_name`,
    );
    const layers: ImportedLayer[] = [];
    const notes: ImportNote[] = [];
    const used = new Set<string>();
    const transformations = new Set<string>();
    const budget = new ImportBudget(limits);
    for (const r of rows) {
      const table = String(r.table_name);
      const geomColumn = String(r.column_name);
      const declared = crsOfSrs(db, Number(r.srs_id));
      if (!declared) return importFailure({ code: 'gpkg_unknown_srs', layer: table, srsId: String(r.srs_id) });
      used.add(declared.code);
      const crs = withTransformation(declared, transformation);
      const pk = queryRows(db, `PRAGMA table_info(${quoteIdentifier(table)})`).find((c) => Number(c.pk) === 1);
      const pkName = pk ? String(pk.name) : undefined;
      const features: Feature<Geometry, Record<string, unknown>>[] = [];
      let position = 0;
      for (const row of queryRows(db, `SELECT * FROM ${quoteIdentifier(table)}`)) {
        position += 1;
        const blob = row[geomColumn];
        const label = `layer ${table}, fid ${pkName ? String(row[pkName]) : '?'}`;
        // The fid is what QGIS and ogrinfo show; a table without an integer key counts rows from 1.
        const feature = pkName && Number.isSafeInteger(row[pkName]) ? Number(row[pkName]) : position;
        if (!(blob instanceof Uint8Array)) {
          notes.push({ code: 'no_geometry', layer: table, feature });
          continue;
        }
        const decoded = decodeGpkgGeometry(blob, { maxVertices: limits['vertices-per-feature'] });
        if (!decoded.ok && decoded.limit) return limitFailure({ ...decoded.limit, where: label });
        if (!decoded.ok) return importFailure({ code: 'gpkg_bad_geometry', layer: table, fid: pkName ? String(row[pkName]) : '?', technical: decoded.detail });
        if (!decoded.geometry) {
          notes.push({ code: 'invalid_geometry', layer: table, feature, problem: 'empty' });
          continue;
        }
        budget.feature(label);
        budget.geometry(decoded.geometry as Geometry);
        const properties: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(row)) {
          if (key === geomColumn || key === pkName) continue;
          // Blobs have no place in flat props; a note keeps the loss visible.
          setOwn(properties, key, value instanceof Uint8Array ? `(binary, ${value.length} bytes)` : value);
        }
        budget.attributes(properties);
        features.push({ type: 'Feature', properties, geometry: geometryToWgs84(decoded.geometry as Geometry, crs) });
      }
      for (const code of transformationCodes(crs, features.map((f) => f.geometry))) transformations.add(code);
      layers.push(makeLayer(table, features));
    }
    if (layers.length === 0) return importFailure({ code: 'gpkg_no_layers' });
    return { ok: true, layers, notes, crs: [...used].join(', '), transformations: [...transformations] };
  } catch (error) {
    if (error instanceof LimitExceededError) return limitFailure(error.exceeded);
    return importFailure({ code: 'gpkg_unreadable', technical: error instanceof Error ? error.message : String(error) });
  } finally {
    db?.close();
  }
}
