import type { ParkDocument } from '../model/document';
import type { ParkFeature } from '../model/feature';

/** What the flat export formats (KML, Shapefile, DXF, tables) write: one scenario's features. */
export interface ScenarioExport {
  projectName: string;
  scenarioName: string;
  features: ParkFeature[];
}

/** The named scenario, or the active one. */
export function scenarioExport(doc: ParkDocument, scenarioId: string = doc.activeScenarioId): ScenarioExport {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId) ?? doc.scenarios[0];
  return { projectName: doc.project.name, scenarioName: scenario.name, features: scenario.features };
}

/** Group key of a feature in layered formats: the land-use code for land-use polygons, else the kind. */
export function featureGroup(f: ParkFeature): string {
  return f.kind === 'landuse' ? f.landUse : f.kind;
}

/** Flat attributes of a feature (profile fields, then `props` as JSON text), for formats without nesting. */
export function flatAttributes(f: ParkFeature): Record<string, string | number> {
  const out: Record<string, string | number> = { id: f.id, kind: f.kind };
  for (const [key, value] of Object.entries(f)) {
    if (key === 'id' || key === 'kind' || key === 'geometry' || key === 'props') continue;
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (f.props !== undefined && Object.keys(f.props).length > 0) out.props = JSON.stringify(f.props);
  return out;
}
