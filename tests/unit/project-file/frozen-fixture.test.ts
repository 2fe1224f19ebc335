import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../shared/project-file';
import { FORMAT_VERSION } from '../../../shared/model';
import { loadSqlJs } from '../../helpers/sqljs';

/**
 * tests/fixtures/project-format-v1.gpkg was written once by format version 1 from the document
 * frozen beside it (project-format-v1.json); neither is ever regenerated: every later build must still open it (through
 * migrations once FORMAT_VERSION moves on) to the same document.
 */
describe('frozen format-1 project file', () => {
  it('still opens to the document it was written from', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/project-format-v1.gpkg', import.meta.url)));
    const result = await loadSqlJs().then((SQL) => readProject(SQL, bytes));
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    const expected: unknown = JSON.parse(readFileSync(new URL('../../fixtures/project-format-v1.json', import.meta.url), 'utf8'));
    // The same document, now at the current format version (the file itself is never changed).
    expect(result.document).toEqual({ ...(expected as object), formatVersion: FORMAT_VERSION });
    expect(result.migratedFrom).toBe(1);
  });
});
