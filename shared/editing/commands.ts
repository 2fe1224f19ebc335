import type { EditCommand } from '../model/command';
import type { ParkDocument } from '../model/document';
import { parkFeatureSchema, type AttributeName, type LandUseFeature, type ParkFeature } from '../model/feature';
import { KIND_ATTRIBUTES } from '../model/kind-attributes';
import type { AreaGeometry, LineStringGeometry, Position } from '../model/geometry-schema';
import type { LandUseCode } from '../model/land-use';
import { newId as randomId } from '../model/ids';
import { mergePolygons } from '../geometry/merge';
import { repairFeature, type RepairKind } from '../geometry/validate';
import { splitPolygon } from '../geometry/split';
import { subdivideBlock, type SubdivideOptions } from '../geometry/subdivide';
import { duplicateFeatures, rotateFeatures, scaleFeatures, translateFeature } from '../geometry/transform';
import { insertVertex, removeVertex } from './vertex-edit';

/**
 * Builders of the EditCommands of issue 3 (DESIGN.md §2): each edit is data, applied by
 * applyCommand, undone by its inverse. Creating a feature under the layout policies is
 * create-feature.ts; moving a vertex shared by neighbours is shared-vertex.ts. Builders are pure: ids for new features come from
 * `newId` (a random UUID by default), labels default to the English ones below and may be
 * replaced by the UI's translation. Builders that can fail return { ok: false, reason }.
 */
export const COMMAND_LABELS = {
  drawPolygon: 'Draw polygon',
  drawRectangle: 'Draw rectangle',
  drawRoad: 'Draw road',
  drawBuilding: 'Draw building',
  addPoint: 'Add point',
  split: 'Split polygon',
  subdivide: 'Subdivide block',
  merge: 'Merge polygons',
  move: 'Move',
  rotate: 'Rotate',
  scale: 'Scale',
  duplicate: 'Duplicate',
  delete: 'Delete',
  editAttributes: 'Edit attributes',
  moveVertex: 'Move vertex',
  insertVertex: 'Insert vertex',
  deleteVertex: 'Delete vertex',
  setLandUse: 'Set land use',
  repair: 'Repair',
} as const;

export const COMMAND_FAILURES = [
  'not_found',
  'wrong_kind',
  'invalid_value',
  'invalid_vertex',
  'too_few_vertices',
  'different_land_use',
  'missed',
  // Reasons of the geometry operations pass through unchanged (split, subdivide, merge, repair).
] as const;
export type CommandFailure = (typeof COMMAND_FAILURES)[number] | string;

export type CommandResult<Extra = unknown> = ({ ok: true; command: EditCommand } & Extra) | { ok: false; reason: CommandFailure; message?: string };

export interface BuildOptions {
  label?: string;
  newId?: () => string;
}

function features(doc: ParkDocument, scenarioId: string): Map<string, ParkFeature> | null {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  return scenario ? new Map(scenario.features.map((f) => [f.id, f])) : null;
}

function lookup(doc: ParkDocument, scenarioId: string, ids: string[]): ParkFeature[] | null {
  const byId = features(doc, scenarioId);
  if (!byId || ids.length === 0) return null;
  const out = ids.map((id) => byId.get(id));
  return out.every((f): f is ParkFeature => f !== undefined) ? out : null;
}

const ok = <E extends object>(command: EditCommand, extra: E) => ({ ok: true as const, command, ...extra });

// ---- Delete ---------------------------------------------------------------------------------

export function deleteCommand(scenarioId: string, ids: string[], options: { label?: string } = {}): EditCommand {
  return { label: options.label ?? COMMAND_LABELS.delete, scenarioId, put: [], delete: ids.slice() };
}

// ---- Split, subdivide, merge --------------------------------------------------------------

/** Suffix of the n-th piece (0-based): a, b, …, z, aa, ab, … */
export function pieceSuffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

function piece<F extends ParkFeature>(source: F, id: string, geometry: AreaGeometry, n: number): F {
  const out = { ...source, id, geometry } as F;
  if (source.code) out.code = `${source.code}${pieceSuffix(n)}`;
  return out;
}

const isArea = (f: ParkFeature) => f.kind === 'landuse' || f.kind === 'building' || f.kind === 'boundary';

/** Replaces a polygon by the pieces a cut line makes; pieces inherit its attributes (codes CN-05a, b…). */
export function splitCommand(doc: ParkDocument, scenarioId: string, featureId: string, line: LineStringGeometry, options: BuildOptions = {}): CommandResult<{ partIds: string[] }> {
  const [f] = lookup(doc, scenarioId, [featureId]) ?? [];
  if (!f) return { ok: false, reason: 'not_found' };
  if (!isArea(f) || f.kind === 'boundary') return { ok: false, reason: 'wrong_kind' };
  const r = splitPolygon(f.geometry as AreaGeometry, line);
  if (!r.ok) return r;
  const newId = options.newId ?? randomId;
  const put = r.parts.map((g, i) => piece(f, newId(), g, i));
  return ok({ label: options.label ?? COMMAND_LABELS.split, scenarioId, put, delete: [f.id] }, { partIds: put.map((p) => p.id) });
}

