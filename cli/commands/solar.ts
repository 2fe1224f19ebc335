import type { ParkDocument } from '../../shared/model';
import { parseWeatherFile, readSolarSettings, runSolar, solarInputFromDocument, type HourlyWeather, type ParkSolarResult } from '../../shared/solar';
import { CliError, readInput, type CliIo, type ExitCode } from '../io';
import { fileName, formatOf, readProjectFile } from '../formats';

export const SOLAR_USAGE = 'ecopark solar FILE.gpkg [--scenario NAME] [--weather FILE.epw|.csv] [--json]';

/**
 * `ecopark solar`: rooftop-solar potential of every roof of a project with the project's saved
 * assumptions (doc.settings.solar, defaults otherwise), on the nearest climate station or an
 * imported hourly weather file.
 */
export async function solarCommand(args: string[], io: CliIo): Promise<ExitCode> {
  let path: string | undefined;
  let scenarioName: string | undefined;
  let weatherPath: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--scenario' || a === '--weather') {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${a} needs a value (usage: ${SOLAR_USAGE})`, 2);
      if (a === '--scenario') scenarioName = v;
      else weatherPath = v;
    } else if (a.startsWith('-')) throw new CliError(`unknown option ${a} (usage: ${SOLAR_USAGE})`, 2);
    else if (path === undefined) path = a;
    else throw new CliError(`solar takes one project file (usage: ${SOLAR_USAGE})`, 2);
  }
  if (!path) throw new CliError(`solar needs a project file (usage: ${SOLAR_USAGE})`, 2);
  if (formatOf(path) !== 'project') throw new CliError(`cannot read ${path}: solar reads project files (.gpkg)`, 2);
  const doc = await readProjectFile(path, await readInput(io, path), { acceptForeign: false });
  const scenarioId = scenarioName === undefined ? undefined : findScenario(doc, scenarioName);
  let weather: HourlyWeather | null = null;
  if (weatherPath) {
    const text = new TextDecoder().decode(await readInput(io, weatherPath));
    const parsed = parseWeatherFile(text, fileName(weatherPath));
    if (!parsed.ok) throw new CliError(`cannot read weather ${weatherPath}: ${parsed.reason} (${parsed.detail})`);
    weather = parsed.weather;
  }
  const result = runSolar(solarInputFromDocument(doc, readSolarSettings(doc.settings), weather, scenarioId));
  if (json) io.stdout(JSON.stringify(solarJson(result), null, 2));
  else for (const line of formatSolar(result)) io.stdout(line);
  return 0;
}

function findScenario(doc: ParkDocument, name: string): string {
  const s = doc.scenarios.find((x) => x.name === name) ?? doc.scenarios.find((x) => x.id === name);
  if (!s) throw new CliError(`no scenario "${name}" (scenarios: ${doc.scenarios.map((x) => x.name).join(', ')})`, 2);
  return s.id;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The --json document of the issue (rounded: kWh to 0.1, kWp to 0.001). */
export function solarJson(r: ParkSolarResult) {
  return {
    totalKwp: round(r.totalKwp, 3),
    annualKwh: round(r.annualKwh, 1),
    specificYieldKwhPerKwp: round(r.specificYieldKwhPerKwp, 1),
    co2AvoidedT: round(r.co2AvoidedT, 2),
    weatherSource: r.weatherSource,
    shadingSunPositions: r.shadingSunPositions,
    buildings: r.buildings.map((b) => ({
      id: b.id,
      roofAreaM2: round(b.roofAreaM2, 1),
      usableAreaM2: round(b.usableAreaM2, 1),
      kwp: round(b.kwp, 3),
      annualKwh: round(b.annualKwh, 1),
      specificYield: round(b.specificYield, 1),
      shadingLossPercent: round(b.shadingLossPercent, 2),
      monthlyKwh: b.monthlyKwh.map((v) => round(v, 1)),
    })),
  };
}

export function formatSolar(r: ParkSolarResult): string[] {
  const e = r.economics;
  return [
    `Weather:          ${r.weatherSource}`,
    `Roofs:            ${r.buildings.length} (shading traced at ${r.shadingSunPositions} sun positions)`,
    `Installed:        ${r.totalKwp.toFixed(1)} kWp`,
    `Production:       ${(r.annualKwh / 1000).toFixed(1)} MWh/year (${r.specificYieldKwhPerKwp.toFixed(0)} kWh/kWp)`,
    `CO2 avoided:      ${r.co2AvoidedT.toFixed(1)} t/year`,
    `Simple payback:   ${Number.isFinite(e.simplePaybackYears) ? e.simplePaybackYears.toFixed(1) : 'never'} years`,
    `LCOE:             ${Number.isFinite(e.lcoeVndPerKwh) ? e.lcoeVndPerKwh.toFixed(0) : '—'} VND/kWh`,
  ];
}
