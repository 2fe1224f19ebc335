import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE } from './helpers';

// The command's script bundle and its V8 code cache (scripts/cli-code-cache.mjs), built by the
// real build script into a folder of this test's own, then run the way bin/ecopark.mjs runs it.
const root = process.cwd();
let dir: string;

/** Runs `ecopark ARGS` from the bundle in `dir` as bin/ecopark.mjs does; `esm` tells which bundle ran. */
function runBundle(args: string[]): { status: number | null; stdout: string; stderr: string; esm: boolean } {
  const r = spawnSync(process.execPath, [path.join(dir, 'runner.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ECOPARK_LANG: 'en' }, maxBuffer: 1 << 26 });
  const esm = r.stderr.startsWith('[es modules]\n');
  return { status: r.status, stdout: r.stdout, stderr: esm ? r.stderr.slice('[es modules]\n'.length) : r.stderr, esm };
}

/** Whether V8 takes the cache, asked in a process with the command's flags (V8 checks them). */
function v8TakesCache(): boolean {
  const probe = `
    import { readFileSync } from 'node:fs';
    import { Module } from 'node:module';
    import vm from 'node:vm';
    import { setCommandFlags } from ${JSON.stringify(path.join(root, 'scripts', 'cli-code-cache.mjs'))};
    setCommandFlags();
    const file = ${JSON.stringify(path.join(dir, 'ecopark.cjs'))};
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(file + '.cache') });
    process.stdout.write(String(!script.cachedDataRejected));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }).stdout === 'true';
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
    expect(stamp).toMatchObject({ node: process.version, platform: process.platform, arch: process.arch, scriptSize: readFileSync(path.join(dir, 'ecopark.cjs')).length });
    expect(stamp.cacheSize).toBe(readFileSync(path.join(dir, 'ecopark.cjs.cache')).length);
    expect(stamp.cacheSize).toBeGreaterThan(100_000);
    expect(v8TakesCache()).toBe(true);
  });

  it('runs the command with the same output as the ES modules', () => {
    const cached = runBundle(['analyze', '--json', '--date', '2026-01-01', SAMPLE]);
    expect(cached.esm).toBe(false);
    expect(cached.status).toBe(0);
    const analysis = JSON.parse(cached.stdout) as { project: { name: string }; problems: unknown[] };
    expect(analysis.project.name).toBe('Khu công nghiệp sinh thái Yên Phong Demo');
    expect(analysis.problems).toHaveLength(2);
    // The same run from the ES modules: a stamp of another script (here: modified a second later)
    // keeps the cache from being offered.
    const stampPath = path.join(dir, 'ecopark.cjs.cache.json');
    const stamp = readFileSync(stampPath, 'utf8');
    try {
      const { scriptMtimeMs } = JSON.parse(stamp) as { scriptMtimeMs: number };
      writeFileSync(stampPath, stamp.replace(String(scriptMtimeMs), String(scriptMtimeMs - 1000)));
      const esm = runBundle(['analyze', '--json', '--date', '2026-01-01', SAMPLE]);
      expect(esm.esm).toBe(true);
      expect(esm.stdout).toBe(cached.stdout);
      expect(esm.stderr).toBe(cached.stderr);
    } finally {
      writeFileSync(stampPath, stamp);
    }
    expect(runBundle(['--version']).esm).toBe(false);
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
      expect(r.esm).toBe(false);
      expect(r.status, r.stderr).toBe(0);
      const collection = JSON.parse(readFileSync(output, 'utf8')) as { features: { properties: { kind: string } }[] };
      return collection.features.map((f) => f.properties.kind);
    };
    expect(kindsOf('Ranh giới')[0]).toBe('boundary');
    expect(kindsOf('Ranh gixi')[0]).toBe('landuse');
  });

  it('a failure is one line and its exit code, as from the ES modules', () => {
    const r = runBundle(['info', 'no-such-park.gpkg']);
    expect(r.esm).toBe(false);
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
      expect(short.esm).toBe(true);
      expect(short.status).toBe(0);
      writeFileSync(cache, bytes);
      writeFileSync(stampPath, stamp.replace(process.version, 'v0.0.0'));
      expect(runBundle(['--version']).esm).toBe(true);
      rmSync(stampPath);
      expect(runBundle(['--version']).esm).toBe(true);
    } finally {
      writeFileSync(cache, bytes);
      writeFileSync(stampPath, stamp);
    }
    expect(runBundle(['--version']).esm).toBe(false);
  });
});
