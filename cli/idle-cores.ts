import { availableParallelism, cpus, loadavg } from 'node:os';

/**
 * How many cores stand idle while this command runs, measured rather than guessed. The 1-minute
 * load average answers for the last minute: a shell loop that runs `ecopark` once per file (one
 * core busy, the other idle) shows a load of 1 or more, and the command would take the spare core
 * for busy. Instead the idle time of every core is read when the command starts (cli/main.ts) and
 * again when a command decides whether to start a helper thread, a window of the ~0.1 s the
 * command spends loading its code and reading its file. The kernel counts idle time in ticks of
 * 10 ms, so a window shorter than MIN_WINDOW_MS says too little and the load average decides.
 */

const MIN_WINDOW_MS = 40;

let start: { atMs: number; idleMs: number } | null = null;

/** Total idle time of all cores so far (ms), as the kernel counts it. */
function idleMsNow(): number {
  let idle = 0;
  for (const cpu of cpus()) idle += cpu.times.idle;
  return idle;
}

/**
 * The fewest cores on which a command starts a helper thread (problems-ahead.ts gives the
 * figures): below it no command asks spareCore().
 */
export const MIN_HELPER_CORES = 4;

/**
 * Called once when the command starts. On a machine of fewer than MIN_HELPER_CORES there is
 * nothing to decide, and reading every core's counters (os.cpus() also reads each core's model
 * and speed) costs 4 ms of each command's start.
 */
export function markCommandStart(): void {
  if (availableParallelism() < MIN_HELPER_CORES) return;
  start = { atMs: performance.now(), idleMs: idleMsNow() };
}

/** Whether, besides this thread, at least half a core has been idle since the command started. */
export function spareCore(): boolean {
  const window = start && { ms: performance.now() - start.atMs, idleMs: idleMsNow() - start.idleMs };
  return hasSpareCore(window, loadavg()[0], availableParallelism());
}

/**
 * The decision on its figures: the cores' idle time (summed) over a window of the command's own
 * run, or without a long enough window (the command run in-process, by tests), the last
 * minute's load, which must leave a core besides this one.
 */
export function hasSpareCore(window: { ms: number; idleMs: number } | null, load1: number, cores: number): boolean {
  if (window && window.ms >= MIN_WINDOW_MS) return window.idleMs / window.ms >= 0.5;
  return load1 <= cores - 1;
}
