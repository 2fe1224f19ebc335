import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecoveryStore, RECOVERY_ID_PATTERN } from '../../../electron/recovery-store';
import { makeTempDir, removeDir } from './helpers';

let dir: string;
let recoveryDir: string;
beforeEach(async () => {
  dir = await makeTempDir();
  recoveryDir = path.join(dir, 'userData', 'recovery');
});
afterEach(async () => {
  await removeDir(dir);
});

function store(now = '2026-03-01T10:00:00.000Z', hex = 'a1b2c3d4e5f6') {
  return createRecoveryStore({ fs, dir: recoveryDir, now: () => new Date(now), appVersion: '0.1.0', pid: 4242, randomHex: () => hex });
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('recovery store', () => {
  it('issues ids that are safe file names and match the IPC pattern', () => {
    const id = store().newId();
    expect(id).toBe(`${new Date('2026-03-01T10:00:00.000Z').getTime().toString(36)}-a1b2c3d4e5f6`);
    expect(RECOVERY_ID_PATTERN.test(id)).toBe(true);
    expect(RECOVERY_ID_PATTERN.test('../../etc/passwd')).toBe(false);
  });

  it('writes a snapshot (project + description) under its own folder and lists it', async () => {
    const s = store();
    const id = s.newId();
    const entry = await s.write(id, bytes('GPKG-1'), { fileName: 'park.gpkg', filePath: '/home/an/park.gpkg', projectName: 'Yên Phong II-C' });
    expect(entry).toEqual({
      id,
      fileName: 'park.gpkg',
      filePath: '/home/an/park.gpkg',
      projectName: 'Yên Phong II-C',
      savedAt: '2026-03-01T10:00:00.000Z',
      appVersion: '0.1.0',
      bytes: 6,
    });
    expect((await fs.readdir(recoveryDir)).sort()).toEqual([`${id}.gpkg`, `${id}.json`]);
    expect(JSON.parse(await fs.readFile(path.join(recoveryDir, `${id}.json`), 'utf8')).pid).toBe(4242);
    expect(await s.list()).toEqual([entry]);
    const read = await s.read(id);
    expect(new TextDecoder().decode(read!.bytes)).toBe('GPKG-1');
  });

  it('replaces a snapshot in place and lists newest first', async () => {
    const older = store('2026-03-01T09:00:00.000Z', '000000000001');
    const newer = store('2026-03-01T11:00:00.000Z', '000000000002');
    const a = older.newId();
    const b = newer.newId();
    await older.write(a, bytes('A1'), { fileName: null, filePath: null, projectName: 'A' });
    await newer.write(b, bytes('B1'), { fileName: null, filePath: null, projectName: 'B' });
    await older.write(a, bytes('A2-longer'), { fileName: null, filePath: null, projectName: 'A' });
    const list = await newer.list();
    expect(list.map((e) => e.id)).toEqual([b, a]);
    expect(list[1].bytes).toBe(9);
    expect((await fs.readdir(recoveryDir)).length).toBe(4);
  });

  it('still lists a snapshot whose description was lost (killed between the two writes)', async () => {
    const s = store();
    const id = s.newId();
    await s.write(id, bytes('GPKG'), { fileName: 'x.gpkg', filePath: null, projectName: 'X' });
    await fs.writeFile(path.join(recoveryDir, `${id}.json`), '{ not json');
    const [entry] = await s.list();
    expect(entry).toMatchObject({ id, fileName: null, projectName: '', appVersion: 'unknown', bytes: 4 });
  });

  it('ignores foreign files in the folder and an absent folder', async () => {
    expect(await store().list()).toEqual([]);
    await fs.mkdir(recoveryDir, { recursive: true });
    await fs.writeFile(path.join(recoveryDir, 'notes.gpkg'), 'x');
    await fs.writeFile(path.join(recoveryDir, 'readme.txt'), 'x');
    expect(await store().list()).toEqual([]);
  });

  it('removes a snapshot; a removal queued behind a write lands after it', async () => {
    const s = store();
    const id = s.newId();
    const writing = s.write(id, bytes('late write'), { fileName: null, filePath: null, projectName: 'P' });
    const removing = s.remove(id);
    await Promise.all([writing, removing]);
    expect(await fs.readdir(recoveryDir)).toEqual([]);
    expect(await s.read(id)).toBeNull();
    await s.idle();
  });

  it('refuses ids it did not issue (programmer error, never a path)', async () => {
    await expect(store().read('../secret')).rejects.toThrow('not a recovery id');
    expect(() => store().remove('/etc/passwd')).toThrow('not a recovery id');
  });
});
