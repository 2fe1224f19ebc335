/** Entry point of the `ecopark` command (bin/ecopark.mjs loads this through tsx). */
import { readFileSync } from 'node:fs';
import { nodeIo } from './io';
import { run } from './run';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

process.exitCode = await run(process.argv.slice(2), nodeIo, {
  version: packageVersion(),
  now: () => new Date().toISOString(),
  env: process.env,
});
