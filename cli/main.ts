/** Entry point of the `ecopark` command (bin/ecopark.mjs runs its bundle, or this file through tsx). */
import { readFileSync } from 'node:fs';
import { markCommandStart } from './idle-cores';
import { nodeIo, tolerateClosedOutput } from './io';
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

markCommandStart();
tolerateClosedOutput();
process.exitCode = await run(process.argv.slice(2), nodeIo, {
  version: packageVersion(),
  now: () => new Date().toISOString(),
  env: process.env,
});
