import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../shared/host-api';
import { IPC_CHANNELS } from '../../../electron/ipc-channels';
import { createEmptyDocument } from '../../../shared/model';

/** The preload's recovery and revert calls, each on its own channel, ids wrapped as the validator expects. */
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => undefined);

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));

await import('../../../electron/preload');
const api = exposed.ecopark as HostApi;

describe('preload bridge: never losing work', () => {
  it('maps revert and recovery calls to their channels', async () => {
    const document = createEmptyDocument('P', { now: '2026-01-01T00:00:00Z' });
    await api.revertProject();
    await api.writeRecovery({ document, fileName: null });
    await api.clearRecovery();
    await api.listRecoveries();
    await api.recoverProject('abc123-0123456789ab');
    await api.discardRecovery('abc123-0123456789ab');
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.revertProject],
      [IPC_CHANNELS.writeRecovery, { document, fileName: null }],
      [IPC_CHANNELS.clearRecovery],
      [IPC_CHANNELS.listRecoveries],
      [IPC_CHANNELS.recoverProject, { id: 'abc123-0123456789ab' }],
      [IPC_CHANNELS.discardRecovery, { id: 'abc123-0123456789ab' }],
    ]);
  });
});
