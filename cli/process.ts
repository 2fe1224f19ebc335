/** The `ecopark` process: one command line run, its output written, the process ended. */
import { readFileSync } from 'node:fs';
import { markCommandStart } from './idle-cores';
import { nodeIo, outputWritten, tolerateClosedOutput } from './io';
import { run } from './run';

/** Set by scripts/build-cli.mjs: the bundle lives in dist/cli/, where ../package.json is not ours. */
declare const ECOPARK_BUNDLED_VERSION: string | undefined;

function packageVersion(): string {
  if (typeof ECOPARK_BUNDLED_VERSION === 'string') return ECOPARK_BUNDLED_VERSION;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs `argv` (the arguments after the script) as the `ecopark` command and exits with its code. */
export async function runProcess(argv: string[]): Promise<never> {
  markCommandStart();
  tolerateClosedOutput();
  const exitCode = await run(argv, nodeIo, {
    version: packageVersion(),
    now: () => new Date().toISOString(),
    env: process.env,
  });
  process.exitCode = exitCode;
  // The command is over once its output is written: exiting then spares the wait for V8's
  // background compiles to finish and for its heap to be torn down (about 40 ms after `analyze` on
  // the 5,000-feature park). Every file the command writes was awaited inside run().
  await outputWritten();
  process.exit(exitCode);
}
