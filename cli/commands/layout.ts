import { defaultLayoutParameters, generateVariants, layoutVariantsCommand, MAX_VARIANTS, type LayoutParameters } from '../../shared/layout';
import { DESIGN_BOUNDS, designValueInBounds, type DesignField } from '../../shared/layout/parameters';
import { applyDocumentCommand } from '../../shared/model/document-command';
import { writeProject } from '../../shared/project-file';
import { CliError, writeOutput, type CliIo, type CommandContext, type ExitCode } from '../io';
import { loadSql, readProjectForOutput, requireProjectPath } from '../formats';
import type { CliMessageKey, Messages } from '../i18n';
import { LAYOUT_USAGE } from '../usage';

interface LayoutArgs {
  path: string;
  out: string;
  variants: number;
  seed: number;
  plotMinM2?: number;
  plotMaxM2?: number;
  bearingDeg?: number;
  /** Bearing the predominant wind blows from, degrees. */
  windFromDeg?: number;
  /** Percent of plot land cut into SME plots. */
  smeSharePct?: number;
  /** Entrances [lon, lat] in the order given: the first is the main one. */
  entrances: [number, number][];
  /** Design parameters given (metres; shares 0–1). */
  design: Partial<Record<DesignField, number>>;
  scenario?: string;
  json: boolean;
  force: boolean;
}

const DEFAULT_VARIANTS = 4;

/** The design options, each the parameter it sets; --green-min is typed in percent. */
const DESIGN_OPTIONS: Record<string, DesignField> = {
  '--main-road': 'mainRoadWidthM',
  '--internal-road': 'internalRoadWidthM',
  '--block-depth': 'blockDepthM',
  '--strip': 'isolationStripM',
  '--green-min': 'greenShareMin',
};
const PERCENT_FIELDS: ReadonlySet<DesignField> = new Set(['greenShareMin']);

function parseArgs(args: string[], m: Messages): LayoutArgs {
  const parsed: Partial<LayoutArgs> & Pick<LayoutArgs, 'json' | 'force' | 'entrances' | 'design'> = { json: false, force: false, entrances: [], design: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || (v.startsWith('-') && !/^-\d/.test(v))) throw new CliError(m.t('error.needsValue', { option: a, usage: LAYOUT_USAGE }), 2);
      return v;
    };
    if (a === '-o' || a === '--output') parsed.out = value();
    else if (a === '--variants') parsed.variants = wholeNumber(value(), 1, MAX_VARIANTS, 'layout.badVariants', m);
    else if (a === '--seed') parsed.seed = wholeNumber(value(), 0, 2 ** 31 - 1, 'layout.badSeed', m);
    else if (a === '--plot-size') Object.assign(parsed, plotSize(value(), m));
    else if (a === '--bearing') parsed.bearingDeg = bearing(value(), m);
    else if (a === '--sme-share') parsed.smeSharePct = percent(value(), m);
    else if (a === '--wind-from') parsed.windFromDeg = windFrom(value(), m);
    else if (a === '--entrance') parsed.entrances.push(lonLat(value(), m));
    else if (a in DESIGN_OPTIONS) parsed.design[DESIGN_OPTIONS[a]] = designValue(a, value(), m);
    else if (a === '--scenario') parsed.scenario = value();
    else if (a === '--json') parsed.json = true;
    else if (a === '--force') parsed.force = true;
    else if (a.startsWith('-')) throw new CliError(m.t('error.unknownOption', { option: a, usage: LAYOUT_USAGE }), 2);
    else if (parsed.path === undefined) parsed.path = a;
    else throw new CliError(m.t('error.oneFile', { command: 'layout', usage: LAYOUT_USAGE }), 2);
  }
  if (!parsed.path) throw new CliError(m.t('error.needsFile', { command: 'layout', usage: LAYOUT_USAGE }), 2);
  if (!parsed.out) throw new CliError(m.t('layout.needsOutput', { usage: LAYOUT_USAGE }), 2);
  requireProjectPath(parsed.path, 'layout', m);
  requireProjectPath(parsed.out, 'layout', m);
  return { variants: DEFAULT_VARIANTS, seed: 1, ...parsed, path: parsed.path, out: parsed.out };
}

function wholeNumber(text: string, min: number, max: number, key: CliMessageKey, m: Messages): number {
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new CliError(m.t(key, { value: text, min: String(min), max: String(max) }), 2);
  return n;
}

/** "1-5" in hectares (decimals with a dot) → m². */
function plotSize(text: string, m: Messages): { plotMinM2: number; plotMaxM2: number } {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(text);
  const min = match ? Number(match[1]) : NaN;
  const max = match ? Number(match[2]) : NaN;
  // 0.01 ha (100 m²) to 1,000 ha: the range checkParameters accepts.
  if (!(min >= 0.01 && max <= 1000 && min <= max)) throw new CliError(m.t('layout.badPlotSize', { value: text }), 2);
  return { plotMinM2: min * 10_000, plotMaxM2: max * 10_000 };
}

/** "20" or "20%": percent of plot land, 0 to 100. */
function percent(text: string, m: Messages): number {
  const n = /^\d+(?:\.\d+)?%?$/.test(text) ? Number(text.replace('%', '')) : NaN;
  if (!(n >= 0 && n <= 100)) throw new CliError(m.t('layout.badSmeShare', { value: text }), 2);
  return n;
}

/** Degrees clockwise from north the wind blows from (-360 to 360), as 0–360. */
function windFrom(text: string, m: Messages): number {
  const n = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n >= -360 && n <= 360)) throw new CliError(m.t('layout.badWind', { value: text }), 2);
  return ((n % 360) + 360) % 360;
}

