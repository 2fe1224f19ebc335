import { readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import type { ParkDocument } from '../../../shared/model';
import { validateLayout } from '../../../shared/geometry/validate';
import { readProject, writeProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo } from './helpers';

/**
 * Issue 11, findings 8, 10 and 11 as the CLI meets them: a bow-tie plot is reported (stderr in
 * the user's language, `problems` in --json, its figures marked), oversized project files are
 * refused naming the limit, and a project file without the GeoPackage identity is refused.
 * Hostile files are made here from the sample with the project writer and sql.js edits.
 */

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
let SQL: SqlJsStatic;
let sample: ParkDocument;

beforeAll(async () => {
  SQL = await initSqlJs();
  const r = readProject(SQL, new Uint8Array(readFileSync(SAMPLE)));
  if (!r.ok) throw new Error(r.detail);
  sample = r.document;
});

/** The sample with its first industrial plot that holds buildings turned into a bow-tie. */
function bowTieDocument(): { doc: ParkDocument; plotId: string } {
  const doc = structuredClone(sample);
  const features = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features;
  const plot = features.find((f) => f.kind === 'landuse' && f.landUse === 'industrial' && f.code === 'CN-01') ?? features.find((f) => f.kind === 'landuse' && f.landUse === 'industrial')!;
  if (plot.geometry.type !== 'Polygon') throw new Error('sample plot is not a Polygon');
  const ring = plot.geometry.coordinates[0];
  // Swapping the 2nd and 3rd corners of a convex outline makes two of its edges cross: a bow-tie.
  [ring[1], ring[2]] = [ring[2], ring[1]];
  return { doc, plotId: plot.id };
}

function gpkg(doc: ParkDocument, edit?: (db: import('sql.js').Database) => void): Uint8Array {
  const bytes = writeProject(SQL, doc);
  if (!edit) return bytes;
  const db = new SQL.Database(bytes);
  edit(db);
  const out = db.export();
  db.close();
  return out;
}

describe('geometry problems outside the renderer (finding 8)', () => {
  it('analyze --json lists the bow-tie in problems[] and marks the plot figures', async () => {
    const { doc, plotId } = bowTieDocument();
    const { io, out, err } = memoryIo({ 'bow.gpkg': gpkg(doc) });
    expect(await run(['analyze', 'bow.gpkg', '--json', '--date', '2026-01-15'], io, CONTEXT)).toBe(0);
    const json = JSON.parse(out.join('\n'));
    const problem = json.problems.find((p: { featureId: string }) => p.featureId === plotId);
    expect(problem).toMatchObject({ featureId: plotId, reason: 'self_intersection' });
    expect(problem.message).toMatch(/crosses itself/);
    expect(json.plots.find((p: { id: string }) => p.id === plotId).fromInvalidGeometry).toBe(true);
    // The untouched plots are not marked, and every field the command had is still there.
    expect(json.plots.filter((p: { fromInvalidGeometry: boolean }) => p.fromInvalidGeometry)).toHaveLength(1);
    for (const key of ['parkAreaM2', 'landUse', 'plots', 'rules', 'green']) expect(json).toHaveProperty(key);
    expect(err.join('\n')).toMatch(/geometry problems/);
  });

  it('analyze, info, report and convert say it on stderr in the user language', async () => {
    const { doc } = bowTieDocument();
    const bytes = gpkg(doc);
    for (const argv of [['analyze', 'bow.gpkg'], ['info', 'bow.gpkg'], ['report', 'bow.gpkg', '-o', 'r.csv'], ['convert', 'bow.gpkg', 'out.geojson']]) {
      const vi = memoryIo({ 'bow.gpkg': bytes });
      expect(await run(['--lang', 'vi', ...argv], vi.io, CONTEXT), argv.join(' ')).toBe(0);
      expect(vi.err.join('\n'), argv.join(' ')).toMatch(/lỗi hình học[\s\S]*tự cắt nhau gần 21,\d+° B, 10\d,\d+° Đ/);
      const en = memoryIo({ 'bow.gpkg': bytes });
      expect(await run(['--lang', 'en', ...argv], en.io, CONTEXT), argv.join(' ')).toBe(0);
      expect(en.err.join('\n'), argv.join(' ')).toMatch(/the outline crosses itself near 21\.\d+° N/);
    }
  }, 300_000);

  it('analyze marks the figures in the readable output', async () => {
    const { doc } = bowTieDocument();
    const { io, out } = memoryIo({ 'bow.gpkg': gpkg(doc) });
    expect(await run(['analyze', 'bow.gpkg', '--lang', 'en'], io, CONTEXT)).toBe(0);
    expect(out.join('\n')).toMatch(/\* figures of 1 plots come from invalid geometry/);
  });

  it('lists for the sample exactly what the map lists, and marks none of its plots', async () => {
    const { io, out } = memoryIo({ 's.gpkg': new Uint8Array(readFileSync(SAMPLE)) });
    expect(await run(['analyze', 's.gpkg', '--json'], io, CONTEXT)).toBe(0);
    const json = JSON.parse(out.join('\n'));
    // The reference is the renderer's own call (renderer/src/drawing/feature-issues.ts).
    const map = validateLayout(sample.scenarios.find((s) => s.id === sample.activeScenarioId)!.features);
    expect(json.problems.map((p: { featureId: string; reason: string }) => [p.featureId, p.reason])).toEqual(map.map((i) => [i.featureId, i.reason]));
    expect(json.plots.some((p: { fromInvalidGeometry: boolean }) => p.fromInvalidGeometry)).toBe(false);
    expect(json.parkAreaFromInvalidGeometry).toBe(false);
  });
});

describe('project file sizes (finding 10)', () => {
  it('refuses a polygon of 1,000,001 vertices quickly, naming the limit and the option', async () => {
    const doc = structuredClone(sample);
    const plot = doc.scenarios[0].features.find((f) => f.kind === 'landuse')!;
    // A closed ring of n vertices on a small circle around the plot's first corner.
    const [lon0, lat0] = (plot.geometry as { coordinates: number[][][] }).coordinates[0][0];
    const n = 1_000_001;
    const ring: number[][] = Array.from({ length: n - 1 }, (_, i) => [lon0 + 0.001 * Math.cos((2 * Math.PI * i) / (n - 1)), lat0 + 0.001 * Math.sin((2 * Math.PI * i) / (n - 1))]);
    ring.push(ring[0]);
    plot.geometry = { type: 'Polygon', coordinates: [ring] };
    const bytes = gpkg(doc);
    const { io, err } = memoryIo({ 'big.gpkg': bytes });
    const started = performance.now();
    expect(await run(['info', 'big.gpkg'], io, CONTEXT)).toBe(1);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/number of vertices of one feature is 1,000,001, more than the limit of 1,000,000 in layer .*--limit vertices-per-feature=N/);
    expect(err[0]).not.toMatch(/internal error|corrupt|damaged/i);
  }, 60_000);

  it('refuses a 10 MB building name, in Vietnamese too', async () => {
    const doc = structuredClone(sample);
    const building = doc.scenarios[0].features.find((f) => f.kind === 'building')!;
    building.name = 'N'.repeat(10 * 1024 * 1024);
    const { io, err } = memoryIo({ 'name.gpkg': gpkg(doc) });
    expect(await run(['--lang', 'vi', 'report', 'name.gpkg', '-o', 'r.pdf'], io, CONTEXT)).toBe(1);
    expect(err[0]).toMatch(/Độ dài một giá trị thuộc tính là 10\.485\.760 ký tự, vượt giới hạn 65\.536 ký tự/);
  }, 60_000);
});