/**
 * Splits along a drawn line the first of `targetIds` it cuts (landuse or building), or, with no
 * targets, the first land-use polygon it cuts, in drawing order. `missed` when it cuts none.
 */
export function splitAlongLineCommand(
  doc: ParkDocument,
  scenarioId: string,
  line: LineStringGeometry,
  targetIds: string[],
  options: BuildOptions = {},
): CommandResult<{ partIds: string[] }> {
  const all = doc.scenarios.find((s) => s.id === scenarioId)?.features;
  if (!all) return { ok: false, reason: 'not_found' };
  const targets = all.filter((f) => targetIds.includes(f.id) && (f.kind === 'landuse' || f.kind === 'building'));
  const candidates = targets.length > 0 ? targets : all.filter((f) => f.kind === 'landuse');
  for (const target of candidates) {
    const result = splitCommand(doc, scenarioId, target.id, line, options);
    if (result.ok) return result;
  }
  return { ok: false, reason: 'missed' };
}

/**
 * Replaces a land-use block by equal plots (inheriting the block's attributes, codes numbered
 * CN-05a, CN-05b…) and the road strips between them (land use traffic, subtype road).
 */
export function subdivideCommand(
  doc: ParkDocument,
  scenarioId: string,
  blockId: string,
  options: SubdivideOptions & BuildOptions,
): CommandResult<{ plotIds: string[]; roadIds: string[] }> {
  const [block] = lookup(doc, scenarioId, [blockId]) ?? [];
  if (!block) return { ok: false, reason: 'not_found' };
  if (block.kind !== 'landuse') return { ok: false, reason: 'wrong_kind' };
  // A MultiPolygon of one part (as GeoPackage files store every area) is that polygon.
  const g = block.geometry;
  const polygon = g.type === 'Polygon' ? g : g.coordinates.length === 1 ? { type: 'Polygon' as const, coordinates: g.coordinates[0] } : null;
  if (!polygon) return { ok: false, reason: 'wrong_kind' };
  const r = subdivideBlock(polygon, options);
  if (!r.ok) return r;
  const newId = options.newId ?? randomId;
  const plots = r.plots.map((g, i) => piece(block, newId(), g, i));
  const roads: LandUseFeature[] = r.roads.map((g) => ({ id: newId(), kind: 'landuse', landUse: 'traffic', subtype: 'road', geometry: g }));
  return ok(
    { label: options.label ?? COMMAND_LABELS.subdivide, scenarioId, put: [...plots, ...roads], delete: [block.id] },
    { plotIds: plots.map((p) => p.id), roadIds: roads.map((p) => p.id) },
  );
}

/**
 * Merges neighbouring polygons of one kind — land use of one category — into the first one
 * (its id and attributes).
 */
export function mergeCommand(doc: ParkDocument, scenarioId: string, ids: string[], options: { label?: string } = {}): CommandResult<{ mergedId: string }> {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  if (!fs.every((f) => isArea(f) && f.kind === fs[0].kind)) return { ok: false, reason: 'wrong_kind' };
  const categories = new Set(fs.map((f) => (f.kind === 'landuse' ? f.landUse : null)));
  if (categories.size > 1) return { ok: false, reason: 'different_land_use' };
  const r = mergePolygons(fs.map((f) => f.geometry as AreaGeometry));
  if (!r.ok) return r;
  const merged = { ...fs[0], geometry: r.polygon } as ParkFeature;
  return ok({ label: options.label ?? COMMAND_LABELS.merge, scenarioId, put: [merged], delete: ids.slice(1) }, { mergedId: merged.id });
}

// ---- Transforms -----------------------------------------------------------------------------

export function moveCommand(doc: ParkDocument, scenarioId: string, ids: string[], dxM: number, dyM: number, options: { label?: string } = {}): CommandResult {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  return ok({ label: options.label ?? COMMAND_LABELS.move, scenarioId, put: fs.map((f) => translateFeature(f, dxM, dyM)), delete: [] }, {});
}

export function rotateCommand(doc: ParkDocument, scenarioId: string, ids: string[], angleDeg: number, pivot: Position, options: { label?: string } = {}): CommandResult {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  return ok({ label: options.label ?? COMMAND_LABELS.rotate, scenarioId, put: rotateFeatures(fs, angleDeg, pivot), delete: [] }, {});
}

export function scaleCommand(doc: ParkDocument, scenarioId: string, ids: string[], factor: number, pivot: Position, options: { label?: string } = {}): CommandResult {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  if (!(factor > 0) || !Number.isFinite(factor)) return { ok: false, reason: 'invalid_value' };
  return ok({ label: options.label ?? COMMAND_LABELS.scale, scenarioId, put: scaleFeatures(fs, factor, pivot), delete: [] }, {});
}

