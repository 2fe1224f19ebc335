import type { Geometry } from 'geojson';
import { z } from 'zod';
import { FEATURE_KINDS, type FeatureKind, type ParkFeature } from '../model/feature';
import { LAND_USE_CODES, type LandUseCode } from '../model/land-use';
import type { ParkGeometry } from '../model/geometry-schema';
import { newId } from '../model/ids';
import { buildProfileFeature, kindsForGeometry } from './profile-attributes';
import type { ImportedLayer } from './imported-layer';
import { getOwn, setOwn } from '../own-property';
import { describeImportNote, geometryProblem, type ImportNote } from './import-notes';

/**
 * The attribute-mapping step: which kind and land use each imported layer (or each value of
 * one of its attributes) becomes. Attributes that are not profile fields are kept in `props`,
 * so nothing imported is lost.
 */

const targetSchema = z.object({
  kind: z.enum([...FEATURE_KINDS, 'skip']).optional(),
  landUse: z.enum(LAND_USE_CODES).optional(),
  subtype: z.string().min(1).optional(),
});

/** What a layer or an attribute value becomes. Unset fields fall back (value → layer → the feature's own attributes → geometry). */
export type MappingTarget = z.infer<typeof targetSchema>;

const layerMappingSchema = targetSchema.extend({
  /** Map by the values of this attribute ("LOAI_DAT": {"CN": {...}}) on top of the layer's own target. */
  attribute: z.string().min(1).optional(),
  values: z.record(z.string(), targetSchema).optional(),
});
export type LayerMapping = z.infer<typeof layerMappingSchema>;

/** The mapping of an import, by layer name; "*" applies to layers not named. The JSON of `--layer-map FILE`. */
export const importMappingSchema = z.object({ layers: z.record(z.string(), layerMappingSchema) });
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** Layer names that mean "park limit" in English or Vietnamese ("ranh giới"). */
const BOUNDARY_NAME = /bound|limit|ranh[ _-]?gi[oơớ]i|ranhgioi/i;

/** Land uses guessed from layer names of Vietnamese and English drawings ("CAY_XANH", "GREEN"). */
const LAND_USE_HINTS: [RegExp, LandUseCode][] = [
  [/c[aâ]y[ _-]?xanh|green|park|tree/i, 'green'],
  [/m[aặ]t[ _-]?n[uư][oớ]c|water|pond|h[oồ][ _-]|canal|k[eê]nh/i, 'water'],
  [/giao[ _-]?th[oô]ng|traffic|parking|b[aã]i[ _-]?xe/i, 'traffic'],
  [/k[yỹ][ _-]?thu[aậ]t|technical|wwtp|x[uử][ _-]?l[yý]|substation|tram/i, 'technical'],
  [/d[iị]ch[ _-]?v[uụ]|admin|service|[dđ]i[eề]u[ _-]?h[aà]nh/i, 'admin_services'],
  [/c[oô]ng[ _-]?nghi[eệ]p|industr|factory|nh[aà][ _-]?m[aá]y|plot|l[oô][ _-]/i, 'industrial'],
];

/**
 * Whether every feature of a polygon layer names its own kind (our exports write a `kind`
 * attribute, e.g. the Shapefile's column): such a layer needs no guess from its name, which would
 * override each feature's kind and land use (a project named "Khu công nghiệp …" writes Shapefile
 * layers "Khu_cong_nghiep_…_polygons", which read as "industrial"). A layer map still overrides.
 */
function describesItself(layer: ImportedLayer): boolean {
  const possible: readonly string[] = kindsForGeometry('Polygon');
  return layer.features.length > 0 && layer.features.every((f) => typeof f.properties?.kind === 'string' && possible.includes(f.properties.kind));
}

/** A starting mapping for the UI: kinds from geometry and layer names, land uses from layer-name keywords. */
export function defaultMapping(layers: ImportedLayer[]): ImportMapping {
  const result: ImportMapping = { layers: {} };
  for (const layer of layers) {
    const target: LayerMapping = {};
    if (layer.geometryType === 'Polygon' && !describesItself(layer)) {
      if (BOUNDARY_NAME.test(layer.name)) target.kind = 'boundary';
      else if (/build|nh[aà][ _-]x[uư][oở]ng|c[oô]ng[ _-]tr[iì]nh/i.test(layer.name)) target.kind = 'building';
      else {
        const hint = LAND_USE_HINTS.find(([re]) => re.test(layer.name));
        if (hint) {
          target.kind = 'landuse';
          target.landUse = hint[1];
        }
      }
    }
    setOwn(result.layers, layer.name, target);
  }
  return result;
}

export interface ApplyMappingOptions {
  /** Ids already in the target scenario: imported ids that clash get new ones. */
  existingIds?: Iterable<string>;
}

export interface ApplyMappingResult {
  features: ParkFeature[];
  /** What the mapping noticed, as data: people read describeImportNote in their language. */
  notes: ImportNote[];
  /** The notes in English, for logs and the CLI's English output. */
  warnings: string[];
  /** Features left out on purpose (mapped to 'skip'). */
  skipped: number;
}

/** Model geometries of a foreign geometry: multi-points and collections split into parts. */
function parts(g: Geometry): ParkGeometry[] {
  if (g.type === 'MultiPoint') return g.coordinates.map((c) => ({ type: 'Point', coordinates: c }));
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(parts);
  return [g as ParkGeometry];
}

