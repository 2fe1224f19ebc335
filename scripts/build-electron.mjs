// Bundles the desktop shell: main and preload to CommonJS (sandboxed preloads cannot load ESM
// or arbitrary modules; package.json is "type": "module", hence the .cjs names), and copies
// the sql.js wasm next to main.cjs, where main's locateFile looks for it.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');
const production = process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  minify: false,
  logLevel: 'info',
  absWorkingDir: root,
};

await mkdir(outDir, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
  // The preload runs in the sandbox: only 'electron' (a limited subset) may be required.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outDir, 'preload.cjs') }),
]);
await copyFile(path.join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'), path.join(outDir, 'sql-wasm.wasm'));
console.log(`electron shell built into ${path.relative(root, outDir)}/`);
