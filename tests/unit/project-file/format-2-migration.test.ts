import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readProject, writeProject } from '../../../shared/project-file';
import { FORMAT_VERSION } from '../../../shared/model';
import type { LandUseFeature } from '../../../shared/model/feature';
import { loadSqlJs, mutateFile } from '../../helpers/sqljs';
import { park } from '../eco/eco-park';

const SQL = await loadSqlJs();
const TENANT_COLUMNS = ['sector', 'sector_scheme', 'tenant', 'employees', 'measured_electricity_mwh_per_year', 'measured_water_m3_per_day'];
const columnsOf = (db: InstanceType<typeof SQL.Database>) => db.exec('PRAGMA table_info(land_use)')[0].values.map((r) => String(r[1]));
const FROZEN_V1 = new Uint8Array(readFileSync(new URL('../../fixtures/project-format-v1.gpkg', import.meta.url)));

const mutate = (bytes: Uint8Array, sql: string) => mutateFile(SQL, bytes, sql);

describe('format 2: the tenant columns of land use (issue 16)', () => {
  it('is the format this build writes', () => {
    expect(FORMAT_VERSION).toBe(2);
    const db = new SQL.Database(writeProject(SQL, park()));
    expect(db.exec("SELECT value FROM ecopark_metadata WHERE key = 'format_version'")[0].values).toEqual([['2']]);
    expect(columnsOf(db)).toEqual(expect.arrayContaining(TENANT_COLUMNS));
    db.close();
  });

  it('a format-1 file gets the six columns, its own columns and rows untouched', () => {
    const db = new SQL.Database(FROZEN_V1);
    const before = columnsOf(db);
    const rows = db.exec('SELECT * FROM land_use ORDER BY fid')[0].values;
    expect(TENANT_COLUMNS.filter((c) => before.includes(c))).toEqual([]);
    expect(applyMigrations(db, 1)).toEqual({ ok: true, version: 2 });
    expect(columnsOf(db)).toEqual([...before, ...TENANT_COLUMNS]);
    // The old columns keep every value; the new ones are empty.
    const after = db.exec(`SELECT ${before.join(', ')} FROM land_use ORDER BY fid`)[0].values;
    expect(after).toEqual(rows);
    expect(db.exec(`SELECT COUNT(*) FROM land_use WHERE ${TENANT_COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')}`)[0].values).toEqual([[0]]);
    db.close();
  });

  it('a format-1 file that already has the columns (written by the first issue-16 builds) keeps its tenants', () => {
    const v1 = mutate(writeProject(SQL, park()), "UPDATE ecopark_metadata SET value = '1' WHERE key = 'format_version'");
    const read = readProject(SQL, v1);
    if (!read.ok) throw new Error(read.detail);
    expect(read.migratedFrom).toBe(1);
    const brewery = read.document.scenarios[0].features.find((f) => f.name === 'Brewery') as LandUseFeature;
    expect([brewery.sector, brewery.tenant, brewery.employees, brewery.measuredElectricityMwhPerYear]).toEqual(['1103', 'Bia Hà Nội – Bắc Ninh', 300, 10_000]);
  });

  it('a newer file is refused, saying which version it is and which this build reads', () => {
    const newer = mutate(writeProject(SQL, park()), `UPDATE ecopark_metadata SET value = '${FORMAT_VERSION + 1}' WHERE key = 'format_version'`);
    expect(readProject(SQL, newer)).toEqual({
      ok: false,
      reason: 'newer_version',
      detail: 'the file uses project-file format version 3; this version of EcoPark Planner reads up to version 2. Update the application to open it.',
    });
  });
});
