import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { ParkDocument } from '../shared/model';
import { readProject } from '../shared/project-file';
import { formatFromFileName, type ExchangeFormat } from '../shared/io/exchange';
import { CliError, oneLine } from './io';

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
