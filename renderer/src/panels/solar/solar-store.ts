import { create } from 'zustand';
import type { HourlyWeather, ParkSolarResult, WeatherImportError, WeatherProblem } from '../../../../shared/solar';
import type { SolarHourly } from './worker-protocol';

export type RoofMetric = 'specificYield' | 'kwhPerM2Roof';

/**
 * Solar results (derived, never the truth: recomputed from the document by the worker) and the
 * imported hourly weather, which is kept in memory for the session only (not saved).
 */
export interface SolarState {
  status: 'idle' | 'running' | 'done' | 'error';
  progress: { done: number; total: number };
  result: ParkSolarResult | null;
  /** The hourly AC of `result` (the Eco panel's PV on site); null without a result. */
  hourly: SolarHourly | null;
  /** Revision of the document the result belongs to. */
  resultRevision: number;
  error: string | null;
  /** Wall time of the last run in the worker, ms. */
  lastRunMs: number;
  importedWeather: HourlyWeather | null;
  /** Why the last imported weather file was refused (shown in the UI language). */
  /** `problem` is worded in the UI language (describeWeatherProblem); `detail` is English, for files refused without one. */
  weatherError: { fileName: string; reason: WeatherImportError; detail: string; problem?: WeatherProblem } | null;
  metric: RoofMetric;
  /** Whether the Solar panel is showing: roof colours and legend are on the map only then. */
  panelOpen: boolean;
  set(partial: Partial<Omit<SolarState, 'set'>>): void;
}

export const useSolarStore = create<SolarState>((set) => ({
  status: 'idle',
  progress: { done: 0, total: 0 },
  result: null,
  hourly: null,
  resultRevision: -1,
  error: null,
  lastRunMs: 0,
  importedWeather: null,
  weatherError: null,
  metric: 'specificYield',
  panelOpen: false,
  set: (partial) => set(partial),
}));
