import type { Feature, Geometry } from 'geojson';
import { parseCrsCode, WGS84_CODE, withTransformation } from './crs/crs';
import type { VnTransformationChoice } from './crs/vn2000-transformations';
import { DEFAULT_LIMITS, type Limits } from '../limits';
import { catchLimits, geometryToWgs84, importFailure, makeLayer, transformationCodes, type ImportedLayer, type ImportResult } from './imported-layer';
import type { GeometryProblem, ImportNote } from './import-notes';
import { checkJsonDepth, ImportBudget } from './import-limits';
import { projectNameFromFileName } from './profile-attributes';

/**
 * A GeoJSON file as one importable layer named after the file. RFC 7946 says EPSG:4326; an
 * old-style "crs" member (GDAL writes one for projected data) is honoured when we know it, a
 * VN-2000 one with `transformation` (absent: 'auto', PROJ's choice at each point).
 */
export function importGeoJsonLayers(text: string, fileName: string, limits: Limits = DEFAULT_LIMITS, transformation?: VnTransformationChoice): ImportResult {
  return catchLimits(() => readGeoJsonLayers(text, fileName, limits, transformation));
}

function readGeoJsonLayers(text: string, fileName: string, limits: Limits, transformation: VnTransformationChoice | undefined): ImportResult {
  // Before parsing: every walk of the parsed value below may then recurse safely.
  checkJsonDepth(text, limits);
  const budget = new ImportBudget(limits);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return importFailure({ code: 'not_json', technical: error instanceof Error ? error.message : String(error) });
  }
  const obj = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  let raw: unknown[];
  if (obj && obj.type === 'FeatureCollection' && Array.isArray(obj.features)) raw = obj.features;
  else if (obj && obj.type === 'Feature') raw = [obj];
  else return importFailure({ code: 'not_geojson' });
  const crsName = obj.crs?.properties?.name;
  const crsCode = typeof crsName === 'string' ? crsName : WGS84_CODE;
  const declared = parseCrsCode(crsCode);
  if (!declared) return importFailure({ code: 'unknown_crs', crs: crsCode });
  const crs = withTransformation(declared, transformation);
  const layerName = projectNameFromFileName(fileName);
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const notes: ImportNote[] = [];
  raw.forEach((f, index) => {
    const feature = f as { type?: unknown; geometry?: unknown; properties?: unknown; id?: unknown } | null;
    if (!isObject(feature) || feature.type !== 'Feature') {
      notes.push({ code: 'not_a_feature', layer: layerName, feature: index + 1 });
      return;
    }
    const problem = feature.geometry === null || feature.geometry === undefined ? undefined : geometryShapeProblem(feature.geometry);
    if (problem) {
      notes.push({ code: 'invalid_geometry', layer: layerName, feature: index + 1, problem });
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    budget.feature(`feature ${index + 1}`);
    budget.geometry(feature.geometry as Geometry | null | undefined);
    budget.attributes(properties);
    const geometry = feature.geometry ? geometryToWgs84(feature.geometry as Geometry, crs) : null;
    const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? { id: feature.id } : {};
    features.push({ type: 'Feature', ...id, properties, geometry: geometry as Geometry });
  });
  if (features.length === 0) return importFailure({ code: 'geojson_no_features' });
  const own = ownScenarioLayers(json, features);
  const transformations = transformationCodes(crs, features.map((f) => f.geometry));
  return { ok: true, layers: own ?? [makeLayer(layerName, features)], notes, crs: crs.code, transformations };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Array depth of the coordinates of each geometry type (a position is depth 0). */
const COORDINATE_DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * Why a GeoJSON geometry cannot be read (no type or an unknown one, a collection without its
 * geometries, coordinates missing or nested wrongly, a position without two finite numbers), or
 * undefined when it can. Checked with an explicit stack, so the reprojection and counting after
 * it meet only well-formed arrays.
 */
export function geometryShapeProblem(g: unknown): GeometryProblem | undefined {
  const stack: unknown[] = [g];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!isObject(item) || typeof item.type !== 'string') return 'unknown_type';
    if (item.type === 'GeometryCollection') {
      if (!Array.isArray(item.geometries)) return 'empty';
      for (const x of item.geometries) stack.push(x);
      continue;
    }
    const depth = COORDINATE_DEPTH[item.type];
    if (depth === undefined) return 'unknown_type';
    const arrays: [unknown, number][] = [[item.coordinates, depth]];
    while (arrays.length > 0) {
      const [a, d] = arrays.pop() as [unknown, number];
      if (!Array.isArray(a)) return 'bad_coordinate';
      if (d === 0) {
        if (a.length < 2 || !a.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'bad_coordinate';
      } else for (const x of a) arrays.push([x, d - 1]);
    }
  }
  return undefined;
}

/**
 * Our own exports (an "ecopark" member listing scenarios) import as one layer per scenario, so
 * the user picks which scenarios to bring in; the scenario tags leave the attributes, since the
 * layer now says it.
 */
export function ownScenarioLayers(json: unknown, features: Feature<Geometry, Record<string, unknown>>[]): ImportedLayer[] | undefined {
  const member = (json as { ecopark?: { scenarios?: unknown } } | null)?.ecopark;
  if (!member || !Array.isArray(member.scenarios)) return undefined;
  const scenarios = member.scenarios as { id?: unknown; name?: unknown }[];
  const layers: ImportedLayer[] = [];
  for (const s of scenarios) {
    if (typeof s.id !== 'string' || typeof s.name !== 'string') return undefined;
    const mine = features
      .filter((f) => f.properties.scenarioId === s.id)
      .map((f) => {
        const { scenario: _scenario, scenarioId: _scenarioId, ...properties } = f.properties;
        return { ...f, properties };
      });
    if (mine.length > 0) layers.push(makeLayer(s.name, mine));
  }
  const placed = layers.reduce((n, l) => n + l.features.length, 0);
  return placed === features.length ? layers : undefined;
}
