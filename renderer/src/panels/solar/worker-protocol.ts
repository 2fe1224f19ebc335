import type { ParkDocument } from '../../../../shared/model';
import type { HourlyWeather, ParkSolarResult, SolarSettings, WeatherImportResult } from '../../../../shared/solar';

/** Main thread → worker: compute the park (a trimmed document: buildings and trees only). */
export type WorkerRequest =
  | { type: 'run'; runId: number; /** null = same document as the previous run. */ doc: ParkDocument | null; settings: SolarSettings; weather: HourlyWeather | null }
  /** A whole scenario for Compare and the report (report/scenario-solar.ts), with the panel's settings and weather. */
  | { type: 'run-scenario'; requestId: number; doc: ParkDocument; settings: SolarSettings; weather: HourlyWeather | null }
  /** Parsing a year of hourly weather takes 40–80 ms: done here, not on the main thread. */
  | { type: 'parse-weather'; requestId: number; text: string; fileName: string };

/** Worker → main thread. */
export type WorkerResponse =
  | { type: 'progress'; runId: number; done: number; total: number }
  | { type: 'result'; runId: number; result: ParkSolarResult; elapsedMs: number }
  | { type: 'error'; runId: number; message: string }
  | { type: 'weather'; requestId: number; fileName: string; result: WeatherImportResult }
  | { type: 'scenario-result'; requestId: number; result: ParkSolarResult }
  | { type: 'scenario-error'; requestId: number; message: string };
