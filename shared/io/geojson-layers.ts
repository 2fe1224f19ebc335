import type { Feature, Geometry } from 'geojson';
import { parseCrsCode, WGS84_CODE } from './crs/crs';
import { geometryToWgs84, importFailure, makeLayer, type ImportedLayer, type ImportResult } from './imported-layer';
import { projectNameFromFileName } from './profile-attributes';

/**
 * A GeoJSON file as one importable layer named after the file. RFC 7946 says EPSG:4326; an
 * old-style "crs" member (GDAL writes one for projected data) is honoured when we know it.
 */
export function importGeoJsonLayers(text: string, fileName: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return importFailure('not_geojson', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const obj = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  let raw: unknown[];
  if (obj && obj.type === 'FeatureCollection' && Array.isArray(obj.features)) raw = obj.features;
  else if (obj && obj.type === 'Feature') raw = [obj];
  else return importFailure('not_geojson', 'expected a GeoJSON FeatureCollection or Feature');
  const crsName = obj.crs?.properties?.name;
  const crsCode = typeof crsName === 'string' ? crsName : WGS84_CODE;
  const crs = parseCrsCode(crsCode);
  if (!crs) return importFailure('unsupported_crs', `the file declares the coordinate system ${crsCode}, which EcoPark Planner does not know; reproject it to EPSG:4326 first`);
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const warnings: string[] = [];
  raw.forEach((f, index) => {
    const feature = f as { type?: unknown; geometry?: Geometry | null; properties?: Record<string, unknown> | null; id?: string | number };
    if (!feature || feature.type !== 'Feature') {
      warnings.push(`feature ${index + 1} is not a GeoJSON Feature; not imported`);
      return;
    }
    const geometry = feature.geometry ? geometryToWgs84(feature.geometry, crs) : null;
    features.push({ type: 'Feature', ...(feature.id !== undefined ? { id: feature.id } : {}), properties: feature.properties ?? {}, geometry: geometry as Geometry });
  });
  if (features.length === 0) return importFailure('empty', 'the file has no features');
  const own = ownScenarioLayers(json, features);
  return { ok: true, layers: own ?? [makeLayer(projectNameFromFileName(fileName), features)], warnings, crs: crs.code };
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