function parseProps(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== 'string' || !/^\s*\{/.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns imported layers into model features with new ids. A feature whose geometry the model
 * cannot hold (a polygon of two points) is left out with a warning naming it; every other
 * attribute survives as a field or in props.
 */
export function applyMapping(layers: ImportedLayer[], mapping: ImportMapping, options: ApplyMappingOptions = {}): ApplyMappingResult {
  const used = new Set(options.existingIds ?? []);
  const features: ParkFeature[] = [];
  const notes: ImportNote[] = [];
  let skipped = 0;
  for (const layer of layers) {
    const layerTarget = getOwn(mapping.layers, layer.name) ?? getOwn(mapping.layers, '*') ?? {};
    let misfits = 0;
    layer.features.forEach((source, index) => {
      const label = `layer ${layer.name}, feature ${index + 1}`;
      const at = { layer: layer.name, feature: index + 1 };
      const properties = { ...(source.properties ?? {}) };
      const value = layerTarget.attribute !== undefined ? getOwn(properties, layerTarget.attribute) : undefined;
      const valueTarget = value !== undefined && value !== null ? getOwn(layerTarget.values ?? {}, String(value)) : undefined;
      const target: MappingTarget = { ...pick(layerTarget), ...valueTarget };
      if (target.kind === 'skip') {
        skipped += 1;
        return;
      }
      if (!source.geometry) {
        notes.push({ code: 'no_geometry', ...at });
        return;
      }
      const { kind: kindAttribute, props: propsAttribute, ...attributes } = properties;
      const props = parseProps(propsAttribute);
      if (propsAttribute !== undefined && !props) attributes.props = propsAttribute;
      // Our own exports carry the feature id (as "id" or the GeoJSON id): reuse it when it is
      // free, so a round trip keeps ids; otherwise keep it in props as source_id.
      const { id: idAttribute, ...rest } = attributes;
      const sourceId = idAttribute ?? source.id;
      const split = parts(source.geometry);
      let reuse: string | undefined;
      if ((typeof sourceId === 'string' || typeof sourceId === 'number') && String(sourceId) !== '' && !used.has(String(sourceId)) && split.length === 1) reuse = String(sourceId);
      else if (sourceId !== undefined) rest.source_id = sourceId;
      for (const geometry of split) {
        const possible = kindsForGeometry(geometry.type);
        let kind: FeatureKind;
        if (target.kind && (possible as string[]).includes(target.kind)) kind = target.kind;
        else if (typeof kindAttribute === 'string' && (possible as string[]).includes(kindAttribute)) kind = kindAttribute as FeatureKind;
        else kind = possible.includes('boundary') && BOUNDARY_NAME.test(layer.name) ? 'boundary' : possible[0];
        if (target.kind && target.kind !== kind) misfits += 1;
        const fields: Record<string, unknown> = { ...rest };
        if (kindAttribute !== undefined && kindAttribute !== kind) fields.source_kind = kindAttribute;
        if (kind === 'landuse') {
          for (const key of ['landUse', 'subtype'] as const) {
            const wanted = target[key];
            if (wanted === undefined) continue;
            // The file's own value survives under source_* when the mapping overrides it.
            const existing = Object.keys(fields).find((k) => k.replace(/_/g, '').toLowerCase() === key.toLowerCase());
            if (existing !== undefined && fields[existing] !== wanted) fields[`source_${key}`] = fields[existing];
            if (existing !== undefined) delete fields[existing];
            fields[key] = wanted;
          }
        }
        const name = nameFromAttributes(fields);
        if (name !== undefined) fields.name = name;
        const id = reuse ?? newId();
        used.add(id);
        const built = buildProfileFeature({ id, kind, geometry, attributes: fields, props, label });
        if (!built.ok) {
          notes.push(built.field ? { code: 'invalid_attribute', ...at, field: built.field } : { code: 'invalid_geometry', ...at, problem: geometryProblem(geometry) });
          continue;
        }
        features.push(built.feature);
        notes.push(...built.notes.map((n) => ({ ...n, ...at })));
      }
    });
    if (misfits > 0) notes.push({ code: 'kind_misfit', layer: layer.name, count: misfits, kind: layerTarget.kind && layerTarget.kind !== 'skip' ? layerTarget.kind : null });
  }
  return { features, notes, warnings: notes.map((n) => describeImportNote(n, 'en')), skipped };
}

/** Attribute names (any case) that hold a feature's name in other tools' data: Vietnamese "tên"/"ten", "label". */
const NAME_ATTRIBUTES = new Set(['ten', 'tên', 'label']);

/**
 * The feature's name from a "Tên", "TEN" or "label" attribute when it has no "name" (any case,
 * which the profile already reads as the name). The source attribute stays in props as well,
 * so an export writes what was read.
 */
function nameFromAttributes(fields: Record<string, unknown>): string | undefined {
  const keys = Object.keys(fields);
  if (keys.some((key) => key.toLowerCase() === 'name')) return undefined;
  for (const key of keys) {
    if (!NAME_ATTRIBUTES.has(key.normalize('NFC').toLowerCase())) continue;
    const value = fields[key];
    if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) return String(value).trim();
  }
  return undefined;
}

function pick(m: LayerMapping): MappingTarget {
  const t: MappingTarget = {};
  if (m.kind) t.kind = m.kind;
  if (m.landUse) t.landUse = m.landUse;
  if (m.subtype) t.subtype = m.subtype;
  return t;
}
