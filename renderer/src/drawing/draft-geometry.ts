import type { Geometry } from 'geojson';
import { geodesicAreaM2, distanceM, pathLengthM } from '../../../shared/geometry/geodesic';
import { rectangleFromCorners, rectangleFromThreePoints } from '../../../shared/geometry/constraints';
import type { Draft, LonLat, ToolId } from './tool-store';

/** What a draft shows while drawing: the shape to preview and its live measurements. */
export interface DraftPreview {
  /** The shape as it would be committed now (cursor included), or null. */
  geometry: Geometry | null;
  /** Geodesic area of the polygon so far, m² (polygon-like tools with ≥ 3 points). */
  areaM2: number | null;
  /** Length of the segment under the cursor, m. */
  segmentM: number | null;
  /** Length of the whole line so far (roads, split lines, polygon outline), m. */
  totalM: number | null;
}

/** Polygon tools draw a closed shape; line tools an open one. */
export function isPolygonTool(tool: ToolId, buildingShape: 'rectangle' | 'polygon'): boolean {
  return tool === 'polygon' || (tool === 'building' && buildingShape === 'polygon');
}

export function isRectangleTool(tool: ToolId, buildingShape: 'rectangle' | 'polygon'): boolean {
  return tool === 'rectangle' || (tool === 'building' && buildingShape === 'rectangle');
}

function closed(ring: LonLat[]): LonLat[] {
  return [...ring, ring[0]];
}

/** The rectangle defined by the clicks so far plus the cursor, or null when not yet defined. */
export function draftRectangle(points: LonLat[], mode: 'rotated' | 'axis'): LonLat[] | null {
  const polygon =
    mode === 'axis'
      ? points.length >= 2 ? rectangleFromCorners(points[0], points[1]) : null
      : points.length >= 3 ? rectangleFromThreePoints(points[0], points[1], points[2]) : null;
  return polygon ? (polygon.coordinates[0] as LonLat[]) : null;
}

export function draftPreview(
  tool: ToolId,
  draft: Draft,
  options: { rectangleMode: 'rotated' | 'axis'; buildingShape: 'rectangle' | 'polygon' },
): DraftPreview {
  const points = draft.cursor ? [...draft.vertices, draft.cursor] : [...draft.vertices];
  const last = draft.vertices[draft.vertices.length - 1];
  const segmentM = last && draft.cursor ? distanceM(last, draft.cursor) : null;
  if (points.length === 0) return { geometry: null, areaM2: null, segmentM: null, totalM: null };

  if (isRectangleTool(tool, options.buildingShape)) {
    const ring = draftRectangle(points, options.rectangleMode);
    if (!ring) return { geometry: { type: 'LineString', coordinates: points }, areaM2: null, segmentM, totalM: pathLengthM(points) };
    const polygon = { type: 'Polygon' as const, coordinates: [ring] };
    return { geometry: polygon, areaM2: geodesicAreaM2(polygon), segmentM, totalM: pathLengthM(ring) };
  }
  if (isPolygonTool(tool, options.buildingShape) && points.length >= 3) {
    const polygon = { type: 'Polygon' as const, coordinates: [closed(points)] };
    return { geometry: polygon, areaM2: geodesicAreaM2(polygon), segmentM, totalM: pathLengthM(closed(points)) };
  }
  if (points.length >= 2) return { geometry: { type: 'LineString', coordinates: points }, areaM2: null, segmentM, totalM: pathLengthM(points) };
  return { geometry: { type: 'Point', coordinates: points[0] }, areaM2: null, segmentM, totalM: null };
}
