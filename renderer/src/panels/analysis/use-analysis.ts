import { create } from 'zustand';
import { useDocumentStore } from '../../state/document-store';
import { createAnalysisEngine, type AnalysisResult } from '../../../../shared/analysis';
import { activeScenario, type ParkDocument, type ParkFeature } from '../../../../shared/model';
import { diffFeatures } from '../../map/park-geojson';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';

/**
 * The analysis of the active scenario, shared by every panel and map layer. A park of up to
 * WORKER_FROM_FEATURES features is analysed here, synchronously, by one engine whose caches
 * survive edits (shared/analysis). A larger one is analysed in analysis.worker.ts: opening a
 * 5,000-feature park costs seconds of analysis from scratch, which would freeze the page; the
 * panels show the last result of the same park meanwhile (none for a newly opened one).
 */
export const WORKER_FROM_FEATURES = 1500;

const engine = createAnalysisEngine();
let last: { doc: ParkDocument; result: AnalysisResult } | null = null;

/** Time of the last analysis run in ms (read by the e2e test and the dev tools). */
export let lastAnalysisMs = 0;

/** The analysis of `doc` computed on this thread (small parks, and where no worker starts). */
export function analysisOf(doc: ParkDocument): AnalysisResult {
  if (last?.doc === doc) return last.result;
  const start = performance.now();
  const result = engine.analyze(doc, doc.activeScenarioId);
  lastAnalysisMs = performance.now() - start;
  last = { doc, result };
  return result;
}

/** A worker's latest answer: the result for `doc`, a document of the park opened as `loadSeq`. */
interface AnalysisState {
  doc: ParkDocument | null;
  loadSeq: number;
  result: AnalysisResult | null;
}

const useWorkerResult = create<AnalysisState>(() => ({ doc: null, loadSeq: -1, result: null }));

const needsWorker = (doc: ParkDocument) => activeScenario(doc).features.length >= WORKER_FROM_FEATURES;

let worker: Worker | null = null;
let workerFailed = false;
let seq = 0;
/** What the worker holds, per scenario (it keeps what it was sent). */
const sent = new Map<string, ParkFeature[]>();
/** The request in the worker and the latest document waiting behind it (only the latest is analysed). */
let inFlight: { seq: number; doc: ParkDocument; loadSeq: number } | null = null;
let waiting: { doc: ParkDocument; loadSeq: number } | null = null;

function getWorker(): Worker | null {
  if (worker || workerFailed || typeof Worker === 'undefined') return worker;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    const answer = event.data;
    const request = inFlight;
    if (!request || answer.seq !== request.seq) return;
    inFlight = null;
    if (answer.ok) {
      lastAnalysisMs = answer.ms;
      useWorkerResult.setState({ doc: request.doc, loadSeq: request.loadSeq, result: answer.result });
    } else {
      // The same error would be thrown on this thread: show it where the panels render.
      sent.clear();
      useWorkerResult.setState({ doc: request.doc, loadSeq: request.loadSeq, result: analysisOf(request.doc) });
    }
    if (waiting) send(waiting.doc, waiting.loadSeq);
  };
  worker.onerror = (event) => {
    // A worker that cannot start is not retried: the analysis runs on this thread from now on.
    event.preventDefault();
    workerFailed = true;
    worker?.terminate();
    worker = null;
    const pending = inFlight ?? waiting;
    inFlight = waiting = null;
    if (pending) useWorkerResult.setState({ doc: pending.doc, loadSeq: pending.loadSeq, result: analysisOf(pending.doc) });
  };
  return worker;
}

function send(doc: ParkDocument, loadSeq: number): void {
  const target = getWorker();
  if (!target) {
    useWorkerResult.setState({ doc, loadSeq, result: analysisOf(doc) });
    return;
  }
  if (inFlight) {
    waiting = { doc, loadSeq };
    return;
  }
  waiting = null;
  const scenario = activeScenario(doc);
  const { put } = diffFeatures(sent.get(scenario.id) ?? [], scenario.features);
  sent.set(scenario.id, scenario.features);
  for (const id of sent.keys()) if (!doc.scenarios.some((s) => s.id === id)) sent.delete(id);
  const request: AnalysisRequest = {
    seq: ++seq,
    doc: { ...doc, scenarios: doc.scenarios.map((s) => ({ ...s, features: [] })) },
    scenarioId: scenario.id,
    order: scenario.features.map((f) => f.id),
    put,
  };
  inFlight = { seq: request.seq, doc, loadSeq };
  target.postMessage(request);
}

/** The large document to send to the worker once the current task is over (see onDocument). */
let nextTask: { doc: ParkDocument; loadSeq: number } | null = null;

/**
 * Starts analysing a large document in the worker; small ones are analysed when asked for.
 * The document is posted in a task of its own: cloning a 5,000-feature park to the worker
 * takes tens of ms, and opening one already runs the store's subscribers and the panels'
 * rendering in one task (issue 13 bug 7: no task over 200 ms while opening). Only the latest
 * document asked for before that task runs is sent.
 */
function onDocument(doc: ParkDocument | null, loadSeq: number): void {
  if (!doc || !needsWorker(doc) || useWorkerResult.getState().doc === doc) return;
  if (inFlight?.doc === doc || waiting?.doc === doc || nextTask?.doc === doc) return;
  if (!nextTask) {
    setTimeout(() => {
      const next = nextTask!;
      nextTask = null;
      send(next.doc, next.loadSeq);
    }, 0);
  }
  nextTask = { doc, loadSeq };
}

useDocumentStore.subscribe((state, previous) => {
  if (state.document !== previous.document) onDocument(state.document, state.loadSeq);
});

/**
 * The analysis to show for `doc`: computed now for a small park; for a large one the worker's
 * latest result for this park (it may lag an edit by one worker run), or null until the first.
 */
export function currentAnalysis(doc: ParkDocument | null, loadSeq: number, answer: AnalysisState = useWorkerResult.getState()): AnalysisResult | null {
  if (!doc) return null;
  if (!needsWorker(doc)) return analysisOf(doc);
  onDocument(doc, loadSeq);
  return answer.loadSeq === loadSeq ? answer.result : null;
}

/** Calls `listener` whenever the analysis to show may have changed (document or worker answer). */
export function subscribeAnalysis(listener: () => void): () => void {
  const unsubscribeDocument = useDocumentStore.subscribe((s, p) => s.document !== p.document && listener());
  const unsubscribeWorker = useWorkerResult.subscribe(listener);
  return () => {
    unsubscribeDocument();
    unsubscribeWorker();
  };
}

/** The analysis of the active scenario for the panels; null without a document. */
export function useAnalysis(): AnalysisResult | null {
  const doc = useDocumentStore((s) => s.document);
  const loadSeq = useDocumentStore((s) => s.loadSeq);
  const answer = useWorkerResult();
  return currentAnalysis(doc, loadSeq, answer);
}

/** What a panel says while it has no analysis: none is coming (no document) or one is (a large park being analysed). */
export function useNoAnalysisMessage(): 'analysis.noDocument' | 'analysis.computing' {
  const doc = useDocumentStore((s) => s.document);
  const loadSeq = useDocumentStore((s) => s.loadSeq);
  const answerLoadSeq = useWorkerResult((s) => s.loadSeq);
  return doc !== null && needsWorker(doc) && answerLoadSeq !== loadSeq ? 'analysis.computing' : 'analysis.noDocument';
}
