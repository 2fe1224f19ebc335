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
 * The shipped migrations, ordered by `from`. Empty while FORMAT_VERSION is 1: add one entry
 * per version bump (and a frozen fixture of the old version under tests/fixtures/).
 */
export const MIGRATIONS: readonly Migration[] = [];

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
