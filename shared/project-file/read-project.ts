import type { Database, SqlJsStatic } from 'sql.js';
import { z } from 'zod';
import { FORMAT_VERSION, parkDocumentSchema, projectInfoSchema, type ParkDocument, type Scenario } from '../model/document';
import * as featureSchemas from '../model/feature';
import { parkFeatureSchema, type FeatureKind, type ParkFeature } from '../model/feature';
import type { OpenFailureReason } from '../host-api';
import { checkLimit, DEFAULT_LIMITS, LimitExceededError, type LimitExceeded, type Limits } from '../limits';
import { countVertices, decodeGpkgGeometry, type GpkgGeometry } from './gpkg-geometry';
import { geometryMatchesKind } from './geometry-check';
import { checkGeoPackageIdentity } from './gpkg-identity';
import { importForeignFromDatabase } from './import-foreign';
import { applyMigrations, MIGRATIONS, type Migration } from './migrations';
import { GPKG_APPLICATION_ID, LAYERS, type LayerDefinition } from './schema';
import { checkSqliteHeader, queryRows, tableNames } from './sqlite-bytes';
import { METADATA_KEYS } from './write-project';

/** The failures readProject reports: the file-level subset of OpenFailureReason (no 'io_error'). */
export const PROJECT_READ_FAILURES = ['not_sqlite', 'not_geopackage', 'foreign_geopackage', 'newer_version', 'corrupt', 'limit_exceeded'] as const satisfies readonly OpenFailureReason[];
export type ProjectReadFailure = (typeof PROJECT_READ_FAILURES)[number];

/**
 * Outcome of reading a project file. `migratedFrom` is set when an older format was upgraded
 * in memory; `importable` only accompanies 'foreign_geopackage' (its layers as a new project).
 */
export type ReadProjectResult =
  | { ok: true; document: ParkDocument; migratedFrom?: number }
  | { ok: false; reason: ProjectReadFailure; detail: string; importable?: ParkDocument; limit?: LimitExceeded };

export interface ReadProjectOptions {
  /** Names the project offered for a foreign GeoPackage. */
  fileName?: string;
  /** Injected by tests; defaults to the shipped MIGRATIONS. */
  migrations?: readonly Migration[];
  /**
   * Sizes the file may reach (features, vertices, text length); past one the file is refused
   * with `limit` set, before the oversized part is decoded. Default: shared/limits.ts.
   */
  limits?: Limits;
}

type Failure = Extract<ReadProjectResult, { ok: false }>;
const fail = (reason: ProjectReadFailure, detail: string): Failure => ({ ok: false, reason, detail });

/** Thrown inside the reader only, to unwind to the single place that turns it into data. */
class CorruptFile extends Error {}

/**
 * Opens a project file. Never throws and never modifies `bytes`: SQLite runs on a private copy
 * (migrations included), and every failure comes back as a reason code with a readable detail.
 */
export function readProject(SQL: SqlJsStatic, bytes: Uint8Array, options: ReadProjectOptions = {}): ReadProjectResult {
  const header = checkSqliteHeader(bytes);
  if (!header.ok) return fail(header.reason, header.detail);
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes.slice());
    return readOpenDatabase(db, options);
  } catch (error) {
    // A file past a limit is not damaged: its own reason, with the limit as data for the wording.
    if (error instanceof LimitExceededError) return { ...fail('limit_exceeded', error.message), limit: error.exceeded };
    const why = error instanceof Error ? error.message : String(error);
    return fail('corrupt', error instanceof CorruptFile ? why : `the database cannot be read: ${why}`);
  } finally {
    db?.close();
  }
}

