import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { nodeIo } from '../../../cli/io';
import { CONTEXT, memoryIo } from './helpers';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const sampleBytes = new Uint8Array(readFileSync(SAMPLE));
// Known answer (tests/unit/cli/analyze.test.ts): python3-geographiclib over the sample's rings.
const PARK_M2 = 3347024.927408996;

async function cli(argv: string[], files: Record<string, Uint8Array>) {
  const { io, out, err } = memoryIo(files);
  const code = await run(argv, io, CONTEXT);
  return { code, out, err };
}

/** A minimal RFC 4180 reader for the rows written here (quoted fields, doubled quotes). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

describe('ecopark batch analyze (in this thread, --jobs 1)', () => {
  const files = { 'a.gpkg': sampleBytes, 'b.gpkg': sampleBytes, 'notes.txt': new TextEncoder().encode('not a park') };

  it('prints one JSON line per file in the order given, each the analyze --json of that file', async () => {
    const single = await cli(['analyze', 'b.gpkg', '--json', '--date', '2026-01-15'], files);
    const r = await cli(['batch', 'analyze', 'b.gpkg', 'missing.gpkg', 'a.gpkg', '--jobs', '1', '--date', '2026-01-15'], files);
    expect(r.out).toHaveLength(3);
    const lines = r.out.map((l) => JSON.parse(l) as { file: string; ok: boolean; analysis?: unknown; error?: string; exitCode?: number });
    expect(lines.map((l) => l.file)).toEqual(['b.gpkg', 'missing.gpkg', 'a.gpkg']);
    expect(lines.map((l) => l.ok)).toEqual([true, false, true]);
    expect(lines[0].analysis).toEqual(JSON.parse(single.out[0]));
    expect((lines[2].analysis as { parkAreaM2: number }).parkAreaM2).toBeCloseTo(PARK_M2, 2);
    // The failing file's own error line, as `ecopark analyze missing.gpkg` would print it; the others went on.
    expect(lines[1]).toEqual({ file: 'missing.gpkg', ok: false, exitCode: 1, error: 'cannot open missing.gpkg: no such file' });
    expect(r.code).toBe(1);
    // Warnings (the sample's two geometry problems) go to stderr, each under its file's name.
    expect(r.err.length).toBeGreaterThan(0);
    expect(r.err.every((l) => l.startsWith('b.gpkg: ') || l.startsWith('a.gpkg: '))).toBe(true);
    expect(r.err.filter((l) => l.startsWith('a.gpkg: '))).toEqual(single.err.map((l) => `a.gpkg: ${l}`));
  });

  it('--csv: the header once, then one row per file with the same number of fields', async () => {
    const r = await cli(['batch', 'analyze', '--csv', 'a.gpkg', 'notes.txt', 'b.gpkg', '--jobs', '1'], files);
    expect(r.out).toHaveLength(4);
    const [header, ...rows] = r.out.map(parseCsvLine);
    expect(header[0]).toBe('file');
    expect(r.out.filter((l) => l.startsWith('file,'))).toHaveLength(1);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((row) => column(row, 'file'))).toEqual(['a.gpkg', 'notes.txt', 'b.gpkg']);
    expect(rows.map((row) => column(row, 'ok'))).toEqual(['true', 'false', 'true']);
    expect(Number(column(rows[0], 'parkAreaM2'))).toBeCloseTo(PARK_M2, 2);
    expect(column(rows[0], 'project')).toBe('Khu công nghiệp sinh thái Yên Phong Demo');
    // The file's own error, as `ecopark analyze notes.txt` words it.
    const single = await cli(['analyze', 'notes.txt'], files);
    expect(`ecopark: ${column(rows[1], 'error')}`).toBe(single.err[0]);
    expect(column(rows[1], 'parkAreaM2')).toBe('');
    // The rule counts add up to the rules of the JSON (pass + fail + warn + n/a).
    const json = JSON.parse((await cli(['analyze', 'a.gpkg', '--json'], files)).out[0]) as { rules: { status: string }[]; problems: unknown[] };
    for (const status of ['pass', 'fail', 'warn']) expect(Number(column(rows[0], `rules${status[0].toUpperCase()}${status.slice(1)}`))).toBe(json.rules.filter((x) => x.status === status).length);
    expect(Number(column(rows[0], 'problems'))).toBe(json.problems.length);
  });

  it('exits 2 when every failure is a usage error, and refuses bad batch arguments', async () => {
    expect((await cli(['batch', 'analyze', 'notes.txt', '--jobs', '1'], files)).code).toBe(2);
    expect((await cli(['batch', 'analyze', 'a.gpkg', '--jobs', '1'], files)).code).toBe(0);
    for (const argv of [['batch'], ['batch', 'solar', 'a.gpkg'], ['batch', 'analyze'], ['batch', 'analyze', 'a.gpkg', '--jobs', '0'], ['batch', 'analyze', 'a.gpkg', '--json', '--csv'], ['batch', 'analyze', 'a.gpkg', '--force']]) {
      const r = await cli(argv, files);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
    }
  });
});

describe('ecopark batch analyze on worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecopark-batch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the input order when a later file finishes first, and goes on past a failing file', async () => {
    const sample = join(dir, 'sample.gpkg');
    const broken = join(dir, 'broken.gpkg');
    writeFileSync(sample, sampleBytes);
    writeFileSync(broken, 'not a project');
    const out: string[] = [];
    const err: string[] = [];
    const io = { ...nodeIo, stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) };
    // Two threads: the broken file (second) fails in milliseconds while the first is still read.
    const code = await run(['batch', 'analyze', sample, broken, join(dir, 'none.gpkg'), sample, '--jobs', '2', '--lang', 'en'], io, CONTEXT);
    const lines = out.map((l) => JSON.parse(l) as { file: string; ok: boolean; analysis?: { parkAreaM2: number } });
    expect(lines.map((l) => [l.file, l.ok]), out.map((l) => l.slice(0, 400)).join('\n')).toEqual([
      [sample, true],
      [broken, false],
      [join(dir, 'none.gpkg'), false],
      [sample, true],
    ]);
    expect(lines[0].analysis!.parkAreaM2).toBeCloseTo(PARK_M2, 2);
    expect(lines[3].analysis).toEqual(lines[0].analysis);
    expect(code).toBe(1);
  }, 120_000);
});
