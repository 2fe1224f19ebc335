/**
 * Runs the hostile corpus in a few child processes (tsx start-up is 1–3 s, so each child takes
 * many cases) under a watchdog: a case that passes its CPU or wall-clock budget, or whose
 * process passes the memory ceiling, gets its child killed and is reported as failed by name;
 * a fresh child goes on with the cases after it. Then every case is judged (judge()).
 *
 *   npx tsx tests/hostile/run-corpus.ts [--parallel N] [--only NAME_PREFIX]   prints the failures and the summary line
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseReport, HostileCase } from './corpus-types';
import { caseFolderName, makeCorpus } from './make-corpus';
import type { ManifestCase } from './run-case';

export interface Bounds {
  /** CPU time a case may take (a hang burns CPU whatever the load of the machine). */
  cpuMs: number;
  /** Wall-clock time after which the watchdog kills the case (generous: the machine may be loaded). */
  wallMs: number;
  /** Peak resident memory of a case; the watchdog kills the child at this size. */
  rssBytes: number;
  /** V8 heap ceiling of the children, so runaway JavaScript memory fails fast. */
  heapMiB: number;
}

export const DEFAULT_BOUNDS: Bounds = { cpuMs: 10_000, wallMs: 120_000, rssBytes: 1.5 * 1024 ** 3, heapMiB: 1024 };

export interface CaseResult {
  case: HostileCase;
  report: CaseReport | null;
  /** Why the watchdog ended the case, when it did. */
  killed?: string;
  /** Empty when the case passed. */
  failures: string[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'run-case.ts');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const CLOCK_TICKS_PER_S = 100;

/** CPU seconds·1000 and resident bytes of a process, from /proc (Linux); null elsewhere or once it is gone. */
function processUsage(pid: number): { cpuMs: number; rssBytes: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuMs, rssBytes: rss ? Number(rss[1]) * 1024 : 0 };
  } catch {
    return null;
  }
}

/** Writes each case into its own folder (input, files that already exist, links). */
function layOut(cases: HostileCase[], root: string): ManifestCase[] {
  return cases.map((c, index) => {
    const dir = join(root, caseFolderName(index, c));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, c.fileName), c.bytes);
    for (const e of c.existing ?? []) writeFileSync(join(dir, e.path), e.bytes);
    for (const l of c.symlinks ?? []) symlinkSync(l.target, join(dir, l.path));
    return { index, name: c.name, reader: c.reader, fileName: c.fileName, dir, argv: c.argv, tiles: c.tiles };
  });
}

