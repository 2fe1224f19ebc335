/// <reference lib="webworker" />
import type { ParkDocument } from '../../../../shared/model';
import { createContext, parseWeatherFile, runSolar, simulateRoof, solarInputFromDocument, summarizePark, type HourlyWeather, type RoofResult, type SolarSettings } from '../../../../shared/solar';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/**
 * Runs the shared/solar model off the main thread in chunks of roofs, posting progress after
 * each; a newer request supersedes the running one between chunks.
 */
const scope = self as unknown as { postMessage(message: WorkerResponse): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
const CHUNK = 50;
let latest = 0;
let lastDoc: ParkDocument | null = null;

scope.onmessage = (event) => {
  const req = event.data;
  if (req.type === 'parse-weather') {
    scope.postMessage({ type: 'weather', requestId: req.requestId, fileName: req.fileName, result: parseWeatherFile(req.text, req.fileName) });
    return;
  }
  if (req.type === 'run-scenario') {
    // The same model and settings as a panel run, for Compare and the report (its own worker instance).
    try {
      scope.postMessage({ type: 'scenario-result', requestId: req.requestId, result: runSolar(solarInputFromDocument(req.doc, req.settings, req.weather)) });
    } catch (error) {
      scope.postMessage({ type: 'scenario-error', requestId: req.requestId, message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  latest = req.runId;
  if (req.doc) lastDoc = req.doc;
  if (lastDoc) void run(req.runId, lastDoc, req.settings, req.weather);
};

async function run(runId: number, doc: ParkDocument, settings: SolarSettings, weather: HourlyWeather | null): Promise<void> {
  try {
    const start = performance.now();
    const input = solarInputFromDocument(doc, settings, weather);
    const ctx = createContext(input);
    const results: RoofResult[] = [];
    const total = input.roofs.length;
    for (let i = 0; i < total; i += CHUNK) {
      for (const roof of input.roofs.slice(i, i + CHUNK)) results.push(simulateRoof(ctx, roof));
      scope.postMessage({ type: 'progress', runId, done: results.length, total });
      // Yield so a newer request can arrive; stop if one did.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (latest !== runId) return;
    }
    scope.postMessage({ type: 'result', runId, result: summarizePark(ctx, results), elapsedMs: performance.now() - start });
  } catch (error) {
    scope.postMessage({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
}
