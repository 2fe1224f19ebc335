#!/usr/bin/env node
// The `ecopark` command. Runs the bundle scripts/build-cli.mjs made in dist/cli/ (by `npm ci`,
// `npm install` or `npm run build`), which starts in a fraction of the time tsx needs to compile
// the sources. Without a bundle, or when a source file it was built from has changed since
// (a developer's tree), it runs the TypeScript sources through tsx: slower, never out of date.
import { bundleIsCurrent } from '../scripts/cli-bundle-state.mjs';

if (bundleIsCurrent(new URL('../', import.meta.url))) {
  await import('../dist/cli/main.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
