// Bundles the `ecopark` command ahead of time into dist/cli/, so it starts like a native tool
// instead of compiling TypeScript at every start (issue 12). Runs as the root package's
// `prepare` script, which npm runs on `npm ci` and `npm install`, and in `npm run build`.
//
// - ESM, code splitting: each command is its own chunk, loaded by cli/run.ts with import() only
//   when that command runs, so `--help` does not load PDF, fonts, XLSX or sql.js.
// - Chunks sit in dist/cli/ itself, two folders below the root like cli/commands/*.ts, so the
//   paths the commands resolve from import.meta.url (data/fonts) hold in both.
// - sql.js stays external: Node loads it from node_modules, where it finds its own wasm file.
// - dist/cli/inputs.json lists the source files bundled; bin/ecopark.mjs runs the bundle only
//   while none of them is newer than it, and falls back to tsx on the sources otherwise.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SCRIPT_NAME, scriptBanner } from './cli-code-cache.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ECOPARK_CLI_DIR: build elsewhere than dist/cli/ (the unit test builds into a temporary folder).
const outDir = process.env.ECOPARK_CLI_DIR ? path.resolve(process.env.ECOPARK_CLI_DIR) : path.join(root, 'dist', 'cli');

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // An install without devDependencies (npm ci --omit=dev): the command runs from the sources.
  console.log('ecopark: esbuild is not installed; the command will run from the TypeScript sources (slower start)');
  process.exit(0);
}

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// Our sources write `import { z } from 'zod'`. That `z` is zod's whole namespace object, which
// esbuild cannot tree-shake: it would bundle every locale and the JSON Schema converters, a
// third of what each command has to parse at start. The bundle gets a `z` made of zod's classic
// API modules only (the English messages come with them). A `z.member` those modules lack would
// be undefined at run time, so the build checks every member the bundle reads (checkZodMembers).
// Should a zod upgrade move these files, the bundle simply keeps the whole of zod.
const ZOD_CLASSIC = path.join(root, 'node_modules', 'zod', 'v4', 'classic');
const ZOD_API_MODULES = ['schemas.js', 'checks.js', 'errors.js', 'parse.js', 'compat.js'].map((file) => path.join(ZOD_CLASSIC, file));
const slimZod = ZOD_API_MODULES.every((file) => existsSync(file));
const zodClassicOnly = {
  name: 'zod-classic-only',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) => (args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: 'zod', namespace: 'ecopark-zod' }));
    b.onResolve({ filter: /^zod-api$/, namespace: 'ecopark-zod' }, () => ({ path: 'zod-api', namespace: 'ecopark-zod' }));
    b.onLoad({ filter: /^zod$/, namespace: 'ecopark-zod' }, () => ({ contents: "export * as z from 'zod-api';", resolveDir: root }));
    b.onLoad({ filter: /^zod-api$/, namespace: 'ecopark-zod' }, () => ({
      contents: ZOD_API_MODULES.map((file) => `export * from ${JSON.stringify(file)};`).join('\n'),
      resolveDir: root,
    }));
  },
};

/** Fails the build when bundled code reads a member of the slim `z` that zod's API modules do not export. */
async function checkZodMembers(dir) {
  const exported = new Set();
  for (const file of ZOD_API_MODULES) for (const name of Object.keys(await import(pathToFileURL(file).href))) exported.add(name);
  const missing = new Set();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.mjs') || f.endsWith('.cjs'))) {
    for (const [, member] of (await readFile(path.join(dir, file), 'utf8')).matchAll(/\bzod_api_exports\.([A-Za-z_$][\w$]*)/g)) {
      if (!exported.has(member)) missing.add(member);
    }
  }
  if (missing.size > 0) throw new Error(`the CLI bundle reads z.${[...missing].join(', z.')}, which scripts/build-cli.mjs's slim zod lacks: add zod's module that exports it to ZOD_API_MODULES`);
}
/**
 * The script with every character beyond ASCII written as its \u escape. esbuild already writes
 * strings and names so (charset 'ascii') and drops comments when it removes whitespace; what is
 * left are letters in regular-expression literals (Vietnamese layer names), where an escape of
 * each UTF-16 unit means the same, with or without the u flag. A letter after a backslash would
 * not (the escape would be escaped): the build then fails instead of changing the program.
 */
