import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { create } from 'zustand';
import { buildingCrossingIssues } from '../../../shared/analysis/building-crossings';
import { subdivideCommand, type CommandResult } from '../../../shared/editing/commands';
import type { ValidationIssue } from '../../../shared/geometry/validate';
import type { SubdivideOptions } from '../../../shared/geometry/subdivide';
import { bboxOf } from '../../../shared/geometry/boolean';
import { activeScenario, type AreaGeometry, type ParkDocument, type ParkFeature } from '../../../shared/model';

/**
 * The subdivision the Subdivide dialog would make, drawn on the map before it is committed: the
 * new plots' outlines dashed orange (apart from the blue selection), the road strips shaded, and
 * the buildings the new lines cut through in red. Outside the document and its history, like
 * the import preview.
 */
export interface SubdividePreview {
  plots: AreaGeometry[];
  roads: AreaGeometry[];
  /** Footprints of the buildings standing across a new plot line. */
  crossing: AreaGeometry[];
}

export const useSubdividePreview = create<{ preview: SubdividePreview | null; setPreview(preview: SubdividePreview | null): void }>((set) => ({
  preview: null,
  setPreview: (preview) => set({ preview }),
}));

/** A subdivision computed but not applied: the command to apply, and what it would leave wrong. */
export type SubdivisionDraft = CommandResult<{ plotIds: string[]; roadIds: string[] }> & {
  /** The scenario as it would be, by id (to word the problems). */
  after?: Map<string, ParkFeature>;
  /** Buildings that would stand across a plot line (problems of the layout afterwards, too). */
  crossings?: ValidationIssue[];
};

/**
 * The subdivision of `blockId` with `options`, and the buildings it would leave across a plot
 * line (shared/analysis/building-crossings.ts, the same check as the Problems list). The
 * returned command is the one the dialog applies, so what the map previews is what is committed.
 */
export function draftSubdivision(doc: ParkDocument, blockId: string, options: SubdivideOptions & { label: string }): SubdivisionDraft {
  const result = subdivideCommand(doc, doc.activeScenarioId, blockId, options);
  if (!result.ok) return result;
  const after = [...activeScenario(doc).features.filter((f) => f.id !== blockId), ...result.command.put];
  const crossings = buildingCrossingIssues(after, { onlyIds: result.plotIds });
  return { ...result, after: new Map(after.map((f) => [f.id, f])), crossings };
}

/** What the map shows of a draft (nothing when it failed). */
export function previewOf(draft: SubdivisionDraft | null): SubdividePreview | null {
  if (!draft?.ok || !draft.after) return null;
  const geometryOf = (id: string) => draft.after!.get(id)!.geometry as AreaGeometry;
  return { plots: draft.plotIds.map(geometryOf), roads: draft.roadIds.map(geometryOf), crossing: (draft.crossings ?? []).map((c) => geometryOf(c.featureId)) };
}

const SOURCE = 'subdivide-preview';
/** Width the dialog takes on the map's left (styles.css `.dialog`: 360 px plus padding). */
const DIALOG_WIDTH_PX = 390;
const LAYERS = ['subdivide-preview-road', 'subdivide-preview-crossing', 'subdivide-preview-line'];

function collection(preview: SubdividePreview | null): FeatureCollection {
  const features: Feature[] = [];
  const add = (role: string) => (geometry: AreaGeometry) => features.push({ type: 'Feature', geometry, properties: { role } });
  preview?.roads.forEach(add('road'));
  preview?.crossing.forEach(add('crossing'));
  preview?.plots.forEach(add('plot'));
  return { type: 'FeatureCollection', features };
}

export function attachSubdividePreview(map: MapLibreMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: collection(null) });
  map.addLayer({ id: LAYERS[0], type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'road'], paint: { 'fill-color': '#6b6b6b', 'fill-opacity': 0.45 } });
  map.addLayer({ id: LAYERS[1], type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'crossing'], paint: { 'fill-color': '#d32f2f', 'fill-opacity': 0.55, 'fill-outline-color': '#8e0000' } });
  map.addLayer({ id: LAYERS[2], type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'plot'], paint: { 'line-color': '#e8590c', 'line-width': 2.5, 'line-dasharray': [3, 2] } });
  let framed = false;
  const render = () => {
    const { preview } = useSubdividePreview.getState();
    (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(collection(preview));
    // Frame the block once when the dialog opens, beside the dialog (on the left), so the new
    // lines are in view; later option changes keep the user's view.
    if (preview && !framed && preview.plots.length > 0) {
      const [minX, minY, maxX, maxY] = bboxOf(preview.plots.map((g) => g.coordinates));
      map.fitBounds([[minX, minY], [maxX, maxY]], { padding: { top: 40, bottom: 40, left: DIALOG_WIDTH_PX + 40, right: 70 }, maxZoom: map.getZoom(), duration: 0 });
    }
    framed = preview !== null;
  };
  render();
  const unsubscribe = useSubdividePreview.subscribe(render);
  return () => {
    unsubscribe();
    for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
}
