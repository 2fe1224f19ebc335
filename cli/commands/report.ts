import { readFile } from 'node:fs/promises';
import { buildReportModel, compareScenarios, renderReportCsv, renderReportPdf, renderReportXlsx, type ReportLang } from '../../shared/report';
import type { ParkSolarResult } from '../../shared/solar';
import type { RooftopPv } from '../../shared/eco';
import { solarWithRooftopPv } from '../../shared/eco/pv';
import { CliError, describeFsError, writeOutput, type CliIo, type CommandContext, type ExitCode } from '../io';
import { findScenarioId, readProjectForOutput, requireProjectPath } from '../formats';
import { warnProblems } from '../problems';
import type { Messages } from '../i18n';
import { REPORT_USAGE } from '../usage';

interface ReportArgs {
  path: string;
  out: string;
  lang: ReportLang;
  scenario?: string;
  compare?: string[];
  /** Replace OUT when it exists. */
  force: boolean;
}

/** --lang is global (cli/run.ts takes it out of the arguments): the report is written in m.lang. */
function parseArgs(args: string[], m: Messages): ReportArgs {
  let path: string | undefined;
  let out: string | undefined;
  const lang: ReportLang = m.lang;
  let scenario: string | undefined;
  let compare: string[] | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('-')) throw new CliError(m.t('error.needsValue', { option: a, usage: REPORT_USAGE }), 2);
      return v;
    };
    if (a === '-o' || a === '--output') out = value();
    else if (a === '--scenario') scenario = value();
    else if (a === '--force') force = true;
    else if (a === '--compare') compare = value().split(',').map((x) => x.trim()).filter(Boolean);
    else if (a.startsWith('-')) throw new CliError(m.t('error.unknownOption', { option: a, usage: REPORT_USAGE }), 2);
    else if (path === undefined) path = a;
    else throw new CliError(m.t('error.oneFile', { command: 'report', usage: REPORT_USAGE }), 2);
  }
  if (!path) throw new CliError(m.t('error.needsFile', { command: 'report', usage: REPORT_USAGE }), 2);
  if (!out) throw new CliError(m.t('report.needsOutput', { usage: REPORT_USAGE }), 2);
  if (!/\.(pdf|xlsx|csv)$/i.test(out)) throw new CliError(m.t('report.badOutput', { path: out }), 2);
  requireProjectPath(path, 'report', m);
  if (compare && (compare.length < 2 || compare.length > 4)) throw new CliError(m.t('report.compareCount', { count: compare.length }), 2);
  return { path, out, lang, force, ...(scenario ? { scenario } : {}), ...(compare ? { compare } : {}) };
}

/** The report fonts shipped in data/fonts (Noto Sans, with the Vietnamese glyphs). */
export async function loadReportFonts(m: Messages): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const dir = new URL('../../data/fonts/', import.meta.url);
  try {
    const [regular, bold] = await Promise.all([readFile(new URL('NotoSans-Regular.ttf', dir)), readFile(new URL('NotoSans-Bold.ttf', dir))]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  } catch (error) {
    throw new CliError(m.t('report.font', { reason: describeFsError(error, m) }));
  }
}

/**
 * `ecopark report`: the site report of a scenario as PDF, XLSX or CSV, headless and offline.
 * Solar runs here synchronously with the project's settings (shading included).
 */
export async function reportCommand(args: string[], io: CliIo, context: CommandContext): Promise<ExitCode> {
  const { m } = context;
  const opts = parseArgs(args, m);
  const { target, doc, scenarioId } = await readProjectForOutput(opts, io, context);
  const compareIds = opts.compare?.map((n) => findScenarioId(doc, n, opts.path, m));
  // One solar run per scenario gives the solar chapter and the eco chapter's PV, hour by hour,
  // exactly as `ecopark eco` counts it.
  const solarCache = new Map<string, { solar: ParkSolarResult; pv: RooftopPv }>();
  const solarOf = (id: string) => {
    let r = solarCache.get(id);
    if (!r) {
      r = solarWithRooftopPv(doc, id);
      solarCache.set(id, r);
    }
    return r;
  };
  const now = context.now();
  const main = solarOf(scenarioId);
  const model = buildReportModel(doc, scenarioId, { lang: opts.lang, now, toolVersion: context.version, solar: main.solar, solarOrigin: 'computed', ecoPv: main.pv });
  if (compareIds) {
    const runs = compareIds.map((id) => [id, solarOf(id)] as const);
    model.comparison = compareScenarios(doc, compareIds, {
      lang: opts.lang,
      date: now.slice(0, 10),
      solar: Object.fromEntries(runs.map(([id, r]) => [id, r.solar])),
      ecoPv: Object.fromEntries(runs.map(([id, r]) => [id, r.pv])),
    });
  }
  const lower = opts.out.toLowerCase();
  const bytes = lower.endsWith('.pdf')
    ? await renderReportPdf(model, await loadReportFonts(m))
    : lower.endsWith('.xlsx')
      ? renderReportXlsx(model)
      : new TextEncoder().encode(renderReportCsv(model));
  await writeOutput(io, target, bytes, m);
  // The report has its own Problems section; the person running the command hears of them here,
  // once the report is written (a refused run, e.g. an unknown --compare name, fails in one line).
  warnProblems(io, m, doc, [scenarioId]);
  io.stdout(m.t('report.wrote', { path: opts.out, bytes: m.num(bytes.length) }));
  return 0;
}
