import type { ParkDocument } from '../../../../shared/model';
import type { HourlyWeather, ParkSolarResult, SolarSettings } from '../../../../shared/solar';

/** Main thread → worker: compute the park (a trimmed document: buildings and trees only). */
export interface WorkerRequest {
  runId: number;
  doc: ParkDocument;
  settings: SolarSettings;
  weather: HourlyWeather | null;
}

/** Worker → main thread. */
export type WorkerResponse =
  | { type: 'progress'; runId: number; done: number; total: number }
  | { type: 'result'; runId: number; result: ParkSolarResult; elapsedMs: number }
  | { type: 'error'; runId: number; message: string };
