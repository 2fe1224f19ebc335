// Bundles the desktop shell: main and preload to CommonJS (sandboxed preloads cannot load ESM
// or arbitrary modules; package.json is "type": "module", hence the .cjs names), and copies
// the sql.js wasm next to main.cjs, where main's locateFile looks for it. Also writes
// dist/package.json, the dependency-free package electron-builder ships (scripts/app-package.ts).
// Run through tsx (`npm run build:electron`), which lets this file import that TypeScript module.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPackageJson } from './app-package.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ECOPARK_APP_DIR: build elsewhere than dist/ (tests/unit/packaging builds into a temp folder).
const appDir = process.env.ECOPARK_APP_DIR ? path.resolve(process.env.ECOPARK_APP_DIR) : path.join(root, 'dist');
const outDir = path.join(appDir, 'electron');
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
const rootPackage = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
await writeFile(path.join(appDir, 'package.json'), `${JSON.stringify(appPackageJson(rootPackage), null, 2)}\n`);
console.log(`electron shell built into ${path.relative(root, outDir)}/`);
