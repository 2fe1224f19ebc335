import type { Database } from 'sql.js';
import { FORMAT_VERSION } from '../model/document';

/**
 * One step of the project-file format: rewrites an open file of version `from` into version
 * `from + 1`, in place, on the in-memory copy readProject works on (the user's bytes are never
 * touched; the upgraded layout is written on the next save).
 */
export interface Migration {
  /** The format version this step reads; it produces `from + 1`. */
  from: number;
  /** One line for the changelog and for error details. */
  description: string;
  migrate(db: Database): void;
}

/**
 * The tenant columns format 2 added to land_use (issue 16), frozen here as they were then: a
 * later change of shared/project-file/schema.ts must not change what this step does.
 */
const TENANT_COLUMNS_V2: readonly (readonly [column: string, sqlType: string])[] = [
  ['sector', 'TEXT'],
  ['sector_scheme', 'TEXT'],
  ['tenant', 'TEXT'],
  ['employees', 'INTEGER'],
  ['measured_electricity_mwh_per_year', 'REAL'],
  ['measured_water_m3_per_day', 'REAL'],
];

/**
 * The shipped migrations, ordered by `from`: one entry per version bump, each with a frozen
 * fixture of the old version under tests/fixtures/.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    description: 'tenant columns on land_use (sector, sector scheme, tenant, employees, measured electricity and water)',
    migrate(db) {
      // Builds between issue 16 and this step wrote the columns under version 1 already: add the missing ones only.
      const present = new Set(db.exec('PRAGMA table_info(land_use)')[0]?.values.map((row) => String(row[1])) ?? []);
      if (present.size === 0) throw new Error('the land_use table is missing');
      for (const [column, sqlType] of TENANT_COLUMNS_V2) if (!present.has(column)) db.run(`ALTER TABLE land_use ADD COLUMN ${column} ${sqlType}`);
    },
  },
];

export type MigrationResult = { ok: true; version: number } | { ok: false; detail: string };

/**
 * Applies the steps from `fromVersion` up to `target`, in order. Fails (as data) when a step is
 * missing or throws, so a half-understood file is refused rather than misread.
 */
export function applyMigrations(
  db: Database,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrationResult {
  let version = fromVersion;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, detail: `no migration from format version ${version} to ${version + 1}` };
    try {
      step.migrate(db);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, detail: `migration from format version ${version} (${step.description}) failed: ${why}` };
    }
    version += 1;
  }
  return { ok: true, version };
}
