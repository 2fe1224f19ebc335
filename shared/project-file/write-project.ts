import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { FORMAT_VERSION, parkDocumentSchema, type ParkDocument } from '../model/document';
import type { ParkFeature } from '../model/feature';
import type { ParkGeometry } from '../model/geometry-schema';
import { encodeGpkgGeometry, geometryEnvelope, geometryHasZ, type GpkgGeometry } from './gpkg-geometry';
import {
  ATTRIBUTE_TABLES,
  CORE_DDL,
  GPKG_APPLICATION_ID,
  GPKG_USER_VERSION,
  LAYERS,
  REQUIRED_SRS_ROWS,
  layerDdl,
  type LayerDefinition,
} from './schema';

/** Name written to ecopark_metadata.app_name; also how readProject recognises its own files. */
export const APP_NAME = 'EcoPark Planner';

export interface WriteProjectOptions {
  /** Version of the writing application, recorded in ecopark_metadata for support. */
  appVersion?: string;
}

/** Keys of ecopark_metadata. `project` holds the ProjectInfo as JSON so no field is ever lost. */
export const METADATA_KEYS = {
  formatVersion: 'format_version',
  appName: 'app_name',
  appVersion: 'app_version',
  activeScenarioId: 'active_scenario_id',
  project: 'project',
} as const;

/** The stored geometry: polygons always as MultiPolygon, lines as MultiLineString (one column type per layer). */
function toStoredGeometry(g: ParkGeometry): GpkgGeometry {
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (g.type === 'LineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  return g;
}

/** GeoPackage timestamps are ISO 8601 UTC with milliseconds ('%Y-%m-%dT%H:%M:%fZ'). */
function gpkgTimestamp(iso: string): string {
  const t = Date.parse(iso);
  return (Number.isNaN(t) ? new Date() : new Date(t)).toISOString();
}

function insertLayer(db: Database, layer: LayerDefinition, doc: ParkDocument, lastChange: string): void {
  db.run(layerDdl(layer));
  const columns = ['geom', 'feature_id', 'scenario_id', 'sort_order', ...layer.columns.map((c) => c.column), 'props'];
  const insert = db.prepare(`INSERT INTO ${layer.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let withZ = 0;
  let count = 0;
  try {
    for (const scenario of doc.scenarios) {
      scenario.features.forEach((feature: ParkFeature, index) => {
        if (feature.kind !== layer.kind) return;
        const stored = toStoredGeometry(feature.geometry);
        count += 1;
        if (geometryHasZ(stored)) withZ += 1;
        const envelope = geometryEnvelope(stored);
        if (envelope) {
          minX = Math.min(minX, envelope[0]);
          maxX = Math.max(maxX, envelope[1]);
          minY = Math.min(minY, envelope[2]);
          maxY = Math.max(maxY, envelope[3]);
        }
        const fields = feature as unknown as Record<string, unknown>;
        const attributes = layer.columns.map((c) => (fields[c.field] ?? null) as SqlValue);
        const props = feature.props === undefined ? null : JSON.stringify(feature.props);
        insert.run([encodeGpkgGeometry(stored), feature.id, scenario.id, index, ...attributes, props]);
      });
    }
  } finally {
    insert.free();
  }
  const hasExtent = minX <= maxX;
  db.run(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
     VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)`,
    [layer.table, layer.identifier, layer.description, lastChange, ...(hasExtent ? [minX, minY, maxX, maxY] : [null, null, null, null])],
  );
  // Drawn data is 2-D (z = 0, "Multi Polygon" in QGIS); elevations of imported GeoJSON are
  // kept rather than dropped, declared as mandatory (1) or, when mixed, optional (2).
  const z = withZ === 0 ? 0 : withZ === count ? 1 : 2;
  db.run(`INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, ?, 0)`, [layer.table, layer.geometryType, z]);
}

/**
 * Builds a complete GeoPackage 1.3 project file from a document. Deterministic: the same
 * document gives the same bytes (timestamps come from `project.modifiedAt`). Throws only when
 * the document does not satisfy parkDocumentSchema — a programmer error, since the UI only
 * ever holds valid documents.
 */
export function writeProject(SQL: SqlJsStatic, input: ParkDocument, options: WriteProjectOptions = {}): Uint8Array {
  const parsed = parkDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`writeProject: invalid document at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const doc = parsed.data;
  const lastChange = gpkgTimestamp(doc.project.modifiedAt);
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}`);
    db.run(`PRAGMA user_version = ${GPKG_USER_VERSION}`);
    db.run('BEGIN');
    db.run(CORE_DDL);
    for (const row of REQUIRED_SRS_ROWS) db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', row);
    for (const layer of LAYERS) insertLayer(db, layer, doc, lastChange);
    for (const t of ATTRIBUTE_TABLES) {
      db.run(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES (?, 'attributes', ?, ?, ?)`, [
        t.table,
        t.identifier,
        t.description,
        lastChange,
      ]);
    }
    const metadata: [string, string][] = [
      // The bytes are always in this build's layout, whatever version the document came from.
      [METADATA_KEYS.formatVersion, String(FORMAT_VERSION)],
      [METADATA_KEYS.appName, APP_NAME],
      [METADATA_KEYS.appVersion, options.appVersion ?? ''],
      [METADATA_KEYS.activeScenarioId, doc.activeScenarioId],
      [METADATA_KEYS.project, JSON.stringify(doc.project)],
    ];
    for (const row of metadata) db.run('INSERT INTO ecopark_metadata (key, value) VALUES (?, ?)', row);
    doc.scenarios.forEach((s, position) => {
      db.run('INSERT INTO ecopark_scenarios (id, name, description, position) VALUES (?, ?, ?, ?)', [s.id, s.name, s.description ?? null, position]);
    });
    for (const [key, value] of Object.entries(doc.settings)) {
      // JSON.stringify(undefined) is undefined; store JSON null so the key survives.
      db.run('INSERT INTO ecopark_settings (key, value) VALUES (?, ?)', [key, JSON.stringify(value) ?? 'null']);
    }
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
