import {
  boundaryFeatureSchema,
  buildingFeatureSchema,
  landUseFeatureSchema,
  parkFeatureSchema,
  pointFeatureSchema,
  roadFeatureSchema,
  type AttributeName,
  type FeatureKind,
  type ParkFeature,
} from '../model/feature';
import type { ParkGeometry } from '../model/geometry-schema';
import { setOwn } from '../own-property';
import { clipText } from '../i18n/clip-text';
import { KIND_ATTRIBUTES } from '../model/kind-attributes';

/**
 * Mapping of foreign attributes onto the interchange profile (DESIGN.md §3), shared by the
 * GeoJSON importer and the foreign-GeoPackage importer so both read a file the same way.
 */

/** Road corridor width (m) when a foreign line carries none: a two-lane internal road. */
export const DEFAULT_ROAD_WIDTH_M = 8;

const SCHEMAS = {
  boundary: boundaryFeatureSchema,
  landuse: landUseFeatureSchema,
  building: buildingFeatureSchema,
  road: roadFeatureSchema,
  point: pointFeatureSchema,
} as const;

/** Profile attributes each kind carries (one table, shared/model/kind-attributes.ts). */
export { KIND_ATTRIBUTES };

/** 'heightM' and 'height_m' (our GeoPackage column) and any case of either name the same key. */
function normaliseName(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/** Common short names in other tools' data ("width" of a road layer) for profile attributes. */
const ALIASES: Record<string, AttributeName> = { width: 'widthM', height: 'heightM', levels: 'floors', facility: 'facilityType' };

/** The geometry family decides which kinds are possible. */
export function kindsForGeometry(type: ParkGeometry['type']): FeatureKind[] {
  if (type === 'Polygon' || type === 'MultiPolygon') return ['landuse', 'boundary', 'building'];
  if (type === 'LineString' || type === 'MultiLineString') return ['road'];
  return ['point'];
}

export type FreeValue = string | number | boolean | null;

/** JSON scalars stay as they are; objects and arrays become their JSON text (props are flat). */
export function toFreeValue(value: unknown): FreeValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  return JSON.stringify(value) ?? null;
}

export interface ProfileFeatureInput {
  id: string;
  kind: FeatureKind;
  geometry: ParkGeometry;
  /** Foreign attributes: profile names (either spelling) become fields, the rest go to props. */
  attributes: Record<string, unknown>;
  /** Free props already separated by the caller (our own exports). */
  props?: Record<string, unknown>;
  /** Where the feature came from, for warnings ("feature 3", "layer parcels fid 7"). */
  label: string;
}

/** The warnings as data, for a sentence in the reader's language (import-notes.ts). */
export type ProfileNote = { code: 'attribute_kept'; key: string; value: string; field: string } | { code: 'default_road_width'; widthM: number };

/** `field`: the attribute that made the feature invalid, when it was not the geometry. */
export type ProfileFeatureResult = { ok: true; feature: ParkFeature; warnings: string[]; notes: ProfileNote[] } | { ok: false; detail: string; field?: string };

/** A file's name or value in a note is clipped: a 10 MB attribute must not make a 10 MB line. */
const NOTE_CHARS = 80;

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'feature'}: ${i.message}`).join('; ');
}

/**
 * Builds a model feature from foreign attributes. A profile attribute whose value does not fit
 * (a negative height, an unknown land-use code) is kept in props with a warning rather than
 * lost; an invalid geometry refuses the feature, since drawing it would mislead.
 */
export function buildProfileFeature(input: ProfileFeatureInput): ProfileFeatureResult {
  const warnings: string[] = [];
  const notes: ProfileNote[] = [];
  const schema = SCHEMAS[input.kind];
  const wanted = new Map(KIND_ATTRIBUTES[input.kind].map((a) => [normaliseName(a), a]));
  for (const [alias, field] of Object.entries(ALIASES)) if (KIND_ATTRIBUTES[input.kind].includes(field)) wanted.set(alias, field);
  const fields: Record<string, unknown> = {};
  const props: Record<string, FreeValue> = {};
  for (const [key, value] of Object.entries(input.props ?? {})) setOwn(props, key, toFreeValue(value));
  const taken = new Set<AttributeName>();
  for (const [key, raw] of Object.entries(input.attributes)) {
    let field = wanted.get(normaliseName(key));
    // The first column that fills a field wins ("width_m" then "width"); later ones stay in props.
    if (field && taken.has(field)) field = undefined;
    if (raw === null || raw === undefined) {
      if (!field) setOwn(props, key, null);
      continue;
    }
    if (!field) {
      setOwn(props, key, toFreeValue(raw));
      continue;
    }
    // Another tool may store a VSIC code as a number (2420): the code is text in the profile.
    const value = field === 'sector' && typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : raw;
    const fieldSchema = (schema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)[field];
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success && parsed.data !== undefined) {
      fields[field] = parsed.data;
      taken.add(field);
    } else {
      setOwn(props, key, toFreeValue(raw));
      warnings.push(`${input.label}: ${key} = ${JSON.stringify(raw)} is not a valid ${field}; kept in props`);
      notes.push({ code: 'attribute_kept', key: clipText(key, NOTE_CHARS), value: clipText(JSON.stringify(raw) ?? '', NOTE_CHARS), field });
    }
  }
  if (input.kind === 'landuse' && fields.landUse === undefined) fields.landUse = 'other';
  if (input.kind === 'road' && fields.widthM === undefined) {
    fields.widthM = DEFAULT_ROAD_WIDTH_M;
    warnings.push(`${input.label}: no road width; ${DEFAULT_ROAD_WIDTH_M} m assumed`);
    notes.push({ code: 'default_road_width', widthM: DEFAULT_ROAD_WIDTH_M });
  }
  const candidate = {
    ...fields,
    id: input.id,
    kind: input.kind,
    geometry: input.geometry,
    ...(Object.keys(props).length > 0 || input.props ? { props } : {}),
  };
  const result = parkFeatureSchema.safeParse(candidate);
  if (!result.success) {
    const first = result.error.issues[0]?.path[0];
    const field = first === undefined || first === 'geometry' ? undefined : String(first);
    return { ok: false, detail: `${input.label}: ${describeIssues(result.error)}`, ...(field ? { field } : {}) };
  }
  return { ok: true, feature: result.data, warnings, notes };
}

/** "Yên Phong.gpkg" → "Yên Phong"; the project name of an imported file. */
export function projectNameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '').trim() || 'Imported project';
}

/** Centre of the features' bounding box: the project location used for climate data and the first view. */
export function centreOf(features: ParkFeature[]): { lon: number; lat: number } | undefined {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1] as number);
      maxY = Math.max(maxY, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) visit(f.geometry.coordinates);
  return minX <= maxX ? { lon: (minX + maxX) / 2, lat: (minY + maxY) / 2 } : undefined;
}

