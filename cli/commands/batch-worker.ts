/**
 * A batch worker thread (cli/commands/batch-pool.ts starts it): loads the command once, then
 * runs one file per message and posts the outcome back, until the pool closes it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nodeIo } from '../io';
import { messages } from '../i18n';
import { runBatchJob, type BatchJob } from './batch-item';
import type { WorkerSetup } from './batch-pool';

const setup = workerData as WorkerSetup;
const context = { version: setup.version, now: () => setup.now, m: messages(setup.lang), limits: setup.limits };

parentPort!.on('message', async ({ index, job }: { index: number; job: BatchJob }) => {
  parentPort!.postMessage({ index, outcome: await runBatchJob(job, nodeIo, context) });
});
