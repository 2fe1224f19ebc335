import { applyCommand, type EditCommand } from '../model/command';
import type { ParkDocument } from '../model/document';
import type { ParkFeature } from '../model/feature';
import type { AreaGeometry } from '../model/geometry-schema';
import { newId as randomId } from '../model/ids';
import { clipToBoundary, cutByExisting } from '../geometry/overlap';
import { validateFeature, validateLayout, type ValidationIssue } from '../geometry/validate';
import { COMMAND_LABELS, type BuildOptions } from './commands';
import { readFeatureCodeScheme, withFeatureCode } from '../model/feature-codes';

/**
 * Creating a feature under the layout policies (docs/editing.md), the rule every front end
 * shares: the drawing tools, the CLI and generative layout.
 *
 * - A new land-use polygon is clipped to the park boundary when `clipToBoundary` is on, and
 *   with the `prevent` overlap policy (the default) it is cut by the land use already there
 *   ("existing wins"), so the layout stays free of overlaps without effort. With `flag` it is
 *   kept as drawn and each overlap comes back as an issue.
 * - A boundary replaces the scenario's old boundary in the same undoable step (one per scenario).
 * - Buildings, roads and points are added as drawn.
 * - A land-use polygon or building drawn without a code gets the next free one of its prefix
 *   in the scenario (CN-01, CX-03…; model/feature-codes.ts, prefixes from the document settings).
 * Every outcome carries the validation issues of what it created, so a problem is shown at once.
 */

/** How a new land-use polygon treats the ones it overlaps. */
export const OVERLAP_POLICIES = ['prevent', 'flag'] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

export interface CreatePolicies {
  overlapPolicy: OverlapPolicy;
  clipToBoundary: boolean;
}

export const DEFAULT_CREATE_POLICIES: CreatePolicies = { overlapPolicy: 'prevent', clipToBoundary: true };

/** Why a drawn shape produced no feature; the UI explains each (i18n keys draw.*). */
export const CREATE_FAILURES = ['covered_by_existing', 'outside_boundary', 'too_few_points', 'not_found'] as const;
export type CreateFailure = (typeof CREATE_FAILURES)[number];

type WithoutId<F> = F extends ParkFeature ? Omit<F, 'id'> : never;
/** A feature as drawn, before the rules place it; its id is given on creation. */
export type NewFeature = WithoutId<ParkFeature>;

export type CreateOutcome =
  | { ok: true; command: EditCommand; createdIds: string[]; cutBy: string[]; issues: ValidationIssue[] }
  | { ok: false; reason: CreateFailure };

const DEFAULT_LABELS: Record<ParkFeature['kind'], string> = {
  boundary: COMMAND_LABELS.drawPolygon,
  landuse: COMMAND_LABELS.drawPolygon,
  building: COMMAND_LABELS.drawBuilding,
  road: COMMAND_LABELS.drawRoad,
  point: COMMAND_LABELS.addPoint,
};

/** Fewer points than the geometry needs: a ring of 3 distinct corners, a line of 2. */
function tooFewPoints(feature: NewFeature): boolean {
  const g = feature.geometry;
  if (g.type === 'Polygon') return g.coordinates.length === 0 || g.coordinates[0].length < 4;
  if (g.type === 'LineString') return g.coordinates.length < 2;
  return false;
}

/** The land-use polygon after the clip and overlap policies, or why nothing is left. */
function placeLandUse(
  features: ParkFeature[],
  id: string,
  polygon: AreaGeometry,
  policies: CreatePolicies,
): { ok: true; geometry: AreaGeometry; cutBy: string[] } | { ok: false; reason: CreateFailure } {
  // An invalid ring (e.g. a bow-tie) is kept as drawn so the user sees the problem and its
  // repair; cutting or clipping it first would be undefined and could hide it.
  const selfIntersecting = validateFeature({ id, kind: 'landuse', landUse: 'other', geometry: polygon }).some((i) => i.reason === 'self_intersection');
  if (selfIntersecting) return { ok: true, geometry: polygon, cutBy: [] };
  let geometry = polygon;
  const boundary = features.find((f) => f.kind === 'boundary');
  if (policies.clipToBoundary && boundary) {
    const clipped = clipToBoundary(polygon, boundary.geometry as AreaGeometry);
    if (!clipped) return { ok: false, reason: 'outside_boundary' };
    geometry = clipped;
  }
  if (policies.overlapPolicy !== 'prevent') return { ok: true, geometry, cutBy: [] };
  const existing = features.filter((f) => f.kind === 'landuse').map((f) => ({ id: f.id, geometry: f.geometry as AreaGeometry }));
  const cut = cutByExisting(geometry, existing);
  return cut.geometry ? { ok: true, geometry: cut.geometry, cutBy: cut.cutBy } : { ok: false, reason: 'covered_by_existing' };
}

/** Adds a drawn feature to a scenario under the policies above, as one command. */
export function createFeatureCommand(
  doc: ParkDocument,
  scenarioId: string,
  drawn: NewFeature,
  policies: CreatePolicies = DEFAULT_CREATE_POLICIES,
  options: BuildOptions = {},
): CreateOutcome {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return { ok: false, reason: 'not_found' };
  if (tooFewPoints(drawn)) return { ok: false, reason: 'too_few_points' };
  const id = (options.newId ?? randomId)();
  let feature = withFeatureCode({ ...drawn, id } as ParkFeature, scenario.features, readFeatureCodeScheme(doc.settings));
  let remove: string[] = [];
  let cutBy: string[] = [];
  if (feature.kind === 'boundary') {
    remove = scenario.features.filter((f) => f.kind === 'boundary').map((f) => f.id);
  } else if (feature.kind === 'landuse') {
    const placed = placeLandUse(scenario.features, id, feature.geometry, policies);
    if (!placed.ok) return placed;
    feature = { ...feature, geometry: placed.geometry };
    cutBy = placed.cutBy;
  }
  const command: EditCommand = { label: options.label ?? DEFAULT_LABELS[feature.kind], scenarioId, put: [feature], delete: remove };
  // Checked in the scenario as it will be, so a replaced boundary no longer counts.
  const after = applyCommand(doc, command).document.scenarios.find((s) => s.id === scenarioId)?.features ?? [];
  const issues = validateLayout(after, { onlyIds: [id] }).filter((issue) => issue.featureId === id);
  return { ok: true, command, createdIds: [id], cutBy, issues };
}
