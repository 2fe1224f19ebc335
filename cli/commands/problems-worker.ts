/**
 * The problem check of `ecopark analyze` on a second thread (problems-ahead.ts starts it): checks
 * the features it is sent while the main thread analyses them, and posts the problems back
 * (each message one scenario's features, each answer that scenario's problems).
 */
import { parentPort } from 'node:worker_threads';
import { scenarioProblems } from '../../shared/analysis/problems';
import type { ParkFeature } from '../../shared/model';

parentPort!.on('message', (features: ParkFeature[]) => {
  parentPort!.postMessage(scenarioProblems(features));
});
