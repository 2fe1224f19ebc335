// The `ecopark` command's V8 code cache (issue 12). A command that lives a second spends a tenth
// of it parsing and compiling JavaScript it compiled the same way last time. Node 20 offers no
// cache for ES modules, so the build also bundles the whole command as one CommonJS script,
// dist/cli/ecopark.cjs, runs it once on the bundled sample (training), and keeps what V8 compiled
// in dist/cli/ecopark.cjs.cache. bin/ecopark.mjs compiles the script with that cache: V8 then
// deserialises the functions instead of parsing and compiling them.
//
// V8 takes a cache only from the same V8 version and flags, and for a source of the same length
// (it hashes no more of the source). So each build writes a random id into the script's first
// line and into a stamp beside the cache, with the Node version and platform: a cache is offered
// only with the very script text it was made from, by the Node that made it; otherwise the
// command runs its ES-module bundle as before. A cache V8 still refuses (other flags: a profiler,
// NODE_OPTIONS) only costs the compile it would have saved. ECOPARK_CODE_CACHE_REPORT=1 makes the
// command say on stderr whether V8 took it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

export const SCRIPT_NAME = 'ecopark.cjs';
const CACHE_NAME = `${SCRIPT_NAME}.cache`;
const STAMP_NAME = `${CACHE_NAME}.json`;

/**
 * The V8 flags every `ecopark` process runs with; set before any of the command's code is
 * compiled, by bin/ecopark.mjs and by the training run alike (the cache records them).
 *
 * sql.js is WebAssembly. V8 compiles it twice: at once with its baseline compiler (Liftoff), then
 * again in the background with its optimising one (TurboFan), and a process does not exit until
 * that background work is done. For a command that lives a fraction of a second the second
 * compile costs more than it ever saves (`ecopark info` on the sample: about 0.3 s of 0.8 s), so
 * the command keeps the baseline code.
 *
 * The same trade for JavaScript. TurboFan compiles hot functions on background threads while the
 * main thread runs them unoptimised, and on two cores those compiles compete with the main
 * thread for the second one: a command that lives a second waits on them. Two of TurboFan's
 * phases make its compiles dear and seldom pay back within a second: inlining (each function
 * recompiles its callees into itself; with the default budget the compiles took more CPU than
 * the command) and loop peeling (every loop's first iteration copied out). Without them the
 * compiles finish sooner and the code is optimised earlier. Alternating runs on 2 cores
 * (medians of 12-16), against the inlining budget of 200 this replaced: `analyze --json` on the
 * 5,113-feature park 940 -> 860 ms (process CPU 1.48 -> 1.27 s), on its four-corner variant
 * 990 -> 890 ms; the sample's `info` 310 -> 280 ms and `analyze` 410 ms both. The longest
 * commands do not lose by it either (medians of 2-4: `solar`, `eco` and `report` on the large
 * park, 3-5 s, the same or faster; `layout` on the sample 3.3 / 3.0 s). Inlining had already
 * been cut to a budget of 200 bytes of bytecode from 920, for the same reason (1,441 -> 1,235 ms
 * then); none at all and no peeling gave another 70-80 ms, where a budget of 0 or 60 (small
 * functions still inlined) or turning off escape analysis, load elimination or splitting as
 * well gave nothing.
 */
export function setCommandFlags() {
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--no-turbo-inlining');
  setFlagsFromString('--no-turbo-loop-peeling');
}

/**
 * The first line of the script bundle (scripts/build-cli.mjs): strict mode, as the ES modules
 * run; the build's id, which ties the script to its cache; and import.meta.url as the script's own
 * file: URL, in the folder of the ES-module chunks, so the paths the commands resolve from it
 * (data/fonts, the worker files) are the same.
 */
export function scriptBanner(buildId) {
  return `"use strict";var __ecoparkBuild=${JSON.stringify(buildId)};var __ecoparkImportMetaUrl=require("node:url").pathToFileURL(__filename).href;`;
}

/** The build id in the first line of a script bundle; null when it has none. */
function buildIdOf(source) {
  return /^"use strict";var __ecoparkBuild="([0-9a-f]+)";/.exec(source)?.[1] ?? null;
}

