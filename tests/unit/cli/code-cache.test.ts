import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE } from './helpers';

// The command's script bundle and its V8 code cache (scripts/cli-code-cache.mjs), built by the
// real build script into a folder of this test's own, then run the way bin/ecopark.mjs runs it.
const root = process.cwd();
let dir: string;

/**
 * Runs `ecopark ARGS` from the bundle in `dir` as bin/ecopark.mjs does, with the report of whether
 * V8 took the cache (ECOPARK_CODE_CACHE_REPORT); `cache` is that report, or 'none' when the ES
 * modules ran instead.
 */
function runBundle(args: string[]): { status: number | null; stdout: string; stderr: string; cache: 'accepted' | 'rejected' | 'none' } {
  const r = spawnSync(process.execPath, [path.join(dir, 'runner.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ECOPARK_LANG: 'en', ECOPARK_CODE_CACHE_REPORT: '1' }, maxBuffer: 1 << 26 });
  const report = /^ecopark: code cache (accepted|rejected)\n/.exec(r.stderr);
  const esm = r.stderr.startsWith('[es modules]\n');
  expect(Boolean(report) || esm, r.stderr).toBe(true);
  const cache = report ? (report[1] as 'accepted' | 'rejected') : 'none';
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.slice(report ? report[0].length : '[es modules]\n'.length), cache };
}

beforeAll(() => {
  // Inside the repository, like dist/cli/: the bundle finds sql.js in node_modules from there.
  dir = mkdtempSync(path.join(root, 'dist', 'code-cache-test-'));
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8', env: { ...process.env, ECOPARK_CLI_DIR: dir } });
  expect(built.status, built.stderr).toBe(0);
  writeFileSync(
    path.join(dir, 'runner.mjs'),
    `import { runWithCodeCache, setCommandFlags } from ${JSON.stringify(path.join(root, 'scripts', 'cli-code-cache.mjs'))};
setCommandFlags();
if (!(await runWithCodeCache(${JSON.stringify(dir)}))) {
  process.stderr.write('[es modules]\\n');
  await import(${JSON.stringify(path.join(dir, 'main.mjs'))});
}
`,
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the code cache of the command', () => {
  it('is made by the build, for this Node and this script, and V8 takes it', () => {
    const stamp = JSON.parse(readFileSync(path.join(dir, 'ecopark.cjs.cache.json'), 'utf8'));
    expect(stamp).toMatchObject({ node: process.version, platform: process.platform, arch: process.arch });
    expect(readFileSync(path.join(dir, 'ecopark.cjs'), 'latin1').startsWith(`"use strict";var __ecoparkBuild="${stamp.buildId}";`)).toBe(true);
    expect(stamp.cacheSize).toBe(readFileSync(path.join(dir, 'ecopark.cjs.cache')).length);
    expect(stamp.cacheSize).toBeGreaterThan(100_000);
    expect(runBundle(['--version']).cache).toBe('accepted');
  });

  it('runs the command with the same output as the ES modules', () => {
    const cached = runBundle(['analyze', '--json', '--date', '2026-01-01', SAMPLE]);
    expect(cached.cache).toBe('accepted');
    expect(cached.status).toBe(0);
    const analysis = JSON.parse(cached.stdout) as { project: { name: string }; problems: unknown[] };
    expect(analysis.project.name).toBe('Khu công nghiệp sinh thái Yên Phong Demo');
    expect(analysis.problems).toHaveLength(2);
    // The same run from the ES modules: a stamp of another build keeps the cache from being offered.
    const stampPath = path.join(dir, 'ecopark.cjs.cache.json');
    const stamp = readFileSync(stampPath, 'utf8');
    try {
      const { buildId } = JSON.parse(stamp) as { buildId: string };
      writeFileSync(stampPath, stamp.replace(buildId, '0123456789abcdef'));
      const esm = runBundle(['analyze', '--json', '--date', '2026-01-01', SAMPLE]);
      expect(esm.cache).toBe('none');
      expect(esm.stdout).toBe(cached.stdout);
      expect(esm.stderr).toBe(cached.stderr);
    } finally {
      writeFileSync(stampPath, stamp);
    }
    expect(runBundle(['--version']).cache).toBe('accepted');
  });

  it('is ASCII, and its regular expressions still read Vietnamese layer names', () => {
    // ASCII for a fast read (scripts/build-cli.mjs, asciiOnly): the accented letters of a layer
    // name pattern are \u escapes in the script. A DXF whose boundary layer is named “Ranh giới”
    // must still give a boundary, and the same layer as “Ranh gixi” not.
    expect(/[\u0080-\uffff]/.test(readFileSync(path.join(dir, 'ecopark.cjs'), 'latin1'))).toBe(false);
    const dxf = readFileSync(path.join(root, 'tests', 'fixtures', 'exchange', 'plots-vn2000-105-30.dxf'), 'utf8');
    const kindsOf = (layer: string) => {
      const input = path.join(dir, `${layer}.dxf`);
      const output = path.join(dir, `${layer}.geojson`);
      writeFileSync(input, dxf.replace('RANH_GIOI', layer));
      const r = runBundle(['convert', input, output, '--crs', 'VN2000:105.5']);
      expect(r.cache).toBe('accepted');
      expect(r.status, r.stderr).toBe(0);
      const collection = JSON.parse(readFileSync(output, 'utf8')) as { features: { properties: { kind: string } }[] };
      return collection.features.map((f) => f.properties.kind);
    };
    expect(kindsOf('Ranh giới')[0]).toBe('boundary');
    expect(kindsOf('Ranh gixi')[0]).toBe('landuse');
  });

  it('a failure is one line and its exit code, as from the ES modules', () => {
    const r = runBundle(['info', 'no-such-park.gpkg']);
    expect(r.cache).toBe('accepted');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('ecopark: cannot open no-such-park.gpkg: no such file\n');
  });

  it('is not offered when cut short, or made by another Node: the ES modules run', () => {
    const cache = path.join(dir, 'ecopark.cjs.cache');
    const stampPath = `${cache}.json`;
    const bytes = readFileSync(cache);
    const stamp = readFileSync(stampPath, 'utf8');
    try {
      truncateSync(cache, 1000);
      const short = runBundle(['--version']);
      expect(short.cache).toBe('none');
      expect(short.status).toBe(0);
      writeFileSync(cache, bytes);
      writeFileSync(stampPath, stamp.replace(process.version, 'v0.0.0'));
      expect(runBundle(['--version']).cache).toBe('none');
      rmSync(stampPath);
      expect(runBundle(['--version']).cache).toBe('none');
    } finally {
      writeFileSync(cache, bytes);
      writeFileSync(stampPath, stamp);
    }
    expect(runBundle(['--version']).cache).toBe('accepted');
  });

  it('is refused by V8 under other V8 flags, and the command still runs', () => {
    // V8 checks its flags: the cache was made with the command's own (setCommandFlags).
    const r = spawnSync(process.execPath, ['--no-opt', path.join(dir, 'runner.mjs'), '--version'], { encoding: 'utf8', env: { ...process.env, ECOPARK_CODE_CACHE_REPORT: '1' } });
    expect(r.stderr).toBe('ecopark: code cache rejected\n');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
