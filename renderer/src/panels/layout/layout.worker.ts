/// <reference lib="webworker" />
import { generateVariants } from '../../../../shared/layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

/**
 * The layout generator off the page's main thread: each variant is a full layout and analysis
 * (seconds for several variants of a large site), which would freeze the page. Cancelling
 * terminates this worker.
 */
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { seq, doc, scenarioId, params, count, ruleDate } = event.data;
  try {
    const start = performance.now();
    const onProgress = (done: number, total: number) => self.postMessage({ seq, progress: { done, total } } satisfies LayoutResponse);
    const result = generateVariants(doc, scenarioId, params, count, { ruleDate, onProgress });
    self.postMessage({ seq, ok: true, result, ms: performance.now() - start } satisfies LayoutResponse);
  } catch (error) {
    self.postMessage({ seq, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse);
  }
};
