import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Problem } from '../../shared/analysis';
import type { ParkFeature } from '../../shared/model';
import { MIN_HELPER_CORES, spareCore } from '../idle-cores';

/**
 * The fewest cores for the worker. A worker is a second V8 with its own cold code: it compiles
 * everything again, on the background threads this one compiles on. On 2 idle cores the three
 * compete and the command is slower with the worker than without (alternating runs, medians of
 * ten: the 5,113-feature park 1,557 ms with, 1,439 ms without; the sample 731 / 662 ms; again
 * with bin/ecopark.mjs's smaller inlining budget, the park 1,511 / 1,397 ms; and without
 * inlining and loop peeling, medians of 16 and 12: the park 800 / 760 ms, the sample 390 /
 * 330 ms). From four cores each thread and V8's compiles have a core of their own (not
 * measured here: this machine has two). MIN_HELPER_CORES (idle-cores.ts) is that figure.
 */

/** A problem check running on another thread. */
export interface ProblemsAhead {
  /** Starts checking these features (posted as a copy); null when the thread failed (check on this thread then). */
  check(features: readonly ParkFeature[]): Promise<Problem[] | null>;
  /** Stops the thread (when this thread fails first, or once the answer is in). */
  cancel(): void;
}

/**
 * Starts a worker thread for the problem check of `analyze`, so that on a machine with cores to
 * spare it runs while this thread analyses (on the 5,000-feature park the check is a fifth of the
 * work). The thread starts first and loads its code while this one reads the file; it then
 * receives the scenario's features, a structured copy: measured on that park, copying costs this
 * thread about 25 ms of CPU, reading the file again in the worker about 200 ms of the other
 * core's.
 * Only in the main thread, on a machine of at least MIN_HELPER_CORES, when a core is idle (idle-cores.ts),
 * and only from the bundle, unless `always` asks for it (tests): in a batch worker
 * (batch-pool.ts) every core is busy already; with no core to spare, the worker's start-up and
 * copy (a fifth more CPU) slow the command down (by 1 s on 2 cores loaded 10); from the sources,
 * tsx would compile the code again in the worker (seconds).
 */
export function startProblemsAhead(options: { always?: boolean } = {}): ProblemsAhead | null {
  const fromSources = import.meta.url.endsWith('.ts');
  if (!options.always && (availableParallelism() < MIN_HELPER_CORES || fromSources)) return null;
  // Loaded only here: on a machine too small for the worker, its module is 3 ms of start-up for nothing.
  const threads = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  if (!options.always && (!threads.isMainThread || !spareCore())) return null;
  let worker: Worker;
  try {
    worker = new threads.Worker(new URL(fromSources ? './problems-worker-source.mjs' : './problems-worker.mjs', import.meta.url));
  } catch {
    return null;
  }
  // Until it is asked something, the worker does not keep the process alive.
  worker.unref();
  const failed = new Promise<null>((resolve) => {
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    check(features) {
      worker.ref();
      const answer = new Promise<Problem[] | null>((resolve) => worker.once('message', (problems: Problem[] | null) => resolve(problems)));
      try {
        worker.postMessage(features);
      } catch {
        return Promise.resolve(null);
      }
      return Promise.race([answer, failed]);
    },
    cancel: () => void worker.terminate(),
  };
}
