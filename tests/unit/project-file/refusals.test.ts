import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, PROJECT_READ_FAILURES, readProject, writeProject, type Migration } from '../../../shared/project-file';
import { FORMAT_VERSION } from '../../../shared/model';
import { OPEN_FAILURE_REASONS } from '../../../shared/host-api';
import { DEFAULT_LIMITS } from '../../../shared/limits';
import { loadSqlJs, mutateFile } from '../../helpers/sqljs';
import { sampleDocument } from './sample-document';

const SQL = await loadSqlJs();
const dir = mkdtempSync(join(tmpdir(), 'ecopark-refusals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mutate = (bytes: Uint8Array, sql: string) => mutateFile(SQL, bytes, sql);

/** Deterministic pseudo-random bytes (xorshift32), so the test is repeatable. */
function randomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Reads and also checks that the input bytes were left exactly as they were. */
function readUnchanged(bytes: Uint8Array, options?: Parameters<typeof readProject>[2]) {
  const before = bytes.slice();
  const result = readProject(SQL, bytes, options);
  expect(bytes).toEqual(before);
  return result;
}

const good = writeProject(SQL, sampleDocument());

describe('readProject refusals', () => {
  it('refuses a file past a limit with its own reason and the limit as data, not as damaged', () => {
    const vertices = sampleDocument().scenarios.flatMap((s) => s.features).map((f) => JSON.stringify(f.geometry).split('],[').length);
    // The largest feature of the sample has more vertices than this lowered limit, and fewer than the default.
    const lowered = { ...DEFAULT_LIMITS, 'vertices-per-feature': 4 };
    expect(Math.max(...vertices)).toBeGreaterThan(4);
    const result = readUnchanged(good, { limits: lowered });
    expect(result).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { reason: 'limit_exceeded', limit: 'vertices-per-feature', max: 4 } });
    expect(readUnchanged(good)).toMatchObject({ ok: true });
  });

  it('exports the reason codes as the file-level subset of OpenFailureReason', () => {
    expect([...PROJECT_READ_FAILURES]).toEqual(OPEN_FAILURE_REASONS.filter((r) => r !== 'io_error'));
  });

  it('writes a file that starts with the SQLite header and carries the GeoPackage ids', () => {
    expect(new TextDecoder().decode(good.slice(0, 16))).toBe('SQLite format 3\u0000');
    const db = new SQL.Database(good);
    expect(db.exec('PRAGMA application_id')[0].values[0][0]).toBe(0x47504b47);
    expect(db.exec('PRAGMA user_version')[0].values[0][0]).toBe(10300);
    expect(db.exec('PRAGMA integrity_check')[0].values).toEqual([['ok']]);
    expect(db.exec('PRAGMA foreign_key_check')).toEqual([]);
    const srs = db.exec('SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id')[0].values;
    expect(srs).toEqual([[-1, 'NONE', -1], [0, 'NONE', 0], [4326, 'EPSG', 4326]]);
    const contents = db.exec("SELECT table_name, data_type, min_x, max_y FROM gpkg_contents WHERE table_name = 'land_use'")[0].values;
    // land_use spans l1/l2 of scenario A and l1 of scenario B: x from 105.941, y up to 21.202.
    expect(contents[0][0]).toBe('land_use');
    expect(contents[0][1]).toBe('features');
    expect(contents[0][2]).toBeCloseTo(105.941, 12);
    expect(contents[0][3]).toBeCloseTo(21.202, 12);
    const lastChange = db.exec("SELECT last_change FROM gpkg_contents WHERE table_name = 'roads'")[0].values[0][0];
    expect(lastChange).toBe('2026-02-03T04:05:06.789Z');
    db.close();
  });

  it('refuses an empty file, random bytes and a text file as not_sqlite', () => {
    for (const bytes of [new Uint8Array(0), randomBytes(4096), new TextEncoder().encode('{"type":"FeatureCollection"}')]) {
      const result = readUnchanged(bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toBe('not_sqlite');
    }
  });

  it('refuses truncated files as corrupt, saying so', () => {
    for (const length of [50, 4096, Math.floor(good.length / 2)]) {
      const result = readUnchanged(good.slice(0, length));
      expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
      if (!result.ok) expect(result.detail).toMatch(/truncated/);
    }
  });

  it('refuses an SQLite header followed by garbage as corrupt', () => {
    const bytes = good.slice();
    bytes.set(randomBytes(bytes.length - 100, 99), 100);
    expect(readUnchanged(bytes)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses a plain SQLite database as not_geopackage', () => {
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a TEXT); INSERT INTO t VALUES (1)');
    const bytes = db.export();
    db.close();
    expect(readUnchanged(bytes)).toMatchObject({ ok: false, reason: 'not_geopackage' });
  });

  it('refuses a newer format version, naming both versions', () => {
    const bytes = mutate(good, "UPDATE ecopark_metadata SET value = '7' WHERE key = 'format_version'");
    const result = readUnchanged(bytes);
    expect(result).toMatchObject({ ok: false, reason: 'newer_version' });
    if (!result.ok) expect(result.detail).toMatch(new RegExp(`version 7.*up to version ${FORMAT_VERSION}`));
  });

  it('refuses an invalid attribute as corrupt, naming the layer, feature and field', () => {
    const bytes = mutate(good, "UPDATE land_use SET max_density = 5 WHERE feature_id = 'l1' AND scenario_id = 's-a'");
    const result = readUnchanged(bytes);
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.detail).toMatch(/land_use.*"l1".*maxDensity/);
  });

  it('refuses a feature of a scenario that does not exist, and a broken geometry', () => {
    const orphan = readUnchanged(mutate(good, "UPDATE roads SET scenario_id = 'ghost' WHERE feature_id = 'r1'"));
    expect(orphan).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!orphan.ok) expect(orphan.detail).toMatch(/ghost/);
    const broken = readUnchanged(mutate(good, "UPDATE points SET geom = X'47500003' WHERE feature_id = 'pt1'"));
    expect(broken).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!broken.ok) expect(broken.detail).toMatch(/points.*"pt1".*geometry/);
  });

  it('refuses a missing active scenario as corrupt', () => {
    const result = readUnchanged(mutate(good, "UPDATE ecopark_metadata SET value = 'x' WHERE key = 'active_scenario_id'"));
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.detail).toMatch(/activeScenarioId/);
  });
});