function readOpenDatabase(db: Database, options: ReadProjectOptions): ReadProjectResult {
  const check = queryRows(db, 'PRAGMA quick_check');
  const problems = check.map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok');
  if (problems.length > 0) return fail('corrupt', `SQLite integrity check failed: ${problems.slice(0, 3).join('; ')}`);

  const tables = tableNames(db);
  if (!tables.has('gpkg_contents') || !tables.has('gpkg_spatial_ref_sys')) {
    return fail('not_geopackage', 'this is an SQLite database but not a GeoPackage (it has no gpkg_contents and gpkg_spatial_ref_sys tables)');
  }
  const identity = checkGeoPackageIdentity(db);
  if (!tables.has('ecopark_metadata')) {
    const imported = importForeignFromDatabase(db, options.fileName ?? 'Imported GeoPackage', undefined, options.limits);
    // Foreign files are read like GDAL reads them: a wrong application_id or unknown version is a warning.
    if (imported.ok) imported.warnings.unshift(...identity.problems.map((p) => `the file is a GeoPackage, but ${p}`));
    const lead = 'this GeoPackage was not made by EcoPark Planner';
    if (!imported.ok) return { ...fail('foreign_geopackage', `${lead}, and its layers cannot be imported: ${imported.detail}`), ...(imported.limit ? { limit: imported.limit } : {}) };
    const count = imported.document.scenarios[0].features.length;
    const notes = imported.warnings.length > 0 ? ` (${imported.warnings.length} warnings, first: ${imported.warnings[0]})` : '';
    return { ...fail('foreign_geopackage', `${lead}; ${count} features can be imported as a new project${notes}`), importable: imported.document };
  }

  // We have written application_id 'GPKG' and a 1.3 user_version since the first project file:
  // a project file without them was written by something else, and is not opened as ours.
  if (identity.problems.length > 0) return fail('not_geopackage', `it has EcoPark Planner tables, but ${identity.problems.join('; ')}`);
  if (identity.applicationId !== GPKG_APPLICATION_ID) return fail('not_geopackage', "it has EcoPark Planner tables, but the GeoPackage 1.0/1.1 application_id of a file we never write");
  const metadata = new Map(queryRows(db, 'SELECT key, value FROM ecopark_metadata').map((r) => [String(r.key), r.value]));
  const version = Number(metadata.get(METADATA_KEYS.formatVersion));
  if (!Number.isInteger(version) || version < 0) {
    return fail('corrupt', `ecopark_metadata has no valid format_version (found ${JSON.stringify(metadata.get(METADATA_KEYS.formatVersion) ?? null)})`);
  }
  if (version > FORMAT_VERSION) {
    return fail('newer_version', `the file uses project-file format version ${version}; this version of EcoPark Planner reads up to version ${FORMAT_VERSION}. Update the application to open it.`);
  }
  let migratedFrom: number | undefined;
  if (version < FORMAT_VERSION) {
    const migrated = applyMigrations(db, version, options.migrations ?? MIGRATIONS);
    if (!migrated.ok) return fail('corrupt', migrated.detail);
    migratedFrom = version;
  }
  const stored = readDocument(db, options.limits ?? DEFAULT_LIMITS);
  // Every feature has passed its schema in readFeature: the document's schema sees each as a
  // stand-in with its id only (for the duplicate-id rule), and the features are put back after.
  const skeleton = { ...stored, scenarios: stored.scenarios.map((s) => ({ ...s, features: s.features.map(standInFeature) })) };
  const valid = parkDocumentSchema.safeParse(skeleton);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    return fail('corrupt', `the project is invalid at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  valid.data.scenarios.forEach((scenario, i) => (scenario.features = stored.scenarios[i].features));
  return migratedFrom === undefined ? { ok: true, document: valid.data } : { ok: true, document: valid.data, migratedFrom };
}

function standInFeature(f: ParkFeature): ParkFeature {
  return { id: f.id, kind: 'point', geometry: { type: 'Point', coordinates: [0, 0] } };
}

function parseJson(text: unknown, where: string): unknown {
  if (typeof text !== 'string') throw new CorruptFile(`${where} is missing`);
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptFile(`${where} is not valid JSON`);
  }
}

/**
 * Text read from the file is bounded by `attribute-chars` (raisable): a project is the user's own
 * work, so it is never refused by a limit they cannot raise. Names get no tighter limit of their
 * own; long names are clipped where they are shown (report, CLI) instead.
 */
function checkText(limits: Limits, value: unknown, where: string): void {
  if (typeof value === 'string') checkLimit(limits, 'attribute-chars', value.length, where);
}

/** The sizes of the file as it is read; each check throws a LimitExceededError. */
class SizeBudget {
  private vertices = 0;
  constructor(readonly limits: Limits) {}
  /** The most vertices the next feature may have: its own limit or what the file has left. */
  nextFeatureMax(): number {
    return Math.min(this.limits['vertices-per-feature'], this.limits['vertices-per-file'] - this.vertices);
  }
  addVertices(n: number, where: string): void {
    this.vertices += n;
    checkLimit(this.limits, 'vertices-per-file', this.vertices, where);
  }
}

function readDocument(db: Database, limits: Limits): ParkDocument {
  const metadata = new Map(queryRows(db, 'SELECT key, value FROM ecopark_metadata').map((r) => [String(r.key), r.value]));
  checkText(limits, metadata.get(METADATA_KEYS.project), 'ecopark_metadata.project');
  const project = projectInfoSchema.safeParse(parseJson(metadata.get(METADATA_KEYS.project), 'ecopark_metadata.project'));
  if (!project.success) {
    const issue = project.error.issues[0];
    throw new CorruptFile(`ecopark_metadata.project is invalid at ${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  const scenarios: Scenario[] = [];
  const order = new Map<string, { feature: ParkFeature; sortOrder: number }[]>();
  for (const row of queryRows(db, 'SELECT id, name, description FROM ecopark_scenarios ORDER BY position, rowid')) {
    checkText(limits, row.name, 'ecopark_scenarios.name');
    checkText(limits, row.description, 'ecopark_scenarios.description');
    const scenario: Scenario = { id: String(row.id), name: String(row.name), features: [] };
    if (typeof row.description === 'string') scenario.description = row.description;
    scenarios.push(scenario);
    order.set(scenario.id, []);
  }
  const tables = tableNames(db);
  for (const layer of LAYERS) if (!tables.has(layer.table)) throw new CorruptFile(`the layer table ${layer.table} is missing`);
  // Counted before any row is read, so a file of millions of features is refused at once.
  const featureCount = LAYERS.reduce((n, layer) => n + Number(queryRows(db, `SELECT COUNT(*) AS n FROM ${layer.table}`)[0].n), 0);
  checkLimit(limits, 'features-per-file', featureCount);
  const budget = new SizeBudget(limits);
  for (const layer of LAYERS) {
    for (const row of queryRows(db, `SELECT * FROM ${layer.table} ORDER BY fid`)) {
      const scenarioId = String(row.scenario_id);
      const bucket = order.get(scenarioId);
      const label = `layer ${layer.table}, feature ${JSON.stringify(row.feature_id)} (fid ${String(row.fid)})`;
      if (!bucket) throw new CorruptFile(`${label} belongs to scenario ${JSON.stringify(scenarioId)}, which does not exist`);
      bucket.push({ feature: readFeature(layer, row, label, budget), sortOrder: Number(row.sort_order) });
    }
  }
  for (const scenario of scenarios) {
    // Array.prototype.sort is stable, so ties keep layer order.
    scenario.features = (order.get(scenario.id) ?? []).sort((a, b) => a.sortOrder - b.sortOrder).map((e) => e.feature);
  }
  const settings: Record<string, unknown> = {};
  for (const row of queryRows(db, 'SELECT key, value FROM ecopark_settings')) {
    settings[String(row.key)] = parseJson(row.value, `setting ${String(row.key)}`);
  }
  return {
    formatVersion: FORMAT_VERSION,
    project: project.data,
    scenarios,
    activeScenarioId: String(metadata.get(METADATA_KEYS.activeScenarioId) ?? ''),
    settings,
  };
}

/** Single-part multis read back as the single type: we store every area as MultiPolygon. */
function fromStoredGeometry(g: GpkgGeometry): GpkgGeometry {
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1) return { type: 'Polygon', coordinates: g.coordinates[0] };
  if (g.type === 'MultiLineString' && g.coordinates.length === 1) return { type: 'LineString', coordinates: g.coordinates[0] };
  return g;
}

function readFeature(layer: LayerDefinition, row: Record<string, unknown>, label: string, budget: SizeBudget): ParkFeature {
  if (!(row.geom instanceof Uint8Array)) throw new CorruptFile(`${label} has no geometry`);
  // The place is worded only for a text past the limit: wording it for every column of every
  // row cost more than the check itself.
  const maxChars = budget.limits['attribute-chars'];
  for (const column of Object.keys(row)) {
    const value = row[column];
    if (typeof value === 'string' && value.length > maxChars) checkText(budget.limits, value, `${label}, ${column}`);
  }
  const maxVertices = budget.nextFeatureMax();
  const decoded = decodeGpkgGeometry(row.geom, { maxVertices });
  if (!decoded.ok && decoded.limit) {
    // Stopped by what the file had left rather than by the feature's own limit: say so.
    const perFeature = budget.limits['vertices-per-feature'];
    if (maxVertices < perFeature && decoded.limit.value <= perFeature) budget.addVertices(decoded.limit.value, label);
    throw new LimitExceededError({ ...decoded.limit, where: label });
  }
  if (!decoded.ok) throw new CorruptFile(`${label} has an unreadable geometry: ${decoded.detail}`);
  if (!decoded.geometry) throw new CorruptFile(`${label} has an empty geometry`);
  if (decoded.srsId !== 4326) throw new CorruptFile(`${label} has srs_id ${decoded.srsId}; project files are EPSG:4326`);
  budget.addVertices(countVertices(decoded.geometry), label);
  const candidate: Record<string, unknown> = { id: row.feature_id, kind: layer.kind, geometry: fromStoredGeometry(decoded.geometry) };
  for (const c of layer.columns) {
    const value = row[c.column];
    if (value !== null && value !== undefined) candidate[c.field] = value;
  }
  if (row.props !== null && row.props !== undefined) candidate.props = parseJson(row.props, `${label}: props`);
  // The geometry is checked by plain loops (geometry-check.ts), so zod checks the attributes
  // only, with the kind's own schema (the union would pick it by `kind`, which is the layer's).
  // Refusals of a geometry the loops reject still come from zod, as before.
  const geometryOk = geometryMatchesKind(layer.kind, candidate.geometry);
  const parsed = (geometryOk ? FEATURE_ATTRIBUTES_SCHEMA[layer.kind] : parkFeatureSchema).safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || 'feature';
    throw new CorruptFile(`${label}: ${field}: ${issue.message}`);
  }
  const feature = parsed.data as ParkFeature;
  feature.geometry = candidate.geometry as ParkFeature['geometry'];
  return feature;
}

/**
 * Each kind's schema with the geometry left to geometry-check.ts: parsing a stand-in geometry
 * through the area schema's union cost most of zod's time per feature. The other fields, their
 * checks and their messages are the kind's own.
 */
export const FEATURE_ATTRIBUTES_SCHEMA: Record<FeatureKind, z.ZodType> = {
  boundary: featureSchemas.boundaryFeatureSchema.extend({ geometry: z.unknown() }),
  landuse: featureSchemas.landUseFeatureSchema.extend({ geometry: z.unknown() }),
  building: featureSchemas.buildingFeatureSchema.extend({ geometry: z.unknown() }),
  road: featureSchemas.roadFeatureSchema.extend({ geometry: z.unknown() }),
  point: featureSchemas.pointFeatureSchema.extend({ geometry: z.unknown() }),
};
