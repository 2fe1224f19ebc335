import { analyzeScenario, boundaryInvalid, citationIn, invalidFeatureIds, plotsFromInvalid, RULE_SETS, type AnalysisResult, type Problem, type RuleResult } from '../../shared/analysis';
import type { Limits } from '../../shared/limits';
import { clipText } from '../../shared/i18n/clip-text';
import { geoJsonToDocument } from '../../shared/io/geojson';
import { describeImportNote } from '../../shared/io/import-notes';
import type { ParkDocument } from '../../shared/model';
import { CliError, oneLine, readInput, warn, type CliIo, type CommandContext, type ExitCode } from '../io';
import { fileName, findScenarioId, formatOf, readProjectFile, refusalText } from '../formats';
import type { CliMessageKey, Messages } from '../i18n';
import { landUseName } from './info';
import { printProblems, warnProblems } from '../problems';
import { startProblemsAhead } from './problems-ahead';
import { ANALYZE_USAGE } from '../usage';
import { idLabel } from '../../shared/i18n/id-label';

interface AnalyzeArgs {
  path: string;
  scenario?: string;
  rules?: string[];
  date?: string;
  json: boolean;
}

function parseArgs(args: string[], m: Messages): AnalyzeArgs {
  let path: string | undefined;
  const out: Partial<AnalyzeArgs> = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError(m.t('error.needsValue', { option: a, usage: ANALYZE_USAGE }), 2);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--scenario') out.scenario = value();
    else if (a === '--rules') out.rules = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--date') out.date = value();
    else if (a.startsWith('--')) throw new CliError(m.t('error.unknownOption', { option: a, usage: ANALYZE_USAGE }), 2);
    else if (path === undefined) path = a;
    else throw new CliError(m.t('error.oneFile', { command: 'analyze', usage: ANALYZE_USAGE }), 2);
  }
  if (path === undefined) throw new CliError(m.t('error.needsFile', { command: 'analyze', usage: ANALYZE_USAGE }), 2);
  if (out.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(out.date)) throw new CliError(m.t('analyze.badDate', { value: out.date }), 2);
  const known = RULE_SETS.map((s) => s.id);
  const unknown = (out.rules ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new CliError(m.t('analyze.unknownRuleSet', { ids: unknown.join(', '), known: known.join(', ') }), 2);
  return { ...out, path, json: out.json ?? false };
}

async function readDocument(path: string, bytes: Uint8Array, io: CliIo, now: () => string, m: Messages, limits: Limits): Promise<ParkDocument> {
  const format = formatOf(path);
  if (format === 'project') return readProjectFile(path, bytes, { acceptForeign: false, limits }, m);
  if (format !== 'geojson') throw new CliError(m.t('file.unknownType', { path, extensions: '.gpkg, .geojson, .json' }), 2);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CliError(oneLine(m.t('file.cannotOpen', { path, reason: m.t('file.notJson', { detail: error instanceof Error ? error.message : String(error) }) })));
  }
  const result = geoJsonToDocument(json, { fileName: fileName(path), now: now(), limits });
  if (!result.ok) throw new CliError(oneLine(m.t('file.cannotImport', { path, reason: refusalText(result, m) })));
  for (const note of result.notes) warn(io, m, describeImportNote(note, m.lang));
  return result.document;
}

/**
 * The JSON object of `analyze --json` (areas m², ratios 0–1, `percent` 0–100 of the park).
 * `problems` are the scenario's geometry problems; figures computed from a feature whose geometry
 * is invalid (shared/analysis/problems.ts) carry `fromInvalidGeometry: true`.
 */
