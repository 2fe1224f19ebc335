import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { z } from 'zod';
import {
  createEmptyDocument,
  FORMAT_VERSION,
  parkDocumentSchema,
  projectInfoSchema,
  type ParkDocument,
  type ProjectInfo,
  type Scenario,
} from '../model/document';
import { ATTRIBUTE_NAMES, FEATURE_KINDS, type FeatureKind, type ParkFeature } from '../model/feature';
import type { ParkGeometry } from '../model/geometry-schema';
import { newId } from '../model/ids';
import { DEFAULT_LIMITS, describeLimitExceeded, LimitExceededError, type LimitExceeded, type Limits } from '../limits';
import { checkValueDepth, ImportBudget } from './import-limits';
import { describeImportNote, geometryProblem, type ImportNote } from './import-notes';
import { describeImportRefusal, type ProjectGeoJsonRefusal } from './import-refusals';
import { clipText } from '../i18n/clip-text';
import { buildProfileFeature, centreOf, kindsForGeometry, projectNameFromFileName } from './profile-attributes';

/**
 * The GeoJSON interchange profile (DESIGN.md §3): an RFC 7946 FeatureCollection in EPSG:4326
 * whose properties use the model's attribute names. Our exports add a foreign member `ecopark`
 * (project, scenarios, settings) so a project survives gpkg → GeoJSON → gpkg without loss.
 */

/** The `ecopark` foreign member of our exports. `scenarios` keeps the scenario order; features point at them by id. */
export interface EcoparkGeoJsonMember {
  formatVersion: number;
  project: ProjectInfo;
  scenarios: { id: string; name: string; description?: string }[];
  activeScenarioId: string;
  settings: Record<string, unknown>;
}

/** Properties of an exported feature: `kind`, the profile attributes present, `props` when set, and its scenario. */
export type ProfileProperties = { kind: FeatureKind; scenario: string; scenarioId: string; props?: Record<string, unknown> } & Partial<
  Record<(typeof ATTRIBUTE_NAMES)[number], string | number>
>;

export type ParkFeatureCollection = FeatureCollection<Geometry, ProfileProperties> & { ecopark: EcoparkGeoJsonMember };

/** Every feature of every scenario, in scenario order then feature order. */
export function documentToGeoJson(doc: ParkDocument): ParkFeatureCollection {
  return featureCollection(doc, structuredCloneGeometry);
}

/**
 * The text of a GeoJSON export: JSON.stringify of documentToGeoJson(doc), one space of indent,
 * a final newline. The collection shares its geometry arrays with the document, since it lives
 * only as long as the call: copying them first cost more than writing them out.
 */
export function documentToGeoJsonText(doc: ParkDocument): string {
  return `${JSON.stringify(featureCollection(doc, (g) => g), null, 1)}\n`;
}

function featureCollection(doc: ParkDocument, geometryOf: (g: ParkGeometry) => Geometry): ParkFeatureCollection {
  const features: Feature<Geometry, ProfileProperties>[] = [];
  for (const scenario of doc.scenarios) {
    for (const f of scenario.features) {
      const fields = f as unknown as Record<string, unknown>;
      const properties: ProfileProperties = { kind: f.kind, scenario: scenario.name, scenarioId: scenario.id };
      for (const name of ATTRIBUTE_NAMES) {
        const value = fields[name];
        if (typeof value === 'string' || typeof value === 'number') properties[name] = value;
      }
      if (f.props !== undefined) properties.props = { ...f.props };
      features.push({ type: 'Feature', id: f.id, properties, geometry: geometryOf(f.geometry) });
    }
  }
  return {
    type: 'FeatureCollection',
    ecopark: {
      formatVersion: FORMAT_VERSION,
      project: { ...doc.project },
      scenarios: doc.scenarios.map((s) => (s.description === undefined ? { id: s.id, name: s.name } : { id: s.id, name: s.name, description: s.description })),
      activeScenarioId: doc.activeScenarioId,
      settings: doc.settings,
    },
    features,
  };
}

/** Plain copy so the export shares no arrays with the (immutable) document. */
function structuredCloneGeometry(g: ParkGeometry): Geometry {
  return JSON.parse(JSON.stringify(g)) as Geometry;
}

/** Why a GeoJSON file was refused. */
export const GEOJSON_IMPORT_FAILURES = ['not_geojson', 'newer_version', 'invalid_metadata', 'invalid_feature', 'limit_exceeded'] as const;
export type GeoJsonImportFailure = (typeof GEOJSON_IMPORT_FAILURES)[number];

