import type { SqlJsStatic } from 'sql.js';
import type { ParkDocument } from '../model/document';
import { writeProject } from '../project-file/write-project';
import { parseCrsCode, transformationForExport, WGS84_CODE, withTransformation } from './crs/crs';
import type { VnTransformationChoice } from './crs/vn2000-transformations';
import type { ExportNote } from './export-notes';
import { kindCounts, type ExportSummary } from './export-summary';
import { bboxOf } from '../geometry/boolean';
import { importDxf } from './dxf';
import { exportDxf } from './dxf-write';
import { scenarioExport } from './export-input';
import { exportCsv, exportXlsx } from './feature-table';
import { documentToGeoJsonText } from './geojson';
import { importGeoJsonLayers } from './geojson-layers';
import { importGeoPackageLayers } from './geopackage-layers';
import { importFailure, type ImportResult } from './imported-layer';
import { exportKml, importKml } from './kml';
import { exportKmz, importKmz } from './kmz';
import { importShapefileZip } from './shapefile';
import { asciiBaseName, exportShapefileZip } from './shapefile-write';
import { decodeText } from './text-codec';
import { utf8 } from './zip';
import { FORMAT_EXTENSIONS, formatFromFileName, PROJECTED_EXPORTS, type ExchangeFormat } from './exchange-formats';
import type { Limits } from '../limits';

// The format table is its own module so a command that only names formats (the CLI's `info`)
// loads none of the readers and writers below.
export { EXCHANGE_FORMATS, FORMAT_EXTENSIONS, formatFromFileName, IMPORT_FORMATS, PROJECTED_EXPORTS, type ExchangeFormat } from './exchange-formats';

export interface ImportFileOptions {
  /** CRS of input that does not declare one (DXF, Shapefile without .prj), e.g. 'VN2000:105.5'. */
  crs?: string;
  /** VN-2000 → WGS 84 transformation ('auto' = PROJ's choice at each point, the default). */
  transformation?: VnTransformationChoice;
  /** The project's province, to guess a VN-2000 zone. */
  province?: string;
  requirePolygons?: boolean;
  /** sql.js, needed for GeoPackage input. */
  SQL?: SqlJsStatic;
  /** Input limits in force (shared/limits.ts defaults, or raised by the user). */
  limits?: Limits;
}

/** Reads any importable file as layers in EPSG:4326. Never throws. */
export function importFile(bytes: Uint8Array, fileName: string, options: ImportFileOptions = {}): ImportResult {
  const format = formatFromFileName(fileName);
  switch (format) {
    case 'geojson':
      return importGeoJsonLayers(decodeText(bytes).text, fileName, options.limits, options.transformation);
    case 'kml':
      return importKml(decodeText(bytes).text, fileName, options.limits);
    case 'kmz':
      return importKmz(bytes, fileName, options.limits);
    case 'shp':
      return importShapefileZip(bytes, options);
    case 'dxf':
      return importDxf(bytes, { ...options, fileName });
    case 'gpkg':
      return options.SQL ? importGeoPackageLayers(options.SQL, bytes, options.limits, options.transformation) : importFailure({ code: 'geopackage_needs_sql' });
    case 'csv':
    case 'xlsx':
      return importFailure({ code: 'table_not_importable', file: fileName });
    default:
      return importFailure({ code: 'unknown_file_type', file: fileName });
  }
}

export interface ExportOptions {
  /** Output CRS of Shapefile and DXF (default WGS 84); ignored by formats that are WGS 84 by definition. */
  crs?: string;
  /** VN-2000 → WGS 84 transformation ('auto' = PROJ's choice at the data's centre, the default). */
  transformation?: VnTransformationChoice;
  /** Scenario to write; GeoJSON and GeoPackage write every scenario when it is not given, the flat formats the active one. */
  scenarioId?: string;
  SQL?: SqlJsStatic;
}

