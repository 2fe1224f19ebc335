import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState, SaveOutcome } from '../../../shared/host-api';
import { createIpcHandlers, IpcRefusedError } from '../../../electron/ipc-handlers';
import { sha256 } from './fixtures/save-versions';
import { APP, fakeFileService, FOREIGN, recentFilesIn, sampleDocument, scriptedDialogs, useTempDir } from './helpers';

const tempDir = useTempDir();

function setup(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const { dialogs, dialogCalls } = scriptedDialogs(answers);
  const states: DocumentState[] = [];
  const saves: SaveOutcome[] = [];
  const logs: string[] = [];
  const recent = recentFilesIn(tempDir());
  const handlers = createIpcHandlers({
    files: fakeFileService(),
    recent,
    dialogs,
    onDocumentState: (_id, s) => states.push(s),
    onSaveFinished: (_id, o) => saves.push(o),
    log: (m) => logs.push(m),
  });
  return { handlers, dialogCalls, states, saves, logs, recent };
}

describe('IPC handlers: save', () => {
  it('asks where for an untitled project, then saves to the same file without asking', async () => {
    const target = path.join(tempDir(), 'park.gpkg');
    const { handlers, dialogCalls, saves } = setup({ save: [target] });
    const first = await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'My park' });
    expect(first).toMatchObject({ ok: true, fileName: 'park.gpkg', filePath: target });
    expect(dialogCalls).toEqual([{ kind: 'save', defaultPath: 'My park.gpkg' }]);
    const firstSha = sha256(await fs.readFile(target));
    // A changed document, so the new file and the previous version differ.
    const second = await handlers.saveProject(APP, { document: sampleDocument('Yen Phong II-D'), saveAs: false, suggestedName: 'My park' });
    expect(second.ok).toBe(true);
    expect(dialogCalls).toHaveLength(1);
    expect(saves.map((s) => s.ok)).toEqual([true, true]);
    // The .bak holds the first save's bytes, not merely some file.
    expect(sha256(await fs.readFile(`${target}.bak`))).toBe(firstSha);
    expect(sha256(await fs.readFile(target))).not.toBe(firstSha);
    expect(handlers.currentPath(1)).toBe(target);
  });

  it('Save as always asks, proposing the current folder, and appends .gpkg when the dialog did not', async () => {
    const first = path.join(tempDir(), 'a.gpkg');
    const second = path.join(tempDir(), 'b');
    const { handlers, dialogCalls } = setup({ save: [first, second] });
    await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'a' });
    const outcome = await handlers.saveProject(APP, { document: sampleDocument(), saveAs: true, suggestedName: 'Copy' });
    expect(outcome).toMatchObject({ ok: true, filePath: `${second}.gpkg` });
    expect(dialogCalls[1]).toEqual({ kind: 'save', defaultPath: path.join(tempDir(), 'Copy.gpkg') });
    expect(handlers.currentPath(1)).toBe(`${second}.gpkg`);
  });

  it('a cancelled dialog is a cancelled save that the close guard hears about', async () => {
    const { handlers, saves } = setup({ save: [null] });
    const outcome = await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'x' });
    expect(outcome).toEqual({ ok: false, reason: 'cancelled' });
    expect(saves).toEqual([outcome]);
  });

  it('refuses an invalid document without a dialog or a write', async () => {
    const { handlers, dialogCalls } = setup({ save: [path.join(tempDir(), 'x.gpkg')] });
    const outcome = await handlers.saveProject(APP, { document: { ...sampleDocument(), scenarios: [] }, saveAs: true, suggestedName: 'x' });
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid_document' });
    expect(dialogCalls).toEqual([]);
    expect(await fs.readdir(tempDir())).toEqual([]);
  });

  it('refuses a save from a foreign frame', async () => {
    const { handlers, dialogCalls } = setup({ save: [path.join(tempDir(), 'x.gpkg')] });
    const outcome = await handlers.saveProject(FOREIGN, { document: sampleDocument(), saveAs: true, suggestedName: 'x' });
    expect(outcome).toMatchObject({ ok: false, reason: 'io_error' });
    expect(dialogCalls).toEqual([]);
  });

  it('resetFile forgets the current file so the next save asks again', async () => {
    const { handlers, dialogCalls } = setup({ save: [path.join(tempDir(), 'a.gpkg'), null] });
    await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'a' });
    await handlers.resetFile(APP, undefined);
    expect(handlers.currentPath(1)).toBeNull();
    await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'b' });
    expect(dialogCalls).toHaveLength(2);
  });
});

