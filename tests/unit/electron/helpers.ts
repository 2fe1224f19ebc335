import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import type { ReadProjectFn, WriteProjectFn } from '../../../electron/project-file-port';

/** Fake project-file codec: the real GeoPackage code is tested in tests/unit/project-file. */
const MAGIC = 'FAKEGPKG\n';

export const fakeWriteProject: WriteProjectFn = (_SQL, doc) => new TextEncoder().encode(MAGIC + JSON.stringify(doc));

export const fakeReadProject: ReadProjectFn = (_SQL, bytes) => {
  const text = new TextDecoder().decode(bytes);
  if (text.startsWith('FOREIGN')) {
    return { ok: false, reason: 'foreign_geopackage', detail: 'not ours', importable: sampleDocument('Imported') };
  }
  if (!text.startsWith(MAGIC)) return { ok: false, reason: 'not_sqlite', detail: 'not a database' };
  return { ok: true, document: JSON.parse(text.slice(MAGIC.length)) as ParkDocument };
};

export const fakeLoadSql = async (): Promise<SqlJsStatic> => ({}) as SqlJsStatic;

export function sampleDocument(name = 'Yen Phong II-C'): ParkDocument {
  return createEmptyDocument(name, { province: 'Bắc Ninh', now: '2026-01-01T00:00:00.000Z' });
}

export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'ecopark-electron-'));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}
