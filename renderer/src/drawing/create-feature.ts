import { activeScenario, newId, type AreaGeometry, type EditCommand, type ParkDocument, type ParkFeature } from '../../../shared/model';
import { clipToBoundary, cutByExisting } from '../../../shared/geometry/overlap';
import { validateFeature } from '../../../shared/geometry/validate';
import type { LonLat, ToolState } from './tool-store';

/** Why a finished draft produced no feature; the UI explains each (i18n keys draw.*). */
export type CreateFailure = 'covered_by_existing' | 'outside_boundary' | 'too_few_points';

export type CreateOutcome = { ok: true; command: EditCommand; createdIds: string[]; cutBy: string[] } | { ok: false; reason: CreateFailure };

type ToolSettings = Pick<
  ToolState,
  'newLandUse' | 'newSubtype' | 'overlapPolicy' | 'clipToBoundary' | 'roadWidthM' | 'buildingHeightM' | 'buildingFloors' | 'buildingRoofType' | 'pointType'
>;

/**
 * A new land-use polygon under the layout policies: clipped to the park boundary when asked,
 * and cut by the land use already there when overlaps are prevented (the default), so the
 * layout stays free of overlaps without effort.
 */
function placeLandUse(doc: ParkDocument, polygon: AreaGeometry, settings: ToolSettings): { geometry: AreaGeometry | null; cutBy: string[]; clippedAway: boolean } {
  const features = activeScenario(doc).features;
  let geometry: AreaGeometry | null = polygon;
  let clippedAway = false;
  const boundary = features.find((f) => f.kind === 'boundary');
  if (settings.clipToBoundary && boundary && boundary.kind === 'boundary') {
    geometry = clipToBoundary(polygon, boundary.geometry);
    clippedAway = geometry === null;
  }
  if (!geometry || settings.overlapPolicy !== 'prevent') return { geometry, cutBy: [], clippedAway };
  const existing = features.filter((f) => f.kind === 'landuse').map((f) => ({ id: f.id, geometry: f.geometry as AreaGeometry }));
  const cut = cutByExisting(geometry, existing);
  return { geometry: cut.geometry, cutBy: cut.cutBy, clippedAway };
}

/** Turns a finished polygon or rectangle into the feature the current tool makes. */
export function createAreaFeature(doc: ParkDocument, tool: 'polygon' | 'rectangle' | 'building', ring: LonLat[], settings: ToolSettings, label: string): CreateOutcome {
  if (ring.length < 4) return { ok: false, reason: 'too_few_points' };
  const polygon: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
  const scenarioId = doc.activeScenarioId;
  const id = newId();
  if (tool === 'building') {
    const feature: ParkFeature = {
      id,
      kind: 'building',
      geometry: polygon,
      heightM: settings.buildingHeightM,
      floors: settings.buildingFloors,
      roofType: settings.buildingRoofType,
    };
    return { ok: true, command: { label, scenarioId, put: [feature], delete: [] }, createdIds: [id], cutBy: [] };
  }
  if (settings.newLandUse === 'boundary') {
    // One boundary per scenario: drawing a new one replaces the old in the same undoable step.
    const old = activeScenario(doc).features.filter((f) => f.kind === 'boundary').map((f) => f.id);
    const feature: ParkFeature = { id, kind: 'boundary', geometry: polygon };
    return { ok: true, command: { label, scenarioId, put: [feature], delete: old }, createdIds: [id], cutBy: [] };
  }
  // An invalid ring (e.g. a bow-tie) is kept as drawn so the user sees the problem and its
  // repair; cutting or clipping it first would be undefined and could hide it.
  const drawnValid = !validateFeature({ id, kind: 'landuse', landUse: 'other', geometry: polygon }).some((i) => i.reason === 'self_intersection');
  const placed = drawnValid ? placeLandUse(doc, polygon, settings) : { geometry: polygon, cutBy: [], clippedAway: false };
  if (!placed.geometry) return { ok: false, reason: placed.clippedAway ? 'outside_boundary' : 'covered_by_existing' };
  const feature: ParkFeature = { id, kind: 'landuse', landUse: settings.newLandUse, subtype: settings.newSubtype, geometry: placed.geometry };
  return { ok: true, command: { label, scenarioId, put: [feature], delete: [] }, createdIds: [id], cutBy: placed.cutBy };
}

export function createRoad(doc: ParkDocument, line: LonLat[], settings: ToolSettings, label: string): CreateOutcome {
  if (line.length < 2) return { ok: false, reason: 'too_few_points' };
  const id = newId();
  const feature: ParkFeature = { id, kind: 'road', widthM: settings.roadWidthM, geometry: { type: 'LineString', coordinates: line } };
  return { ok: true, command: { label, scenarioId: doc.activeScenarioId, put: [feature], delete: [] }, createdIds: [id], cutBy: [] };
}

export function createPoint(doc: ParkDocument, at: LonLat, settings: ToolSettings, label: string): CreateOutcome {
  const id = newId();
  const feature: ParkFeature = { id, kind: 'point', facilityType: settings.pointType, geometry: { type: 'Point', coordinates: at } };
  return { ok: true, command: { label, scenarioId: doc.activeScenarioId, put: [feature], delete: [] }, createdIds: [id], cutBy: [] };
}