export function analysisJson(doc: ParkDocument, scenarioName: string, r: AnalysisResult, date: string, problems: readonly Problem[] = []) {
  const invalid = invalidFeatureIds(problems);
  const markedPlots = plotsFromInvalid(r, invalid);
  return {
    project: { id: doc.project.id, name: doc.project.name, province: doc.project.province, ...(doc.project.formerProvince ? { formerProvince: doc.project.formerProvince } : {}) },
    scenario: scenarioName,
    scenarioId: r.scenarioId,
    date,
    areaMethod: 'geodesic, WGS84 ellipsoid (as GeographicLib, within 0.001 m²)',
    parkAreaM2: r.parkAreaM2,
    parkAreaFromInvalidGeometry: boundaryInvalid(r, invalid),
    landUse: r.landUse.map((l) => ({ landUse: l.landUse, areaM2: l.areaM2, percent: l.percent })),
    unassignedAreaM2: r.unassignedAreaM2,
    overlapAreaM2: r.overlapAreaM2,
    outsideBoundaryAreaM2: r.outsideBoundaryAreaM2,
    greenSpaceRatio: r.green.greenSpaceRatio,
    green: {
      greenLandM2: r.green.greenLandM2,
      greenInPlotsM2: r.green.greenInPlotsM2,
      totalGreenM2: r.green.totalGreenM2,
      greenPerIndustrialHaM2: r.green.greenPerIndustrialHaM2,
      isolationStripMinWidthM: r.green.isolationMinWidthM,
    },
    plotStats: r.plotStats,
    plots: r.plots.map((p) => ({
      id: p.id,
      code: p.code,
      areaM2: p.areaM2,
      footprintM2: p.footprintM2,
      buildingDensity: p.buildingDensity,
      far: p.far,
      maxFloors: p.maxFloors,
      greenRatio: p.greenRatio,
      fromInvalidGeometry: markedPlots.has(p.id),
    })),
    infrastructure: r.infrastructure,
    rules: r.rules.map((x) => ({
      id: x.id,
      ruleSet: x.ruleSetId,
      status: x.status,
      value: x.value,
      threshold: x.threshold,
      comparator: x.comparator,
      unit: x.unit,
      citation: x.citation,
      confidence: x.confidence,
      overridden: x.overridden,
      ...(x.overridden ? { originalThreshold: x.originalThreshold ?? null } : {}),
      origin: x.origin,
      ...(x.reason ? { reason: x.reason } : {}),
      featureIds: x.featureIds,
    })),
    ...(r.settingsIssue ? { settingsIssue: r.settingsIssue } : {}),
    problems: problems.map((p) => ({ featureId: p.featureId, reason: p.reason, message: p.message, ...(p.otherId ? { otherId: p.otherId } : {}), ...(p.at ? { at: p.at } : {}) })),
  };
}

/** `ecopark analyze FILE`: the land-use structure, plot indicators and rule outcomes of a scenario. */
export async function analyzeCommand(args: string[], io: CliIo, { now, m, limits }: CommandContext): Promise<ExitCode> {
  const opts = parseArgs(args, m);
  const bytes = await readInput(io, opts.path, m);
  // The problem check runs on another thread while this one analyses (problems-ahead.ts).
  const ahead = startProblemsAhead();
  try {
    const doc = await readDocument(opts.path, bytes, io, now, m, limits);
    const scenarioId = opts.scenario === undefined ? doc.activeScenarioId : findScenarioId(doc, opts.scenario, opts.path, m, 1);
    const scenario = doc.scenarios.find((s) => s.id === scenarioId)!;
    const checking = ahead?.check(scenario.features) ?? null;
    const date = opts.date ?? now().slice(0, 10);
    const result = analyzeScenario(doc, scenario.id, { date, ...(opts.rules ? { ruleSets: opts.rules } : {}) });
    // Problems go to stderr in both modes (stdout stays parseable) and into the JSON as data.
    const checked = await checking;
    if (checked) printProblems(io, m, scenario, checked);
    const problems = checked ?? warnProblems(io, m, doc, [scenario.id]).get(scenario.id) ?? [];
    // --json is for programs: the same in every language (dot decimals, codes).
    if (opts.json) io.stdout(JSON.stringify(analysisJson(doc, scenario.name, result, date, problems)));
    else for (const line of formatAnalysis(doc, scenario.name, result, m, problems)) io.stdout(line);
    return 0;
  } finally {
    ahead?.cancel();
  }
}

/** The figures above that come from invalid geometry, marked so they are not read as sound. */
function invalidFigureLines(r: AnalysisResult, problems: readonly Problem[], m: Messages): string[] {
  const invalid = invalidFeatureIds(problems);
  const lines = boundaryInvalid(r, invalid) ? [m.t('analyze.invalidBoundary')] : [];
  const marked = plotsFromInvalid(r, invalid);
  const plots = r.plots.filter((p) => marked.has(p.id));
  if (plots.length > 0) lines.push(m.t('analyze.invalidPlots', { count: m.num(plots.length), codes: plots.map((p) => clipText(p.code ?? p.name ?? idLabel(p.id), 40)).join(', ') }));
  return lines;
}

