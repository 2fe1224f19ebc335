import type { ParkDocument } from '../model/document';
import type { ParkFeature } from '../model/feature';
import type { Position } from '../model/geometry-schema';
import { COMMAND_LABELS, type CommandResult } from './commands';

/**
 * Moving a vertex together with every vertex that coincides with it, in every feature of the
 * scenario: an edge shared by neighbouring plots (drawn with snapping) moves in both, so no gap
 * or overlap opens between them. A ring's closing vertex moves with its first.
 */

/** Two positions are the same vertex when they agree to ~1 mm (1e-8°). */
const SAME_VERTEX_DEG = 1e-8;

export function samePosition(a: Position, b: Position): boolean {
  return Math.abs(a[0] - b[0]) <= SAME_VERTEX_DEG && Math.abs(a[1] - b[1]) <= SAME_VERTEX_DEG;
}

type Coordinates = unknown;

function mapPositions(coordinates: Coordinates, fn: (p: Position) => Position): Coordinates {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return fn(coordinates as Position);
  return (coordinates as Coordinates[]).map((c) => mapPositions(c, fn));
}

/** Replaces every occurrence of `from` by `to` in a feature; null when it has none. */
function moveVertexIn(feature: ParkFeature, from: Position, to: Position): ParkFeature | null {
  let touched = false;
  const coordinates = mapPositions(feature.geometry.coordinates, (p) => {
    if (!samePosition(p, from)) return p;
    touched = true;
    return [to[0], to[1]];
  });
  return touched ? ({ ...feature, geometry: { ...feature.geometry, coordinates } } as ParkFeature) : null;
}

/** Moves the vertex at `from` to `to` in every feature that has it; `invalid_vertex` when none does. */
export function moveSharedVertexCommand(
  doc: ParkDocument,
  scenarioId: string,
  from: Position,
  to: Position,
  options: { label?: string } = {},
): CommandResult<{ movedIds: string[] }> {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return { ok: false, reason: 'not_found' };
  const put = scenario.features.map((f) => moveVertexIn(f, from, to)).filter((f): f is ParkFeature => f !== null);
  if (put.length === 0) return { ok: false, reason: 'invalid_vertex' };
  return { ok: true, command: { label: options.label ?? COMMAND_LABELS.moveVertex, scenarioId, put, delete: [] }, movedIds: put.map((f) => f.id) };
}