describe('IPC handlers: open and recent files', () => {
  it('opens through the dialog, remembers the file and lists it as recent', async () => {
    const target = path.join(tempDir(), 'park.gpkg');
    const { handlers } = setup({ save: [target], open: [target] });
    await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'park' });
    await handlers.resetFile(APP, undefined);
    const outcome = await handlers.openProject(APP, undefined);
    expect(outcome).toMatchObject({ ok: true, fileName: 'park.gpkg', filePath: target });
    expect(handlers.currentPath(1)).toBe(target);
    const recent = await handlers.listRecent(APP, undefined);
    expect(recent).toEqual([{ path: target, fileName: 'park.gpkg', openedAt: '2026-03-01T00:00:00.000Z' }]);
    // By path: allowed because it is in the recent list.
    expect((await handlers.openProject(APP, { path: target })).ok).toBe(true);
  });

  it('refuses to open, by path, a file that is not in the recent list', async () => {
    const target = path.join(tempDir(), 'other.gpkg');
    await fs.writeFile(target, 'whatever');
    const { handlers } = setup();
    const outcome = await handlers.openProject(APP, { path: target });
    expect(outcome).toMatchObject({ ok: false, reason: 'io_error' });
  });

  it('a refused file leaves the current file as it was', async () => {
    const good = path.join(tempDir(), 'good.gpkg');
    const foreign = path.join(tempDir(), 'qgis.gpkg');
    await fs.writeFile(foreign, 'FOREIGN');
    const { handlers } = setup({ save: [good], open: [foreign] });
    await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'good' });
    const outcome = await handlers.openProject(APP, undefined);
    expect(outcome).toMatchObject({ ok: false, reason: 'foreign_geopackage', fileName: 'qgis.gpkg' });
    expect(handlers.currentPath(1)).toBe(good);
    expect(await fs.readFile(foreign, 'utf8')).toBe('FOREIGN');
  });

  it('Open Recent from the menu: the queued path is opened once, by the queued request only', async () => {
    const target = path.join(tempDir(), 'park.gpkg');
    const { handlers, dialogCalls } = setup({ save: [target] });
    await handlers.saveProject(APP, { document: sampleDocument(), saveAs: false, suggestedName: 'park' });
    handlers.queueOpen(1, target);
    expect((await handlers.openProject(APP, { queued: true })).ok).toBe(true);
    // Used up: a second queued request has nothing to open, and asks nothing.
    expect(await handlers.openProject(APP, { queued: true })).toEqual({ ok: false, reason: 'cancelled' });
    expect(await handlers.openProject(APP, undefined)).toEqual({ ok: false, reason: 'cancelled' });
    expect(dialogCalls.map((c) => c.kind)).toEqual(['save', 'open']);
  });

  it('rejects malformed open requests and foreign senders with a clear result', async () => {
    const { handlers, dialogCalls } = setup();
    expect(await handlers.openProject(APP, { path: 'relative.gpkg' })).toMatchObject({ ok: false, reason: 'io_error', detail: expect.stringMatching(/absolute/) });
    expect(await handlers.openProject(APP, { path: '/x/notes.txt' })).toMatchObject({ ok: false, reason: 'io_error', detail: expect.stringMatching(/\.gpkg/) });
    expect(await handlers.openProject(FOREIGN, undefined)).toMatchObject({ ok: false, reason: 'io_error', detail: expect.stringMatching(/not the app/) });
    expect(dialogCalls).toEqual([]);
  });

  it('listRecent and resetFile reject foreign senders and stray arguments', async () => {
    const { handlers } = setup();
    await expect(handlers.listRecent(FOREIGN, undefined)).rejects.toBeInstanceOf(IpcRefusedError);
    await expect(handlers.listRecent(APP, { all: true })).rejects.toThrow(/no argument/);
    await expect(handlers.resetFile(FOREIGN, undefined)).rejects.toBeInstanceOf(IpcRefusedError);
  });
});

describe('IPC handlers: document state', () => {
  it('passes valid states on and drops bad ones', () => {
    const { handlers, states, logs } = setup();
    expect(handlers.setDocumentState(APP, { fileName: 'a.gpkg', dirty: true, undoLabel: 'Draw plot' })).toBe(true);
    expect(handlers.setDocumentState(APP, { fileName: 'a.gpkg' })).toBe(false);
    expect(handlers.setDocumentState(FOREIGN, { fileName: 'a.gpkg', dirty: false })).toBe(false);
    expect(states).toEqual([{ fileName: 'a.gpkg', dirty: true, undoLabel: 'Draw plot' }]);
    expect(logs).toHaveLength(2);
  });
});
