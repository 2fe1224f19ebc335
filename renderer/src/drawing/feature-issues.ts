import { activeScenario, type ParkFeature, type ParkDocument } from '../../../shared/model';
import { validateLayout, type ValidationIssue } from '../../../shared/geometry/validate';
import { buildingCrossingIssues } from '../../../shared/analysis/building-crossings';
import { useDocumentStore } from '../state/document-store';
import { issueNeighbourhood } from './issue-neighbourhood';

/**
 * Problems of the given features in the active scenario: their own geometry, their place
 * against the park boundary, overlaps with other land use (the "flag" overlap policy relies on
 * this) and buildings standing across a plot edge. Only the given features are checked, against
 * the features near them (issue-neighbourhood.ts), so it stays cheap after an edit or a click.
 */
export function issuesOf(...features: ParkFeature[]): ValidationIssue[] {
  const doc = useDocumentStore.getState().document;
  if (!doc || features.length === 0) return [];
  // The Problems list and the map's issue markers ask for the same selection on every render;
  // checking it indexes the whole scenario, so one answer per document version is kept.
  const key = features.map((f) => f.id).join('\n');
  const cached = issueCache.get(doc)?.get(key);
  if (cached && cached.features.every((f, i) => f === features[i])) return cached.issues;
  const issues = computeIssues(doc, features);
  const perDocument = issueCache.get(doc) ?? new Map<string, CachedIssues>();
  perDocument.set(key, { features, issues });
  issueCache.set(doc, perDocument);
  return issues;
}

interface CachedIssues {
  features: ParkFeature[];
  issues: ValidationIssue[];
}

/** Documents are immutable values: a new edit is a new object, so its cache entry cannot be stale. */
const issueCache = new WeakMap<ParkDocument, Map<string, CachedIssues>>();

function computeIssues(doc: ParkDocument, features: ParkFeature[]): ValidationIssue[] {
  const ids = features.map((f) => f.id);
  const scenario = activeScenario(doc).features;
  // Features not yet in the document (a preview) are checked alongside it.
  const inDocument = new Set(scenario.map((f) => f.id));
  const all = [...scenario, ...features.filter((f) => !inDocument.has(f.id))];
  return problemsAmong(issueNeighbourhood(all, ids) ?? all, ids);
}

/** The problems of the features `ids` among `features` (the whole scenario, or the part that bears on them). */
export function problemsAmong(features: ParkFeature[], ids: string[]): ValidationIssue[] {
  return [...validateLayout(features, { onlyIds: ids }), ...buildingCrossingIssues(features, { onlyIds: ids })].filter((issue) => ids.includes(issue.featureId));
}
