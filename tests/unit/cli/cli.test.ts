import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { readProject } from '../../../shared/project-file';
import { FORMAT_VERSION, type ParkDocument } from '../../../shared/model';
import { CONTEXT, memoryIo, readSampleDocument, sampleProblemBlock } from './helpers';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const sampleBytes = new Uint8Array(readFileSync(SAMPLE));

// Expected counts read from the hand-written description, not from the generator's output.
const description = JSON.parse(readFileSync('data/samples/bac-ninh-demo.description.json', 'utf8')) as {
  parcels: { landUse?: string; buildings?: string[] }[];
  roads: unknown[];
  points: unknown[];
};
const expectedBuildings = description.parcels.reduce((n, p) => n + (p.buildings?.length ?? 0), 0);
const expectedIndustrial = description.parcels.filter((p) => !p.landUse).length;
// Land-use polygons: every parcel, one traffic area per road, and the isolation strip.
const expectedLandUse = description.parcels.length + description.roads.length + 1;
const categories = (JSON.parse(readFileSync('data/land-use-categories.json', 'utf8')) as { categories: { code: string; en: string; vi: string }[] }).categories;

/** Every failure: non-zero code, exactly one stderr line starting "ecopark: ", no stack trace. */
function expectOneLineFailure(code: number, err: string[], pattern: RegExp): void {
  expect(code).not.toBe(0);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^ecopark: /);
  expect(err[0]).toMatch(pattern);
  expect(err[0]).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
}

describe('ecopark info', () => {
  it('prints the sample project summary', async () => {
    const { io, out, err } = memoryIo({ [SAMPLE]: sampleBytes });
    expect(await run(['info', SAMPLE], io, CONTEXT)).toBe(0);
    // The sample's two geometry problems: a warning block on stderr, the summary unchanged on stdout.
    expect(err).toEqual(sampleProblemBlock(await readSampleDocument(), 'en'));
    const total = 1 + expectedLandUse + expectedBuildings + description.roads.length + description.points.length;
    // Land-use names straight from the data file; the stored timestamps are 2026-01-15T08:00:00.000Z.
    const name = (code: string) => categories.find((c) => c.code === code)!.en;
    expect(out).toEqual([
      'Project:        Khu công nghiệp sinh thái Yên Phong Demo',
      'Province:       Bắc Ninh (former province: Bắc Ninh)',
      'Location:       21.10000° N, 106.00000° E',
      'Created:        15 Jan 2026, 08:00 UTC',
      'Modified:       15 Jan 2026, 08:00 UTC',
      `Format version: ${FORMAT_VERSION}`, // the sample file is format 1, upgraded on opening
      'Scenarios:      1 (* = active)',
      `* Phương án A: ${total} features`,
      `    by kind: boundary 1, land-use areas ${expectedLandUse}, buildings ${expectedBuildings}, roads 6, facilities 9`,
      `    by land use: ${name('industrial')} ${expectedIndustrial}; ${name('technical')} 4; ${name('admin_services')} 2; ${name('traffic')} 7; ${name('green')} 5; ${name('water')} 1`,
    ]);
  });

  it('marks the active scenario among several', async () => {
    const SQL = await initSqlJs();
    const read = readProject(SQL, sampleBytes);
    if (!read.ok) throw new Error(read.detail);
    const doc = read.document;
    const b = { ...doc.scenarios[0], id: 'scenario-b', name: 'Phương án B', features: doc.scenarios[0].features.slice(0, 3) };
    const two: ParkDocument = { ...doc, scenarios: [doc.scenarios[0], b], activeScenarioId: 'scenario-b' };
    const { writeProject } = await import('../../../shared/project-file');
    const { io, out } = memoryIo({ 'two.gpkg': writeProject(SQL, two) });
    expect(await run(['info', 'two.gpkg'], io, CONTEXT)).toBe(0);
    expect(out).toContain('  Phương án A: ' + doc.scenarios[0].features.length + ' features');
    expect(out).toContain('* Phương án B: 3 features');
  });

  it('fails in one line on a missing file', async () => {
    const { io, err } = memoryIo();
    expectOneLineFailure(await run(['info', 'park.gpkg'], io, CONTEXT), err, /^ecopark: cannot open park\.gpkg: no such file$/);
  });

  it('fails in one line on random bytes', async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    const { io, err } = memoryIo({ 'noise.gpkg': bytes });
    expectOneLineFailure(await run(['info', 'noise.gpkg'], io, CONTEXT), err, /cannot open noise\.gpkg: not a SQLite database/);
  });

  it('fails in one line on an empty file', async () => {
    const { io, err } = memoryIo({ 'empty.gpkg': new Uint8Array(0) });
    expectOneLineFailure(await run(['info', 'empty.gpkg'], io, CONTEXT), err, /not a SQLite database \(the file is empty\)/);
  });

  it('refuses an unknown extension and wrong argument counts', async () => {
    for (const argv of [['info', 'park.shp'], ['info'], ['info', 'a.gpkg', 'b.gpkg']]) {
      const { io, err } = memoryIo();
      const code = await run(argv, io, CONTEXT);
      expect(code).toBe(2);
      expectOneLineFailure(code, err, /info/);
    }
  });
});

