#!/usr/bin/env node
// The `ecopark` command. Runs the bundle scripts/build-cli.mjs made in dist/cli/ (by `npm ci`,
// `npm install` or `npm run build`), which starts in a fraction of the time tsx needs to compile
// the sources: its CommonJS script with V8's code cache when this Node can use the cache
// (scripts/cli-code-cache.mjs), its ES modules otherwise. Without a bundle, or when a source file
// it was built from has changed since (a developer's tree), it runs the TypeScript sources
// through tsx: slower, never out of date.
import { bundleIsCurrent } from '../scripts/cli-bundle-state.mjs';
import { runWithCodeCache, setCommandFlags } from '../scripts/cli-code-cache.mjs';

// Before any of the command's code is compiled (the flags are read then).
setCommandFlags();

if (bundleIsCurrent(new URL('../', import.meta.url))) {
  if (!(await runWithCodeCache(new URL('../dist/cli/', import.meta.url)))) await import('../dist/cli/main.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