/** What must match, besides the build id, for a cache to be offered to V8: this Node. */
function runtimeStamp() {
  return { node: process.version, platform: process.platform, arch: process.arch };
}

/** Compiles and runs the script bundle's text (as Node runs a CommonJS module) and returns it with its exports. */
function loadScript(scriptPath, source, cachedData) {
  const script = new vm.Script(Module.wrap(source), {
    filename: scriptPath,
    cachedData,
    // The bundle makes no import() (esbuild inlines them); should one appear, Node's own loader
    // answers it where this Node has one to give (20.12 and later).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(scriptPath), module, scriptPath, path.dirname(scriptPath));
  return { script, exports: module.exports };
}

/**
 * The script's text and its cache, when this process may use them: read once, and the text
 * compiled is the one whose build id the stamp names. Null when there is no cache, or it was made
 * for another build or another Node.
 */
function usableCache(scriptPath) {
  try {
    const stamp = JSON.parse(readFileSync(`${scriptPath}.cache.json`, 'utf8'));
    const cache = readFileSync(`${scriptPath}.cache`);
    const source = readFileSync(scriptPath, 'utf8');
    const here = runtimeStamp();
    const same = Object.keys(here).every((key) => stamp[key] === here[key]) && stamp.cacheSize === cache.length && buildIdOf(source) === stamp.buildId;
    return same ? { source, cache } : null;
  } catch {
    return null; // no cache or no stamp: the build made none
  }
}

/**
 * Runs the command from the script bundle in `dir` (a file: URL or path of dist/cli/) with its
 * code cache, and never returns (the command exits); returns false, having run nothing, when
 * there is no cache this process can use.
 */
export async function runWithCodeCache(dir) {
  const scriptPath = path.join(dir instanceof URL ? fileURLToPath(dir) : dir, SCRIPT_NAME);
  const usable = usableCache(scriptPath);
  if (!usable) return false;
  const { script, exports } = loadScript(scriptPath, usable.source, usable.cache);
  if (process.env.ECOPARK_CODE_CACHE_REPORT === '1') process.stderr.write(`ecopark: code cache ${script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
  await exports.runProcess(process.argv.slice(2));
  return true;
}

/** Writes `bytes` to `file` through a temporary file and a rename: a reader sees all of it or none. */
function writeAtomically(file, bytes) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/**
 * The training run (a process of its own, started by scripts/build-cli.mjs, with the flags of a
 * command): runs the script bundle in `dir` on `samplePath`, then writes the code cache and its
 * stamp. Throws when a trained command fails: the bundle is broken.
 */
export async function trainCodeCache(dir, samplePath) {
  setCommandFlags();
  const scriptPath = path.join(dir, SCRIPT_NAME);
  const source = readFileSync(scriptPath, 'utf8');
  const buildId = buildIdOf(source);
  if (!buildId) throw new Error(`${scriptPath} has no build id in its first line`);
  const { script, exports } = loadScript(scriptPath, source, undefined);
  const failed = await exports.train(samplePath);
  if (failed.length > 0) throw new Error(`the command bundle failed its training run: ecopark ${failed.join('; ecopark ')}`);
  const cache = script.createCachedData();
  // The stamp last: a cache without its stamp is never offered.
  writeAtomically(path.join(dir, CACHE_NAME), cache);
  writeAtomically(path.join(dir, STAMP_NAME), `${JSON.stringify({ ...runtimeStamp(), buildId, cacheSize: cache.length }, null, 1)}\n`);
  return cache.length;
}

// `node scripts/cli-code-cache.mjs train DIR SAMPLE`: the training run of scripts/build-cli.mjs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === 'train') {
  const [dir, samplePath] = process.argv.slice(3);
  if (!dir || !samplePath || !existsSync(samplePath)) {
    console.error('usage: node scripts/cli-code-cache.mjs train DIST_CLI_DIR SAMPLE.gpkg');
    process.exit(2);
  }
  const bytes = await trainCodeCache(path.resolve(dir), path.resolve(samplePath));
  console.log(`ecopark code cache: ${Math.round(bytes / 1024)} KiB`);
  process.exit(0);
}
