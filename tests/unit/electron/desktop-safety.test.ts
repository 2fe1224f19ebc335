import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveOutcome } from '../../../shared/host-api';
import { createCloseGuard, type CloseChoice } from '../../../electron/close-guard';
import { createIpcHandlers } from '../../../electron/ipc-handlers';
import { validateDocumentState, validateOpenRequest } from '../../../electron/ipc-validation';
import { createRecoveryStore } from '../../../electron/recovery-store';
import { handleRendererGone } from '../../../electron/renderer-gone';
import { EN, VI } from '../../../electron/main-strings';
import { appWindow, fakeFileService, fakeWriteProject, FOREIGN, recentFilesIn, sampleDocument, scriptedDialogs, useTempDir } from './helpers';

/**
 * Defects that could lose work in the desktop shell: a stale queued open, a refused save that
 * never told the close guard, a crashed page, and the state the menu's Revert relies on.
 */

const tempDir = useTempDir();
const W1 = appWindow(1);

function setup(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const { dialogs, dialogCalls } = scriptedDialogs(answers);
  const saves: SaveOutcome[] = [];
  const recovery = createRecoveryStore({ fs, dir: path.join(tempDir(), 'recovery'), now: () => new Date('2026-03-01T10:00:00Z'), appVersion: '0.1.0', pid: 1 });
  const handlers = createIpcHandlers({ files: fakeFileService(), recent: recentFilesIn(tempDir()), dialogs, recovery, onSaveFinished: (_id, o) => saves.push(o) });
  return { handlers, dialogCalls, saves, recovery };
}

async function projectFile(name: string, projectName: string): Promise<string> {
  const file = path.join(tempDir(), name);
  await fs.writeFile(file, fakeWriteProject({} as never, sampleDocument(projectName)));
  return file;
}

