import initSqlJs from 'sql.js';
import { describe, expect, it, vi } from 'vitest';
import { readProject } from '../../../shared/project-file';
import { createEmptyDocument } from '../../../shared/model';

// The page loads sql.js's wasm by a bundler URL; here Node finds it in node_modules.
vi.mock('../../../renderer/src/host/sqljs', () => ({ loadSqlJs: () => initSqlJs() }));
const { encodeProject } = await import('../../../renderer/src/host/project-file-encoder');

describe('project encoder', () => {
  it('without workers (Node, old browsers) writes the project on this thread, and it reads back', async () => {
    expect(typeof Worker).toBe('undefined');
    const doc = createEmptyDocument('Khu công nghiệp Đồng Văn', { now: '2026-01-01T00:00:00Z' });
    const bytes = await encodeProject(doc);
    const read = readProject(await initSqlJs(), bytes);
    expect(read.ok && read.document.project.name).toBe('Khu công nghiệp Đồng Văn');
  });
});
