/**
 * Entry point of the command's script bundle, dist/cli/ecopark.cjs (scripts/build-cli.mjs): the
 * whole command as one CommonJS script, which bin/ecopark.mjs compiles with V8's code cache
 * (scripts/cli-code-cache.mjs) so a start deserialises the compiled functions instead of parsing
 * and compiling them again. `train` is the run whose compiled functions the cache keeps.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeIo, type CliIo } from './io';
import { run } from './run';

export { runProcess } from './process';

/**
 * Runs the commands a reviewer runs most (help, info, analyze in both forms, convert to GeoJSON)
 * on `samplePath` with their output dropped, so V8 has compiled what they use. The converted file
 * goes to a new temporary folder, removed after. Returns the commands that did not exit with 0, each with its last line on stderr.
 */
export async function train(samplePath: string): Promise<string[]> {
  let lastError = '';
  const io: CliIo = { ...nodeIo, stdout: () => {}, stderr: (line) => (lastError = line) };
  const context = { version: 'training', now: () => new Date().toISOString(), env: {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'ecopark-train-'));
  const lines = [['--help'], ['info', samplePath], ['analyze', '--json', samplePath], ['analyze', samplePath], ['convert', samplePath, path.join(dir, 'park.geojson')]];
  const failed: string[] = [];
  try {
    for (const argv of lines) if ((await run(argv, io, context)) !== 0) failed.push(`${argv.join(' ')} (${lastError})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return failed;
}
