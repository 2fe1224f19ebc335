import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { writeProject } from '../shared/project-file';
import { bundleIsCurrent } from '../scripts/cli-bundle-state.mjs';
import { generateLargePark } from './large-park';
import type { Figure } from './measure';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const BIN = 'bin/ecopark.mjs';

/** Median wall time in ms of a real process, started `repeats` times after one warm-up (as hyperfine does). */
function medianProcessMs(command: string, args: (run: number) => string[], repeats = 9): number {
  const times: number[] = [];
  for (let run = 0; run <= repeats; run++) {
    const start = performance.now();
    const r = spawnSync(command, args(run), { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ECOPARK_LANG: 'en' } });
    const ms = performance.now() - start;
    if (r.status !== 0 && r.status !== null) throw new Error(`${command} ${args(run).join(' ')} failed: ${r.stderr.trim().split('\n').pop()}`);
    if (run > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Issue 12's CLI figures, end to end through the real `bin/ecopark.mjs` as a user starts it:
 * --help, info on the sample, analyze --json and convert to GeoJSON on the generated
 * 5,000-feature park, GDAL's ogr2ogr on the same file in the same run, and `batch analyze`
 * over copies of the sample on one thread and on every core. The bundle is rebuilt first, so
 * the figures are the bundle's; `cli.bundleCurrent` says whether it stayed current throughout
 * (in a tree being edited, the bin falls back to tsx and the figures are tsx's).
 */
export async function cliFigures(): Promise<Figure[]> {
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build-cli failed: ${built.stderr}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecopark-cli-bench-'));
  try {
    const SQL = await initSqlJs();
    const park = generateLargePark();
    const parkPath = path.join(dir, 'large-park.gpkg');
    writeFileSync(parkPath, writeProject(SQL, park));
    // The same park with a boundary of four corners (large-park.ts): its roads and traffic
    // polygons along the northern edge stick out by centimetres, 56 problems to find and word.
    // Earlier sessions measured this park, before the boundary got its junctions.
    const fourCornerPath = path.join(dir, 'large-park-four-corners.gpkg');
    writeFileSync(fourCornerPath, writeProject(SQL, generateLargePark({ boundaryJunctions: false })));
    const features = park.scenarios[0].features.length;
    const copies = Array.from({ length: 8 }, (_, i) => path.join(dir, `sample-${i}.gpkg`));
    for (const copy of copies) writeFileSync(copy, readFileSync(SAMPLE));
    const out = (tool: string) => (run: number) => path.join(dir, `${tool}-${run}.geojson`);
    const node = process.execPath;

    const figures: Figure[] = [
      { name: 'cli.largePark.features', value: features, unit: 'count' },
      // What any Node program costs to start on this machine now: the floor under every figure below.
      { name: 'cli.nodeStart', value: medianProcessMs(node, () => ['-e', '0']), unit: 'ms' },
      { name: 'cli.help', value: medianProcessMs(node, () => [BIN, '--help']), unit: 'ms' },
      { name: 'cli.info.sample', value: medianProcessMs(node, () => [BIN, 'info', SAMPLE]), unit: 'ms' },
      // How fast this machine runs JavaScript now, taken just before the figure it most bears on:
      // a fixed loop of 10^8 additions in a fresh process (its start included). On a shared
      // machine it drifts by two times within minutes (0.73 to 1.6 s of loop here), and the
      // figures below with it.
      { name: 'cli.machineLoop', value: medianProcessMs(node, () => ['-e', 'let s = 0; for (let i = 0; i < 1e8; i++) s += i;'], 3), unit: 'ms' },
      // Nine runs like the others, not five: on a shared machine the speed drifts within a minute
      // (a fixed JavaScript loop took 2.2, 3.5 and 4.2 s in three consecutive runs here).
      { name: 'cli.analyzeJson.largePark', value: medianProcessMs(node, () => [BIN, 'analyze', parkPath, '--json']), unit: 'ms' },
      { name: 'cli.analyzeJson.largeParkFourCornerBoundary', value: medianProcessMs(node, () => [BIN, 'analyze', fourCornerPath, '--json']), unit: 'ms' },
    ];
    const convertMs = medianProcessMs(node, (run) => [BIN, 'convert', parkPath, out('ecopark')(run)], 5);
    // A GeoJSON file holds one layer: GDAL writes each feature layer of the project to its own
    // file, all in one timed shell run (ogr2ogr refuses to put several layers in one file).
    const layers = [...spawnSync('ogrinfo', ['-q', parkPath], { encoding: 'utf8' }).stdout.matchAll(/^\d+: (\w+) \((?!None\))/gm)].map((m) => m[1]);
    const ogrScript = (run: number) => layers.map((layer) => `ogr2ogr -f GeoJSON '${out(`ogr2ogr-${layer}`)(run)}' '${parkPath}' ${layer}`).join(' && ');
    const ogrMs = medianProcessMs('sh', (run) => ['-c', ogrScript(run)], 5);
    const batch = (jobs: string[], files = copies) => medianProcessMs(node, () => [BIN, 'batch', 'analyze', ...files, '--json', ...jobs], 3);
    // The same large park four times through one thread: from the second file on, the code is
    // compiled and optimised, so the difference over one file is the cost of a file once the
    // process is warm (what a reviewer's batch of many files pays per file).
    const parkCopies = Array.from({ length: 4 }, (_, i) => path.join(dir, `large-park-${i}.gpkg`));
    for (const copy of parkCopies) writeFileSync(copy, readFileSync(parkPath));
    const batchOneParkMs = batch(['--jobs', '1'], parkCopies.slice(0, 1));
    const batchFourParksMs = batch(['--jobs', '1'], parkCopies);
    figures.push(
      { name: 'cli.convertGeoJson.largePark', value: convertMs, unit: 'ms' },
      { name: 'cli.ogr2ogrGeoJson.largePark', value: ogrMs, unit: 'ms' },
      { name: 'cli.convertToOgr2ogrRatio', value: convertMs / ogrMs, unit: 'ratio' },
      { name: 'cli.batchAnalyze.8samples.oneThread', value: batch(['--jobs', '1']), unit: 'ms' },
      { name: 'cli.batchAnalyze.8samples.allCores', value: batch([]), unit: 'ms' },
      { name: 'cli.batchAnalyze.largePark.oneFile', value: batchOneParkMs, unit: 'ms' },
      { name: 'cli.batchAnalyze.largePark.perFileWarm', value: (batchFourParksMs - batchOneParkMs) / 3, unit: 'ms' },
      { name: 'cli.cores', value: os.availableParallelism(), unit: 'count' },
      { name: 'cli.bundleCurrent', value: bundleIsCurrent(new URL('../', import.meta.url)) ? 1 : 0, unit: 'bool' },
    );
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
