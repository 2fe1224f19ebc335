import { analyzeScenario, RULE_SETS, type AnalysisResult, type RuleResult } from '../../shared/analysis';
import { geoJsonToDocument } from '../../shared/io/geojson';
import type { ParkDocument } from '../../shared/model';
import { CliError, oneLine, readInput, type CliIo, type ExitCode } from '../io';
import { fileName, formatOf, readProjectFile } from '../formats';

export const ANALYZE_USAGE = 'ecopark analyze FILE [--scenario NAME] [--rules ID[,ID]] [--date YYYY-MM-DD] [--json]';

interface AnalyzeArgs {
  path: string;
  scenario?: string;
  rules?: string[];
  date?: string;
  json: boolean;
}

function parseArgs(args: string[]): AnalyzeArgs {
  let path: string | undefined;
  const out: Partial<AnalyzeArgs> = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError(`${a} needs a value (usage: ${ANALYZE_USAGE})`, 2);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--scenario') out.scenario = value();
    else if (a === '--rules') out.rules = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--date') out.date = value();
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a} (usage: ${ANALYZE_USAGE})`, 2);
    else if (path === undefined) path = a;
    else throw new CliError(`analyze takes one file (usage: ${ANALYZE_USAGE})`, 2);
  }
  if (path === undefined) throw new CliError(`analyze needs a file (usage: ${ANALYZE_USAGE})`, 2);
  if (out.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(out.date)) throw new CliError(`--date must be YYYY-MM-DD, not "${out.date}"`, 2);
  const known = RULE_SETS.map((s) => s.id);
  const unknown = (out.rules ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new CliError(`unknown rule set ${unknown.join(', ')}; known: ${known.join(', ')}`, 2);
  return { ...out, path, json: out.json ?? false };
}

async function readDocument(path: string, bytes: Uint8Array, io: CliIo, now: () => string): Promise<ParkDocument> {
  const format = formatOf(path);
  if (format === 'project') return readProjectFile(path, bytes, { acceptForeign: false });
  if (format !== 'geojson') throw new CliError(`unknown file type of ${path}: use .gpkg, .geojson or .json`, 2);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CliError(oneLine(`cannot open ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`));
  }
  const result = geoJsonToDocument(json, { fileName: fileName(path), now: now() });
  if (!result.ok) throw new CliError(oneLine(`cannot import ${path}: ${result.detail}`));
  for (const warning of result.warnings) io.stderr(`ecopark: warning: ${oneLine(warning)}`);
  return result.document;
}

/** The JSON object of `analyze --json` (areas m², ratios 0–1, `percent` 0–100 of the park). */
export function analysisJson(doc: ParkDocument, scenarioName: string, r: AnalysisResult, date: string) {
  return {
    project: { id: doc.project.id, name: doc.project.name, province: doc.project.province, ...(doc.project.formerProvince ? { formerProvince: doc.project.formerProvince } : {}) },
    scenario: scenarioName,
    scenarioId: r.scenarioId,
    date,
    areaMethod: 'geodesic, WGS84 ellipsoid (GeographicLib)',
    parkAreaM2: r.parkAreaM2,
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
  };
}

/** `ecopark analyze FILE`: the land-use structure, plot indicators and rule outcomes of a scenario. */
export async function analyzeCommand(args: string[], io: CliIo, now: () => string): Promise<ExitCode> {
  const opts = parseArgs(args);
  const bytes = await readInput(io, opts.path);
  const doc = await readDocument(opts.path, bytes, io, now);
  const scenario = opts.scenario === undefined
    ? doc.scenarios.find((s) => s.id === doc.activeScenarioId)!
    : doc.scenarios.find((s) => s.name === opts.scenario || s.id === opts.scenario);
  if (!scenario) throw new CliError(`no scenario "${opts.scenario}" in ${opts.path}; scenarios: ${doc.scenarios.map((s) => s.name).join(', ')}`);
  const date = opts.date ?? now().slice(0, 10);
  const result = analyzeScenario(doc, scenario.id, { date, ...(opts.rules ? { ruleSets: opts.rules } : {}) });
  if (opts.json) io.stdout(JSON.stringify(analysisJson(doc, scenario.name, result, date)));
  else for (const line of formatAnalysis(doc, scenario.name, result)) io.stdout(line);
  return 0;
}

const ha = (m2: number) => `${(m2 / 10000).toFixed(2)} ha`;
const pct = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(2)} %`);

function ruleValue(r: RuleResult, v: number | null): string {
  if (v === null) return '—';
  return r.unit === 'ratio' ? pct(v) : r.unit === 'm' ? `${v.toFixed(2)} m` : r.unit === 'factor' ? v.toFixed(2) : String(v);
}

/** The readable report (without --json). */
export function formatAnalysis(doc: ParkDocument, scenarioName: string, r: AnalysisResult): string[] {
  const lines = [
    `Project:   ${doc.project.name}`,
    `Scenario:  ${scenarioName}`,
    `Park area: ${r.parkAreaM2.toFixed(0)} m² (${ha(r.parkAreaM2)}), geodesic on the WGS84 ellipsoid`,
    '',
    'Land use                area m²        %',
  ];
  const row = (label: string, m2: number) => `${label.padEnd(18)} ${m2.toFixed(0).padStart(12)} ${(r.parkAreaM2 > 0 ? (100 * m2) / r.parkAreaM2 : 0).toFixed(2).padStart(8)}`;
  for (const l of r.landUse) lines.push(row(l.landUse, l.areaM2));
  lines.push(row('unassigned', r.unassignedAreaM2), row('overlap (−)', -r.overlapAreaM2));
  if (r.outsideBoundaryAreaM2 > 0) lines.push(`(outside the boundary: ${r.outsideBoundaryAreaM2.toFixed(0)} m², not in the table)`);
  lines.push(
    '',
    `Green space ratio: ${pct(r.green.greenSpaceRatio)}   total green: ${pct(r.green.totalGreenRatio)}   isolation strip min: ${r.green.isolationMinWidthM === null ? '—' : `${r.green.isolationMinWidthM.toFixed(2)} m`}`,
    `Plots: ${r.plotStats.count} (mean ${r.plotStats.meanAreaM2.toFixed(0)} m², min ${r.plotStats.minAreaM2.toFixed(0)}, max ${r.plotStats.maxAreaM2.toFixed(0)})   roads: ${r.infrastructure.roadLengthM.toFixed(0)} m, ${pct(r.infrastructure.roadAreaShare)} of the park`,
    '',
    'Rules',
  );
  for (const x of r.rules) {
    const mark = x.overridden ? ' (project override)' : x.origin === 'project' ? ' (project rule)' : '';
    lines.push(`  ${x.status.toUpperCase().padEnd(4)} ${x.id}: ${ruleValue(x, x.value)} ${x.comparator} ${ruleValue(x, x.threshold)}${mark} [${x.confidence}] ${x.citation.document}`);
  }
  return lines;
}
