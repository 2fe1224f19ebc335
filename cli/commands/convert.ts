import type { Limits } from '../../shared/limits';
import { createEmptyDocument, type ParkDocument } from '../../shared/model';
import { readProject } from '../../shared/project-file';
import { geoJsonToDocument } from '../../shared/io/geojson';
import { exportDocument, importFile } from '../../shared/io/exchange';
import { applyMapping, defaultMapping, importMappingSchema, type ImportMapping } from '../../shared/io/apply-mapping';
import { describeImportNote } from '../../shared/io/import-notes';
import { describeExportNote } from '../../shared/io/export-notes';
import { describeExportSummary } from '../../shared/io/export-summary';
import { describeImportRefusal } from '../../shared/io/import-refusals';
import { parseCrsCode } from '../../shared/io/crs/crs';
import { parseVnTransformation, VN2000_TRANSFORMATIONS, type VnTransformationChoice } from '../../shared/io/crs/vn2000-transformations';
import { centreOf, projectNameFromFileName } from '../../shared/io/profile-attributes';
import type { ImportFailureResult } from '../../shared/io/imported-layer';
import { checkOutput, CliError, oneLine, readInput, warn, writeOutput, type CliIo, type CommandContext, type ExitCode, type OutputTarget } from '../io';
import { exchangeFormat, fileName, formatOf, loadSql, readProjectFile, type FileFormat } from '../formats';
import { warnProblems } from '../problems';
import type { Messages } from '../i18n';
import { CONVERT_USAGE } from '../usage';

const EXTENSIONS = '.gpkg, .geojson, .json, .kml, .kmz, .shp.zip, .zip, .dxf, .csv or .xlsx';

interface ConvertArgs {
  input: string;
  output: string;
  crs?: string;
  /** VN-2000 → WGS 84 transformation (--transformation auto|5194|6960). */
  transformation?: VnTransformationChoice;
  layerMap?: string;
  /** Replace OUT when it exists (a project keeps OUT.bak). */
  force: boolean;
}

function parseArgs(args: string[], m: Messages): ConvertArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--force') {
      force = true;
      continue;
    }
    const match = /^--(crs|layer-map|transformation)(?:=(.*))?$/.exec(arg);
    if (match) {
      const value = match[2] ?? args[++i];
      if (value === undefined || value === '') throw new CliError(m.t('error.needsValue', { option: `--${match[1]}`, usage: CONVERT_USAGE }), 2);
      options[match[1]] = value;
    } else if (arg.startsWith('--')) throw new CliError(m.t('error.unknownOption', { option: arg, usage: CONVERT_USAGE }), 2);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new CliError(m.t('error.twoFiles', { command: 'convert', usage: CONVERT_USAGE }), 2);
  if (options.crs !== undefined && !parseCrsCode(options.crs)) throw new CliError(m.t('convert.badCrs', { crs: options.crs }), 2);
  const transformation = options.transformation === undefined ? undefined : parseVnTransformation(options.transformation);
  if (options.transformation !== undefined && !transformation) throw new CliError(m.t('convert.badTransformation', { value: options.transformation }), 2);
  return { input: positional[0], output: positional[1], crs: options.crs, transformation, layerMap: options['layer-map'], force };
}

/**
 * `ecopark convert IN OUT`: every import and export format by extension. Our project files and
 * our GeoJSON are converted losslessly; other input goes through the mapping step (defaults
 * from layer names, overridden by --layer-map) into a new one-scenario project. IN is never written.
 */
export async function convertCommand(args: string[], io: CliIo, { now, m, limits }: CommandContext): Promise<ExitCode> {
  const opts = parseArgs(args, m);
  const { input, output } = opts;
  const inFormat = requireFormat(input, m);
  const outFormat = requireFormat(output, m);
  if (inFormat === 'csv' || inFormat === 'xlsx') throw new CliError(m.t('convert.tablesExportOnly', { path: input }), 2);
  // Compared by identity (device, inode), not by name: a link or another path to IN is IN.
  const target: OutputTarget = { path: output, inputs: opts.layerMap ? [input, opts.layerMap] : [input], force: opts.force };
  await checkOutput(io, target, m);

  const mapping = opts.layerMap ? await readLayerMap(io, opts.layerMap, m) : undefined;
  const bytes = await readInput(io, input, m);
  const doc = await readDocument(opts, inFormat, bytes, mapping, io, now, m, limits);
  const SQL = outFormat === 'project' ? await loadSql() : undefined;
  // The written file is language-neutral; only the messages around it follow --lang.
  const result = exportDocument(doc, exchangeFormat(outFormat), { crs: opts.crs, transformation: opts.transformation, SQL });
  if (!result.ok) throw new CliError(m.t('file.cannotWrite', { path: output, reason: result.detail }));
  for (const note of result.notes) warn(io, m, describeExportNote(note, m.lang));
  await writeOutput(io, target, result.bytes, m);
  // Converting keeps geometry as it is; problems are said, so a broken plot is not passed on unseen.
  // Said once the file is written: a refused conversion fails in one line, without a problem report.
  warnProblems(io, m, doc);
  io.stdout(m.t('convert.done', { input, output, summary: describeExportSummary(result.summary, m.lang) }));
  return 0;
}

function requireFormat(path: string, m: Messages): FileFormat {
  const format = formatOf(path);
  if (!format) throw new CliError(m.t('file.unknownType', { path, extensions: EXTENSIONS }), 2);
  return format;
}

