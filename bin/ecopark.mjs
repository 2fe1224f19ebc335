#!/usr/bin/env node
// The `ecopark` command. Runs the bundle scripts/build-cli.mjs made in dist/cli/ (by `npm ci`,
// `npm install` or `npm run build`), which starts in a fraction of the time tsx needs to compile
// the sources. Without a bundle, or when a source file it was built from has changed since
// (a developer's tree), it runs the TypeScript sources through tsx: slower, never out of date.
import { setFlagsFromString } from 'node:v8';
import { bundleIsCurrent } from '../scripts/cli-bundle-state.mjs';

// sql.js is WebAssembly. V8 compiles it twice: at once with its baseline compiler (Liftoff), then
// again in the background with its optimising one (TurboFan), and a process does not exit until
// that background work is done. For a command that lives a fraction of a second the second
// compile costs more than it ever saves (`ecopark info` on the sample: about 0.3 s of 0.8 s), so
// the command keeps the baseline code. Wasm flags are read when a module is compiled, which
// happens later, when a command first opens a project.
setFlagsFromString('--liftoff-only');

if (bundleIsCurrent(new URL('../', import.meta.url))) {
  await import('../dist/cli/main.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
