import { resolve } from 'node:path';
import type { ParkDocument } from '../../shared/model';
import { writeProject } from '../../shared/project-file';
import { documentToGeoJson, geoJsonToDocument } from '../../shared/io/geojson';
import { CliError, describeFsError, oneLine, readInput, type CliIo, type ExitCode } from '../io';
import { fileName, formatOf, loadSql, readProjectFile, type FileFormat } from '../formats';

export const CONVERT_USAGE = 'ecopark convert IN OUT   (.gpkg project file <-> .geojson/.json)';

/**
 * `ecopark convert IN OUT`: project file ↔ GeoJSON interchange profile, by extension. A foreign
 * GeoPackage as IN is imported. IN is never written.
 */
export async function convertCommand(args: string[], io: CliIo, now: () => string): Promise<ExitCode> {
  if (args.length !== 2) throw new CliError(`convert takes two files (usage: ${CONVERT_USAGE})`, 2);
  const [input, output] = args;
  const inFormat = requireFormat(input);
  const outFormat = requireFormat(output);
  if (resolve(input) === resolve(output)) throw new CliError(`refusing to overwrite the input file ${input}`, 2);

  const bytes = await readInput(io, input);
  const doc = await readDocument(input, inFormat, bytes, io, now);
  const outBytes = await encodeDocument(doc, outFormat);
  try {
    await io.writeFile(output, outBytes);
  } catch (error) {
    // On write, ENOENT means the folder is missing, not the file.
    const missingFolder = (error as { code?: unknown } | null)?.code === 'ENOENT';
    throw new CliError(`cannot write ${output}: ${missingFolder ? 'its folder does not exist' : describeFsError(error)}`);
  }
  const count = doc.scenarios.reduce((n, s) => n + s.features.length, 0);
  io.stdout(`${input} -> ${output}: ${count} features`);
  return 0;
}

function requireFormat(path: string): FileFormat {
  const format = formatOf(path);
  if (!format) throw new CliError(`unknown file type of ${path}: use .gpkg, .geojson or .json`, 2);
  return format;
}

async function readDocument(path: string, format: FileFormat, bytes: Uint8Array, io: CliIo, now: () => string): Promise<ParkDocument> {
  if (format === 'project') return readProjectFile(path, bytes, { acceptForeign: true });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CliError(oneLine(`cannot open ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`));
  }
  const result = geoJsonToDocument(json, { fileName: fileName(path), now: now() });
  if (!result.ok) throw new CliError(oneLine(`cannot import ${path}: ${result.detail}`));
  for (const warning of result.warnings) io.stderr(`ecopark: warning: ${oneLine(warning)}`);
  return result.document;
}

async function encodeDocument(doc: ParkDocument, format: FileFormat): Promise<Uint8Array> {
  if (format === 'project') return writeProject(await loadSql(), doc);
  return new TextEncoder().encode(`${JSON.stringify(documentToGeoJson(doc), null, 1)}\n`);
}
