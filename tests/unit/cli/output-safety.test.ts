import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { nodeIo, type CliIo } from '../../../cli/io';
import { readProject } from '../../../shared/project-file';
import { loadSqlJs } from '../../helpers/sqljs';
import { sha256 } from '../electron/fixtures/save-versions';
import { useTempDir } from '../electron/helpers';
import { CONTEXT } from './helpers';

/**
 * Issue 11, finding 6: the CLI never destroys a file it was not asked to replace. Every case runs
 * the real command in-process with the real node I/O (atomic writer, device+inode identity) in
 * a temporary folder; only stdout/stderr are captured.
 */

const tempDir = useTempDir();
const SAMPLE_BYTES = new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg'));
const POSIX = process.platform !== 'win32';

/** A 2-feature GeoJSON, as in the report: small input, big project as output. */
const TWO_FEATURES = JSON.stringify({
  type: 'FeatureCollection',
  features: [0, 1].map((i) => ({
    type: 'Feature',
    properties: { name: `Plot ${i}` },
    geometry: { type: 'Polygon', coordinates: [[[106 + i * 0.01, 21.1], [106.005 + i * 0.01, 21.1], [106.005 + i * 0.01, 21.105], [106 + i * 0.01, 21.1]]] },
  })),
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, stdout: (line) => out.push(line), stderr: (line) => err.push(line) };
  const code = await run(argv, io, CONTEXT);
  return { code, out, err };
}

/** A folder holding the sample project (178 features) as park.gpkg and small.geojson. */
async function setUp() {
  const dir = tempDir();
  const park = path.join(dir, 'park.gpkg');
  const small = path.join(dir, 'small.geojson');
  await fs.writeFile(park, SAMPLE_BYTES);
  await fs.writeFile(small, TWO_FEATURES);
  return { dir, park, small, parkSha: sha256(SAMPLE_BYTES) };
}

const shaOf = async (file: string) => sha256(await fs.readFile(file));

async function featureCount(file: string): Promise<number> {
  const read = readProject(await loadSqlJs(), new Uint8Array(await fs.readFile(file)));
  if (!read.ok) throw new Error(`${file} is not a project: ${read.detail}`);
  return read.document.scenarios.reduce((n, s) => n + s.features.length, 0);
}

describe('an existing output is never replaced unasked', () => {
  it('convert onto an existing project: refused with a clear message, exit 1, nothing written', async () => {
    const { dir, park, small, parkSha } = await setUp();
    const r = await cli(['convert', small, park]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`ecopark: ${park} already exists and was left unchanged; add --force to replace it (the previous version is then kept as ${park}.bak)`]);
    expect(await shaOf(park)).toBe(parkSha);
    expect((await fs.readdir(dir)).sort()).toEqual(['park.gpkg', 'small.geojson']);
  }, 60_000);

  it('the refusal is in Vietnamese with --lang vi', async () => {
    const { park, small } = await setUp();
    const r = await cli(['convert', small, park, '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('đã tồn tại và được giữ nguyên; thêm --force để thay thế');
  }, 60_000);

  it('--force replaces the project and keeps the previous version as <out>.bak', async () => {
    const { dir, park, small, parkSha } = await setUp();
    expect(await featureCount(park)).toBe(178);
    const r = await cli(['convert', small, park, '--force']);
    expect(r.code).toBe(0);
    expect(await featureCount(park)).toBe(2);
    expect(await shaOf(`${park}.bak`)).toBe(parkSha);
    expect((await fs.readdir(dir)).sort()).toEqual(['park.gpkg', 'park.gpkg.bak', 'small.geojson']);
  }, 60_000);

  it('report refuses an existing output too, and --force replaces it (no .bak for a report)', async () => {
    const { dir, park } = await setUp();
    const csv = path.join(dir, 'report.csv');
    await fs.writeFile(csv, 'an earlier report');
    const refused = await cli(['report', park, '-o', csv]);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([`ecopark: ${csv} already exists and was left unchanged; add --force to replace it`]);
    expect(await fs.readFile(csv, 'utf8')).toBe('an earlier report');
    const forced = await cli(['report', park, '-o', csv, '--force']);
    expect(forced.code).toBe(0);
    expect(await fs.readFile(csv, 'utf8')).not.toBe('an earlier report');
    expect((await fs.readdir(dir)).sort()).toEqual(['park.gpkg', 'report.csv', 'small.geojson']);
  }, 120_000);
});

describe('the output is never the input, by any name', () => {
  /** Each case names park.gpkg as the output another way; all are refused even with --force. */
  const cases: { name: string; posixOnly: boolean; make: (dir: string, park: string) => Promise<string> }[] = [
    { name: 'another spelling of the path', posixOnly: false, make: async (dir) => `${dir}${path.sep}.${path.sep}park.gpkg` },
    { name: 'a symlink to it', posixOnly: true, make: async (dir, park) => {
      const link = path.join(dir, 'link.gpkg');
      await fs.symlink(park, link);
      return link;
    } },
    { name: 'a hard link to it', posixOnly: false, make: async (dir, park) => {
      const hard = path.join(dir, 'hard.gpkg');
      await fs.link(park, hard);
      return hard;
    } },
  ];
  for (const c of cases) {
    it.runIf(POSIX || !c.posixOnly)(`convert refuses ${c.name}, even with --force, and leaves the input whole`, async () => {
      const { dir, park, parkSha } = await setUp();
      const output = await c.make(dir, park);
      const before = (await fs.readdir(dir)).sort();
      const r = await cli(['convert', park, output, '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([`ecopark: cannot write ${output}: it is the input file ${park} (the same file under another name or through a link); nothing was written, even with --force — choose another output file`]);
      expect(await shaOf(park)).toBe(parkSha);
      expect((await fs.readdir(dir)).sort()).toEqual(before);
    }, 60_000);
  }

  it.runIf(POSIX)('report refuses an output linked to its input project', async () => {
    const { dir, park, parkSha } = await setUp();
    const link = path.join(dir, 'report.csv');
    await fs.symlink(park, link);
    const r = await cli(['report', park, '-o', link, '--force']);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('it is the input file');
    expect(await shaOf(park)).toBe(parkSha);
  }, 60_000);
});

describe.runIf(POSIX)('writing keeps what the user had', () => {
  it('through a symlinked output: the target is updated and the link kept', async () => {
    const { dir, small } = await setUp();
    const real = path.join(dir, 'shared', 'plan.gpkg');
    await fs.mkdir(path.dirname(real));
    await fs.writeFile(real, SAMPLE_BYTES);
    const link = path.join(dir, 'plan.gpkg');
    await fs.symlink(real, link);
    expect((await cli(['convert', small, link, '--force'])).code).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await featureCount(real)).toBe(2);
    expect(await shaOf(`${real}.bak`)).toBe(sha256(SAMPLE_BYTES));
  }, 60_000);

  it('a 0600 output stays 0600, and so does its .bak', async () => {
    const { park, small, parkSha } = await setUp();
    await fs.chmod(park, 0o600);
    expect((await cli(['convert', small, park, '--force'])).code).toBe(0);
    expect(((await fs.stat(park)).mode & 0o777).toString(8)).toBe('600');
    expect(((await fs.stat(`${park}.bak`)).mode & 0o777).toString(8)).toBe('600');
    expect(await shaOf(`${park}.bak`)).toBe(parkSha);
  }, 60_000);
});