export function duplicateCommand(doc: ParkDocument, scenarioId: string, ids: string[], offsetM: number | [number, number], options: BuildOptions = {}): CommandResult<{ copyIds: string[] }> {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  const copies = duplicateFeatures(fs, offsetM, options.newId ?? randomId);
  return ok({ label: options.label ?? COMMAND_LABELS.duplicate, scenarioId, put: copies, delete: [] }, { copyIds: copies.map((c) => c.id) });
}

// ---- Attributes -----------------------------------------------------------------------------

/** Attributes each kind carries (shared/model/kind-attributes.ts); a patch applies only these per feature. */
export { KIND_ATTRIBUTES };

/**
 * One edit of attributes over a multi-selection. Each feature takes only the patch fields its
 * kind carries (`undefined` clears a field); every result is checked with parkFeatureSchema and
 * the whole edit is refused, naming the field, if one value is invalid.
 */
export function attributeEditCommand(
  doc: ParkDocument,
  scenarioId: string,
  ids: string[],
  patch: Partial<Record<AttributeName, unknown>>,
  options: { label?: string } = {},
): CommandResult<{ changedIds: string[] }> {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  const put: ParkFeature[] = [];
  for (const f of fs) {
    const edited: Record<string, unknown> = { ...f };
    let changed = false;
    for (const [field, value] of Object.entries(patch)) {
      if (!(KIND_ATTRIBUTES[f.kind] as readonly string[]).includes(field)) continue;
      changed = true;
      if (value === undefined || value === '') delete edited[field];
      else edited[field] = value;
    }
    if (!changed) continue;
    const checked = parkFeatureSchema.safeParse(edited);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { ok: false, reason: 'invalid_value', message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid value'}` };
    }
    put.push(edited as ParkFeature);
  }
  return ok({ label: options.label ?? COMMAND_LABELS.editAttributes, scenarioId, put, delete: [] }, { changedIds: put.map((f) => f.id) });
}

/** Sets the land-use category (and subtype, cleared when not given) of land-use polygons. */
export function setLandUseCommand(doc: ParkDocument, scenarioId: string, ids: string[], landUse: LandUseCode, subtype?: string, options: { label?: string } = {}): CommandResult {
  const fs = lookup(doc, scenarioId, ids);
  if (!fs) return { ok: false, reason: 'not_found' };
  if (!fs.every((f) => f.kind === 'landuse')) return { ok: false, reason: 'wrong_kind' };
  const r = attributeEditCommand(doc, scenarioId, ids, { landUse, subtype }, { label: options.label ?? COMMAND_LABELS.setLandUse });
  return r.ok ? ok(r.command, {}) : r;
}

// ---- Vertices -------------------------------------------------------------------------------

/** Inserts a vertex on edge `edgeIndex` (between vertices edgeIndex and edgeIndex + 1). */
export function insertVertexCommand(doc: ParkDocument, scenarioId: string, featureId: string, ringPath: number[], edgeIndex: number, position: Position, options: { label?: string } = {}): CommandResult {
  const [f] = lookup(doc, scenarioId, [featureId]) ?? [];
  if (!f) return { ok: false, reason: 'not_found' };
  const g = insertVertex(f.geometry, ringPath, edgeIndex, position);
  if (!g) return { ok: false, reason: 'invalid_vertex' };
  return ok({ label: options.label ?? COMMAND_LABELS.insertVertex, scenarioId, put: [{ ...f, geometry: g } as ParkFeature], delete: [] }, {});
}

/** Deletes a vertex; refused when the ring or line would drop below 3 (2) vertices. */
export function deleteVertexCommand(doc: ParkDocument, scenarioId: string, featureId: string, ringPath: number[], vertexIndex: number, options: { label?: string } = {}): CommandResult {
  const [f] = lookup(doc, scenarioId, [featureId]) ?? [];
  if (!f) return { ok: false, reason: 'not_found' };
  const r = removeVertex(f.geometry, ringPath, vertexIndex);
  if (r === 'invalid_vertex' || r === 'too_few_vertices') return { ok: false, reason: r };
  return ok({ label: options.label ?? COMMAND_LABELS.deleteVertex, scenarioId, put: [{ ...f, geometry: r } as ParkFeature], delete: [] }, {});
}

// ---- Repair ---------------------------------------------------------------------------------

/** Applies a safe repair (validate.ts) as one undoable edit. */
export function repairCommand(doc: ParkDocument, scenarioId: string, featureId: string, repair: RepairKind, options: BuildOptions = {}): CommandResult<{ featureIds: string[] }> {
  const [f] = lookup(doc, scenarioId, [featureId]) ?? [];
  if (!f) return { ok: false, reason: 'not_found' };
  const r = repairFeature(f, repair, { newId: options.newId });
  if (!r.ok) return r;
  const keepsId = r.features.some((x) => x.id === f.id);
  return ok(
    { label: options.label ?? COMMAND_LABELS.repair, scenarioId, put: r.features, delete: keepsId ? [] : [f.id] },
    { featureIds: r.features.map((x) => x.id) },
  );
}
