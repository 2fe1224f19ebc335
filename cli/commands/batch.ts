import { csvField } from '../../shared/io/spreadsheet';
import { CliError, type CliIo, type CommandContext, type ExitCode } from '../io';
import type { Messages } from '../i18n';
import { BATCH_USAGE } from '../usage';
import { runBatchJob, type BatchJob, type BatchOutcome } from './batch-item';
import { defaultJobs, runInWorkers } from './batch-pool';

/** The analyze options a batch passes on to every file, each followed by its value. */
const ANALYZE_OPTIONS = ['--scenario', '--rules', '--date'];

interface BatchArgs {
  jobs: BatchJob[];
  csv: boolean;
  /** Worker threads; 1 runs every file in this thread, through the given CliIo. */
  threads: number;
}

function parseArgs(args: string[], m: Messages): BatchArgs {
  const [command, ...rest] = args;
  if (command !== 'analyze') throw new CliError(m.t('batch.command', { command: command ?? '', usage: BATCH_USAGE }), 2);
  const paths: string[] = [];
  const options: string[] = [];
  let csv = false;
  let json = false;
  let threads: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError(m.t('error.needsValue', { option: a, usage: BATCH_USAGE }), 2);
      return v;
    };
    if (a === '--csv') csv = true;
    else if (a === '--json') json = true;
    else if (a === '--jobs') {
      const v = value();
      threads = /^[1-9]\d{0,3}$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(threads)) throw new CliError(m.t('batch.badJobs', { value: v }), 2);
    } else if (ANALYZE_OPTIONS.includes(a)) options.push(a, value());
    else if (a.startsWith('--')) throw new CliError(m.t('error.unknownOption', { option: a, usage: BATCH_USAGE }), 2);
    else paths.push(a);
  }
  if (csv && json) throw new CliError(m.t('batch.jsonOrCsv', { usage: BATCH_USAGE }), 2);
  if (paths.length === 0) throw new CliError(m.t('error.needsFile', { command: 'batch analyze', usage: BATCH_USAGE }), 2);
  return { jobs: paths.map((path) => ({ command, path, options })), csv, threads: threads ?? defaultJobs(paths.length) };
}

/** The columns of `batch analyze --csv`: the headline figures of `analyze --json`, one row per file. */
export const CSV_COLUMNS = ['file', 'ok', 'error', 'project', 'scenario', 'parkAreaM2', 'unassignedAreaM2', 'overlapAreaM2', 'outsideBoundaryAreaM2', 'greenSpaceRatio', 'plots', 'rulesPass', 'rulesFail', 'rulesWarn', 'problems'] as const;

/** The part of the analyze JSON the CSV reads. */
interface AnalysisSummary {
  project: { name: string };
  scenario: string;
  parkAreaM2: number;
  unassignedAreaM2: number;
  overlapAreaM2: number;
  outsideBoundaryAreaM2: number;
  greenSpaceRatio: number;
  plotStats: { count: number };
  rules: { status: string }[];
  problems?: unknown[];
}

/** The one-line failure of a file: the command's error line without its `ecopark: ` prefix. */
function failureOf(outcome: BatchOutcome): string {
  return (outcome.stderr.at(-1) ?? '').replace(/^ecopark: /, '');
}

/** One file's result as a JSON line: `{"file", "ok": true, "analysis"}` or `{"file", "ok": false, "exitCode", "error"}`. */
export function jsonLine(path: string, outcome: BatchOutcome): string {
  if (outcome.exitCode === 0) return `{"file":${JSON.stringify(path)},"ok":true,"analysis":${outcome.stdout.join('')}}`;
  return JSON.stringify({ file: path, ok: false, exitCode: outcome.exitCode, error: failureOf(outcome) });
}

/** One file's result as a CSV row of CSV_COLUMNS (numbers as JavaScript writes them, "." decimal). */
export function csvRow(path: string, outcome: BatchOutcome): string {
  if (outcome.exitCode !== 0) return [path, 'false', failureOf(outcome)].map(csvField).join(',') + ','.repeat(CSV_COLUMNS.length - 3);
  const a = JSON.parse(outcome.stdout.join('')) as AnalysisSummary;
  const count = (status: string) => a.rules.filter((r) => r.status === status).length;
  const cells = [path, 'true', '', a.project.name, a.scenario, a.parkAreaM2, a.unassignedAreaM2, a.overlapAreaM2, a.outsideBoundaryAreaM2, a.greenSpaceRatio, a.plotStats.count, count('pass'), count('fail'), count('warn'), a.problems?.length ?? 0];
  return cells.map(csvField).join(',');
}

/**
 * `ecopark batch analyze FILE...`: analyzes many files on every core and prints one JSON line
 * (or, with --csv, one CSV row under a single header) per file, in the order given. A file that
 * fails gets its error line or row and the others go on; the exit code is then 1 (2 if every
 * failure was a usage error). Each file's warnings go to stderr, prefixed with its name.
 */
export async function batchCommand(args: string[], io: CliIo, context: CommandContext): Promise<ExitCode> {
  const { jobs, csv, threads } = parseArgs(args, context.m);
  const outcomes: (BatchOutcome | undefined)[] = new Array(jobs.length);
  let printed = 0;
  let worst: ExitCode = 0;
  if (csv) io.stdout(CSV_COLUMNS.join(','));
  // Results arrive in completion order; each is printed once every file before it is.
  const onOutcome = (index: number, outcome: BatchOutcome) => {
    outcomes[index] = outcome;
    for (; printed < jobs.length && outcomes[printed]; printed++) {
      const done = outcomes[printed]!;
      const path = jobs[printed].path;
      const warnings = done.exitCode === 0 ? done.stderr : done.stderr.slice(0, -1);
      for (const line of warnings) io.stderr(`${path}: ${line}`);
      io.stdout(csv ? csvRow(path, done) : jsonLine(path, done));
      if (done.exitCode !== 0 && worst !== 1) worst = done.exitCode;
      outcomes[printed] = undefined;
    }
  };
  if (threads === 1) {
    for (const [index, job] of jobs.entries()) onOutcome(index, await runBatchJob(job, io, context));
  } else {
    const setup = { lang: context.m.lang, limits: context.limits, version: context.version, now: context.now() };
    const crashed = (message: string): BatchOutcome => ({ exitCode: 1, stdout: [], stderr: [`ecopark: ${context.m.t('error.internal', { message })}`] });
    await runInWorkers(jobs, threads, setup, onOutcome, crashed);
  }
  return worst;
}