export type ExportResult =
  | {
      ok: true;
      bytes: Uint8Array;
      /** What the writer noticed (values cut, a CRS that does not apply), as data for describeExportNote. */
      notes: ExportNote[];
      /** What was written, as data for describeExportSummary. */
      summary: ExportSummary;
      /** The VN-2000 → WGS 84 transformation the coordinates and the .prj use, e.g. 'EPSG:5194'. */
      transformation?: string;
    }
  | { ok: false; reason: 'unsupported_crs' | 'unsupported_format'; detail: string };

/** A document reduced to one scenario (a GeoPackage "copy of a scenario"). */
export function singleScenario(doc: ParkDocument, scenarioId: string): ParkDocument {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId) ?? doc.scenarios[0];
  return { ...doc, scenarios: [scenario], activeScenarioId: scenario.id };
}

export function exportDocument(doc: ParkDocument, format: ExchangeFormat, options: ExportOptions = {}): ExportResult {
  const parsed = parseCrsCode(options.crs ?? WGS84_CODE);
  if (!parsed) return { ok: false, reason: 'unsupported_crs', detail: `unknown coordinate system ${options.crs}` };
  const notes: ExportNote[] = [];
  if (options.crs !== undefined && parsed.code !== WGS84_CODE && !PROJECTED_EXPORTS.includes(format)) {
    notes.push({ code: 'crs_not_applied', format: FORMAT_EXTENSIONS[format], crs: options.crs });
  }
  const input = scenarioExport(doc, options.scenarioId);
  const flat: ExportSummary = { scenario: input.scenarioName, scenarios: 1, features: input.features.length, kinds: kindCounts(input.features) };
  /** For the projected formats only: finding the extent walks every coordinate. */
  const projection = () => {
    // One transformation for the whole file, so its coordinates and its .prj TOWGS84 agree.
    const transformation = transformationForExport(withTransformation(parsed, options.transformation), bboxOf(input.features.map((f) => f.geometry.coordinates)));
    const crs = withTransformation(parsed, transformation?.code);
    const summary = (layers: ExportSummary['layers']): ExportSummary => ({
      ...flat,
      layers,
      crs: crs.code,
      ...(transformation ? { transformation: { code: transformation.code, name: transformation.name } } : {}),
    });
    return { crs, transformation, summary };
  };
  const whole = options.scenarioId ? singleScenario(doc, options.scenarioId) : doc;
  const wholeFeatures = whole.scenarios.flatMap((s) => s.features);
  const wholeSummary: ExportSummary = { scenarios: whole.scenarios.length, features: wholeFeatures.length, kinds: kindCounts(wholeFeatures) };
  switch (format) {
    case 'geojson':
      return { ok: true, bytes: utf8(documentToGeoJsonText(whole)), notes, summary: wholeSummary };
    case 'gpkg':
      if (!options.SQL) return { ok: false, reason: 'unsupported_format', detail: 'GeoPackage export needs sql.js' };
      return { ok: true, bytes: writeProject(options.SQL, whole), notes, summary: wholeSummary };
    case 'kml':
      return { ok: true, bytes: utf8(exportKml(input)), notes, summary: flat };
    case 'kmz':
      return { ok: true, bytes: exportKmz(input), notes, summary: flat };
    case 'shp': {
      const { crs, transformation, summary } = projection();
      const out = exportShapefileZip(input, crs, asciiBaseName(input.projectName));
      return { ok: true, bytes: out.bytes, notes: [...notes, ...out.notes], summary: summary(out.layers), transformation: transformation?.code };
    }
    case 'dxf': {
      const { crs, transformation, summary } = projection();
      const out = exportDxf(input, crs);
      const layers = Object.entries(out.counts).map(([name, count]) => ({ name, count }));
      return { ok: true, bytes: utf8(out.text), notes, summary: summary(layers), transformation: transformation?.code };
    }
    case 'csv':
      return { ok: true, bytes: utf8(exportCsv(input)), notes, summary: flat };
    case 'xlsx':
      return { ok: true, bytes: exportXlsx(input), notes, summary: flat };
  }
}
