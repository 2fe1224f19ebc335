import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../../shared/host-api';
import { createIpcHandlers, type IpcSender } from '../../../electron/ipc-handlers';
import { validateDocumentState, validateDroppedPath } from '../../../electron/ipc-validation';
import { createRecentFiles } from '../../../electron/recent-files';
import { langFromLocale } from '../../../electron/main-strings';
import { APP, fakeFileService, fakeWriteProject, FOREIGN, recentFilesIn, sampleDocument, scriptedDialogs, useTempDir } from './helpers';

/** Issue 7, desktop conventions: drag-and-drop open, the page's language and panels, Clear recent. */

const tempDir = useTempDir();

function setup() {
  const states: DocumentState[] = [];
  const { dialogs, dialogCalls } = scriptedDialogs();
  const recent = recentFilesIn(tempDir());
  const handlers = createIpcHandlers({
    files: fakeFileService(),
    recent,
    dialogs,
    onDocumentState: (_id, s) => states.push(s),
    isFile: (p) => fs.stat(p).then((s) => s.isFile(), () => false),
  });
  return { handlers, recent, states, dialogCalls };
}

async function writeProjectFile(name: string): Promise<string> {
  const target = path.join(tempDir(), name);
  await fs.writeFile(target, fakeWriteProject({} as never, sampleDocument('Dropped park')));
  return target;
}

describe('drag and drop of a .gpkg onto the desktop window', () => {
  it('opens the dropped file without a dialog, so Save writes back to it, and lists it as recent', async () => {
    const { handlers, recent, dialogCalls } = setup();
    const target = await writeProjectFile('dropped.gpkg');
    const outcome = await handlers.openDroppedPath(APP, { path: target });
    expect(outcome).toMatchObject({ ok: true, fileName: 'dropped.gpkg' });
    expect(outcome.ok && outcome.document.project.name).toBe('Dropped park');
    expect(dialogCalls).toEqual([]);
    expect(handlers.currentPath(APP.windowId)).toBe(target);
    expect((await recent.list()).map((r) => r.path)).toEqual([target]);
  });

  it('refuses relative, non-.gpkg, missing and directory paths with a clear message, and a foreign sender', async () => {
    const { handlers, dialogCalls } = setup();
    const folder = path.join(tempDir(), 'folder.gpkg');
    await fs.mkdir(folder);
    const cases: [IpcSender, unknown, RegExp][] = [
      [APP, { path: 'relative.gpkg' }, /absolute/],
      [APP, { path: path.join(tempDir(), 'notes.txt') }, /\.gpkg/],
      [APP, { path: path.join(tempDir(), 'missing.gpkg') }, /missing\.gpkg does not exist or is not a file/],
      [APP, { path: folder }, /folder\.gpkg does not exist or is not a file/],
      [APP, { path: path.join(tempDir(), 'x.gpkg'), extra: 1 }, /Invalid dropped file/],
      [APP, '/etc/passwd', /Invalid dropped file/],
      [FOREIGN, { path: await writeProjectFile('ok.gpkg') }, /sender/],
    ];
    for (const [sender, payload, message] of cases) {
      const outcome = await handlers.openDroppedPath(sender, payload);
      expect(outcome.ok, JSON.stringify(payload)).toBe(false);
      expect(!outcome.ok && outcome.reason).toBe('io_error');
      expect(!outcome.ok && 'detail' in outcome ? outcome.detail : '').toMatch(message);
    }
    // A refused drop never falls back to the open dialog, and no file became current.
    expect(dialogCalls).toEqual([]);
    expect(handlers.currentPath(APP.windowId)).toBeNull();
  });

  it('validates the payload shape on its own', () => {
    expect(validateDroppedPath({ path: 'C:\\parks\\A.GPKG' })).toEqual({ ok: true, value: 'C:\\parks\\A.GPKG' });
    expect(validateDroppedPath({ path: '/a/b.gpkg\0' }).ok).toBe(false);
    expect(validateDroppedPath(undefined).ok).toBe(false);
  });
});

describe('the page tells the main process its language and shown panels', () => {
  it('accepts lang and view in the document state, and refuses anything else', () => {
    const state = { fileName: null, dirty: false, lang: 'vi', view: { legend: true, features: false, view3d: true } };
    expect(validateDocumentState(state)).toEqual({ ok: true, value: state });
    expect(validateDocumentState({ fileName: null, dirty: false, lang: 'fr' }).ok).toBe(false);
    expect(validateDocumentState({ fileName: null, dirty: false, view: { legend: true } }).ok).toBe(false);
    expect(validateDocumentState({ fileName: null, dirty: false, view: { legend: true, features: true, view3d: true, evil: 1 } }).ok).toBe(false);
  });

  it('forwards a valid state (with its language) to the window, drops a forged one', () => {
    const { handlers, states } = setup();
    expect(handlers.setDocumentState(APP, { fileName: 'a.gpkg', dirty: true, lang: 'vi' })).toBe(true);
    expect(handlers.setDocumentState(FOREIGN, { fileName: 'a.gpkg', dirty: true, lang: 'en' })).toBe(false);
    expect(handlers.setDocumentState(APP, { fileName: 'a.gpkg', dirty: true, lang: 'xx' })).toBe(false);
    expect(states).toEqual([{ fileName: 'a.gpkg', dirty: true, lang: 'vi' }]);
  });

  it('starts in the OS language until the page says', () => {
    expect(langFromLocale('vi')).toBe('vi');
    expect(langFromLocale('vi-VN')).toBe('vi');
    expect(langFromLocale('en-GB')).toBe('en');
    expect(langFromLocale('')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });
});

describe('Open Recent ▸ Clear recent files', () => {
  it('empties the stored list, tells the menu, and leaves the files alone', async () => {
    const changes: number[] = [];
    const storePath = path.join(tempDir(), 'recent.json');
    const recent = createRecentFiles({ fs, storePath, now: () => new Date(), onChange: (list) => changes.push(list.length) });
    const a = await writeProjectFile('a.gpkg');
    await recent.add(a);
    await recent.clear();
    expect(await recent.list()).toEqual([]);
    expect(JSON.parse(await fs.readFile(storePath, 'utf8'))).toEqual([]);
    expect(changes).toEqual([1, 0]);
    expect((await fs.stat(a)).isFile()).toBe(true);
    expect(await recent.has(a)).toBe(false);
  });
});
