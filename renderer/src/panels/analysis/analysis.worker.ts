/// <reference lib="webworker" />
import { createAnalysisEngine } from '../../../../shared/analysis';
import type { ParkFeature } from '../../../../shared/model';
import { applyRequest, type AnalysisRequest, type AnalysisResponse } from './analysis-protocol';

/**
 * The analysis of a large park off the page's main thread: a freshly opened 5,000-feature park
 * takes seconds to analyse from scratch. One engine, so its caches survive edits.
 */
const engine = createAnalysisEngine();
const held = new Map<string, Map<string, ParkFeature>>();

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  try {
    const start = performance.now();
    let scenarioFeatures = held.get(request.scenarioId);
    if (!scenarioFeatures) held.set(request.scenarioId, (scenarioFeatures = new Map()));
    // Scenarios no longer in the document free what the worker held for them.
    for (const id of held.keys()) if (!request.doc.scenarios.some((s) => s.id === id)) held.delete(id);
    const features = applyRequest(scenarioFeatures, request);
    const doc = { ...request.doc, scenarios: request.doc.scenarios.map((s) => (s.id === request.scenarioId ? { ...s, features } : s)) };
    const result = engine.analyze(doc, request.scenarioId);
    self.postMessage({ seq: request.seq, ok: true, result, ms: performance.now() - start } satisfies AnalysisResponse);
  } catch (error) {
    self.postMessage({ seq: request.seq, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies AnalysisResponse);
  }
};
