import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { readProject, writeProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo, readSampleDocument, sampleProblemBlock } from './helpers';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const PARK_NAME = 'Khu công nghiệp sinh thái Yên Phong Demo';
const files = { [SAMPLE]: new Uint8Array(readFileSync(SAMPLE)) };

function failure(code: number, err: string[], pattern: RegExp) {
  expect(code).toBe(2);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^ecopark: /);
  expect(err[0]).toMatch(pattern);
}

describe('ecopark report', () => {
  it('writes the PDF, XLSX and CSV of the sample in-process', async () => {
    const { io, out, err, store } = memoryIo(files);
    expect(await run(['report', SAMPLE, '-o', '/out/r.pdf', '--lang', 'vi'], io, CONTEXT)).toBe(0);
    expect(await run(['report', SAMPLE, '-o', '/out/r.xlsx'], io, CONTEXT)).toBe(0);
    expect(await run(['report', SAMPLE, '-o', '/out/r.csv', '--scenario', 'Phương án A'], io, CONTEXT)).toBe(0);
    // Each run says the sample's two geometry problems in its language (the first --lang vi), and nothing else.
    const sample = await readSampleDocument();
    expect(err).toEqual([...sampleProblemBlock(sample, 'vi'), ...sampleProblemBlock(sample, 'en'), ...sampleProblemBlock(sample, 'en')]);
    expect(out).toHaveLength(3);
    // --lang vi also speaks Vietnamese on stdout: the byte count grouped with "." .
    expect(out[0]).toMatch(/^Đã ghi \/out\/r\.pdf \(\d{1,3}(\.\d{3})* byte\)$/);
    expect(out[1]).toMatch(/^Wrote \/out\/r\.xlsx \(\d{1,3}(,\d{3})* bytes\)$/);
    expect(new TextDecoder().decode(store.get('/out/r.pdf')!.subarray(0, 5))).toBe('%PDF-');
    expect([...store.get('/out/r.xlsx')!.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const csv = new TextDecoder().decode(store.get('/out/r.csv')!);
    expect(csv).toContain(PARK_NAME);
    expect(csv).toContain('9.9.9-test');
  }, 60_000);

  it('refuses bad command lines with one line and exit code 2', async () => {
    for (const [args, pattern] of [
      [['report', SAMPLE], /needs an output file/],
      [['report', SAMPLE, '-o', 'x.docx'], /\.pdf, \.xlsx or \.csv/],
      [['report', SAMPLE, '-o', 'x.pdf', '--lang', 'fr'], /--lang must be vi or en/],
      [['report', SAMPLE, '-o', 'x.pdf', '--scenario', 'Z'], /no scenario "Z"/],
      [['report', SAMPLE, '-o', 'x.pdf', '--compare', 'Phương án A'], /2 to 4 scenarios/],
      // Refused after the project is read: still one line, no geometry-problem report before it.
      [['report', SAMPLE, '-o', 'x.pdf', '--compare', 'Phương án A,Z'], /no scenario "Z"/],
      [['report', 'park.geojson', '-o', 'x.pdf'], /reads project files/],
      [['report', SAMPLE, '-o', 'x.pdf', '--bogus'], /unknown option --bogus/],
    ] as const) {
      const { io, err } = memoryIo(files);
      failure(await run([...args], io, CONTEXT), err, pattern);
    }
  });

  it('adds the comparison of --compare scenarios (by name) to the export', async () => {
    const SQL = await initSqlJs();
    const read = readProject(SQL, files[SAMPLE], { fileName: 'sample.gpkg' });
    if (!read.ok) throw new Error(read.reason);
    const a = read.document.scenarios[0];
    const b = { id: 'scn-b', name: 'B', features: a.features.filter((f) => f.kind !== 'building') };
    const two = writeProject(SQL, { ...read.document, scenarios: [a, b] });
    const { io, err, store } = memoryIo({ 'two.gpkg': two });
    expect(await run(['report', 'two.gpkg', '-o', 'c.csv', '--compare', 'Phương án A,B', '--scenario', 'B'], io, CONTEXT)).toBe(0);
    // Only the report's own scenario B is checked on stderr (it has the sample's two problems).
    expect(err).toEqual(sampleProblemBlock({ ...read.document, scenarios: [a, b] }, 'en', 'B'));
    const csv = new TextDecoder().decode(store.get('c.csv')!);
    expect(csv).toContain('# compare-kpi: Scenario comparison');
    expect(csv).toContain('# compare-rules: Rule status by scenario');
    // The report's own scenario is B: its solar table is empty but for the total row.
    const roofs = csv.split('\r\n\r\n').find((s) => s.startsWith('# solar-roofs'))!;
    expect(roofs.split('\r\n')).toHaveLength(3);
    const kwp = csv.split('\r\n').find((l) => l.startsWith('Rooftop PV installed,kWp,'))!.split(',');
    expect(Number(kwp[2])).toBeGreaterThan(1000);
    expect(Number(kwp[3])).toBe(0);
    expect(Number(kwp[4])).toBe(-Number(kwp[2]));
  }, 60_000);

  it('says when the project file cannot be read', async () => {
    const { io, err } = memoryIo(files);
    expect(await run(['report', 'missing.gpkg', '-o', 'x.pdf'], io, CONTEXT)).toBe(1);
    expect(err).toEqual(['ecopark: cannot open missing.gpkg: no such file']);
  });

  it('runs as a spawned process without a display or network and writes a readable PDF', async () => {
    const sample = await readSampleDocument();
    const dir = mkdtempSync(join(tmpdir(), 'ecopark-cli-report-'));
    const outPath = join(dir, 'x.pdf');
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
    // English output whatever the machine's locale.
    delete env.ECOPARK_LANG;
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const r = spawnSync(process.execPath, ['bin/ecopark.mjs', 'report', SAMPLE, '-o', outPath], { encoding: 'utf8', env, timeout: 120_000 });
    expect(r.stderr).toBe(`${sampleProblemBlock(sample, 'en').join('\n')}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*x\.pdf \(\d{1,3}(,\d{3})* bytes\)\n$/);
    expect(statSync(outPath).size).toBeGreaterThan(10_000);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', outPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(PARK_NAME);
    expect(text).toContain('qcvn.park.green-min');
  }, 120_000);
});