export type GeoJsonImportResult =
  | {
      ok: true;
      document: ParkDocument;
      /** What the reader noticed, as data for describeImportNote in the reader's language. */
      notes: ImportNote[];
      /** The notes in English, for logs. */
      warnings: string[];
    }
  | {
      ok: false;
      reason: GeoJsonImportFailure;
      /** Why, as data for describeImportRefusal in the reader's language. */
      refusal: ProjectGeoJsonRefusal | { code: 'limit_exceeded'; limit: LimitExceeded };
      /** The refusal in English, for logs and tests. */
      detail: string;
      /** For limit_exceeded: the limit, to be worded in the reader's language. */
      limit?: LimitExceeded;
    };

export interface GeoJsonImportOptions {
  /** Names the project of a plain FeatureCollection ("Lô đất.geojson" → "Lô đất"). */
  fileName?: string;
  /** ISO timestamp for createdAt/modifiedAt of a new project (injected by tests). */
  now?: string;
  /** Input limits in force (defaults, or raised by the user). */
  limits?: Limits;
}

const ecoparkMemberSchema = z.object({
  formatVersion: z.number().int().positive(),
  project: projectInfoSchema,
  scenarios: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), description: z.string().optional() })).min(1),
  activeScenarioId: z.string(),
  settings: z.record(z.string(), z.unknown()),
});

const MODEL_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiLineString', 'MultiPolygon']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
type Failure = Extract<GeoJsonImportResult, { ok: false }>;
const fail = (reason: GeoJsonImportFailure, refusal: ProjectGeoJsonRefusal): Failure => ({ ok: false, reason, refusal, detail: describeImportRefusal(refusal, 'en') });

/** Model geometries of one GeoJSON geometry: multi-points split into points; anything else invalid refuses. */
function toModelGeometries(g: unknown, feature: number): ParkGeometry[] | Failure {
  if (!isObject(g)) return fail('invalid_feature', { code: 'feature_invalid_geometry', feature, problem: 'empty' });
  if (g.type === 'MultiPoint' && Array.isArray(g.coordinates)) return g.coordinates.map((c) => ({ type: 'Point', coordinates: c }) as ParkGeometry);
  if (typeof g.type !== 'string') return fail('invalid_feature', { code: 'feature_invalid_geometry', feature, problem: 'unknown_type' });
  if (!MODEL_TYPES.has(g.type)) return fail('invalid_feature', { code: 'feature_unsupported_geometry', feature, type: g.type });
  if (!Array.isArray(g.coordinates)) return fail('invalid_feature', { code: 'feature_invalid_geometry', feature, problem: 'bad_coordinate' });
  return [{ type: g.type, coordinates: g.coordinates } as ParkGeometry];
}

/**
 * Reads our own export losslessly, and any other FeatureCollection as a new one-scenario
 * project. Invalid features are never dropped silently: a bad geometry or kind refuses the
 * file naming the feature's index; a bad attribute value is kept in props with a warning.
 */
export function geoJsonToDocument(json: unknown, options: GeoJsonImportOptions = {}): GeoJsonImportResult {
  try {
    return readDocument(json, options);
  } catch (error) {
    if (error instanceof LimitExceededError) {
      const exceeded = error.exceeded;
      return { ok: false, reason: 'limit_exceeded', refusal: { code: 'limit_exceeded', limit: exceeded }, detail: describeLimitExceeded(exceeded, 'en'), limit: exceeded };
    }
    throw error;
  }
}

