import { createRequire } from 'node:module';
import type initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import type { ParkDocument } from '../shared/model';
import { readProject } from '../shared/project-file';
import { formatFromFileName, type ExchangeFormat } from '../shared/io/exchange-formats';
import { checkOutput, CliError, oneLine, readInput, type CliIo, type CommandContext, type OutputTarget } from './io';
import { describeLimitExceeded, type LimitExceeded, type Limits } from '../shared/limits';
import type { CliMessageKey, Messages } from './i18n';
import { describeImportRefusal, type ImportRefusal } from '../shared/io/import-refusals';

/**
 * File formats the CLI reads and writes, chosen by extension: 'project' is a .gpkg (our project
 * file, or another tool's GeoPackage to import); the rest are the exchange formats of
 * shared/io/exchange.ts (.geojson/.json, .kml, .kmz, .shp.zip/.zip, .dxf, .csv, .xlsx).
 */
export type FileFormat = 'project' | Exclude<ExchangeFormat, 'gpkg'>;

export function formatOf(path: string): FileFormat | null {
  const format = formatFromFileName(path);
  if (!format) return null;
  return format === 'gpkg' ? 'project' : format;
}

/** The exchange format of a CLI format. */
export function exchangeFormat(format: FileFormat): ExchangeFormat {
  return format === 'project' ? 'gpkg' : format;
}

let sqlPromise: Promise<SqlJsStatic> | undefined;

/**
 * sql.js is loaded once per process, by the commands that read or write a project: its
 * WebAssembly start-up is the slow part. Required, not imported: Node's ESM loader would first
 * scan its large CommonJS file for export names.
 */
export function loadSql(): Promise<SqlJsStatic> {
  sqlPromise ??= (createRequire(import.meta.url)('sql.js') as typeof initSqlJs)();
  return sqlPromise;
}

const PROJECT_REASONS = ['not_sqlite', 'not_geopackage', 'foreign_geopackage', 'newer_version', 'corrupt'];

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Reads a project file. A foreign GeoPackage is returned as its importable document only when
 * `acceptForeign` (convert imports it); otherwise it is refused with a pointer to `convert`.
 */
export async function readProjectFile(
  path: string,
  bytes: Uint8Array,
  options: { acceptForeign: boolean; limits?: Limits },
  m: Messages,
): Promise<ParkDocument> {
  const SQL = await loadSql();
  const result = readProject(SQL, bytes, { fileName: fileName(path), limits: options.limits });
  if (result.ok) return result.document;
  // Past a limit the file is not damaged: the sentence names the limit, the value and --limit.
  if (result.limit) throw new CliError(oneLine(m.t('file.cannotOpen', { path, reason: describeLimitExceeded(result.limit, m.lang, { raiseHint: true }) })));
  if (result.reason === 'foreign_geopackage' && result.importable && options.acceptForeign) return result.importable;
  const lead = PROJECT_REASONS.includes(result.reason) ? m.t(`project.${result.reason}` as CliMessageKey) : result.reason;
  const hint = result.reason === 'foreign_geopackage' && result.importable
    ? `; ${m.t('project.importHint', { path, out: `${path.replace(/\.gpkg$/i, '')}-project.gpkg` })}`
    : '';
  throw new CliError(oneLine(m.t('file.cannotOpen', { path, reason: `${lead} (${result.detail})${hint}` })));
}

/** Why an import was refused, in the reader's language (a limit with how to raise it). */
export function refusalText(result: { detail: string; limit?: LimitExceeded; refusal?: ImportRefusal }, m: Messages): string {
  if (result.refusal) return describeImportRefusal(result.refusal, m.lang, { raiseHint: true });
  return result.limit ? describeLimitExceeded(result.limit, m.lang, { raiseHint: true }) : result.detail;
}

/** Exits with a usage error unless `path` is a project file (.gpkg). */
export function requireProjectPath(path: string, command: string, m: Messages): void {
  if (formatOf(path) !== 'project') throw new CliError(m.t('error.readsProjects', { path, command }), 2);
}

/** Finds a scenario by name or id, or fails listing the names. */
export function findScenarioId(doc: ParkDocument, name: string, path: string, m: Messages, exitCode: 1 | 2 = 2): string {
  const s = doc.scenarios.find((x) => x.name === name) ?? doc.scenarios.find((x) => x.id === name);
  if (!s) throw new CliError(m.t('error.noScenario', { name, path, list: doc.scenarios.map((x) => x.name).join(', ') }), exitCode);
  return s.id;
}

/**
 * For a command that reads one project and writes another file (layout, report): refuses an
 * output that exists (unless --force) or is the input before reading anything, then reads the
 * project and finds the scenario (the active one unless named).
 */
export async function readProjectForOutput(
  opts: { path: string; out: string; force: boolean; scenario?: string },
  io: CliIo,
  context: CommandContext,
): Promise<{ target: OutputTarget; doc: ParkDocument; scenarioId: string }> {
  const { m } = context;
  const target: OutputTarget = { path: opts.out, inputs: [opts.path], force: opts.force };
  await checkOutput(io, target, m);
  const doc = await readProjectFile(opts.path, await readInput(io, opts.path, m), { acceptForeign: false, limits: context.limits }, m);
  const scenarioId = opts.scenario === undefined ? doc.activeScenarioId : findScenarioId(doc, opts.scenario, opts.path, m);
  return { target, doc, scenarioId };
}