function ruleValue(m: Messages, r: RuleResult, v: number | null): string {
  if (v === null) return '—';
  return r.unit === 'ratio' ? m.pct(v) : r.unit === 'm' ? `${m.num(v, 2)} m` : r.unit === 'factor' ? m.num(v, 2) : m.num(v);
}

const COMPARATOR_SIGNS: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '==': '=' };

/** The readable report (without --json), in the language of `m`. */
export function formatAnalysis(doc: ParkDocument, scenarioName: string, r: AnalysisResult, m: Messages, problems: readonly Problem[] = []): string[] {
  const ha = (m2: number) => `${m.num(m2 / 10000, 2)} ha`;
  const head: [string, string][] = [
    [m.t('analyze.project'), doc.project.name],
    [m.t('analyze.scenario'), scenarioName],
    [m.t('analyze.parkArea'), `${m.num(r.parkAreaM2)} m² (${ha(r.parkAreaM2)}), ${m.t('analyze.areaMethod')}`],
  ];
  const headWidth = Math.max(...head.map(([l]) => l.length)) + 2;
  const lines = head.map(([l, v]) => `${`${l}:`.padEnd(headWidth)}${v}`);
  const share = (m2: number) => (r.parkAreaM2 > 0 ? (100 * m2) / r.parkAreaM2 : 0);
  const rows: [string, number][] = [
    ...r.landUse.map((l): [string, number] => [landUseName(l.landUse, m.lang), l.areaM2]),
    [m.t('analyze.unassigned'), r.unassignedAreaM2],
    [m.t('analyze.overlap'), -r.overlapAreaM2],
  ];
  // Category names from the data file differ in length by language: the column fits the longest.
  const width = Math.max(m.t('analyze.landUse').length, ...rows.map(([label]) => label.length)) + 1;
  lines.push('', `${m.t('analyze.landUse').padEnd(width)} ${m.t('analyze.areaM2').padStart(14)} ${'%'.padStart(8)}`);
  for (const [label, m2] of rows) lines.push(`${label.padEnd(width)} ${m.num(m2).padStart(14)} ${m.num(share(m2), 2).padStart(8)}`);
  if (r.outsideBoundaryAreaM2 > 0) lines.push(m.t('analyze.outside', { area: m.num(r.outsideBoundaryAreaM2) }));
  const isolation = r.green.isolationMinWidthM === null ? '—' : `${m.num(r.green.isolationMinWidthM, 2)} m`;
  lines.push(
    '',
    `${m.t('analyze.greenRatio')}: ${m.pct(r.green.greenSpaceRatio)}   ${m.t('analyze.totalGreen')}: ${m.pct(r.green.totalGreenRatio)}   ${m.t('analyze.isolationMin')}: ${isolation}`,
    `${m.t('analyze.plots', { count: m.num(r.plotStats.count), mean: m.num(r.plotStats.meanAreaM2), min: m.num(r.plotStats.minAreaM2), max: m.num(r.plotStats.maxAreaM2) })}   ${m.t('analyze.roads', { length: m.num(r.infrastructure.roadLengthM), share: m.pct(r.infrastructure.roadAreaShare) })}`,
    ...invalidFigureLines(r, problems, m),
    '',
    m.t('analyze.rules'),
  );
  if (r.rules.length === 0) lines.push(`  ${m.t('analyze.noRules')}`);
  const statusWidth = Math.max(...(['pass', 'fail', 'warn', 'n/a'] as const).map((s) => m.t(`status.${s}`).length));
  for (const x of r.rules) {
    // Two lines a rule: the verdict and the rule's title from its data file, then the numbers and the source.
    const mark = x.overridden ? ` (${m.t('analyze.override')})` : x.origin === 'project' ? ` (${m.t('analyze.projectRule')})` : '';
    lines.push(`  ${m.t(`status.${x.status}`).padEnd(statusWidth)}  ${x.title[m.lang]}`);
    const comparison = `${ruleValue(m, x, x.value)} ${COMPARATOR_SIGNS[x.comparator] ?? x.comparator} ${ruleValue(m, x, x.threshold)}${mark}`;
    lines.push(`  ${' '.repeat(statusWidth)}  ${comparison} · ${x.id} · ${m.t(`confidence.${x.confidence}` as CliMessageKey)} · ${citationIn(x.citation, m.lang).document}`);
  }
  return lines;
}
