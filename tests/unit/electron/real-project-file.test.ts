import fs from 'node:fs/promises';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readProject, writeProject } from '../../../shared/project-file';
import { createFileService } from '../../../electron/file-service';
import { makeTempDir, removeDir, sampleDocument } from './helpers';

/** One end-to-end pass through the real GeoPackage code, as main.ts wires it. */
let SQL: SqlJsStatic;
let dir: string;
beforeAll(async () => {
  SQL = await initSqlJs();
});
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

describe('file service with the real project-file code', () => {
  const service = () => createFileService({ fs, loadSql: async () => SQL, readProject, writeProject });

  it('saves a GeoPackage that opens back to the same document, with a .bak on the second save', async () => {
    const target = path.join(dir, 'Yen Phong.gpkg');
    const doc = sampleDocument();
    const saved = await service().save(target, doc);
    expect(saved.ok).toBe(true);
    const header = new TextDecoder().decode((await fs.readFile(target)).subarray(0, 15));
    expect(header).toBe('SQLite format 3');
    expect((await service().save(target, doc)).ok).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual(['Yen Phong.gpkg', 'Yen Phong.gpkg.bak']);
    const opened = await service().open(target);
    expect(opened.ok).toBe(true);
    expect(opened.ok && opened.document.project.name).toBe(doc.project.name);
    expect(opened.ok && opened.document.scenarios.map((s) => s.id)).toEqual(doc.scenarios.map((s) => s.id));
  });

  it('refuses a text file named .gpkg and leaves it byte-identical', async () => {
    const target = path.join(dir, 'fake.gpkg');
    await fs.writeFile(target, 'hello, not a database');
    const before = await fs.readFile(target);
    const outcome = await service().open(target);
    expect(outcome).toMatchObject({ ok: false, reason: 'not_sqlite', fileName: 'fake.gpkg' });
    expect(await fs.readFile(target)).toEqual(before);
  });
});
