import type { Database, SqlJsStatic } from 'sql.js';
import { documentRuleIssues, FORMAT_VERSION, parkDocumentSchema, projectInfoSchema, type ParkDocument, type Scenario } from '../model/document';
import { parkFeatureSchema, type ParkFeature } from '../model/feature';
import { setOwn } from '../own-property';
import { FEATURE_ATTRIBUTES_SCHEMA, fastFeatureAttributes } from './feature-attributes';
import type { OpenFailureReason } from '../host-api';
import { checkLimit, DEFAULT_LIMITS, LimitExceededError, type LimitExceeded, type Limits } from '../limits';
import { countVertices, decodeGpkgGeometry, type GpkgGeometry } from './gpkg-geometry';
import { geometryMatchesKind } from './geometry-check';
import { checkGeoPackageIdentity } from './gpkg-identity';
import { importForeignFromDatabase } from './import-foreign';
import { applyMigrations, MIGRATIONS, type Migration } from './migrations';
import { GPKG_APPLICATION_ID, LAYERS, type LayerDefinition } from './schema';
import { checkSqliteHeader, queryArrays, queryRows, tableNames } from './sqlite-bytes';
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

/** Kept here for the tests that hold the reader's zod path to the whole-feature schema. */
export { FEATURE_ATTRIBUTES_SCHEMA };

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
  // Every feature has passed its schema in readFeature: the document's schema sees the scenarios
  // without them, then its rules between parts (duplicate ids) see them, in zod's order of
  // issues, and the features are put back after. A feature can add no issue of its own, so the
  // first issue is the one parsing the whole document would give.
  const skeleton = { ...stored, scenarios: stored.scenarios.map((s) => ({ ...s, features: [] })) };
  const valid = parkDocumentSchema.safeParse(skeleton);
  const issue = valid.success ? documentRuleIssues(stored)[0] : valid.error.issues[0];
  if (!valid.success || issue) return fail('corrupt', `the project is invalid at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  valid.data.scenarios.forEach((scenario, i) => (scenario.features = stored.scenarios[i].features));
  return migratedFrom === undefined ? { ok: true, document: valid.data } : { ok: true, document: valid.data, migratedFrom };
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
  /** `where` is worded only when the file is past the limit. */
  addVertices(n: number, where: () => string): void {
    this.vertices += n;
    if (this.vertices > this.limits['vertices-per-file']) checkLimit(this.limits, 'vertices-per-file', this.vertices, where());
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
    // Rows as arrays, read by column index: an object per row cost more than reading it.
    const { names, rows } = queryArrays(db, `SELECT * FROM ${layer.table} ORDER BY fid`);
    const columns = layerColumns(layer, names);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const scenarioId = String(cell(row, columns.scenarioId));
      const bucket = order.get(scenarioId);
      if (!bucket) throw new CorruptFile(`${rowLabel(layer, row, columns)} belongs to scenario ${JSON.stringify(scenarioId)}, which does not exist`);
      bucket.push({ feature: readFeature(layer, row, columns, budget), sortOrder: Number(cell(row, columns.sortOrder)) });
    }
  }
  for (const scenario of scenarios) scenario.features = inSortOrder(order.get(scenario.id) ?? []);
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

/** The features by `sortOrder`, ties in the order they were read (layer order). */
function inSortOrder(entries: { feature: ParkFeature; sortOrder: number }[]): ParkFeature[] {
  // We write a scenario's features numbered 0 to n-1: each then goes straight to its place,
  // without the sort, which cost a cold process more than reading the rows. Anything else
  // (gaps, ties, NaN from a hostile file) is sorted; Array.prototype.sort is stable.
  const placed: ParkFeature[] = new Array<ParkFeature>(entries.length);
  for (const { feature, sortOrder } of entries) {
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder >= entries.length || placed[sortOrder] !== undefined) {
      return entries.sort((a, b) => a.sortOrder - b.sortOrder).map((e) => e.feature);
    }
    placed[sortOrder] = feature;
  }
  return placed;
}

/** Single-part multis read back as the single type: we store every area as MultiPolygon. */
function fromStoredGeometry(g: GpkgGeometry): GpkgGeometry {
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1) return { type: 'Polygon', coordinates: g.coordinates[0] };
  if (g.type === 'MultiLineString' && g.coordinates.length === 1) return { type: 'LineString', coordinates: g.coordinates[0] };
  return g;
}

/** Where a layer's columns are in its rows (-1: the table lacks the column). */
interface LayerColumns {
  fid: number;
  geom: number;
  featureId: number;
  scenarioId: number;
  sortOrder: number;
  props: number;
  /** Each attribute column of the layer, with its model field. */
  attributes: { field: string; index: number }[];
  /** Every column, in the order their text is checked against the limit (see readFeature). */
  textOrder: { name: string; index: number }[];
}

function layerColumns(layer: LayerDefinition, names: string[]): LayerColumns {
  const index = (name: string) => names.indexOf(name);
  // The order Object.keys gives a row object (integer-like names first), as when rows were
  // objects: a file with two texts past the limit is refused naming the same one.
  const positions: Record<string, number> = {};
  names.forEach((name, i) => setOwn(positions, name, i));
  return {
    fid: index('fid'),
    geom: index('geom'),
    featureId: index('feature_id'),
    scenarioId: index('scenario_id'),
    sortOrder: index('sort_order'),
    props: index('props'),
    attributes: layer.columns.map((c) => ({ field: c.field, index: index(c.column) })),
    textOrder: Object.keys(positions).map((name) => ({ name, index: positions[name] })),
  };
}

/** The row's value in column `index`; undefined for a column the table lacks. */
const cell = (row: unknown[], index: number): unknown => (index < 0 ? undefined : row[index]);

/** Names a row in a refusal; worded only when one is made (it cost more than reading the row). */
function rowLabel(layer: LayerDefinition, row: unknown[], columns: LayerColumns): string {
  return `layer ${layer.table}, feature ${JSON.stringify(cell(row, columns.featureId))} (fid ${String(cell(row, columns.fid))})`;
}

function readFeature(layer: LayerDefinition, row: unknown[], columns: LayerColumns, budget: SizeBudget): ParkFeature {
  const label = () => rowLabel(layer, row, columns);
  const geom = cell(row, columns.geom);
  if (!(geom instanceof Uint8Array)) throw new CorruptFile(`${label()} has no geometry`);
  // The place is worded only for a text past the limit: wording it for every column of every
  // row cost more than the check itself.
  const maxChars = budget.limits['attribute-chars'];
  const { textOrder } = columns;
  for (let i = 0; i < textOrder.length; i++) {
    const value = row[textOrder[i].index];
    if (typeof value === 'string' && value.length > maxChars) checkText(budget.limits, value, `${label()}, ${textOrder[i].name}`);
  }
  const maxVertices = budget.nextFeatureMax();
  const decoded = decodeGpkgGeometry(geom, { maxVertices });
  if (!decoded.ok && decoded.limit) {
    // Stopped by what the file had left rather than by the feature's own limit: say so.
    const perFeature = budget.limits['vertices-per-feature'];
    if (maxVertices < perFeature && decoded.limit.value <= perFeature) budget.addVertices(decoded.limit.value, label);
    throw new LimitExceededError({ ...decoded.limit, where: label() });
  }
  if (!decoded.ok) throw new CorruptFile(`${label()} has an unreadable geometry: ${decoded.detail}`);
  if (!decoded.geometry) throw new CorruptFile(`${label()} has an empty geometry`);
  if (decoded.srsId !== 4326) throw new CorruptFile(`${label()} has srs_id ${decoded.srsId}; project files are EPSG:4326`);
  budget.addVertices(countVertices(decoded.geometry), label);
  const candidate: Record<string, unknown> = { id: cell(row, columns.featureId), kind: layer.kind, geometry: fromStoredGeometry(decoded.geometry) };
  const { attributes } = columns;
  for (let i = 0; i < attributes.length; i++) {
    const value = cell(row, attributes[i].index);
    if (value !== null && value !== undefined) candidate[attributes[i].field] = value;
  }
  const props = cell(row, columns.props);
  if (props !== null && props !== undefined) candidate.props = parseJson(props, `${label()}: props`);
  // The geometry is checked by plain loops (geometry-check.ts), and the attributes of a valid
  // feature by plain checks (feature-attributes.ts); zod checks what those cannot vouch for,
  // with the kind's own schema (the union would pick it by `kind`, which is the layer's), so
  // every refusal keeps zod's wording. A geometry the loops reject goes to the whole union.
  const geometryOk = geometryMatchesKind(layer.kind, candidate.geometry);
  const fast = geometryOk ? fastFeatureAttributes(layer.kind, candidate) : undefined;
  if (fast) return fast;
  const parsed = (geometryOk ? FEATURE_ATTRIBUTES_SCHEMA[layer.kind] : parkFeatureSchema).safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || 'feature';
    throw new CorruptFile(`${label()}: ${field}: ${issue.message}`);
  }
  const feature = parsed.data as ParkFeature;
  feature.geometry = candidate.geometry as ParkFeature['geometry'];
  return feature;
}
