import { activeScenario, type AreaGeometry, type ParkFeature } from '../../../shared/model';
import { validateFeature, type ValidationIssue } from '../../../shared/geometry/validate';
import { useDocumentStore } from '../state/document-store';

/** Geometry problems of a feature, checked against the active scenario's boundary. */
export function issuesOf(feature: ParkFeature): ValidationIssue[] {
  const doc = useDocumentStore.getState().document;
  const boundary = doc ? activeScenario(doc).features.find((f) => f.kind === 'boundary') : undefined;
  return validateFeature(feature, { boundary: boundary && feature.kind !== 'boundary' ? (boundary.geometry as AreaGeometry) : undefined });
}
