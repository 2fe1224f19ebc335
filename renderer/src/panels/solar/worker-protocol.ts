import type { ParkDocument } from '../../../../shared/model';
import type { HourlyWeather, ParkSolarResult, RoofResult, SolarSettings, WeatherImportResult } from '../../../../shared/solar';

/**
 * The weather of a panel run: none (typical days), a file the worker itself parsed (by the id of
 * its parse request: a year of hourly rows is not cloned back and forth on every run), or data.
 */
export type RunWeather = HourlyWeather | { parsedRequestId: number } | null;

/** Main thread → worker: compute the park (a trimmed document: buildings and trees only). */
export type WorkerRequest =
  | { type: 'run'; runId: number; /** null = same document as the previous run. */ doc: ParkDocument | null; settings: SolarSettings; weather: RunWeather }
  /** A whole scenario for Compare and the report (report/scenario-solar.ts), with the panel's settings and weather. */
  | { type: 'run-scenario'; requestId: number; doc: ParkDocument; settings: SolarSettings; weather: HourlyWeather | null }
  /** Parsing a year of hourly weather takes 40–80 ms: done here, not on the main thread. */
  | { type: 'parse-weather'; requestId: number; text: string; fileName: string };

/** A park result without its roofs: those came with the progress messages. */
export type ParkSummary = Omit<ParkSolarResult, 'buildings'>;

/** The park's AC power per weather row (kW) and the real hours each row stands for (shared/solar). */
export interface SolarHourly {
  acKw: Float64Array;
  weight: ArrayLike<number>;
}

/** Worker → main thread. */
export type WorkerResponse =
  /**
   * After each chunk of roofs, with that chunk's results: handing over thousands of roof results
   * in one message would make one long task of deserialising them on the main thread.
   */
  | { type: 'progress'; runId: number; done: number; total: number; roofs: RoofResult[] }
  | { type: 'result'; runId: number; summary: ParkSummary; hourly: SolarHourly; elapsedMs: number }
  | { type: 'error'; runId: number; message: string }
  | { type: 'weather'; requestId: number; fileName: string; result: WeatherImportResult }
  | { type: 'scenario-result'; requestId: number; result: ParkSolarResult }
  | { type: 'scenario-error'; requestId: number; message: string };
