// Whether the CLI bundle in dist/cli/ (scripts/build-cli.mjs) may run: it exists and none of the
// source files it was built from has changed since. bin/ecopark.mjs and the bench ask this.
import { readFileSync, statSync } from 'node:fs';

/** `root`: the repository folder as a file: URL ending in '/'. */
export function bundleIsCurrent(root) {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs < builtAt);
  } catch {
    return false; // no bundle, or a source it lists is gone
  }
}