function readDocument(json: unknown, options: GeoJsonImportOptions): GeoJsonImportResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // JSON.parse copes with any depth, but the validation and copying below recurse.
  checkValueDepth(json, limits);
  const budget = new ImportBudget(limits);
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return fail('not_geojson', { code: 'not_feature_collection' });
  }
  const notes: ImportNote[] = [];
  /** Notes name the file as the layer; features are numbered from 1, as in every other note. */
  const layer = projectNameFromFileName(options.fileName ?? 'GeoJSON');
  let base: ParkDocument;
  const own = json.ecopark !== undefined;
  if (own) {
    const meta = ecoparkMemberSchema.safeParse(json.ecopark);
    if (!meta.success) {
      const issue = meta.error.issues[0];
      return fail('invalid_metadata', { code: 'ecopark_member_invalid', at: issue.path.map(String).join('.'), technical: issue.message });
    }
    if (meta.data.formatVersion > FORMAT_VERSION) {
      return fail('newer_version', { code: 'newer_format', version: meta.data.formatVersion, supported: FORMAT_VERSION });
    }
    const scenarios: Scenario[] = meta.data.scenarios.map((s) => ({ ...s, features: [] }));
    base = { formatVersion: FORMAT_VERSION, project: meta.data.project, scenarios, activeScenarioId: meta.data.activeScenarioId, settings: meta.data.settings };
  } else {
    base = createEmptyDocument(projectNameFromFileName(options.fileName ?? 'Imported GeoJSON'), { now: options.now });
  }

  const inferred: number[] = [];
  for (let index = 0; index < json.features.length; index++) {
    const raw: unknown = json.features[index];
    const label = `feature ${index}`;
    const feature = index + 1;
    if (!isObject(raw) || raw.type !== 'Feature') return fail('invalid_feature', { code: 'feature_not_a_feature', feature });
    const properties = isObject(raw.properties) ? raw.properties : {};
    budget.feature(label);
    budget.attributes(properties);
    const { kind: kindValue, props: propsValue, scenario: scenarioName, scenarioId, ...attributes } = properties;

    const scenario = own ? findScenario(base, scenarioId, scenarioName) : base.scenarios[0];
    if (!scenario) return fail('invalid_feature', { code: 'feature_unknown_scenario', feature, scenario: String(scenarioId ?? scenarioName) });

    const geometries = toModelGeometries(raw.geometry, feature);
    if (!Array.isArray(geometries)) return geometries;
    for (const g of geometries) budget.geometry(g);
    if (geometries.length === 0) return fail('invalid_feature', { code: 'feature_invalid_geometry', feature, problem: 'empty' });
    const at = { layer, feature: index + 1 };
    if (geometries.length > 1) notes.push({ code: 'multipoint_split', ...at, count: geometries.length });

    let props: Record<string, unknown> | undefined;
    if (isObject(propsValue)) props = propsValue;
    else if (typeof propsValue === 'string' && /^\s*\{/.test(propsValue)) props = parseObject(propsValue);
    if (propsValue !== undefined && props === undefined) attributes.props = propsValue;
    if (!own && scenarioName !== undefined) attributes.scenario = scenarioName;
    if (!own && scenarioId !== undefined) attributes.scenarioId = scenarioId;

    for (const geometry of geometries) {
      const possible = kindsForGeometry(geometry.type);
      let kind: FeatureKind;
      if (kindValue === undefined || kindValue === null) {
        kind = possible[0];
        inferred.push(index + 1);
      } else if (typeof kindValue === 'string' && (FEATURE_KINDS as readonly string[]).includes(kindValue)) {
        if (!(possible as string[]).includes(kindValue)) return fail('invalid_feature', { code: 'feature_kind_misfit', feature, kind: kindValue as FeatureKind, geometryType: geometry.type });
        kind = kindValue as FeatureKind;
      } else {
        return fail('invalid_feature', { code: 'feature_unknown_kind', feature, kind: typeof kindValue === 'string' ? kindValue : JSON.stringify(kindValue) });
      }
      const id = uniqueId(scenario, raw.id, geometries.length > 1);
      if (id.replaced) notes.push({ code: 'duplicate_id', ...at, id: id.replaced });
      const built = buildProfileFeature({ id: id.id, kind, geometry, attributes, props, label });
      // The validator's path and message are not for people: the field, or what is wrong with the geometry, is.
      if (!built.ok) return fail('invalid_feature', built.field ? { code: 'feature_invalid_attribute', feature, field: built.field } : { code: 'feature_invalid_geometry', feature, problem: geometryProblem(geometry) });
      scenario.features.push(built.feature);
      notes.push(...built.notes.map((n) => ({ ...n, ...at })));
    }
  }
  if (inferred.length > 0) notes.push({ code: 'kind_inferred', layer, count: inferred.length, features: inferred.slice(0, 5) });
  if (!own) {
    const location = centreOf(base.scenarios[0].features);
    if (location) base.project.location = location;
  }
  const valid = parkDocumentSchema.safeParse(base);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    return fail('invalid_metadata', { code: 'project_invalid', at: issue.path.map(String).join('.'), technical: issue.message });
  }
  return { ok: true, document: valid.data, notes, warnings: notes.map((n) => describeImportNote(n, 'en')) };
}

function findScenario(doc: ParkDocument, id: unknown, name: unknown): Scenario | undefined {
  if (typeof id === 'string') return doc.scenarios.find((s) => s.id === id);
  // Hand-edited exports may drop scenarioId; names are the next best key.
  if (typeof name === 'string') return doc.scenarios.find((s) => s.name === name);
  return doc.scenarios.length === 1 ? doc.scenarios[0] : undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Feature ids must be unique within a scenario; foreign ids are kept when they are. `replaced`: the taken id a new one replaces. */
function uniqueId(scenario: Scenario, raw: unknown, split: boolean): { id: string; replaced?: string } {
  const candidate = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  if (candidate && candidate.length > 0 && !split && !scenario.features.some((f: ParkFeature) => f.id === candidate)) return { id: candidate };
  return candidate && !split ? { id: newId(), replaced: clipText(candidate, 80) } : { id: newId() };
}
