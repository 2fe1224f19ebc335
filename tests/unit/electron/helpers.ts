import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { afterEach, beforeEach } from 'vitest';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import type { ReadProjectFn, WriteProjectFn } from '../../../electron/project-file-port';
import { createFileService } from '../../../electron/file-service';
import type { DialogDeps, IpcSender } from '../../../electron/ipc-handlers';
import { createRecentFiles } from '../../../electron/recent-files';

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

/** Gives each test of the calling file a fresh temporary directory (read it with the returned function), removed after the test. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    if (dir) await removeDir(dir);
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error('useTempDir: the directory exists only while a test runs');
    return dir;
  };
}

/** The app's own page in window `windowId`, and a page from elsewhere that IPC must refuse. */
export const appWindow = (windowId: number): IpcSender => ({ windowId, frameUrl: 'app://ecopark/index.html' });
export const APP = appWindow(1);
export const FOREIGN: IpcSender = { windowId: 1, frameUrl: 'https://evil.example/' };

/** The real file service over the fake project codec. */
export const fakeFileService = () => createFileService({ fs, loadSql: fakeLoadSql, readProject: fakeReadProject, writeProject: fakeWriteProject });

/** A recent-files list stored in `dir`, stamped with a fixed time. */
export const recentFilesIn = (dir: string) =>
  createRecentFiles({ fs, storePath: path.join(dir, 'recent.json'), now: () => new Date('2026-03-01T00:00:00Z') });

/** Native dialogs that answer from the queues (null, or nothing left, is Cancel) and record what was asked. */
export function scriptedDialogs(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const dialogCalls: { kind: 'open' | 'save'; defaultPath?: string }[] = [];
  const dialogs: DialogDeps = {
    async chooseOpenPath() {
      dialogCalls.push({ kind: 'open' });
      return answers.open?.shift() ?? null;
    },
    async chooseSavePath(_id, defaultPath) {
      dialogCalls.push({ kind: 'save', defaultPath });
      return answers.save?.shift() ?? null;
    },
  };
  return { dialogs, dialogCalls };
}
