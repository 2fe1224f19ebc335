import { resolve } from 'node:path';
import { createEmptyDocument, type ParkDocument } from '../../shared/model';
import { readProject } from '../../shared/project-file';
import { geoJsonToDocument } from '../../shared/io/geojson';
import { exportDocument, importFile } from '../../shared/io/exchange';
import { applyMapping, defaultMapping, importMappingSchema, type ImportMapping } from '../../shared/io/apply-mapping';
import { parseCrsCode } from '../../shared/io/crs/crs';
import { centreOf, projectNameFromFileName } from '../../shared/io/profile-attributes';
import type { ImportFailureResult } from '../../shared/io/imported-layer';
import { CliError, describeFsError, oneLine, readInput, type CliIo, type ExitCode } from '../io';
import { exchangeFormat, fileName, formatOf, loadSql, readProjectFile, type FileFormat } from '../formats';

export const CONVERT_USAGE =
  'ecopark convert IN OUT [--crs CODE] [--layer-map FILE]   (.gpkg .geojson .kml .kmz .shp.zip .dxf in; those and .csv .xlsx out)';

const EXTENSIONS = '.gpkg, .geojson, .json, .kml, .kmz, .shp.zip, .zip, .dxf, .csv or .xlsx';

interface ConvertArgs {
  input: string;
  output: string;
  crs?: string;
  layerMap?: string;
}

function parseArgs(args: string[]): ConvertArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const m = /^--(crs|layer-map)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? args[++i];
      if (value === undefined || value === '') throw new CliError(`--${m[1]} needs a value (usage: ${CONVERT_USAGE})`, 2);
      options[m[1]] = value;
    } else if (arg.startsWith('--')) throw new CliError(`unknown option ${arg} (usage: ${CONVERT_USAGE})`, 2);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new CliError(`convert takes two files (usage: ${CONVERT_USAGE})`, 2);
  if (options.crs !== undefined && !parseCrsCode(options.crs)) {
    throw new CliError(`unknown coordinate system ${options.crs}: use EPSG:4326, EPSG:32648, EPSG:32649, EPSG:3405, EPSG:3406, a VN-2000 zone such as VN2000:105.5 or its EPSG code (EPSG:9209)`, 2);
  }
  return { input: positional[0], output: positional[1], crs: options.crs, layerMap: options['layer-map'] };
}

/**
 * `ecopark convert IN OUT`: every import and export format by extension. Our project files and
 * our GeoJSON are converted losslessly; other input goes through the mapping step (defaults
 * from layer names, overridden by --layer-map) into a new one-scenario project. IN is never written.
 */
export async function convertCommand(args: string[], io: CliIo, now: () => string): Promise<ExitCode> {
  const opts = parseArgs(args);
  const { input, output } = opts;
  const inFormat = requireFormat(input);
  const outFormat = requireFormat(output);
  if (inFormat === 'csv' || inFormat === 'xlsx') {
    throw new CliError(`cannot import ${input}: attribute tables (.csv, .xlsx) hold no geometry and are export-only; import .geojson, .kml, .kmz, .shp.zip, .dxf or .gpkg`, 2);
  }
  if (resolve(input) === resolve(output)) throw new CliError(`refusing to overwrite the input file ${input}`, 2);

  const mapping = opts.layerMap ? await readLayerMap(io, opts.layerMap) : undefined;
  const bytes = await readInput(io, input);
  const doc = await readDocument(opts, inFormat, bytes, mapping, io, now);
  const SQL = outFormat === 'project' ? await loadSql() : undefined;
  const result = exportDocument(doc, exchangeFormat(outFormat), { crs: opts.crs, SQL });
  if (!result.ok) throw new CliError(`cannot write ${output}: ${result.detail}`);
  for (const warning of result.warnings) io.stderr(`ecopark: warning: ${oneLine(warning)}`);
  try {
    await io.writeFile(output, result.bytes);
  } catch (error) {
    // On write, ENOENT means the folder is missing, not the file.
    const missingFolder = (error as { code?: unknown } | null)?.code === 'ENOENT';
    throw new CliError(`cannot write ${output}: ${missingFolder ? 'its folder does not exist' : describeFsError(error)}`);
  }
  io.stdout(`${input} -> ${output}: ${result.summary}`);
  return 0;
}

function requireFormat(path: string): FileFormat {
  const format = formatOf(path);
  if (!format) throw new CliError(`unknown file type of ${path}: use ${EXTENSIONS}`, 2);
  return format;
}