async function readLayerMap(io: CliIo, path: string, m: Messages): Promise<ImportMapping> {
  const bytes = await readInput(io, path, m);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    throw new CliError(m.t('convert.layerMapJson', { path, detail: error instanceof Error ? error.message : String(error) }), 2);
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(m.t('convert.layerMapShape', { path, at: issue.path.map(String).join('.') || '(root)', message: issue.message }), 2);
  }
  return parsed.data;
}

/** The refusal in the output language (the same sentence the import dialog shows), with the option that fixes a missing CRS. */
function importError(path: string, failure: ImportFailureResult, m: Messages): CliError {
  const reason = describeImportRefusal(failure.refusal, m.lang, { raiseHint: true });
  const crsHint = failure.reason === 'crs_required' || failure.refusal.code === 'prj_unknown';
  const hint = crsHint ? ` (${failure.guess ? m.t('convert.crsHintGuess', { guess: failure.guess }) : m.t('convert.crsHint')})` : '';
  return new CliError(oneLine(m.t('file.cannotImport', { path, reason: `${reason}${hint}` })));
}

async function readDocument(opts: ConvertArgs, format: FileFormat, bytes: Uint8Array, mapping: ImportMapping | undefined, io: CliIo, now: () => string, m: Messages, limits: Limits): Promise<ParkDocument> {
  const path = opts.input;
  if (format === 'project') {
    const SQL = await loadSql();
    const own = readProject(SQL, bytes, { fileName: fileName(path), limits });
    if (own.ok) return own.document;
    if (own.reason !== 'foreign_geopackage') return readProjectFile(path, bytes, { acceptForeign: true, limits }, m);
    if (own.importable && !mapping) return own.importable;
    return importLayers(opts, bytes, mapping, io, now, m, limits, SQL);
  }
  if (format === 'geojson' && !mapping && opts.crs === undefined) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (error) {
      throw new CliError(oneLine(m.t('file.cannotOpen', { path, reason: m.t('file.notJson', { detail: error instanceof Error ? error.message : String(error) }) })));
    }
    // A legacy "crs" member means projected coordinates: those go through the layer importer.
    if (!(typeof json === 'object' && json !== null && 'crs' in json)) {
      const result = geoJsonToDocument(json, { fileName: fileName(path), now: now(), limits });
      if (!result.ok) throw new CliError(oneLine(m.t('file.cannotImport', { path, reason: describeImportRefusal(result.refusal, m.lang, { raiseHint: true }) })));
      for (const note of result.notes) warn(io, m, describeImportNote(note, m.lang));
      return result.document;
    }
  }
  return importLayers(opts, bytes, mapping, io, now, m, limits);
}

const POLYGON_KINDS = new Set(['landuse', 'boundary', 'building']);

async function importLayers(opts: ConvertArgs, bytes: Uint8Array, mapping: ImportMapping | undefined, io: CliIo, now: () => string, m: Messages, limits: Limits, sql?: Awaited<ReturnType<typeof loadSql>>): Promise<ParkDocument> {
  const path = opts.input;
  // A layer map that asks for areas makes a lines-only DXF an error rather than a silent road network.
  const requirePolygons = Object.values(mapping?.layers ?? {}).some((m) => (m.kind && POLYGON_KINDS.has(m.kind)) || Object.values(m.values ?? {}).some((v) => v.kind && POLYGON_KINDS.has(v.kind)));
  const SQL = sql ?? (formatOf(path) === 'project' ? await loadSql() : undefined);
  const result = importFile(bytes, fileName(path), { crs: opts.crs, transformation: opts.transformation, requirePolygons, SQL, limits });
  if (!result.ok) {
    // A refusal's notes are its explanation (e.g. a DXF of only unsupported entities): print them first.
    for (const note of result.notes ?? []) warn(io, m, describeImportNote(note, m.lang));
    throw importError(path, result, m);
  }
  for (const note of result.notes) warn(io, m, describeImportNote(note, m.lang));
  const used = (result.transformations ?? []).map((code) => `${code} "${VN2000_TRANSFORMATIONS.find((t) => t.code === code)?.name ?? code}"`);
  if (used.length > 0) io.stderr(`ecopark: ${m.t('convert.transformationUsed', { list: used.join(', ') })}`);
  const defaults = defaultMapping(result.layers);
  const merged: ImportMapping = { layers: { ...defaults.layers, ...(mapping?.layers ?? {}) } };
  // Named layers of the map that the file lacks are probably typos: say so.
  for (const name of Object.keys(mapping?.layers ?? {})) {
    if (name !== '*' && !result.layers.some((l) => l.name === name)) warn(io, m, m.t('convert.missingLayer', { name, path, layers: result.layers.map((l) => l.name).join(', ') }));
  }
  if (mapping?.layers['*']) for (const l of result.layers) if (!mapping.layers[l.name]) merged.layers[l.name] = mapping.layers['*'];
  const applied = applyMapping(result.layers, merged);
  for (const note of applied.notes) warn(io, m, describeImportNote(note, m.lang));
  if (applied.features.length === 0) {
    const skipped = applied.skipped > 0 ? ` ${m.t('convert.skipped', { count: m.num(applied.skipped) })}` : '';
    throw new CliError(m.t('file.cannotImport', { path, reason: `${m.t('convert.nothingImported')}${skipped}` }));
  }
  const doc = createEmptyDocument(projectNameFromFileName(fileName(path).replace(/\.shp\.zip$/i, '.zip')), { now: now(), location: centreOf(applied.features) });
  doc.scenarios[0].features = applied.features;
  return doc;
}