describe('queued open (Open Recent, second instance, open-file)', () => {
  it('a queued file the page declined is not opened by a later plain Open: that shows the dialog', async () => {
    const queued = await projectFile('queued.gpkg', 'Queued');
    const chosen = await projectFile('chosen.gpkg', 'Chosen');
    const { handlers, dialogCalls } = setup({ open: [chosen] });
    handlers.queueOpen(1, queued);
    // The page asked "discard changes?" and the user said no: it sent nothing. Later, Ctrl+O:
    const outcome = await handlers.openProject(W1, undefined);
    expect(dialogCalls.map((c) => c.kind)).toEqual(['open']);
    expect(outcome).toMatchObject({ ok: true, fileName: 'chosen.gpkg' });
    expect(handlers.currentPath(1)).toBe(chosen);
    // …and the queue was emptied by it.
    expect(await handlers.openProject(W1, { queued: true })).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('a queued request without a queued file opens nothing and shows no dialog', async () => {
    const { handlers, dialogCalls } = setup({ open: ['/never/asked.gpkg'] });
    expect(await handlers.openProject(W1, { queued: true })).toEqual({ ok: false, reason: 'cancelled' });
    expect(dialogCalls).toEqual([]);
  });

  it('opening a dropped file also forgets the queued one', async () => {
    const queued = await projectFile('queued.gpkg', 'Queued');
    const other = await projectFile('other.gpkg', 'Other');
    const { handlers } = setup();
    handlers.queueOpen(1, queued);
    expect(await handlers.openDroppedPath(W1, { path: other })).toMatchObject({ ok: true, fileName: 'other.gpkg' });
    expect(await handlers.openProject(W1, { queued: true })).toEqual({ ok: false, reason: 'cancelled' });
    expect(handlers.currentPath(1)).toBe(other);
  });

  it('the open request accepts only queued: true, and nothing beside path', () => {
    expect(validateOpenRequest({ queued: true })).toEqual({ ok: true, value: { queued: true } });
    expect(validateOpenRequest({ queued: false }).ok).toBe(false);
    expect(validateOpenRequest({ queued: 'yes' }).ok).toBe(false);
    expect(validateOpenRequest({ queued: true, evil: 1 }).ok).toBe(false);
  });
});

describe('a refused save still finishes', () => {
  it('a save from a foreign sender is refused and reported to the close guard', async () => {
    const { handlers, saves, dialogCalls } = setup({ save: [path.join(tempDir(), 'x.gpkg')] });
    const outcome = await handlers.saveProject(FOREIGN, { document: sampleDocument(), saveAs: true, suggestedName: 'x' });
    expect(outcome).toMatchObject({ ok: false, reason: 'io_error', detail: expect.stringMatching(/not the app/) });
    expect(saves).toEqual([outcome]);
    expect(dialogCalls).toEqual([]);
  });

  it('so a close waiting on that save gives up instead of hanging', async () => {
    const events: string[] = [];
    const guard = createCloseGuard({ ask: async () => 'save', requestSave: () => events.push('save'), close: () => events.push('close'), cancelled: () => events.push('cancelled') });
    const handlers = createIpcHandlers({ files: fakeFileService(), recent: recentFilesIn(tempDir()), dialogs: scriptedDialogs().dialogs, onSaveFinished: (_id, o) => guard.saveFinished(o.ok) });
    guard.documentStateChanged({ dirty: true });
    guard.requestClose();
    await new Promise((r) => setTimeout(r, 0));
    expect(guard.phase).toBe('saving-then-close');
    await handlers.saveProject(FOREIGN, { document: sampleDocument(), saveAs: false, suggestedName: 'x' });
    expect(guard.phase).toBe('idle');
    expect(events).toEqual(['save', 'cancelled']);
  });
});

function guardWith(answer: CloseChoice) {
  const events: string[] = [];
  const guard = createCloseGuard({ ask: async () => answer, requestSave: () => events.push('save'), close: () => events.push('close'), cancelled: () => events.push('cancelled') });
  return { guard, events };
}

describe('close guard reset (the page is gone)', () => {
  it("leaves 'saving-then-close', stops the waiting quit, and the next close goes straight through", async () => {
    const { guard, events } = guardWith('save');
    guard.documentStateChanged({ dirty: true });
    guard.requestClose();
    await new Promise((r) => setTimeout(r, 0));
    expect(guard.phase).toBe('saving-then-close');
    guard.reset();
    expect(guard.phase).toBe('idle');
    expect(events).toEqual(['save', 'cancelled']);
    // The document is now clean as far as the window knows: closing does not ask.
    expect(guard.requestClose()).toBe(true);
    expect(events).toEqual(['save', 'cancelled']);
  });

  it('an answer that arrives after the reset is ignored', async () => {
    let answer!: (choice: CloseChoice) => void;
    const events: string[] = [];
    const guard = createCloseGuard({
      ask: () => new Promise<CloseChoice>((resolve) => (answer = resolve)),
      requestSave: () => events.push('save'),
      close: () => events.push('close'),
      cancelled: () => events.push('cancelled'),
    });
    guard.documentStateChanged({ dirty: true });
    guard.requestClose();
    guard.reset();
    answer('discard');
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual(['cancelled']);
    expect(guard.phase).toBe('idle');
  });

  it('an idle, clean guard reset calls nothing', () => {
    const { guard, events } = guardWith('cancel');
    guard.reset();
    expect(events).toEqual([]);
    expect(guard.phase).toBe('idle');
  });
});

describe('renderer crash', () => {
  function steps(closing = false) {
    const calls: string[] = [];
    return {
      calls,
      deps: {
        forgetSession: () => calls.push('forget'),
        resetCloseGuard: () => calls.push('reset guard'),
        markClean: () => calls.push('clean'),
        isClosing: () => closing,
        reload: () => calls.push('reload'),
      },
    };
  }

  it('a crash forgets the session (keeping the snapshot), unsticks the guard, marks clean and reloads', () => {
    for (const reason of ['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed', 'integrity-failure']) {
      const { calls, deps } = steps();
      expect(handleRendererGone(reason, deps)).toBe(true);
      expect(calls).toEqual(['forget', 'reset guard', 'clean', 'reload']);
    }
  });

  it('a clean exit is not a crash; a closing window is not reloaded', () => {
    const clean = steps();
    expect(handleRendererGone('clean-exit', clean.deps)).toBe(false);
    expect(clean.calls).toEqual([]);
    const closing = steps(true);
    handleRendererGone('crashed', closing.deps);
    expect(closing.calls).toEqual(['forget', 'reset guard', 'clean']);
  });

  it('the crashed window’s snapshot survives its close and is offered to the reloaded page', async () => {
    const { handlers, recovery } = setup();
    const written = await handlers.writeRecovery(W1, { document: sampleDocument('Unsaved work'), fileName: null });
    expect(written.ok).toBe(true);
    const guard = guardWith('discard');
    guard.guard.documentStateChanged({ dirty: true });
    handleRendererGone('crashed', {
      forgetSession: () => handlers.forgetWindow(1),
      resetCloseGuard: () => guard.guard.reset(),
      markClean: () => guard.guard.documentStateChanged({ dirty: false }),
      isClosing: () => false,
      reload: () => undefined,
    });
    // Before the fix the window still counted as dirty: "Don't save" then deleted the snapshot.
    expect(guard.guard.requestClose()).toBe(true);
    await handlers.windowClosed(1);
    expect((await recovery.list()).map((e) => e.projectName)).toEqual(['Unsaved work']);
    // The reloaded page (or another window) is offered it.
    expect((await handlers.listRecoveries(appWindow(2), undefined)).map((e) => e.projectName)).toEqual(['Unsaved work']);
  });
});

describe('document state: backed by a file', () => {
  it('hasFile is validated as a boolean', () => {
    expect(validateDocumentState({ fileName: 'a.gpkg', dirty: true, hasFile: false })).toEqual({ ok: true, value: { fileName: 'a.gpkg', dirty: true, hasFile: false } });
    expect(validateDocumentState({ fileName: 'a.gpkg', dirty: true, hasFile: 'yes' }).ok).toBe(false);
  });
});

describe('main-process strings', () => {
  it('the offline-map dialog and New window are in both languages', () => {
    expect([EN['dialog.tileTitle'], VI['dialog.tileTitle']]).toEqual(['Choose an offline map file', 'Chọn tệp bản đồ ngoại tuyến']);
    expect([EN['dialog.tileFilter'], VI['dialog.tileFilter']]).toEqual(['Offline map tiles (PMTiles, MBTiles)', 'Ô bản đồ ngoại tuyến (PMTiles, MBTiles)']);
    expect([EN['file.newWindow'], VI['file.newWindow']]).toEqual(['New window', 'Cửa sổ mới']);
  });
});