/** Runs `indices` in one child after another; resolves with a report or a kill reason per index. */
function runChild(manifestPath: string, indices: number[], bounds: Bounds, done: (index: number, report: CaseReport | null, killed?: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const pending = [...indices];
    const startNext = () => {
      if (pending.length === 0) return resolve();
      const child = spawn(process.execPath, ['--expose-gc', `--max-old-space-size=${bounds.heapMiB}`, '--import', 'tsx', RUNNER, manifestPath, pending.join(',')], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
      let current: { index: number; wallStart: number; cpuStart: number } | null = null;
      let killed: string | undefined;
      let stderr = '';
      let buffer = '';
      child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      const watchdog = setInterval(() => {
        if (!current || killed) return;
        const usage = processUsage(child.pid!);
        const wall = Date.now() - current.wallStart;
        if (usage && usage.rssBytes > bounds.rssBytes) killed = `killed: resident memory passed ${(bounds.rssBytes / 1024 ** 2).toFixed(0)} MiB`;
        else if (usage && usage.cpuMs - current.cpuStart > bounds.cpuMs) killed = `killed: still running after ${bounds.cpuMs} ms of CPU time`;
        else if (wall > bounds.wallMs) killed = `killed: still running after ${bounds.wallMs} ms`;
        if (killed) child.kill('SIGKILL');
      }, 50);
      (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
        buffer += d.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffer.slice(0, nl)) as { start: number } | CaseReport;
          buffer = buffer.slice(nl + 1);
          if ('start' in line) current = { index: line.start, wallStart: Date.now(), cpuStart: processUsage(child.pid!)?.cpuMs ?? 0 };
          else {
            done(line.index, line);
            pending.splice(pending.indexOf(line.index), 1);
            current = null;
          }
        }
      });
      child.on('exit', (code, signal) => {
        clearInterval(watchdog);
        if (pending.length > 0) {
          // The case that was running (or the first, if the child died before starting one) failed.
          const index = current?.index ?? pending[0];
          done(index, null, killed ?? `child ended (${signal ?? `exit code ${code}`}) during the case: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
          pending.splice(pending.indexOf(index), 1);
        }
        startNext();
      });
    };
    startNext();
  });
}

/** What a person must never read in a refusal (an engine error passed through as it is). */
const NOT_HUMAN: [RegExp, string][] = [
  [/internal error/i, "says 'internal error'"],
  [/\n\s+at |\bat .+:\d+:\d+\)?$/m, 'contains a stack trace'],
  [/\bundefined\b/, "says 'undefined'"],
  [/DataView|ArrayBuffer|Uint8Array/, 'names a JavaScript buffer type'],
  [/\b(RangeError|TypeError|SyntaxError|ReferenceError)\b/, 'names a JavaScript error'],
  [/Maximum call stack|out of memory|heap/i, 'reports an engine failure'],
  [/\[object Object\]/, "says '[object Object]'"],
];

/** The failures of one case; empty when it passed. */
export function judge(c: HostileCase, dir: string, report: CaseReport | null, killed: string | undefined, bounds: Bounds): string[] {
  const failures: string[] = [];
  if (killed) failures.push(killed);
  if (report) {
    if (report.cpuMs > bounds.cpuMs) failures.push(`took ${report.cpuMs} ms of CPU time (bound ${bounds.cpuMs} ms)`);
    if (report.peakRssBytes > bounds.rssBytes) failures.push(`peak memory ${(report.peakRssBytes / 1024 ** 2).toFixed(0)} MiB`);
    if (report.outcome === 'threw') failures.push(`threw instead of refusing: ${report.messages[0]}`);
    if (report.outcome === 'ok' && c.mustRefuse) failures.push('accepted a file that must be refused');
    if (report.outcome === 'refused') {
      const text = report.messages.join('\n');
      if (text.trim() === '') failures.push('refused without a message');
      for (const [pattern, what] of NOT_HUMAN) if (pattern.test(text)) failures.push(`message ${what}: ${text.slice(0, 300)}`);
    }
    if (report.inputMutated) failures.push('the reader changed the bytes it was given');
  }
  const input = join(dir, c.fileName);
  if (!existsSync(input) || sha(readFileSync(input)) !== sha(c.bytes)) failures.push('the input file changed on disk');
  for (const e of c.existing ?? []) if (!existsSync(join(dir, e.path)) || sha(readFileSync(join(dir, e.path))) !== sha(e.bytes)) failures.push(`replaced the existing ${e.path}`);
  const expected = new Set([c.fileName, ...(c.existing ?? []).map((e) => e.path), ...(c.symlinks ?? []).map((l) => l.path)]);
  const succeeded = report?.outcome === 'ok';
  for (const name of readdirSync(dir)) {
    if (expected.has(name)) continue;
    if (succeeded && (c.outputs ?? []).some((o) => o.split('/')[0] === name)) continue;
    failures.push(`left ${name} behind${succeeded ? '' : ' after a refusal'}`);
  }
  return failures;
}

export interface CorpusRun {
  results: CaseResult[];
  summary: { cases: number; failed: number; worstCpu: { ms: number; case: string }; worstWall: { ms: number; case: string }; worstRss: { mib: number; case: string } };
}

export async function runCorpus(options: { parallel?: number; bounds?: Bounds; cases?: HostileCase[] } = {}): Promise<CorpusRun> {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const cases = options.cases ?? (await makeCorpus());
  const root = mkdtempSync(join(tmpdir(), 'ecopark-hostile-'));
  try {
    const manifest = layOut(cases, root);
    const manifestPath = join(root, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const results: CaseResult[] = cases.map((c) => ({ case: c, report: null, failures: [] }));
    const parallel = Math.max(1, options.parallel ?? 2);
    // Interleaved shares, so the heavy cases of one format do not all land in one child.
    const shares = Array.from({ length: parallel }, (_, k) => manifest.map((m) => m.index).filter((i) => i % parallel === k));
    await Promise.all(
      shares.map((share) =>
        runChild(manifestPath, share, bounds, (index, report, killed) => {
          results[index] = { case: cases[index], report, killed, failures: judge(cases[index], manifest[index].dir, report, killed, bounds) };
        }),
      ),
    );
    return { results, summary: summarize(results) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function summarize(results: CaseResult[]): CorpusRun['summary'] {
  const worst = (value: (r: CaseReport) => number) => {
    const best = results.filter((r) => r.report).reduce<CaseResult | null>((a, r) => (a && value(a.report!) >= value(r.report!) ? a : r), null);
    return { value: best ? value(best.report!) : 0, case: best?.case.name ?? '-' };
  };
  const cpu = worst((r) => r.cpuMs);
  const wall = worst((r) => r.elapsedMs);
  const rss = worst((r) => r.peakRssBytes);
  return {
    cases: results.length,
    failed: results.filter((r) => r.failures.length > 0).length,
    worstCpu: { ms: cpu.value, case: cpu.case },
    worstWall: { ms: wall.value, case: wall.case },
    worstRss: { mib: Math.round(rss.value / 1024 ** 2), case: rss.case },
  };
}

export const summaryLine = (s: CorpusRun['summary']): string =>
  `hostile corpus: ${s.cases} cases, ${s.failed} failed; worst time ${s.worstWall.ms} ms wall (${s.worstWall.case}), ${s.worstCpu.ms} ms CPU (${s.worstCpu.case}); worst peak RSS ${s.worstRss.mib} MiB (${s.worstRss.case})`;

/** Saves the summary and the failures as JSON under the OS temp folder (for the issue's note). */
export function saveSummary(runResult: CorpusRun, fileName = 'ecopark-hostile-summary.json'): string {
  const path = join(tmpdir(), fileName);
  const failures = runResult.results.filter((r) => r.failures.length > 0).map((r) => ({ case: r.case.name, failures: r.failures, outcome: r.report?.outcome ?? null }));
  const cases = runResult.results.map((r) => ({ case: r.case.name, outcome: r.report?.outcome ?? null, wallMs: r.report?.elapsedMs ?? null, cpuMs: r.report?.cpuMs ?? null, peakRssMiB: r.report ? Math.round(r.report.peakRssBytes / 1024 ** 2) : null, killed: r.killed ?? null, messages: r.report?.messages.slice(0, 2) ?? [] }));
  writeFileSync(path, JSON.stringify({ summary: runResult.summary, line: summaryLine(runResult.summary), failures, cases }, null, 1));
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--parallel');
  const parallel = at > 0 ? Number(process.argv[at + 1]) : 2;
  const only = process.argv.indexOf('--only');
  const all = await makeCorpus();
  const result = await runCorpus({ parallel, cases: only > 0 ? all.filter((c) => c.name.startsWith(process.argv[only + 1])) : all });
  for (const r of result.results.filter((x) => x.failures.length > 0)) console.log(`FAIL ${r.case.name}: ${r.failures.join('; ')}`);
  console.log(summaryLine(result.summary));
  console.log(`saved ${saveSummary(result, process.env.HOSTILE_SUMMARY ?? 'ecopark-hostile-summary.json')}`);
}
