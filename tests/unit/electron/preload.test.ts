import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, MenuCommand } from '../../../shared/host-api';
import { IPC_CHANNELS } from '../../../electron/ipc-channels';

/** The preload runs against a stand-in for Electron's renderer modules: no Electron here. */
const exposed: Record<string, unknown> = {};
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (..._args: unknown[]) => 'result');
const send = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    send: (...args: unknown[]) => send(...args),
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(fn);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn),
  },
  // Electron gives a path only to Files from the file system; the stand-in reads `fsPath`.
  webUtils: { getPathForFile: (file: { fsPath?: string }) => file.fsPath ?? '' },
}));

await import('../../../electron/preload');
const api = exposed.ecopark as HostApi;

function emit(command: unknown) {
  for (const fn of listeners.get(IPC_CHANNELS.menuCommand) ?? []) fn({ sender: 'secret' }, command);
}

describe('preload bridge', () => {
  beforeEach(() => {
    invoke.mockClear();
    send.mockClear();
  });

  it('exposes exactly HostApi under window.ecopark, and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['ecopark']);
    expect(Object.keys(api).sort()).toEqual([
      'chooseTileFile',
      'clearRecovery',
      'currentTileFile',
      'discardRecovery',
      'forgetTileFile',
      'kind',
      'listRecent',
      'listRecoveries',
      'onCloseRequest',
      'onMenuCommand',
      'openDroppedFile',
      'openProject',
      'readTile',
      'recoverProject',
      'resetFile',
      'revertProject',
      'runtimeVersions',
      'saveProject',
      'setDocumentState',
      'writeRecovery',
    ]);
    expect(api.kind).toBe('desktop');
  });

  it('maps each call to its named channel', async () => {
    await api.openProject({ path: '/a.gpkg' });
    await api.listRecent();
    await api.resetFile();
    api.setDocumentState({ fileName: null, dirty: true });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.openProject, { path: '/a.gpkg' }],
      [IPC_CHANNELS.listRecent],
      [IPC_CHANNELS.resetFile],
    ]);
    expect(send.mock.calls).toEqual([[IPC_CHANNELS.setDocumentState, { fileName: null, dirty: true }]]);
  });

  it('sends a dropped file to main by its path, and leaves a File without one to the page', async () => {
    await expect(api.openDroppedFile?.({ name: 'a.gpkg', fsPath: '/parks/a.gpkg' } as never)).resolves.toBe('result');
    await expect(api.openDroppedFile?.({ name: 'forged.gpkg' })).resolves.toBeNull();
    expect(invoke.mock.calls).toEqual([[IPC_CHANNELS.openDroppedPath, { path: '/parks/a.gpkg' }]]);
    // Only the three version strings reach the page, not the process object.
    expect(Object.keys(api.runtimeVersions ?? {}).sort()).toEqual(['chrome', 'electron', 'node']);
  });

  it('delivers only known menu commands, without the IPC event, until unsubscribed', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((c) => received.push(c));
    emit('save');
    emit('rm -rf');
    emit(42);
    unsubscribe();
    emit('undo');
    expect(received).toEqual(['save']);
    expect(listeners.get(IPC_CHANNELS.menuCommand)?.size).toBe(0);
  });

  it('acknowledges a close request at once, asks the page once per round and sends its answer', async () => {
    let answer: (choice: 'save' | 'discard' | 'cancel') => void = () => undefined;
    const ask = vi.fn(() => new Promise<'save' | 'discard' | 'cancel'>((resolve) => (answer = resolve)));
    const withdraw = vi.fn();
    const unsubscribe = api.onCloseRequest!({ ask, withdraw });
    const withdrawn = (requestId: number) => {
      for (const fn of listeners.get(IPC_CHANNELS.closeWithdrawn) ?? []) fn({}, { requestId });
    };
    const request = (payload: unknown) => {
      for (const fn of listeners.get(IPC_CHANNELS.closeRequest) ?? []) fn({ sender: 'secret' }, payload);
    };
    request({ requestId: 7 });
    // Close clicked again while the question is up: acknowledged again, not asked twice.
    request({ requestId: 7 });
    // Malformed requests are dropped without an answer.
    request({ requestId: 'x' });
    request(null);
    await Promise.resolve();
    expect(ask).toHaveBeenCalledTimes(1);
    // Main gave up on another round: this question stays; on this round: it is taken away.
    withdrawn(6);
    expect(withdraw).not.toHaveBeenCalled();
    withdrawn(7);
    expect(withdraw).toHaveBeenCalledTimes(1);
    answer('save');
    await new Promise((r) => setTimeout(r, 0));
    expect(send.mock.calls).toEqual([
      [IPC_CHANNELS.closeAnswer, { requestId: 7, answer: 'asking' }],
      [IPC_CHANNELS.closeAnswer, { requestId: 7, answer: 'asking' }],
      [IPC_CHANNELS.closeAnswer, { requestId: 7, answer: 'save' }],
    ]);
    unsubscribe();
    expect(listeners.get(IPC_CHANNELS.closeRequest)?.size).toBe(0);
    expect(listeners.get(IPC_CHANNELS.closeWithdrawn)?.size).toBe(0);
  });

  it('answers Cancel when the page fails to ask or answers nonsense: the window and the work stay', async () => {
    const unsubscribeThrowing = api.onCloseRequest!({ ask: () => Promise.reject(new Error('broken page')), withdraw: () => undefined });
    for (const fn of listeners.get(IPC_CHANNELS.closeRequest) ?? []) fn({}, { requestId: 1 });
    unsubscribeThrowing();
    const unsubscribeOdd = api.onCloseRequest!({ ask: async () => 'quit' as 'cancel', withdraw: () => undefined });
    for (const fn of listeners.get(IPC_CHANNELS.closeRequest) ?? []) fn({}, { requestId: 2 });
    unsubscribeOdd();
    await new Promise((r) => setTimeout(r, 0));
    expect(send.mock.calls.filter(([, payload]) => (payload as { answer: string }).answer !== 'asking')).toEqual([
      [IPC_CHANNELS.closeAnswer, { requestId: 1, answer: 'cancel' }],
      [IPC_CHANNELS.closeAnswer, { requestId: 2, answer: 'cancel' }],
    ]);
  });
});
