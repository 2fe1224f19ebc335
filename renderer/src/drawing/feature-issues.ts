import { activeScenario, type ParkFeature } from '../../../shared/model';
import { validateLayout, type ValidationIssue } from '../../../shared/geometry/validate';
import { useDocumentStore } from '../state/document-store';

/**
 * Problems of the given features in the active scenario: their own geometry, their place
 * against the park boundary, and overlaps with other land use (the "flag" overlap policy
 * relies on this). Only the given features are checked, so it stays cheap after an edit.
 */
export function issuesOf(...features: ParkFeature[]): ValidationIssue[] {
  const doc = useDocumentStore.getState().document;
  if (!doc || features.length === 0) return [];
  const ids = features.map((f) => f.id);
  const scenario = activeScenario(doc).features;
  // Features not yet in the document (a preview) are checked alongside it.
  const inDocument = new Set(scenario.map((f) => f.id));
  const all = [...scenario, ...features.filter((f) => !inDocument.has(f.id))];
  return validateLayout(all, { onlyIds: ids }).filter((issue) => ids.includes(issue.featureId));
}
