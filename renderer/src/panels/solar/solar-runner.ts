import { activeScenario, type ParkDocument } from '../../../../shared/model';
import { readSolarSettings, type HourlyWeather, type RoofResult } from '../../../../shared/solar';
import { useDocumentStore } from '../../state/document-store';
import { useSolarStore } from './solar-store';
import type { RunWeather, WorkerRequest, WorkerResponse } from './worker-protocol';

/** Delay after the last edit before a new run, ms: a drag is many edits. */
const DEBOUNCE_MS = 250;
/** Least time between two progress updates on screen, ms: each one is a layout and a paint. */
const PROGRESS_INTERVAL_MS = 200;

let worker: Worker | null = null;
let runSeq = 0;
let started = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const revisionOfRun = new Map<number, number>();
/** The document last sent: a weather-only re-run sends none (cloning 3,000 buildings costs the main thread). */
let sentDocument: ParkDocument | null = null;
/** Roof results of the current run so far: they arrive with its progress messages. */
let roofsOfRun: RoofResult[] = [];
let progressShownAt = 0;
/** Weather files the worker parsed (and holds), by its parse request id. */
const parseIdOf = new WeakMap<HourlyWeather, number>();

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
      if (r.ok) {
        parseIdOf.set(r.weather, msg.requestId);
        store.set({ importedWeather: r.weather, weatherError: null });
      } else store.set({ weatherError: { fileName: msg.fileName, reason: r.reason, detail: r.detail, problem: r.problem } });
      return;
    }
    if (msg.type === 'scenario-result' || msg.type === 'scenario-error') return; // Compare's worker only
    if (msg.runId !== runSeq) return; // superseded
    if (msg.type === 'progress') {
      roofsOfRun.push(...msg.roofs);
      const now = performance.now();
      if (now - progressShownAt < PROGRESS_INTERVAL_MS) return;
      progressShownAt = now;
      store.set({ progress: { done: msg.done, total: msg.total } });
    } else if (msg.type === 'result') {
      const result = { ...msg.summary, buildings: roofsOfRun };
      roofsOfRun = [];
      store.set({ status: 'done', result, hourly: msg.hourly, resultRevision: revisionOfRun.get(msg.runId) ?? -1, lastRunMs: msg.elapsedMs, error: null });
    } else store.set({ status: 'error', error: msg.message });
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
  roofsOfRun = [];
  progressShownAt = performance.now();
  store.set({ status: 'running', progress: { done: 0, total: 0 } });
  const doc = document === sentDocument ? null : trimmed(document);
  sentDocument = document;
  const request: WorkerRequest = { type: 'run', runId: id, doc, settings: readSolarSettings(document.settings), weather: runWeather(store.importedWeather) };
  getWorker().postMessage(request);
}

/** A file the worker parsed is named, not sent: cloning a year of hourly rows costs the main thread. */
function runWeather(weather: HourlyWeather | null): RunWeather {
  const parsedRequestId = weather ? parseIdOf.get(weather) : undefined;
  return parsedRequestId === undefined ? weather : { parsedRequestId };
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
