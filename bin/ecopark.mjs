#!/usr/bin/env node
// The `ecopark` command. tsx compiles cli/*.ts on the fly, so the CLI runs from the source tree
// without a build step (`npx ecopark ...`).
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
