// The `ecopark` command's V8 code cache (issue 12). A command that lives a second spends a tenth
// of it parsing and compiling JavaScript it compiled the same way last time. Node 20 offers no
// cache for ES modules, so the build also bundles the whole command as one CommonJS script,
// dist/cli/ecopark.cjs, runs it once on the bundled sample (training), and keeps what V8 compiled
// in dist/cli/ecopark.cjs.cache. bin/ecopark.mjs compiles the script with that cache: V8 then
// deserialises the functions instead of parsing and compiling them.
//
// V8 takes a cache only from the same V8 version and flags and for a source of the same length
// (it hashes no more of the source). So a stamp beside the cache records the Node version, the
// platform and the script's size and modification time: a cache made for another script or
// another Node is not offered at all, and the command runs its ES-module bundle as before. A
// cache V8 still refuses (other flags: a profiler, NODE_OPTIONS) only costs the compile it would
// have saved.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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
 * The same trade for JavaScript. TurboFan compiles hot functions on background threads; with its
 * default inlining budget (920 bytes of bytecode per optimised function) those compiles took more
 * CPU than the command itself (`analyze` on the 5,000-feature park: 1.3 s of background CPU beside
 * 1.2 s on the main thread), and on two cores they compete with the main thread for the second
 * one. A budget of 200 cuts the background CPU by a third (to 0.85 s) and leaves the main thread's
 * own time as it was: that analyze 1,441 -> 1,235 ms, the sample's analyze 805 -> 770 ms, its
 * `info` 506 -> 465 ms (medians of 10-12 alternating runs on 2 cores); a warm batch of eight large
 * parks is unchanged (4.9-5.0 s).
 */
export function setCommandFlags() {
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
}

/** What must match for a cache to be offered to V8: this Node, this script file. */
function stampFor(scriptPath) {
  const { size, mtimeMs } = statSync(scriptPath);
  return { node: process.version, platform: process.platform, arch: process.arch, scriptSize: size, scriptMtimeMs: mtimeMs };
}

/** Compiles and runs the script bundle (as Node runs a CommonJS module) and returns it with its exports. */
function loadScript(scriptPath, cachedData) {
  const script = new vm.Script(Module.wrap(readFileSync(scriptPath, 'utf8')), {
    filename: scriptPath,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(scriptPath), module, scriptPath, path.dirname(scriptPath));
  return { script, exports: module.exports };
}

/**
 * The cache for the script bundle in `dir` (a file: URL or path of dist/cli/), when this process
 * may use it; null when there is none, it was made for another Node or script, or this Node
 * cannot give a script the default module loader (before 20.12).
 */
function usableCache(scriptPath) {
  if (!vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER) return null;
  const cachePath = `${scriptPath}.cache`;
  try {
    const stamp = JSON.parse(readFileSync(`${scriptPath}.cache.json`, 'utf8'));
    const here = stampFor(scriptPath);
    const cache = readFileSync(cachePath);
    const same = Object.keys(here).every((key) => stamp[key] === here[key]) && stamp.cacheSize === cache.length;
    return same ? cache : null;
  } catch {
    return null; // no cache or no stamp: the build made none
  }
}

/**
 * Runs the command from the script bundle in `dir` with its code cache, and never returns (the
 * command exits); returns false, having run nothing, when there is no cache this process can use.
 */
export async function runWithCodeCache(dir) {
  const scriptPath = path.join(dir instanceof URL ? fileURLToPath(dir) : dir, SCRIPT_NAME);
  const cache = usableCache(scriptPath);
  if (!cache) return false;
  const { exports } = loadScript(scriptPath, cache);
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
  const { script, exports } = loadScript(scriptPath, undefined);
  const failed = await exports.train(samplePath);
  if (failed.length > 0) throw new Error(`the command bundle failed its training run: ecopark ${failed.join('; ecopark ')}`);
  const cache = script.createCachedData();
  writeAtomically(path.join(dir, CACHE_NAME), cache);
  writeAtomically(path.join(dir, STAMP_NAME), `${JSON.stringify({ ...stampFor(scriptPath), cacheSize: cache.length }, null, 1)}\n`);
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
