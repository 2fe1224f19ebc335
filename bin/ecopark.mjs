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
// The same trade for JavaScript. TurboFan compiles hot functions on background threads; with its
// default inlining budget (920 bytes of bytecode per optimised function) those compiles took more
// CPU than the command itself (`analyze` on the 5,000-feature park: 1.3 s of background CPU beside
// 1.2 s on the main thread), and on two cores they compete with the main thread for the second
// one. A budget of 200 cuts the background CPU by a third (to 0.85 s) and leaves the main thread's
// own time as it was: that analyze 1,441 -> 1,235 ms, the sample's analyze 805 -> 770 ms, its
// `info` 506 -> 465 ms (medians of 10-12 alternating runs on 2 cores); a warm batch of eight large
// parks is unchanged (4.9-5.0 s). Like the wasm flag it is read when a function is compiled, so
// setting it here, before any of the command's code has run, covers all of it.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

if (bundleIsCurrent(new URL('../', import.meta.url))) {
  await import('../dist/cli/main.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
