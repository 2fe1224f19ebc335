import { create } from 'zustand';
import type { LayoutParameters, VariantsResult } from '../../../../shared/layout';
import type { ParkDocument } from '../../../../shared/model';
import type { LayoutResponse } from './layout-protocol';

/** The generator run of the "Lay out park" panel: idle, running in a worker, or its answer for `doc`. */
export type LayoutRun =
  | { state: 'idle' }
  | { state: 'running'; count: number; done: number }
  | { state: 'done'; doc: ParkDocument; seed: number; result: VariantsResult }
  | { state: 'error'; message: string };

export const useLayoutRun = create<LayoutRun>(() => ({ state: 'idle' }));

let worker: Worker | null = null;
let seq = 0;

/** Starts the generator on `doc`'s active scenario in a fresh worker (any running one is cancelled). */
export function startLayout(doc: ParkDocument, params: LayoutParameters, count: number): void {
  cancelLayout();
  const mySeq = ++seq;
  const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker = w;
  useLayoutRun.setState({ state: 'running', count, done: 0 }, true);
  w.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const answer = event.data;
    if (answer.seq !== mySeq || worker !== w) return;
    if ('progress' in answer) {
      useLayoutRun.setState({ state: 'running', count: answer.progress.total, done: answer.progress.done }, true);
      return;
    }
    stopWorker();
    useLayoutRun.setState(answer.ok ? { state: 'done', doc, seed: params.seed, result: answer.result } : { state: 'error', message: answer.message }, true);
  };
  w.onerror = (event) => {
    event.preventDefault();
    if (worker !== w) return;
    stopWorker();
    useLayoutRun.setState({ state: 'error', message: event.message || 'worker failed' }, true);
  };
  w.postMessage({ seq: mySeq, doc, scenarioId: doc.activeScenarioId, params, count, ruleDate: new Date().toISOString().slice(0, 10) });
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

/** Stops a running generator (its worker is terminated: nothing of it arrives later). */
export function cancelLayout(): void {
  if (!worker) return;
  stopWorker();
  useLayoutRun.setState({ state: 'idle' }, true);
}

/** Forgets shown variants (after one was used, or the park changed under them). */
export function clearLayout(): void {
  if (useLayoutRun.getState().state !== 'running') useLayoutRun.setState({ state: 'idle' }, true);
}