function asciiOnly(source) {
  return source.replace(/[\u0080-\uffff]/g, (unit, offset) => {
    if (source[offset - 1] === '\\') throw new Error(`the CLI script has an escaped non-ASCII character at ${offset}: asciiOnly cannot rewrite it`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

// Built beside the final folder and swapped in at the end, so a command started during the
// build finds either the old bundle or the new one, never half of one.
const tmpDir = `${outDir}.tmp-${process.pid}`;
await rm(tmpDir, { recursive: true, force: true });
await mkdir(tmpDir, { recursive: true });
// A source saved while the build runs is newer than this and makes the bundle stale.
const startedAt = Date.now();

const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'cli/main.ts', out: 'main' },
    // Batch workers start from their own file (cli/commands/batch-pool.ts names it).
    { in: 'cli/commands/batch-worker.ts', out: 'batch-worker' },
    // So does the problem check of `analyze` (cli/commands/problems-ahead.ts).
    { in: 'cli/commands/problems-worker.ts', out: 'problems-worker' },
  ],
  outdir: tmpDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // .mjs: dist/package.json is the desktop app's (CommonJS); the extension says ESM regardless.
  outExtension: { '.js': '.mjs' },
  external: ['sql.js'],
  // Bundled CommonJS dependencies call require() for Node built-ins: give ESM chunks one.
  banner: { js: "import { createRequire as __ecoparkRequire } from 'node:module'; const require = __ecoparkRequire(import.meta.url);" },
  define: { ECOPARK_BUNDLED_VERSION: JSON.stringify(pkg.version ?? 'unknown') },
  plugins: slimZod ? [zodClassicOnly] : [],
  metafile: true,
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
});

// The same command as one CommonJS script, for V8's code cache (scripts/cli-code-cache.mjs),
// whose first line (scriptBanner) holds this build's id and import.meta.url. Without
// whitespace or comments, and in ASCII only (asciiOnly below), Node reads the script at memory
// speed: UTF-8 with a single accented letter is decoded character by character (19 ms a start
// for the 4.7 MB the script had with comments, against 3.5 ms for the same bytes as ASCII).
const scriptPath = path.join(tmpDir, SCRIPT_NAME);
const scriptResult = await build({
  absWorkingDir: root,
  entryPoints: ['cli/script-entry.ts'],
  outfile: scriptPath,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['sql.js'],
  banner: { js: scriptBanner(randomBytes(8).toString('hex')) },
  define: { ECOPARK_BUNDLED_VERSION: JSON.stringify(pkg.version ?? 'unknown'), 'import.meta.url': '__ecoparkImportMetaUrl' },
  plugins: slimZod ? [zodClassicOnly] : [],
  metafile: true,
  sourcemap: false,
  // Names are kept: a profile or an error still says which function.
  minifyWhitespace: true,
  charset: 'ascii',
  logLevel: 'warning',
});
await writeFile(scriptPath, asciiOnly(await readFile(scriptPath, 'utf8')));

if (slimZod) await checkZodMembers(tmpDir);

// The training run, in a process of its own with the command's V8 flags and none from
// NODE_OPTIONS (they would be in the cache's flags, and a command started without them would
// find it refused). Without the sample (an install that left data/ out), or should the run fail,
// there is no cache: the install goes on, and the command runs its ES modules.
const sample = path.join(root, 'data', 'samples', 'bac-ninh-demo.gpkg');
if (existsSync(sample)) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const training = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli-code-cache.mjs'), 'train', tmpDir, sample], { stdio: ['ignore', 'inherit', 'inherit'], env, timeout: 120_000 });
  if (training.status !== 0) {
    await rm(path.join(tmpDir, `${SCRIPT_NAME}.cache.json`), { force: true });
    console.warn(`ecopark: the training run of the command failed${training.error ? ` (${training.error.message})` : ''}; the command will run without its code cache (slower start)`);
  }
}
// ECOPARK_CLI_METAFILE: also write esbuild's metafile there, to see which modules each chunk holds
// (e.g. that jsts and d3-geo, which only @turf/buffer needs, stay out of what `info` loads).
if (process.env.ECOPARK_CLI_METAFILE) await writeFile(path.resolve(process.env.ECOPARK_CLI_METAFILE), JSON.stringify(result.metafile));
const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(scriptResult.metafile.inputs)])].filter((file) => !file.startsWith('node_modules/') && !file.startsWith('ecopark-zod:'));
inputs.push('package.json');
await writeFile(path.join(tmpDir, 'inputs.json'), `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`);

const oldDir = `${outDir}.old-${process.pid}`;
await rename(outDir, oldDir).catch((error) => {
  if (error.code !== 'ENOENT') throw error;
});
await rename(tmpDir, outDir);
await rm(oldDir, { recursive: true, force: true });
console.log(`ecopark command bundled into ${path.relative(root, outDir)}/ (${inputs.length} source files)`);