async function readLayerMap(io: CliIo, path: string): Promise<ImportMapping> {
  const bytes = await readInput(io, path);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw new CliError(`cannot read the layer map ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, 2);
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`cannot read the layer map ${path}: at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message} (expected {"layers": {"LAYER": {"kind": "landuse", "landUse": "industrial"}}})`, 2);
  }
  return parsed.data;
}

const LEADS: Partial<Record<ImportFailureResult['reason'], string>> = {
  broken_zip: 'the zip archive is damaged',
  crs_required: 'the coordinate system is needed',
  unsupported_crs: 'unsupported coordinate system',
  no_closed_polylines: 'no closed polylines',
  invalid_dxf: 'not a readable DXF',
  invalid_kml: 'not a readable KML',
  invalid_shapefile: 'not a readable Shapefile',
  no_shapefile: 'no Shapefile in the zip',
};

function importError(path: string, failure: ImportFailureResult): CliError {
  const lead = LEADS[failure.reason];
  const hint = failure.reason === 'crs_required' ? `; pass --crs CODE${failure.guess ? ` (e.g. --crs ${failure.guess})` : ''}` : '';
  return new CliError(oneLine(`cannot import ${path}: ${lead ? `${lead}: ` : ''}${failure.detail}${hint}`));
}

async function readDocument(opts: ConvertArgs, format: FileFormat, bytes: Uint8Array, mapping: ImportMapping | undefined, io: CliIo, now: () => string): Promise<ParkDocument> {
  const path = opts.input;
  if (format === 'project') {
    const SQL = await loadSql();
    const own = readProject(SQL, bytes, { fileName: fileName(path) });
    if (own.ok) return own.document;
    if (own.reason !== 'foreign_geopackage') return readProjectFile(path, bytes, { acceptForeign: true });
    if (own.importable && !mapping) return own.importable;
    return importLayers(opts, bytes, mapping, io, now, SQL);
  }
  if (format === 'geojson' && !mapping && opts.crs === undefined) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      throw new CliError(oneLine(`cannot open ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`));
    }
    // A legacy "crs" member means projected coordinates: those go through the layer importer.
    if (!(typeof json === 'object' && json !== null && 'crs' in json)) {
      const result = geoJsonToDocument(json, { fileName: fileName(path), now: now() });
      if (!result.ok) throw new CliError(oneLine(`cannot import ${path}: ${result.detail}`));
      for (const warning of result.warnings) io.stderr(`ecopark: warning: ${oneLine(warning)}`);
      return result.document;
    }
  }
  return importLayers(opts, bytes, mapping, io, now);
}

const POLYGON_KINDS = new Set(['landuse', 'boundary', 'building']);

async function importLayers(opts: ConvertArgs, bytes: Uint8Array, mapping: ImportMapping | undefined, io: CliIo, now: () => string, sql?: Awaited<ReturnType<typeof loadSql>>): Promise<ParkDocument> {
  const path = opts.input;
  // A layer map that asks for areas makes a lines-only DXF an error rather than a silent road network.
  const requirePolygons = Object.values(mapping?.layers ?? {}).some((m) => (m.kind && POLYGON_KINDS.has(m.kind)) || Object.values(m.values ?? {}).some((v) => v.kind && POLYGON_KINDS.has(v.kind)));
  const SQL = sql ?? (formatOf(path) === 'project' ? await loadSql() : undefined);
  const result = importFile(bytes, fileName(path), { crs: opts.crs, requirePolygons, SQL });
  if (!result.ok) throw importError(path, result);
  for (const warning of result.warnings) io.stderr(`ecopark: warning: ${oneLine(warning)}`);
  const defaults = defaultMapping(result.layers);
  const merged: ImportMapping = { layers: { ...defaults.layers, ...(mapping?.layers ?? {}) } };
  // Named layers of the map that the file lacks are probably typos: say so.
  for (const name of Object.keys(mapping?.layers ?? {})) {
    if (name !== '*' && !result.layers.some((l) => l.name === name)) io.stderr(`ecopark: warning: the layer map names layer "${name}", which ${path} does not have (layers: ${result.layers.map((l) => l.name).join(', ')})`);
  }
  if (mapping?.layers['*']) for (const l of result.layers) if (!mapping.layers[l.name]) merged.layers[l.name] = mapping.layers['*'];
  const applied = applyMapping(result.layers, merged);
  for (const warning of applied.warnings) io.stderr(`ecopark: warning: ${oneLine(warning)}`);
  if (applied.features.length === 0) throw new CliError(`cannot import ${path}: no feature could be imported${applied.skipped > 0 ? ` (${applied.skipped} skipped by the layer map)` : ''}`);
  const doc = createEmptyDocument(projectNameFromFileName(fileName(path).replace(/\.shp\.zip$/i, '.zip')), { now: now(), location: centreOf(applied.features) });
  doc.scenarios[0].features = applied.features;
  return doc;
}