/** A design option's value in metres, or in percent ("15" or "15%") for the share targets, within DESIGN_BOUNDS. */
function designValue(option: string, text: string, m: Messages): number {
  const field = DESIGN_OPTIONS[option];
  const percent = PERCENT_FIELDS.has(field);
  const n = (percent ? /^\d+(?:\.\d+)?%?$/ : /^\d+(?:\.\d+)?$/).test(text) ? Number(text.replace('%', '')) : NaN;
  const value = percent ? n / 100 : n;
  if (!designValueInBounds(field, value)) {
    const { min, max } = DESIGN_BOUNDS[field];
    const shown = (x: number) => m.num(percent ? x * 100 : x);
    throw new CliError(m.t(percent ? 'layout.badDesignPct' : 'layout.badDesignM', { option, min: shown(min), max: shown(max), value: text }), 2);
  }
  return value;
}

/** "LON,LAT" in degrees. */
function lonLat(text: string, m: Messages): [number, number] {
  const match = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(text);
  const lon = match ? Number(match[1]) : NaN;
  const lat = match ? Number(match[2]) : NaN;
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw new CliError(m.t('layout.badEntrance', { value: text }), 2);
  return [lon, lat];
}

function bearing(text: string, m: Messages): number {
  const n = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n >= -360 && n <= 360)) throw new CliError(m.t('layout.badBearing', { value: text }), 2);
  return ((n % 180) + 180) % 180;
}

/**
 * `ecopark layout IN.gpkg -o OUT.gpkg`: generated layout variants of the active (or named)
 * scenario, added to the project as new scenarios, the best one active (docs/layout.md). IN is
 * never written; OUT is written atomically and replaced only with --force.
 */
export async function layoutCommand(args: string[], io: CliIo, context: CommandContext): Promise<ExitCode> {
  const { m } = context;
  const opts = parseArgs(args, m);
  const { target, doc, scenarioId } = await readProjectForOutput(opts, io, context);
  const defaults = defaultLayoutParameters();
  const params: LayoutParameters = {
    ...defaults,
    seed: opts.seed,
    ...opts.design,
    ...(opts.bearingDeg !== undefined ? { bearingDeg: opts.bearingDeg } : {}),
    ...(opts.smeSharePct !== undefined ? { smeShare: opts.smeSharePct / 100 } : {}),
    ...(opts.windFromDeg !== undefined ? { windFromDeg: opts.windFromDeg } : {}),
    ...(opts.entrances.length > 0 ? { entrances: opts.entrances } : {}),
    ...(opts.plotMinM2 !== undefined && opts.plotMaxM2 !== undefined
      ? { plotMinM2: opts.plotMinM2, plotMaxM2: opts.plotMaxM2, plotTargetM2: (opts.plotMinM2 + opts.plotMaxM2) / 2 }
      : {}),
  };
  const now = context.now();
  const result = generateVariants(doc, scenarioId, params, opts.variants, { ruleDate: now.slice(0, 10) });
  if (!result.ok) throw new CliError(m.t('layout.failed', { reason: m.t(`layout.reason.${result.reason}` as CliMessageKey) }));
  const { command, scenarios } = layoutVariantsCommand(doc, result.variants, { seed: opts.seed, baseName: m.t('layout.scenarioName'), label: m.t('layout.label') });
  const applied = applyDocumentCommand(doc, command).document;
  const out = { ...applied, project: { ...applied.project, modifiedAt: now } };
  const bytes = writeProject(await loadSql(), out);
  await writeOutput(io, target, bytes, m);
  if (opts.json) {
    const variants = scenarios.map(({ scenarioId: id, name, variant }) => ({
      scenarioId: id,
      name,
      rank: variant.rank,
      bearingDeg: round(variant.spec.bearingDeg, 2),
      plotCount: variant.figures.plotCount,
      smePlotCount: variant.figures.smePlotCount,
      plotsOutOfRange: variant.figures.plotsOutOfRange,
      saleableShare: round(variant.figures.saleableShare, 4),
      greenShare: round(variant.figures.greenShare, 4),
      trafficShare: round(variant.figures.trafficShare, 4),
      roadLengthM: round(variant.figures.roadLengthM, 1),
      roadLengthPerHaM: round(variant.figures.roadLengthPerHaM, 1),
      plotAreaSpread: round(variant.figures.plotAreaSpread, 4),
      rulesFailed: variant.figures.rulesFailed,
      rulesWarned: variant.figures.rulesWarned,
      pvKwp: round(variant.figures.pvKwp, 0),
      unmet: variant.layout.unmet,
    }));
    io.stdout(JSON.stringify({ output: opts.out, activeScenarioId: scenarios[0]?.scenarioId ?? null, variants }));
    return 0;
  }
  io.stdout(m.t('layout.wrote', { path: opts.out, count: m.num(scenarios.length) }));
  for (const { name, variant } of scenarios) {
    const f = variant.figures;
    io.stdout(
      m.t('layout.variantLine', {
        name,
        plots: m.num(f.plotCount),
        saleable: m.pct(f.saleableShare),
        green: m.pct(f.greenShare),
        traffic: m.pct(f.trafficShare),
        road: m.num(f.roadLengthPerHaM, 0),
        pv: m.num(f.pvKwp / 1000, 1),
      }),
    );
    for (const u of variant.layout.unmet) {
      io.stdout(`    ${m.t(u.status === 'fail' ? 'layout.unmetFail' : 'layout.unmetWarn', { rule: u.ruleId, value: u.value === null ? '–' : m.num(u.value, 2), threshold: u.threshold === null ? '–' : m.num(u.threshold, 2), unit: u.unit })}`);
    }
  }
  return 0;
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
