import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryEntry, SaveOutcome } from '../../../shared/host-api';
import { createIpcHandlers, IpcRefusedError } from '../../../electron/ipc-handlers';
import { createRecoveryStore } from '../../../electron/recovery-store';
import { pathKey } from '../../../electron/path-key';
import { appWindow, fakeFileService, fakeWriteProject, FOREIGN, recentFilesIn, sampleDocument, scriptedDialogs, useTempDir } from './helpers';

/** Main-process side of revert, recovery snapshots, one file per window and changes on disk. */

const W1 = appWindow(1);
const W2 = appWindow(2);

const tempDir = useTempDir();

let hexCounter = 0;
function setup(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}, recoveryDir = path.join(tempDir(), 'recovery')) {
  const { dialogs, dialogCalls } = scriptedDialogs(answers);
  const focused: number[] = [];
  const saves: SaveOutcome[] = [];
  const recovery = createRecoveryStore({
    fs,
    dir: recoveryDir,
    now: () => new Date('2026-03-01T10:00:00.000Z'),
    appVersion: '0.1.0',
    pid: 1,
    randomHex: () => (++hexCounter).toString(16).padStart(12, '0'),
  });
  const handlers = createIpcHandlers({
    files: fakeFileService(),
    recent: recentFilesIn(tempDir()),
    dialogs,
    recovery,
    focusWindow: (id) => focused.push(id),
    onSaveFinished: (_id, o) => saves.push(o),
  });
  return { handlers, dialogCalls, focused, saves, recovery };
}

async function writeProjectFile(name: string, projectName: string): Promise<string> {
  const file = path.join(tempDir(), name);
  await fs.writeFile(file, fakeWriteProject({} as never, sampleDocument(projectName)));
  return file;
}

describe('revert to saved', () => {
  it('re-reads the window’s own file from disk', async () => {
    const file = await writeProjectFile('park.gpkg', 'On disk');
    const { handlers } = setup({ open: [file] });
    expect((await handlers.openProject(W1, undefined)).ok).toBe(true);
    await fs.writeFile(file, fakeWriteProject({} as never, sampleDocument('Changed on disk')));
    const outcome = await handlers.revertProject(W1, undefined);
    expect(outcome.ok && outcome.document.project.name).toBe('Changed on disk');
    expect(outcome.ok && outcome.fileName).toBe('park.gpkg');
  });

  it('has nothing to revert to for an untitled project, and takes no path from the page', async () => {
    const { handlers } = setup();
    expect(await handlers.revertProject(W1, undefined)).toEqual({ ok: false, reason: 'no_saved_file' });
    expect(await handlers.revertProject(W1, { path: '/etc/passwd.gpkg' })).toMatchObject({ ok: false, reason: 'io_error' });
    expect(await handlers.revertProject(FOREIGN, undefined)).toMatchObject({ ok: false, reason: 'io_error' });
  });

  it('a file that no longer opens is refused and the known version is kept', async () => {
    const file = await writeProjectFile('park.gpkg', 'Good');
    const { handlers } = setup({ open: [file] });
    await handlers.openProject(W1, undefined);
    await fs.writeFile(file, 'garbage');
    expect(await handlers.revertProject(W1, undefined)).toMatchObject({ ok: false, reason: 'not_sqlite' });
    expect(handlers.currentPath(1)).toBe(file);
  });
});

describe('one file, one window', () => {
  it('opening a file another window has open focuses that window instead', async () => {
    const file = await writeProjectFile('park.gpkg', 'Shared');
    const { handlers, focused } = setup({ open: [file, file] });
    expect((await handlers.openProject(W1, undefined)).ok).toBe(true);
    const second = await handlers.openProject(W2, undefined);
    expect(second).toEqual({
      ok: false,
      reason: 'already_open',
      fileName: 'park.gpkg',
      detail: 'park.gpkg is already open in another window, which was brought to the front.',
    });
    expect(focused).toEqual([1]);
    expect(handlers.currentPath(2)).toBeNull();
  });

  it('compares paths as the platform does (case-folded on Windows and macOS)', () => {
    expect(pathKey('C:\\Parks\\A.gpkg', 'win32')).toBe(pathKey('c:\\parks\\..\\parks\\a.GPKG', 'win32'));
    expect(pathKey('/Users/an/A.gpkg', 'darwin')).toBe(pathKey('/users/an/a.gpkg', 'darwin'));
    expect(pathKey('/home/an/A.gpkg', 'linux')).not.toBe(pathKey('/home/an/a.gpkg', 'linux'));
  });

  it('Save as onto a file another window has open is refused, and the file is untouched', async () => {
    const file = await writeProjectFile('park.gpkg', 'Window 1 owns this');
    const before = await fs.readFile(file);
    const { handlers, saves } = setup({ open: [file], save: [file] });
    await handlers.openProject(W1, undefined);
    const outcome = await handlers.saveProject(W2, { document: sampleDocument('Window 2'), saveAs: true, suggestedName: 'x' });
    expect(outcome).toEqual({
      ok: false,
      reason: 'open_elsewhere',
      fileName: 'park.gpkg',
      detail: 'park.gpkg is open in another window. Close it there first, or save under another name.',
    });
    expect(saves).toEqual([outcome]);
    expect(await fs.readFile(file)).toEqual(before);
  });

  it('a closed window releases its file', async () => {
    const file = await writeProjectFile('park.gpkg', 'P');
    const { handlers } = setup({ open: [file, file] });
    await handlers.openProject(W1, undefined);
    await handlers.windowClosed(1);
    expect((await handlers.openProject(W2, undefined)).ok).toBe(true);
  });
});

