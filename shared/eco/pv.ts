import type { ParkDocument } from '../model/document';
import { readSolarSettings } from '../solar/settings';
import { solarInputFromDocument, summarizePark, type ParkSolarResult } from '../solar/park';
import { createContext, simulateRoof } from '../solar/simulate';
import type { HourlyWeather } from '../solar/weather';
import type { RooftopPv } from './balances';

/**
 * Rooftop PV for the eco balances from a solar run: its annual energy and size, the park's
 * hourly AC output and the hours each weather row stands for (a summary alone has no hours),
 * with the project's export cap. The Eco panel builds it from the Solar worker's result, the CLI
 * from solarWithRooftopPv: one definition for both.
 */
export function rooftopPvFromRun(
  result: Pick<ParkSolarResult, 'annualKwh' | 'totalKwp'>,
  hourlyAcKw: ArrayLike<number>,
  weight: ArrayLike<number>,
  settings: Pick<ParkDocument, 'settings'>['settings'],
): RooftopPv {
  return { annualKwh: result.annualKwh, totalKwp: result.totalKwp, hourlyAcKw, weight, exportCapFraction: readSolarSettings(settings).exportCapFraction };
}

/**
 * One run of the solar model with the project's solar assumptions (the steps of runSolar in
 * shared/solar/park.ts), giving both the solar result and the rooftop PV of the eco balances, so
 * a report that needs both runs the model once.
 */
export function solarWithRooftopPv(doc: ParkDocument, scenarioId?: string, weather?: HourlyWeather | null): { solar: ParkSolarResult; pv: RooftopPv } {
  const input = solarInputFromDocument(doc, readSolarSettings(doc.settings), weather, scenarioId);
  const ctx = createContext(input);
  const solar = summarizePark(ctx, input.roofs.map((r) => simulateRoof(ctx, r)));
  return { solar, pv: rooftopPvFromRun(solar, ctx.hourlyAcKw, input.weather.weight, doc.settings) };
}

/** Rooftop PV of a scenario for the eco balances (`ecopark eco`). */
export function rooftopPvOf(doc: ParkDocument, scenarioId?: string, weather?: HourlyWeather | null): RooftopPv {
  return solarWithRooftopPv(doc, scenarioId, weather).pv;
}