describe('migrations', () => {
  // A pretend format 0 that called the land_use column "category".
  const old = mutate(good, "ALTER TABLE land_use RENAME COLUMN land_use TO category; UPDATE ecopark_metadata SET value = '0' WHERE key = 'format_version'");
  const renameBack: Migration = { from: 0, description: 'category → land_use', migrate: (db) => db.run('ALTER TABLE land_use RENAME COLUMN category TO land_use') };

  it('applies an injected migration to an older file and reports where it came from', () => {
    const result = readUnchanged(old, { migrations: [renameBack, ...MIGRATIONS] });
    expect(result).toEqual({ ok: true, document: sampleDocument(), migratedFrom: 0 });
  });

  it('refuses an older file with no migration path, and a failing migration, as corrupt', () => {
    expect(readUnchanged(old)).toMatchObject({ ok: false, reason: 'corrupt', detail: expect.stringMatching(/no migration from format version 0/) });
    const failing: Migration = { from: 0, description: 'boom', migrate: () => { throw new Error('disk on fire'); } };
    expect(readUnchanged(old, { migrations: [failing] })).toMatchObject({ ok: false, reason: 'corrupt', detail: expect.stringMatching(/boom.*disk on fire/) });
  });
});

describe('foreign GeoPackages (made by ogr2ogr)', () => {
  const geojson = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'Lô A', height: 3 }, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]] } },
      { type: 'Feature', properties: { name: 'Lô B', height: 4 }, geometry: { type: 'Polygon', coordinates: [[[106.02, 21], [106.03, 21], [106.03, 21.01], [106.02, 21]]] } },
    ],
  };

  function ogr2ogr(name: string, extra: string[] = []): Uint8Array {
    const src = join(dir, `${name}.geojson`);
    const dst = join(dir, `${name}.gpkg`);
    writeFileSync(src, JSON.stringify(geojson));
    execFileSync('ogr2ogr', ['-f', 'GPKG', ...extra, dst, src, '-nln', name]);
    return new Uint8Array(readFileSync(dst));
  }

  it('refuses with foreign_geopackage and offers its features as a new project', () => {
    const result = readUnchanged(ogr2ogr('parcels'), { fileName: 'Lô đất.gpkg' });
    expect(result).toMatchObject({ ok: false, reason: 'foreign_geopackage' });
    if (result.ok || !result.importable) throw new Error('expected an importable document');
    expect(result.detail).toMatch(/2 features/);
    const doc = result.importable;
    expect(doc.project.name).toBe('Lô đất');
    const features = doc.scenarios[0].features;
    expect(features.map((f) => [f.kind, f.name, f.props])).toEqual([
      ['landuse', 'Lô A', { height: 3 }],
      ['landuse', 'Lô B', { height: 4 }],
    ]);
    expect(features.every((f) => f.kind === 'landuse' && f.landUse === 'other')).toBe(true);
    expect(features[0].geometry.coordinates).toEqual([[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]]);
  });

  it('refuses to import a layer that is not in EPSG:4326', () => {
    const result = readUnchanged(ogr2ogr('projected', ['-t_srs', 'EPSG:32648']));
    expect(result).toMatchObject({ ok: false, reason: 'foreign_geopackage' });
    if (!result.ok) {
      expect(result.importable).toBeUndefined();
      expect(result.detail).toMatch(/projected uses srs_id \d+, not EPSG:4326/);
    }
  });
});