describe('changes on disk', () => {
  it('does not overwrite a file changed by another program; overwrite: true does, after the user said so', async () => {
    const file = await writeProjectFile('park.gpkg', 'Opened');
    const { handlers } = setup({ open: [file] });
    await handlers.openProject(W1, undefined);
    await fs.writeFile(file, fakeWriteProject({} as never, sampleDocument('Saved by QGIS meanwhile, longer name')));
    const theirs = await fs.readFile(file);
    const request = { document: sampleDocument('Mine'), saveAs: false, suggestedName: 'park' };
    const refused = await handlers.saveProject(W1, request);
    expect(refused).toMatchObject({ ok: false, reason: 'changed_on_disk', fileName: 'park.gpkg' });
    expect(await fs.readFile(file)).toEqual(theirs);
    const forced = await handlers.saveProject(W1, { ...request, overwrite: true });
    expect(forced.ok).toBe(true);
    // Their version is not lost either: it is the .bak.
    expect(await fs.readFile(`${file}.bak`)).toEqual(theirs);
    // From now on the known version is ours: the next save goes through without asking.
    expect((await handlers.saveProject(W1, request)).ok).toBe(true);
  });

  it('revert makes the disk version the known one', async () => {
    const file = await writeProjectFile('park.gpkg', 'Opened');
    const { handlers } = setup({ open: [file] });
    await handlers.openProject(W1, undefined);
    await fs.writeFile(file, fakeWriteProject({} as never, sampleDocument('Other program, longer')));
    await handlers.revertProject(W1, undefined);
    expect((await handlers.saveProject(W1, { document: sampleDocument('x'), saveAs: false, suggestedName: 'x' })).ok).toBe(true);
  });

  it('rejects a malformed overwrite flag', async () => {
    const { handlers } = setup();
    const outcome = await handlers.saveProject(W1, { document: sampleDocument(), saveAs: false, suggestedName: 'x', overwrite: 'yes' });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid_document' });
  });
});

