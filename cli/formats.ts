import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { ParkDocument } from '../shared/model';
import { readProject } from '../shared/project-file';
import { CliError, oneLine } from './io';

/** File formats the CLI reads and writes, chosen by extension. */
export type FileFormat = 'project' | 'geojson';

export function formatOf(path: string): FileFormat | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.gpkg')) return 'project';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  return null;
}

let sqlPromise: Promise<SqlJsStatic> | undefined;

/** sql.js is loaded once per process: its WebAssembly start-up is the slow part. */
export function loadSql(): Promise<SqlJsStatic> {
  sqlPromise ??= initSqlJs();
  return sqlPromise;
}

const REASON_LEADS: Record<string, string> = {
  not_sqlite: 'not a SQLite database',
  not_geopackage: 'not a GeoPackage',
  foreign_geopackage: 'a GeoPackage, but not an EcoPark Planner project',
  newer_version: 'made by a newer version of EcoPark Planner',
  corrupt: 'the project file is damaged',
};

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
  options: { acceptForeign: boolean },
): Promise<ParkDocument> {
  const SQL = await loadSql();
  const result = readProject(SQL, bytes, { fileName: fileName(path) });
  if (result.ok) return result.document;
  if (result.reason === 'foreign_geopackage' && result.importable && options.acceptForeign) return result.importable;
  const lead = REASON_LEADS[result.reason] ?? result.reason;
  const hint = result.reason === 'foreign_geopackage' && result.importable
    ? `; import it with: ecopark convert ${path} ${path.replace(/\.gpkg$/i, '')}-project.gpkg`
    : '';
  throw new CliError(oneLine(`cannot open ${path}: ${lead} (${result.detail})${hint}`));
}
