import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CliLang } from '../i18n';
import type { Limits } from '../../shared/limits';
import type { BatchJob, BatchOutcome } from './batch-item';

/** What every worker needs to build the command context (functions cannot cross threads). */
export interface WorkerSetup {
  lang: CliLang;
  limits: Limits;
  version: string;
  /** The batch's start time (ISO 8601): one date for every file. */
  now: string;
}

/** Worker threads to use: one per core, never more than there are files, at least one. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), files));
}

/**
 * Starts one worker: batch-worker.mjs beside this code in the bundle (dist/cli/, where this
 * module is a chunk); from the sources, batch-worker-source.mjs, which loads the .ts through tsx.
 */
function startWorker(setup: WorkerSetup): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  return new Worker(new URL(fromSources ? './batch-worker-source.mjs' : './batch-worker.mjs', import.meta.url), { workerData: setup });
}

/**
 * Runs the jobs on `workers` threads, each taking the next file as soon as it is free, and calls
 * `onOutcome` with each outcome by index (in completion order; the caller restores input order).
 * A worker that dies fails the file it was running (`crashed` words it) and a fresh worker takes
 * the remaining files; a worker that cannot start at all fails the batch.
 */
export async function runInWorkers(
  jobs: readonly BatchJob[],
  workers: number,
  setup: WorkerSetup,
  onOutcome: (index: number, outcome: BatchOutcome) => void,
  crashed: (message: string) => BatchOutcome,
): Promise<void> {
  let next = 0;
  const startOne = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker(setup);
      let current = -1;
      const feed = () => {
        current = -1;
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ index: current, job: jobs[current] });
      };
      worker.on('message', ({ index, outcome }: { index: number; outcome: BatchOutcome }) => {
        onOutcome(index, outcome);
        feed();
      });
      worker.on('error', (error) => {
        if (current < 0) {
          reject(error);
          return;
        }
        onOutcome(current, crashed(error.message));
        startOne().then(resolve, reject);
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, startOne));
}