describe('recovery snapshots', () => {
  it('autosaves outside the user’s folder, offers left-overs to a new session, and recovers them as unsaved work', async () => {
    const file = await writeProjectFile('park.gpkg', 'Original');
    const original = await fs.readFile(file);
    const recoveryDir = path.join(tempDir(), 'userData', 'recovery');
    const first = setup({ open: [file] }, recoveryDir);
    await first.handlers.openProject(W1, undefined);
    const edited = sampleDocument('Edited, not saved');
    expect(await first.handlers.writeRecovery(W1, { document: edited, fileName: 'ignored.gpkg' })).toMatchObject({ ok: true });
    // Nothing beside the user's file.
    expect(await fs.readdir(tempDir())).not.toContain('.park.gpkg.tmp');
    expect((await fs.readdir(tempDir())).filter((n) => n.startsWith('park'))).toEqual(['park.gpkg']);
    // The writing window's own snapshot is not offered back to it.
    expect(await first.handlers.listRecoveries(W1, undefined)).toEqual([]);

    // The app crashed; a new process starts with the same user-data folder.
    const next = setup({ save: [null, file] }, recoveryDir);
    const offered = await next.handlers.listRecoveries(W1, undefined);
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ fileName: 'park.gpkg', filePath: file, projectName: 'Edited, not saved', appVersion: '0.1.0' });
    const recovered = await next.handlers.recoverProject(W1, { id: offered[0].id });
    expect(recovered.ok && recovered.document).toEqual(edited);

    // The first Save asks where, proposing the original file; cancelling writes nothing.
    const cancelled = await next.handlers.saveProject(W1, { document: edited, saveAs: false, suggestedName: 'park.gpkg' });
    expect(cancelled).toEqual({ ok: false, reason: 'cancelled' });
    expect(next.dialogCalls).toEqual([{ kind: 'save', defaultPath: file }]);
    expect(await fs.readFile(file)).toEqual(original);
    // The snapshot survives until the work is saved...
    expect(await fs.readdir(recoveryDir)).toHaveLength(2);
    expect((await next.handlers.saveProject(W1, { document: edited, saveAs: false, suggestedName: 'park.gpkg' })).ok).toBe(true);
    // ...and the page clears it after the save.
    await next.handlers.clearRecovery(W1, undefined);
    expect(await fs.readdir(recoveryDir)).toEqual([]);
  });

  it('a reloaded page (renderer crash) gets its old snapshot offered; a closed window’s snapshot is deleted', async () => {
    const { handlers, recovery } = setup();
    await handlers.writeRecovery(W1, { document: sampleDocument('Before reload'), fileName: null });
    handlers.forgetWindow(1);
    const offered = await handlers.listRecoveries(W1, undefined);
    expect(offered.map((e) => e.projectName)).toEqual(['Before reload']);
    expect(offered[0].fileName).toBeNull();

    await handlers.writeRecovery(W2, { document: sampleDocument('Window 2'), fileName: 'untitled-2.gpkg' });
    await handlers.windowClosed(2);
    expect((await recovery.list()).map((e) => e.projectName)).toEqual(['Before reload']);
  });

  it('offers a left-over snapshot to one window at a time', async () => {
    const recoveryDir = path.join(tempDir(), 'recovery');
    const crashed = setup({}, recoveryDir);
    await crashed.handlers.writeRecovery(W1, { document: sampleDocument('Lost work'), fileName: null });
    const { handlers } = setup({}, recoveryDir);
    const [entry] = await handlers.listRecoveries(W1, undefined);
    expect(await handlers.listRecoveries(W2, undefined)).toEqual([]);
    expect(await handlers.recoverProject(W2, { id: entry.id })).toMatchObject({ ok: false, reason: 'not_found' });
    // Window 1 went away without deciding: window 2 may now have it.
    handlers.forgetWindow(1);
    expect((await handlers.listRecoveries(W2, undefined)).map((e: RecoveryEntry) => e.id)).toEqual([entry.id]);
  });

  it('refuses a damaged snapshot with a message and keeps it; Discard deletes it', async () => {
    const recoveryDir = path.join(tempDir(), 'recovery');
    const crashed = setup({}, recoveryDir);
    await crashed.handlers.writeRecovery(W1, { document: sampleDocument('Damaged later'), fileName: null });
    const [stored] = await crashed.recovery.list();
    await fs.writeFile(path.join(recoveryDir, `${stored.id}.gpkg`), 'torn bytes');
    const { handlers } = setup({}, recoveryDir);
    const [entry] = await handlers.listRecoveries(W1, undefined);
    expect(await handlers.recoverProject(W1, { id: entry.id })).toEqual({ ok: false, reason: 'not_sqlite', detail: 'not a database' });
    expect(await fs.readdir(recoveryDir)).toHaveLength(2);
    await handlers.discardRecovery(W1, { id: entry.id });
    expect(await fs.readdir(recoveryDir)).toEqual([]);
  });

  it('names snapshots only by issued ids: paths, unknown ids, live snapshots and foreign senders are refused', async () => {
    const { handlers } = setup();
    await handlers.writeRecovery(W1, { document: sampleDocument('Live'), fileName: null });
    const live = (await fs.readdir(path.join(tempDir(), 'recovery'))).find((n) => n.endsWith('.gpkg'))!.slice(0, -5);
    // Window 1 is alive: its snapshot is not left-over work, so window 2 can neither take nor delete it.
    expect(await handlers.recoverProject(W2, { id: live })).toMatchObject({ ok: false, reason: 'not_found' });
    await expect(handlers.discardRecovery(W2, { id: live })).rejects.toThrow(IpcRefusedError);
    expect(await handlers.recoverProject(W2, { id: '../../etc/passwd' })).toMatchObject({ ok: false, reason: 'io_error' });
    expect(await handlers.recoverProject(W2, live)).toMatchObject({ ok: false, reason: 'io_error' });
    await expect(handlers.discardRecovery(W2, { id: live, extra: 1 })).rejects.toThrow(IpcRefusedError);
    await expect(handlers.listRecoveries(FOREIGN, undefined)).rejects.toThrow(IpcRefusedError);
    await expect(handlers.clearRecovery(W1, 'all')).rejects.toThrow(IpcRefusedError);
    expect(await handlers.writeRecovery(FOREIGN, { document: sampleDocument(), fileName: null })).toMatchObject({ ok: false });
    expect(await handlers.writeRecovery(W1, { document: { not: 'a park' }, fileName: null })).toMatchObject({ ok: false });
    expect(await handlers.writeRecovery(W1, { document: sampleDocument(), fileName: 'x'.repeat(300) })).toMatchObject({ ok: false });
  });
});
