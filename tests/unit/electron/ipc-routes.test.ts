import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../electron/ipc-channels';
import type { IpcHandlers } from '../../../electron/ipc-handlers';
import { ipcRoutes } from '../../../electron/ipc-routes';
import type { createTileFileIpc } from '../../../electron/tile-file-service';

// The handlers are only captured in closures here, never called.
const routes = ipcRoutes({} as IpcHandlers, {} as ReturnType<typeof createTileFileIpc>);
const preload = readFileSync(path.resolve(__dirname, '../../../electron/preload.ts'), 'utf8');

function preloadUses(method: 'invoke' | 'send'): string[] {
  // The preload calls through its typed wrappers invoke()/send() (checked against IpcInvokeMap).
  return [...preload.matchAll(new RegExp(`\\b${method}\\(IPC_CHANNELS\\.(\\w+)`, 'g'))].map((m) => IPC_CHANNELS[m[1] as keyof typeof IPC_CHANNELS]);
}

describe('IPC route table', () => {
  it('answers every renderer-to-main channel exactly once (menuCommand, closeRequest and closeWithdrawn go the other way)', () => {
    const mainToPage = new Set(['menuCommand', 'closeRequest', 'closeWithdrawn']);
    const expected = Object.entries(IPC_CHANNELS)
      .filter(([name]) => !mainToPage.has(name))
      .map(([, channel]) => channel)
      .sort();
    expect(routes.map((r) => r.channel).sort()).toEqual(expected);
  });

  it('has a route of the right kind for every call the preload makes', () => {
    const invoked = preloadUses('invoke');
    const sent = preloadUses('send');
    expect(invoked.length).toBeGreaterThan(10);
    for (const channel of invoked) expect(routes.find((r) => r.channel === channel)?.kind, channel).toBe('invoke');
    for (const channel of sent) expect(routes.find((r) => r.channel === channel)?.kind, channel).toBe('send');
    // And nothing is routed that the preload never calls: no dead doors into the main process.
    expect(new Set([...invoked, ...sent])).toEqual(new Set(routes.map((r) => r.channel)));
  });
});
