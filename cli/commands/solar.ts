import { describeWeatherProblem, describeWeatherSource, parseWeatherFile, readSolarSettings, runSolar, solarInputFromDocument, usableSharePercent, type HourlyWeather, type ParkSolarResult } from '../../shared/solar';
import { CliError, readInput, type CliIo, type CommandContext, type ExitCode } from '../io';
import { fileName, findScenarioId, readProjectFile, requireProjectPath } from '../formats';
import { messages, type Messages } from '../i18n';
import { SOLAR_USAGE } from '../usage';

/**
 * `ecopark solar`: rooftop-solar potential of every roof of a project with the project's saved
 * assumptions (doc.settings.solar, defaults otherwise), on the nearest climate station or an
 * imported hourly weather file.
 */
export async function solarCommand(args: string[], io: CliIo, { m }: CommandContext): Promise<ExitCode> {
  let path: string | undefined;
  let scenarioName: string | undefined;
  let weatherPath: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--scenario' || a === '--weather') {
      const v = args[++i];
      if (v === undefined) throw new CliError(m.t('error.needsValue', { option: a, usage: SOLAR_USAGE }), 2);
      if (a === '--scenario') scenarioName = v;
      else weatherPath = v;
    } else if (a.startsWith('-')) throw new CliError(m.t('error.unknownOption', { option: a, usage: SOLAR_USAGE }), 2);
    else if (path === undefined) path = a;
    else throw new CliError(m.t('solar.oneProject', { usage: SOLAR_USAGE }), 2);
  }
  if (!path) throw new CliError(m.t('error.needsFile', { command: 'solar', usage: SOLAR_USAGE }), 2);
  requireProjectPath(path, 'solar', m);
  const doc = await readProjectFile(path, await readInput(io, path, m), { acceptForeign: false }, m);
  const scenarioId = scenarioName === undefined ? undefined : findScenarioId(doc, scenarioName, path, m);
  let weather: HourlyWeather | null = null;
  if (weatherPath) {
    const text = new TextDecoder().decode(await readInput(io, weatherPath, m));
    const parsed = parseWeatherFile(text, fileName(weatherPath));
    if (!parsed.ok) {
      // The problem (field, record, value, bound) in the reader's language; the English detail only without one.
      const detail = parsed.problem ? describeWeatherProblem(parsed.problem, m.lang) : parsed.detail;
      throw new CliError(m.t('solar.badWeather', { path: weatherPath, reason: m.t(`weatherReason.${parsed.reason}`), detail }));
    }
    weather = parsed.weather;
  }
  const result = runSolar(solarInputFromDocument(doc, readSolarSettings(doc.settings), weather, scenarioId));
  // --json is for programs: the same in every language.
  if (json) io.stdout(JSON.stringify(solarJson(result), null, 2));
  else for (const line of formatSolar(result, m)) io.stdout(line);
  return 0;
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
      usableSharePercent: round(usableSharePercent(b.usableAreaM2, b.roofAreaM2), 2),
      kwp: round(b.kwp, 3),
      annualKwh: round(b.annualKwh, 1),
      specificYield: round(b.specificYield, 1),
      shadingLossPercent: round(b.shadingLossPercent, 2),
      // The parts of shadingLossPercent due to the hidden sun (beam, circumsolar) and sky (diffuse, ground).
      beamShadingLossPercent: round(b.beamShadingLossPercent, 2),
      diffuseShadingLossPercent: round(b.diffuseShadingLossPercent, 2),
      monthlyKwh: b.monthlyKwh.map((v) => round(v, 1)),
    })),
  };
}

/** The readable summary, in the language of `m` (vi: 1.234,5; en: 1,234.5). */
export function formatSolar(r: ParkSolarResult, m: Messages = messages('en')): string[] {
  const e = r.economics;
  const rows: [string, string][] = [
    [m.t('solar.weather'), describeWeatherSource({ source: r.weatherSource, station: r.weatherStation }, m.lang)],
    [m.t('solar.roofs'), m.t('solar.roofsValue', { count: m.num(r.buildings.length), positions: m.num(r.shadingSunPositions) })],
    [m.t('solar.installed'), `${m.num(r.totalKwp, 1)} kWp`],
    [m.t('solar.production'), m.t('solar.productionValue', { mwh: m.num(r.annualKwh / 1000, 1), yield: m.num(r.specificYieldKwhPerKwp, 0) })],
    [m.t('solar.shading'), m.t('solar.shadingValue', { total: m.num(r.shadingLossPercent, 1), beam: m.num(r.beamShadingLossPercent, 1), sky: m.num(r.diffuseShadingLossPercent, 1) })],
    [m.t('solar.co2'), m.t('solar.co2Value', { t: m.num(r.co2AvoidedT, 1) })],
    [m.t('solar.payback'), Number.isFinite(e.simplePaybackYears) ? m.t('solar.paybackValue', { years: m.num(e.simplePaybackYears, 1) }) : m.t('solar.never')],
    [m.t('solar.lcoe'), `${Number.isFinite(e.lcoeVndPerKwh) ? m.num(e.lcoeVndPerKwh, 0) : '—'} VND/kWh`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
}