describe('ecopark convert', () => {
  let SQL: Awaited<ReturnType<typeof initSqlJs>>;
  beforeAll(async () => {
    SQL = await initSqlJs();
  });

  it('round-trips the sample gpkg → GeoJSON → gpkg to the same document', async () => {
    const { io, out, err, store } = memoryIo({ 'in.gpkg': sampleBytes });
    expect(await run(['convert', 'in.gpkg', 'out.geojson'], io, CONTEXT)).toBe(0);
    expect(await run(['convert', 'out.geojson', 'back.gpkg'], io, CONTEXT)).toBe(0);
    // Each conversion says the sample's two geometry problems (kept as they are) and nothing else.
    const block = sampleProblemBlock(await readSampleDocument(), 'en');
    expect(err).toEqual([...block, ...block]);
    expect(out).toHaveLength(2);
    const fc = JSON.parse(new TextDecoder().decode(store.get('out.geojson'))) as { type: string; features: unknown[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(178);
    const original = readProject(SQL, sampleBytes);
    const back = readProject(SQL, store.get('back.gpkg') as Uint8Array);
    expect(original.ok && back.ok).toBe(true);
    if (original.ok && back.ok) expect(back.document).toEqual(original.document);
  });

  it('accepts .json as GeoJSON', async () => {
    const { io, store } = memoryIo({ 'in.gpkg': sampleBytes });
    expect(await run(['convert', 'in.gpkg', 'out.json'], io, CONTEXT)).toBe(0);
    expect(JSON.parse(new TextDecoder().decode(store.get('out.json'))).type).toBe('FeatureCollection');
  });

  it('refuses to overwrite its input and leaves it unchanged', async () => {
    const { io, err, store } = memoryIo({ 'in.gpkg': sampleBytes });
    expectOneLineFailure(await run(['convert', 'in.gpkg', './in.gpkg'], io, CONTEXT), err, /cannot write \.\/in\.gpkg: it is the input file in\.gpkg/);
    expect(store.get('in.gpkg')).toBe(sampleBytes);
    expect(store.size).toBe(1);
  });

  it('fails in one line on bad input', async () => {
    const cases: [string[], Record<string, Uint8Array>, RegExp][] = [
      [['convert', 'a.gpkg', 'b.geojson'], {}, /cannot open a\.gpkg: no such file/],
      [['convert', 'a.gpkg', 'b.dwg'], {}, /unknown file type of b\.dwg/],
      [['convert', 'a.txt', 'b.gpkg'], {}, /unknown file type of a\.txt/],
      [['convert', 'a.gpkg'], {}, /convert takes two files/],
      [['convert', 'a.json', 'b.gpkg'], { 'a.json': new TextEncoder().encode('{"type":') }, /cannot open a\.json: not valid JSON/],
      [['convert', 'a.json', 'b.gpkg'], { 'a.json': new TextEncoder().encode('{"type":"Point","coordinates":[1,2]}') }, /cannot import a\.json/],
      [['convert', 'a.gpkg', 'b.json'], { 'a.gpkg': new TextEncoder().encode('hello') }, /not a SQLite database/],
      [['convert', 'a.gpkg', '/missing-folder/b.json'], { 'a.gpkg': sampleBytes }, /cannot write .*: its folder does not exist/],
    ];
    for (const [argv, files, pattern] of cases) {
      const { io, err } = memoryIo(files);
      expectOneLineFailure(await run(argv, io, CONTEXT), err, pattern);
    }
  });
});

describe('foreign GeoPackages (made by ogr2ogr)', () => {
  function foreignGpkg(): Uint8Array {
    const dir = mkdtempSync(join(tmpdir(), 'ecopark-cli-'));
    const src = join(dir, 'plots.geojson');
    writeFileSync(src, JSON.stringify({
      type: 'FeatureCollection',
      features: [{
        type: 'Feature', properties: { name: 'Lô A' },
        geometry: { type: 'Polygon', coordinates: [[[106, 21.1], [106.002, 21.1], [106.002, 21.102], [106, 21.102], [106, 21.1]]] },
      }],
    }));
    const dst = join(dir, 'plots.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', dst, src, '-nln', 'plots']);
    return new Uint8Array(readFileSync(dst));
  }

  it('info says it is not a project and suggests convert', async () => {
    const { io, err } = memoryIo({ 'plots.gpkg': foreignGpkg() });
    expectOneLineFailure(await run(['info', 'plots.gpkg'], io, CONTEXT), err, /not an EcoPark Planner project.*ecopark convert plots\.gpkg/);
  });

  it('convert imports it as a new project', async () => {
    const { io, store } = memoryIo({ 'plots.gpkg': foreignGpkg() });
    expect(await run(['convert', 'plots.gpkg', 'plots-project.gpkg'], io, CONTEXT)).toBe(0);
    const read = readProject(await initSqlJs(), store.get('plots-project.gpkg') as Uint8Array);
    expect(read.ok && read.document.scenarios[0].features.length).toBe(1);
  });
});

describe('ecopark --help, --version, bad commands', () => {
  it('prints help and version', async () => {
    const help = memoryIo();
    expect(await run(['--help'], help.io, CONTEXT)).toBe(0);
    expect(help.out.join('\n')).toMatch(/ecopark info FILE\.gpkg[\s\S]*ecopark convert IN OUT/);
    const version = memoryIo();
    expect(await run(['--version'], version.io, CONTEXT)).toBe(0);
    expect(version.out).toEqual(['9.9.9-test']);
  });

  it('fails in one line with no command or an unknown one', async () => {
    for (const argv of [[], ['frobnicate']]) {
      const { io, err } = memoryIo();
      expectOneLineFailure(await run(argv, io, CONTEXT), err, /ecopark --help/);
    }
  });
});

describe('bin/ecopark.mjs (spawned)', () => {
  // English whatever the machine's locale (the language follows ECOPARK_LANG / LC_* / LANG).
  const env = { ...process.env, ECOPARK_LANG: 'en' };

  it('runs info on the sample for real', () => {
    const r = spawnSync(process.execPath, ['bin/ecopark.mjs', 'info', SAMPLE], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Project:        Khu công nghiệp sinh thái Yên Phong Demo');
    expect(r.stdout).toContain('* Phương án A');
  });

  it('exits non-zero with one stderr line on a missing file', () => {
    const r = spawnSync(process.execPath, ['bin/ecopark.mjs', 'info', 'no-such-park.gpkg'], { encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('ecopark: cannot open no-such-park.gpkg: no such file\n');
    expect(r.stdout).toBe('');
  });

  it('stops quietly when the reader of its output goes away (`| head`)', async () => {
    // The reading end is closed before the command writes: its first write fails with EPIPE,
    // which Node used to throw as an unhandled 'error' event (exit 1 and a stack trace).
    const child = spawn(process.execPath, ['bin/ecopark.mjs', 'analyze', SAMPLE, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    // The warnings on stderr, still open, are all there.
    expect(stderr).toContain('geometry problems');
  });

  it('writes all of its output to a reader slower than itself before it exits', () => {
    // The command exits as soon as its output is written (cli/main.ts). On POSIX a pipe is written
    // asynchronously: six results of about 24 kB are more than a pipe holds (64 kB on Linux), and
    // a reader that starts after three seconds finds the command done with most of them queued.
    // Exiting without waiting for them gave this reader about 64 kB of the 145 kB.
    const dir = mkdtempSync(join(tmpdir(), 'ecopark-slow-reader-'));
    const files = Array.from({ length: 6 }, (_, i) => join(dir, `park-${i}.gpkg`));
    for (const file of files) writeFileSync(file, sampleBytes);
    const command = [process.execPath, 'bin/ecopark.mjs', 'batch', 'analyze', ...files, '--json', '--jobs', '1'].map((word) => `'${word}'`).join(' ');
    const r = spawnSync('sh', ['-c', `${command} 2>/dev/null | (sleep 3; cat)`], { encoding: 'utf8', env, maxBuffer: 1 << 24 });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(6 * 20_000);
    const lines = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; ok: boolean });
    expect(lines.map((line) => [line.file, line.ok])).toEqual(files.map((file) => [file, true]));
  }, 60_000);

  it('prints the package version', () => {
    const r = spawnSync(process.execPath, ['bin/ecopark.mjs', '--version'], { encoding: 'utf8' });
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
