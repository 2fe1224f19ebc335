import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecentFile } from '../../../shared/host-api';
import { createRecentFiles, MAX_RECENT_FILES } from '../../../electron/recent-files';
import { useTempDir } from './helpers';

const tempDir = useTempDir();

function setup() {
  let tick = 0;
  const changes: RecentFile[][] = [];
  const storePath = path.join(tempDir(), 'recent-files.json');
  const recent = createRecentFiles({
    fs,
    storePath,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
    onChange: (list) => changes.push(list),
  });
  return { recent, changes, storePath };
}

async function touch(name: string): Promise<string> {
  const p = path.join(tempDir(), name);
  await fs.writeFile(p, 'x');
  return p;
}

describe('recent files', () => {
  it('keeps the most recent first, de-duplicated, and persists atomically', async () => {
    const { recent, changes, storePath } = setup();
    const a = await touch('a.gpkg');
    const b = await touch('b.gpkg');
    await recent.add(a);
    await recent.add(b);
    await recent.add(a);
    const list = await recent.list();
    expect(list.map((e) => e.fileName)).toEqual(['a.gpkg', 'b.gpkg']);
    expect(list[0].openedAt).toBe('2026-01-01T00:00:02.000Z');
    expect(JSON.parse(await fs.readFile(storePath, 'utf8'))).toEqual(list);
    expect(changes).toHaveLength(3);
    expect((await fs.readdir(tempDir())).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it(`keeps at most ${MAX_RECENT_FILES}`, async () => {
    const { recent } = setup();
    for (let i = 0; i < 13; i++) await recent.add(await touch(`p${i}.gpkg`));
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0].fileName).toBe('p12.gpkg');
    expect(list.at(-1)?.fileName).toBe('p3.gpkg');
  });

  it('prunes files that no longer exist when listing', async () => {
    const { recent, changes } = setup();
    const a = await touch('a.gpkg');
    const b = await touch('b.gpkg');
    await recent.add(a);
    await recent.add(b);
    await fs.unlink(a);
    expect((await recent.list()).map((e) => e.path)).toEqual([b]);
    expect(changes.at(-1)?.map((e) => e.path)).toEqual([b]);
    expect(await recent.has(a)).toBe(false);
    expect(await recent.has(b)).toBe(true);
  });

  it('survives a damaged store by starting afresh', async () => {
    const { recent, storePath } = setup();
    await fs.writeFile(storePath, '{not json');
    expect(await recent.list()).toEqual([]);
    await fs.writeFile(storePath, JSON.stringify([{ path: 42 }]));
    expect(await recent.list()).toEqual([]);
    const a = await touch('a.gpkg');
    expect((await recent.add(a)).map((e) => e.path)).toEqual([a]);
  });

  it('does not lose entries when adds race', async () => {
    const { recent } = setup();
    const paths = await Promise.all(['a', 'b', 'c', 'd'].map((n) => touch(`${n}.gpkg`)));
    await Promise.all(paths.map((p) => recent.add(p)));
    expect((await recent.list()).map((e) => e.path).sort()).toEqual([...paths].sort());
  });
});
