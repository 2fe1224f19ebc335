import { readFile } from 'node:fs/promises';
import type { ParkDocument } from '../../shared/model';
import { buildReportModel, compareScenarios, renderReportCsv, renderReportPdf, renderReportXlsx, type ReportLang } from '../../shared/report';
import { readSolarSettings, runSolar, solarInputFromDocument, type ParkSolarResult } from '../../shared/solar';
import { CliError, describeFsError, readInput, type CliIo, type ExitCode } from '../io';
import { formatOf, readProjectFile } from '../formats';

export const REPORT_USAGE = 'ecopark report FILE.gpkg -o OUT.pdf|.xlsx|.csv [--lang vi|en] [--scenario NAME] [--compare NAME,NAME[,…]]';

interface ReportArgs {
  path: string;
  out: string;
  lang: ReportLang;
  scenario?: string;
  compare?: string[];
}

function parseArgs(args: string[]): ReportArgs {
  let path: string | undefined;
  let out: string | undefined;
  let lang: ReportLang = 'en';
  let scenario: string | undefined;
  let compare: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('-')) throw new CliError(`${a} needs a value (usage: ${REPORT_USAGE})`, 2);
      return v;
    };
    if (a === '-o' || a === '--output') out = value();
    else if (a === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'vi') throw new CliError(`--lang must be vi or en, not "${v}"`, 2);
      lang = v;
    } else if (a === '--scenario') scenario = value();
    else if (a === '--compare') compare = value().split(',').map((x) => x.trim()).filter(Boolean);
    else if (a.startsWith('-')) throw new CliError(`unknown option ${a} (usage: ${REPORT_USAGE})`, 2);
    else if (path === undefined) path = a;
    else throw new CliError(`report takes one project file (usage: ${REPORT_USAGE})`, 2);
  }
  if (!path) throw new CliError(`report needs a project file (usage: ${REPORT_USAGE})`, 2);
  if (!out) throw new CliError(`report needs an output file: -o OUT.pdf, .xlsx or .csv (usage: ${REPORT_USAGE})`, 2);
  if (!/\.(pdf|xlsx|csv)$/i.test(out)) throw new CliError(`cannot write ${out}: the report is written as .pdf, .xlsx or .csv`, 2);
  if (formatOf(path) !== 'project') throw new CliError(`cannot read ${path}: report reads project files (.gpkg)`, 2);
  if (compare && (compare.length < 2 || compare.length > 4)) throw new CliError(`--compare takes 2 to 4 scenarios, not ${compare.length}`, 2);
  return { path, out, lang, ...(scenario ? { scenario } : {}), ...(compare ? { compare } : {}) };
}

function findScenario(doc: ParkDocument, name: string): string {
  const s = doc.scenarios.find((x) => x.name === name) ?? doc.scenarios.find((x) => x.id === name);
  if (!s) throw new CliError(`no scenario "${name}" (scenarios: ${doc.scenarios.map((x) => x.name).join(', ')})`, 2);
  return s.id;
}

/** The report fonts shipped in data/fonts (Noto Sans, with the Vietnamese glyphs). */
export async function loadReportFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const dir = new URL('../../data/fonts/', import.meta.url);
  try {
    const [regular, bold] = await Promise.all([readFile(new URL('NotoSans-Regular.ttf', dir)), readFile(new URL('NotoSans-Bold.ttf', dir))]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  } catch (error) {
    throw new CliError(`cannot load the report font from data/fonts: ${describeFsError(error)}`);
  }
}

/**
 * `ecopark report`: the site report of a scenario as PDF, XLSX or CSV, headless and offline.
 * Solar runs here synchronously with the project's settings (shading included).
 */
export async function reportCommand(args: string[], io: CliIo, context: { version: string; now: () => string }): Promise<ExitCode> {
  const opts = parseArgs(args);
  const doc = await readProjectFile(opts.path, await readInput(io, opts.path), { acceptForeign: false });
  const scenarioId = opts.scenario === undefined ? doc.activeScenarioId : findScenario(doc, opts.scenario);
  const compareIds = opts.compare?.map((n) => findScenario(doc, n));
  const settings = readSolarSettings(doc.settings);
  const solarCache = new Map<string, ParkSolarResult>();
  const solarOf = (id: string) => {
    let r = solarCache.get(id);
    if (!r) {
      r = runSolar(solarInputFromDocument(doc, settings, null, id));
      solarCache.set(id, r);
    }
    return r;
  };
  const now = context.now();
  const model = buildReportModel(doc, scenarioId, { lang: opts.lang, now, toolVersion: context.version, solar: solarOf(scenarioId), solarOrigin: 'computed' });
  if (compareIds) model.comparison = compareScenarios(doc, compareIds, { lang: opts.lang, date: now.slice(0, 10), solar: Object.fromEntries(compareIds.map((id) => [id, solarOf(id)])) });
  const lower = opts.out.toLowerCase();
  const bytes = lower.endsWith('.pdf')
    ? await renderReportPdf(model, await loadReportFonts())
    : lower.endsWith('.xlsx')
      ? renderReportXlsx(model)
      : new TextEncoder().encode(renderReportCsv(model));
  try {
    await io.writeFile(opts.out, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${opts.out}: ${describeFsError(error)}`);
  }
  io.stdout(`Wrote ${opts.out} (${bytes.length} bytes)`);
  return 0;
}
