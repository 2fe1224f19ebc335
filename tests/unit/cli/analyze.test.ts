import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { readProject, writeProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo, readSampleDocument, sampleProblemBlock } from './helpers';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const SAMPLE_JSON = 'data/samples/bac-ninh-demo.geojson';
const files = {
  [SAMPLE]: new Uint8Array(readFileSync(SAMPLE)),
  [SAMPLE_JSON]: new Uint8Array(readFileSync(SAMPLE_JSON)),
};

// Known answers for the sample: /usr/bin/python3 with python3-geographiclib over the sample's
// GeoJSON rings (Geodesic.WGS84.Polygon), frozen with repr(): the boundary, and the green and
// industrial land uses (all inside the boundary, none overlapping).
const PARK_M2 = 3347024.927408996;
const GREEN_M2 = 409398.12366893364;
const INDUSTRIAL_M2 = 2361993.9253348373;

function failure(code: number, err: string[], pattern: RegExp) {
  expect(code).not.toBe(0);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(/^ecopark: /);
  expect(err[0]).toMatch(pattern);
}

describe('ecopark analyze', () => {
  it('prints one JSON object for the sample project', async () => {
    const { io, out, err } = memoryIo(files);
    expect(await run(['analyze', SAMPLE, '--json', '--date', '2026-01-15'], io, CONTEXT)).toBe(0);
    // The sample's two geometry problems are a warning block on stderr; stdout is the JSON alone.
    expect(err).toEqual(sampleProblemBlock(await readSampleDocument(), 'en'));
    expect(out).toHaveLength(1);
    const r = JSON.parse(out[0]);
    expect(r.project.name).toBe('Khu công nghiệp sinh thái Yên Phong Demo');
    expect(r.scenario).toBe('Phương án A');
    expect(r.parkAreaM2).toBeCloseTo(PARK_M2, 2);
    expect(r.greenSpaceRatio).toBeCloseTo(GREEN_M2 / PARK_M2, 9);
    const industrial = r.landUse.find((l: { landUse: string }) => l.landUse === 'industrial');
    expect(industrial.areaM2).toBeCloseTo(INDUSTRIAL_M2, 2);
    expect(industrial.percent).toBeCloseTo((100 * INDUSTRIAL_M2) / PARK_M2, 7);
    expect(r.overlapAreaM2).toBe(0);
    expect(r.unassignedAreaM2).toBeLessThan(1);
    expect(r.plots).toHaveLength(45);
    expect(Object.keys(r.plots[0]).sort()).toEqual(['areaM2', 'buildingDensity', 'code', 'far', 'footprintM2', 'fromInvalidGeometry', 'greenRatio', 'id', 'maxFloors']);
    // The sample's two problems (a road, the isolation strip) touch no plot's figures.
    expect(r.plots.filter((p: { fromInvalidGeometry: boolean }) => p.fromInvalidGeometry)).toEqual([]);
    expect(r.problems.map((p: { reason: string }) => p.reason)).toEqual(['self_intersection', 'outside_boundary']);
    const statuses = Object.fromEntries(r.rules.map((x: { id: string; status: string }) => [x.id, x.status]));
    expect(statuses['qcvn.park.green-min']).toBe('pass');
    expect(statuses['qcvn.wwtp.safety-distance-boundary']).toBe('fail');
    for (const rule of r.rules) {
      expect(['pass', 'fail', 'warn', 'n/a']).toContain(rule.status);
      // One string where the document's name is the same in every language, else both languages.
      if (typeof rule.citation.document !== 'string') expect(rule.citation.document).toEqual({ en: expect.any(String), vi: expect.any(String) });
    }
  });

  it('reads a GeoJSON file in the interchange profile, with the same numbers', async () => {
    const a = memoryIo(files);
    const b = memoryIo(files);
    await run(['analyze', SAMPLE, '--json', '--date', '2026-01-15'], a.io, CONTEXT);
    expect(await run(['analyze', SAMPLE_JSON, '--json', '--date', '2026-01-15'], b.io, CONTEXT)).toBe(0);
    const [ra, rb] = [JSON.parse(a.out[0]), JSON.parse(b.out[0])];
    expect(rb.parkAreaM2).toBeCloseTo(ra.parkAreaM2, 3);
    expect(rb.greenSpaceRatio).toBeCloseTo(ra.greenSpaceRatio, 9);
    expect(rb.rules.map((x: { status: string }) => x.status)).toEqual(ra.rules.map((x: { status: string }) => x.status));
  });

  it('--rules keeps one rule set; --scenario picks by name', async () => {
    const { io, out } = memoryIo(files);
    expect(await run(['analyze', SAMPLE, '--json', '--rules', 'eip-decree-35-2022', '--scenario', 'Phương án A'], io, CONTEXT)).toBe(0);
    const r = JSON.parse(out[0]);
    expect(new Set(r.rules.map((x: { ruleSet: string }) => x.ruleSet))).toEqual(new Set(['eip-decree-35-2022']));
  });

  it('marks project overrides saved in the project file, in JSON and in the table', async () => {
    const SQL = await initSqlJs();
    const read = readProject(SQL, files[SAMPLE]);
    if (!read.ok) throw new Error(read.detail);
    const doc = { ...read.document, settings: { ...read.document.settings, rules: { overrides: { 'qcvn.park.green-min': { threshold: 0.15 } } } } };
    const bytes = writeProject(SQL, doc);
    const json = memoryIo({ 'o.gpkg': bytes });
    expect(await run(['analyze', 'o.gpkg', '--json', '--date', '2026-01-15'], json.io, CONTEXT)).toBe(0);
    const rule = JSON.parse(json.out[0]).rules.find((x: { id: string }) => x.id === 'qcvn.park.green-min');
    // 12.23 % green (see above) against the project's 15 %.
    expect(rule).toMatchObject({ status: 'fail', threshold: 0.15, overridden: true, originalThreshold: 0.1 });
    const table = memoryIo({ 'o.gpkg': bytes });
    await run(['analyze', 'o.gpkg', '--date', '2026-01-15'], table.io, CONTEXT);
    // Two lines a rule: verdict and title, then the numbers, the id and the source.
    const at = table.out.findIndex((l) => l.includes('qcvn.park.green-min'));
    expect(table.out[at - 1]).toBe('  FAIL  Park green land at least 10 % of park area');
    expect(table.out[at]).toMatch(/^ {8}12\.23 % ≥ 15\.00 % \(project override\) · qcvn\.park\.green-min · exact citation · Circular 35\/2015/);
  });

  it('prints a readable table without --json', async () => {
    const { io, out } = memoryIo(files);
    expect(await run(['analyze', SAMPLE, '--date', '2026-01-15'], io, CONTEXT)).toBe(0);
    // 3347024.93 m² → "3,347,025"; 334.70 ha (en: "," groups thousands, "." marks decimals).
    expect(out[2]).toBe('Park area: 3,347,025 m² (334.70 ha), geodesic on the WGS84 ellipsoid');
    // The green row: the category's English name from the data file, 409398.12 m², 12.23 %.
    expect(out.find((l) => l.startsWith('Green space '))).toMatch(/^Green space +409,398 +12\.23$/);
    expect(out.some((l) => /^ {8}15\.00 m ≥ 30\.00 m · qcvn\.wwtp\.safety-distance-boundary/.test(l))).toBe(true);
  });

  it.each([
    [['analyze'], /needs a file/],
    [['analyze', 'missing.gpkg'], /cannot open missing\.gpkg: no such file/],
    [['analyze', 'park.txt'], /unknown file type/],
    [['analyze', SAMPLE, '--rules', 'nope'], /unknown rule set nope/],
    [['analyze', SAMPLE, '--scenario', 'Z'], /no scenario "Z"/],
    [['analyze', SAMPLE, '--date', 'tomorrow'], /--date must be/],
    [['analyze', SAMPLE, '--bogus'], /unknown option --bogus/],
    [['analyze', SAMPLE, SAMPLE], /one file/],
  ])('refuses %j with one clear line', async (argv, pattern) => {
    const { io, err } = memoryIo({ ...files, 'park.txt': new Uint8Array([1]) });
    failure(await run(argv, io, CONTEXT), err, pattern);
  });

  it('refuses a broken JSON and a non-profile GeoJSON', async () => {
    const bad = memoryIo({ 'a.geojson': new TextEncoder().encode('{oops') });
    failure(await run(['analyze', 'a.geojson'], bad.io, CONTEXT), bad.err, /not valid JSON/);
    const foreign = memoryIo({ 'b.geojson': new TextEncoder().encode('{"type":"Point","coordinates":[0,0]}') });
    failure(await run(['analyze', 'b.geojson'], foreign.io, CONTEXT), foreign.err, /cannot import b\.geojson/);
  });
});
