import { activeScenario, type ParkDocument } from '../../../../shared/model';
import { readSolarSettings } from '../../../../shared/solar';
import { useDocumentStore } from '../../state/document-store';
import { useSolarStore } from './solar-store';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** Delay after the last edit before a new run, ms: a drag is many edits. */
const DEBOUNCE_MS = 250;

let worker: Worker | null = null;
let runSeq = 0;
let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const revisionOfRun = new Map<number, number>();
/** The document last sent: a weather-only re-run sends none (cloning 3,000 buildings costs the main thread). */
let sentDocument: ParkDocument | null = null;

/** Only what the model reads: the location, settings and the active scenario's buildings and trees. */
function trimmed(doc: ParkDocument): ParkDocument {
  const s = activeScenario(doc);
  const features = s.features.filter((f) => f.kind === 'building' || (f.kind === 'point' && f.facilityType === 'tree'));
  return { ...doc, scenarios: [{ ...s, features }], activeScenarioId: s.id };
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./solar.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    const store = useSolarStore.getState();
    if (msg.type === 'weather') {
      const r = msg.result;
      if (r.ok) store.set({ importedWeather: r.weather, weatherError: null });
      else store.set({ weatherError: { fileName: msg.fileName, reason: r.reason, detail: r.detail, problem: r.problem } });
      return;
    }
    if (msg.type === 'scenario-result' || msg.type === 'scenario-error') return; // Compare's worker only
    if (msg.runId !== runSeq) return; // superseded
    if (msg.type === 'progress') store.set({ progress: { done: msg.done, total: msg.total } });
    else if (msg.type === 'result') store.set({ status: 'done', result: msg.result, resultRevision: revisionOfRun.get(msg.runId) ?? -1, lastRunMs: msg.elapsedMs, error: null });
    else store.set({ status: 'error', error: msg.message });
  };
  return worker;
}

/** Starts a run now on the current document. */
export function runNow(): void {
  const { document, revision } = useDocumentStore.getState();
  if (!document) return;
  const id = ++runSeq;
  revisionOfRun.set(id, revision);
  const store = useSolarStore.getState();
  store.set({ status: 'running', progress: { done: 0, total: 0 } });
  const doc = document === sentDocument ? null : trimmed(document);
  sentDocument = document;
  const request: WorkerRequest = { type: 'run', runId: id, doc, settings: readSolarSettings(document.settings), weather: store.importedWeather };
  getWorker().postMessage(request);
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(runNow, DEBOUNCE_MS);
}

/** Whether the panel's runner follows the document (then it delivers the active scenario's result). */
export function solarRunnerStarted(): boolean {
  return started;
}

/** Recomputes after every document change, from the first time the Solar panel opens. */
export function ensureSolarRunner(): void {
  if (started) return;
  started = true;
  runNow();
  useDocumentStore.subscribe((state, prev) => {
    if (state.document !== prev.document && state.document) schedule();
  });
  useSolarStore.subscribe((state, prev) => {
    if (state.importedWeather !== prev.importedWeather) schedule();
  });
}

let parseSeq = 0;

/** Parses an hourly weather file in the worker; the result lands in the solar store. */
export function importWeatherFile(text: string, fileName: string): void {
  const request: WorkerRequest = { type: 'parse-weather', requestId: ++parseSeq, text, fileName };
  getWorker().postMessage(request);
}
