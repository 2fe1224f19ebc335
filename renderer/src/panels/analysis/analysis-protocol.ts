import type { AnalysisResult } from '../../../../shared/analysis';
import type { ParkDocument, ParkFeature } from '../../../../shared/model';

/**
 * Messages between the page and analysis.worker.ts. The worker keeps the features it was sent,
 * so a request carries only those it does not hold: the worker's engine sees unchanged features
 * as the same objects and recomputes only what an edit touched (shared/analysis caches).
 */
export interface AnalysisRequest {
  seq: number;
  /** The document with every scenario's feature list empty (the features travel below). */
  doc: ParkDocument;
  scenarioId: string;
  /** Ids of the scenario's features, in document order. */
  order: string[];
  /** Features the worker does not hold, or holds an older version of. */
  put: ParkFeature[];
}

export type AnalysisResponse = { seq: number; ok: true; result: AnalysisResult; ms: number } | { seq: number; ok: false; message: string };

/** Features the worker holds for one scenario after `request`: `held` updated in place, returned in order. */
export function applyRequest(held: Map<string, ParkFeature>, request: Pick<AnalysisRequest, 'order' | 'put'>): ParkFeature[] {
  for (const f of request.put) held.set(f.id, f);
  const features = request.order.map((id) => held.get(id)).filter((f): f is ParkFeature => f !== undefined);
  if (held.size > features.length) {
    const keep = new Set(request.order);
    for (const id of held.keys()) if (!keep.has(id)) held.delete(id);
  }
  return features;
}
