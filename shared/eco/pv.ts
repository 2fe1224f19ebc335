import type { ParkDocument } from '../model/document';
import { readSolarSettings } from '../solar/settings';
import { solarInputFromDocument, summarizePark } from '../solar/park';
import { createContext, simulateRoof } from '../solar/simulate';
import type { HourlyWeather } from '../solar/weather';
import type { RooftopPv } from './balances';

/**
 * Rooftop PV of a scenario for the eco balances: the solar model run with the project's solar
 * assumptions, keeping the park's hourly AC output (the summary alone has no hours). The same
 * steps as runSolar in shared/solar/park.ts.
 */
export function rooftopPvOf(doc: ParkDocument, scenarioId?: string, weather?: HourlyWeather | null): RooftopPv {
  const settings = readSolarSettings(doc.settings);
  const input = solarInputFromDocument(doc, settings, weather, scenarioId);
  const ctx = createContext(input);
  const result = summarizePark(ctx, input.roofs.map((r) => simulateRoof(ctx, r)));
  return { annualKwh: result.annualKwh, totalKwp: result.totalKwp, hourlyAcKw: ctx.hourlyAcKw, weight: input.weather.weight, exportCapFraction: settings.exportCapFraction };
}