describe('GeoPackage identity (finding 11)', () => {
  it('refuses a project file whose application_id is not GPKG, and one with an unknown version', async () => {
    for (const pragma of ['PRAGMA application_id = 0', 'PRAGMA user_version = 10500']) {
      const { io, err } = memoryIo({ 'p.gpkg': gpkg(sample, (db) => db.run(pragma)) });
      expect(await run(['info', 'p.gpkg'], io, CONTEXT), pragma).toBe(1);
      expect(err[0]).toMatch(pragma.includes('application') ? /application_id is 0x00000000, not 0x47504B47/ : /user_version\) is 10500/);
    }
  });

  it('imports a foreign GeoPackage with a wrong application_id, with a warning (as GDAL does)', async () => {
    const foreign = gpkg(sample, (db) => {
      db.run('DROP TABLE ecopark_metadata');
      db.run('PRAGMA application_id = 0');
    });
    const r = readProject(SQL, foreign, { fileName: 'f.gpkg' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('foreign_geopackage');
    expect(r.importable?.scenarios[0].features.length).toBe(sample.scenarios.find((s) => s.id === sample.activeScenarioId)!.features.length + sample.scenarios.filter((s) => s.id !== sample.activeScenarioId).reduce((n, s) => n + s.features.length, 0));
    expect(r.detail).toMatch(/first: the file is a GeoPackage, but its SQLite application_id is 0x00000000/);
  });
});
