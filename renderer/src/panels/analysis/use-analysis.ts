import { useDocumentStore } from '../../state/document-store';
import { createAnalysisEngine, type AnalysisResult } from '../../../../shared/analysis';
import type { ParkDocument } from '../../../../shared/model';

/**
 * One engine for the whole renderer: its caches survive edits, so an edit recomputes only what
 * it touched (shared/analysis). Every panel reads the same memoised result for a document.
 */
const engine = createAnalysisEngine();
let last: { doc: ParkDocument; result: AnalysisResult } | null = null;

/** Time of the last analysis run in ms (read by the e2e test and the dev tools). */
export let lastAnalysisMs = 0;

export function analysisOf(doc: ParkDocument): AnalysisResult {
  if (last?.doc === doc) return last.result;
  const start = performance.now();
  const result = engine.analyze(doc, doc.activeScenarioId);
  lastAnalysisMs = performance.now() - start;
  last = { doc, result };
  return result;
}

/** The analysis of the active scenario, recomputed when the document changes; null without one. */
export function useAnalysis(): AnalysisResult | null {
  const doc = useDocumentStore((s) => s.document);
  return doc ? analysisOf(doc) : null;
}
