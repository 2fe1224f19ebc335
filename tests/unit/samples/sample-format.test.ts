import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../shared/model/document';
import { readProject } from '../../../shared/project-file';

// The bundled sample is written by scripts/generate-sample.ts (`npm run sample`) at the current
// project format, so it opens without the migration of older files.
describe('the bundled sample park', () => {
  it('is at the current project format and opens without migrating', async () => {
    const SQL = await initSqlJs();
    const bytes = new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg'));
    const db = new SQL.Database(bytes);
    expect(db.exec("SELECT value FROM ecopark_metadata WHERE key = 'format_version'")[0].values).toEqual([[String(FORMAT_VERSION)]]);
    db.close();
    expect(FORMAT_VERSION).toBe(2);
    const read = readProject(SQL, bytes);
    expect(read.ok && read.migratedFrom).toBeUndefined();
    expect(JSON.parse(readFileSync('data/samples/bac-ninh-demo.geojson', 'utf8')).ecopark.formatVersion).toBe(FORMAT_VERSION);
  });
});
