/// <reference lib="webworker" />
import type { ParkDocument } from '../../../../shared/model';
import { createContext, parseWeatherFile, runSolar, simulateRoof, solarInputFromDocument, summarizePark, type HourlyWeather, type RoofResult, type SolarSettings } from '../../../../shared/solar';
import type { RunWeather, WorkerRequest, WorkerResponse } from './worker-protocol';

/**
 * Runs the shared/solar model off the main thread in chunks of roofs, posting each chunk's
 * results with the progress; a newer request supersedes the running one between chunks.
 */
const scope = self as unknown as { postMessage(message: WorkerResponse): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
const CHUNK = 50;
let latest = 0;
let lastDoc: ParkDocument | null = null;
/**
 * Weather files parsed here, by parse request id, so a run names one instead of sending it back.
 * Ids only grow and the panel uses its latest good file, so a run naming one makes older ones dead.
 */
const parsedWeather = new Map<number, HourlyWeather>();

function weatherOf(weather: RunWeather): HourlyWeather | null {
  if (weather === null || !('parsedRequestId' in weather)) return weather;
  for (const id of parsedWeather.keys()) if (id < weather.parsedRequestId) parsedWeather.delete(id);
  const parsed = parsedWeather.get(weather.parsedRequestId);
  if (!parsed) throw new Error(`weather file ${weather.parsedRequestId} is no longer held by the solar worker`);
  return parsed;
}

scope.onmessage = (event) => {
  const req = event.data;
  if (req.type === 'parse-weather') {
    const result = parseWeatherFile(req.text, req.fileName);
    if (result.ok) parsedWeather.set(req.requestId, result.weather);
    scope.postMessage({ type: 'weather', requestId: req.requestId, fileName: req.fileName, result });
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

async function run(runId: number, doc: ParkDocument, settings: SolarSettings, runWeather: RunWeather): Promise<void> {
  try {
    const start = performance.now();
    const input = solarInputFromDocument(doc, settings, weatherOf(runWeather));
    const ctx = createContext(input);
    const results: RoofResult[] = [];
    const total = input.roofs.length;
    for (let i = 0; i < total; i += CHUNK) {
      const roofs = input.roofs.slice(i, i + CHUNK).map((roof) => simulateRoof(ctx, roof));
      results.push(...roofs);
      scope.postMessage({ type: 'progress', runId, done: results.length, total, roofs });
      // Yield so a newer request can arrive; stop if one did.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (latest !== runId) return;
    }
    // The roofs went with the progress messages; the summary is all that is left to send.
    const { buildings: _sent, ...summary } = summarizePark(ctx, results);
    // The park's hourly AC goes too: the Eco panel counts PV used on site hour by hour from it.
    const hourly = { acKw: ctx.hourlyAcKw, weight: input.weather.weight };
    scope.postMessage({ type: 'result', runId, summary, hourly, elapsedMs: performance.now() - start });
  } catch (error) {
    scope.postMessage({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
}
