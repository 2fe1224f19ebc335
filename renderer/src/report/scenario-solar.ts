import { create } from 'zustand';
import type { ParkDocument, Scenario } from '../../../shared/model';
import { readSolarSettings, runSolar, solarInputFromDocument, type HourlyWeather, type ParkSolarResult, type SolarSettings } from '../../../shared/solar';
import type { WorkerRequest, WorkerResponse } from '../panels/solar/worker-protocol';

/**
 * Solar results of whole scenarios for Compare and the report, computed with exactly what the
 * Solar panel uses for the active scenario — the project's settings (neighbour shading
 * included), its location and the session's imported weather — so that two identical scenarios
 * show identical figures. In the app they run in a worker of their own (a shaded park is too
 * slow for the main thread); where no Worker exists (tests, the CLI) they run inline.
 */

interface Entry {
  key: string;
  result: ParkSolarResult | null;
  pending: Promise<ParkSolarResult> | null;
}

/** By scenario object: an edit of another scenario (or of the settings) leaves the others' results valid. */
const cache = new WeakMap<Scenario, Entry>();
const weatherIds = new WeakMap<HourlyWeather, number>();
let weatherSeq = 0;

/** Bumped when a worker result lands, so Compare re-renders. */
export const useScenarioSolarStore = create<{ revision: number }>(() => ({ revision: 0 }));

/** Everything besides the scenario's own features that the result depends on. */
function inputKey(doc: ParkDocument, settings: SolarSettings, weather: HourlyWeather | null): string {
  let w = 0;
  if (weather) {
    w = weatherIds.get(weather) ?? ++weatherSeq;
    weatherIds.set(weather, w);
  }
  return JSON.stringify([settings, doc.project.location, w]);
}

/** Only what the model reads: location, settings and one scenario's buildings and trees. */
function trimmed(doc: ParkDocument, scenario: Scenario): ParkDocument {
  const features = scenario.features.filter((f) => f.kind === 'building' || (f.kind === 'point' && f.facilityType === 'tree'));
  return { ...doc, scenarios: [{ ...scenario, features }], activeScenarioId: scenario.id };
}

let worker: Worker | null = null;
let requestSeq = 0;
const waiting = new Map<number, { resolve: (r: ParkSolarResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../panels/solar/solar.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const msg = event.data;
    if (msg.type !== 'scenario-result' && msg.type !== 'scenario-error') return;
    const w = waiting.get(msg.requestId);
    waiting.delete(msg.requestId);
    if (!w) return;
    if (msg.type === 'scenario-result') w.resolve(msg.result);
    else w.reject(new Error(msg.message));
  };
  return worker;
}

function inWorker(doc: ParkDocument, scenario: Scenario, settings: SolarSettings, weather: HourlyWeather | null): Promise<ParkSolarResult> {
  const requestId = ++requestSeq;
  const request: WorkerRequest = { type: 'run-scenario', requestId, doc: trimmed(doc, scenario), settings, weather };
  return new Promise((resolve, reject) => {
    waiting.set(requestId, { resolve, reject });
    getWorker().postMessage(request);
  });
}

/**
 * The scenario's result if it is known for the current inputs; otherwise starts it (in the
 * worker) and returns null — or computes it at once where there is no worker.
 */
export function scenarioSolar(doc: ParkDocument, scenarioId: string, weather: HourlyWeather | null): ParkSolarResult | null {
  const scenario = doc.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const settings = readSolarSettings(doc.settings);
  const key = inputKey(doc, settings, weather);
  const hit = cache.get(scenario);
  if (hit && hit.key === key) return hit.result;
  if (typeof Worker === 'undefined') {
    const result = runSolar(solarInputFromDocument(doc, settings, weather, scenarioId));
    cache.set(scenario, { key, result, pending: null });
    return result;
  }
  const entry: Entry = { key, result: null, pending: null };
  entry.pending = inWorker(doc, scenario, settings, weather).then(
    (result) => {
      entry.result = result;
      entry.pending = null;
      useScenarioSolarStore.setState((s) => ({ revision: s.revision + 1 }));
      return result;
    },
    (error: unknown) => {
      if (cache.get(scenario) === entry) cache.delete(scenario);
      throw error;
    },
  );
  entry.pending.catch(() => undefined);
  cache.set(scenario, entry);
  return null;
}

/** Resolves once every listed scenario has its result for the current inputs (the report export waits on it). */
export async function scenarioSolarReady(doc: ParkDocument, scenarioIds: readonly string[], weather: HourlyWeather | null): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (const id of scenarioIds) {
    if (scenarioSolar(doc, id, weather)) continue;
    const scenario = doc.scenarios.find((s) => s.id === id);
    const p = scenario ? cache.get(scenario)?.pending : null;
    if (p) pending.push(p);
  }
  await Promise.all(pending);
}
