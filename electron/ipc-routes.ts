import { IPC_CHANNELS } from './ipc-channels';
import type { IpcHandlers, IpcSender } from './ipc-handlers';

/**
 * Which handler answers which channel: the one table main.ts registers with ipcMain and the
 * end-to-end desktop harness (tests/e2e/desktop-harness.ts) routes through, so the tests
 * exercise exactly the channels the app exposes. 'invoke' channels answer a promise
 * (ipcMain.handle); 'send' channels are fire-and-forget (ipcMain.on).
 */
export interface IpcRoute {
  channel: string;
  kind: 'invoke' | 'send';
  handle(sender: IpcSender, payload: unknown): unknown;
}

export function ipcRoutes(handlers: IpcHandlers): IpcRoute[] {
  return [
    { channel: IPC_CHANNELS.openProject, kind: 'invoke', handle: (sender, payload) => handlers.openProject(sender, payload) },
    { channel: IPC_CHANNELS.saveProject, kind: 'invoke', handle: (sender, payload) => handlers.saveProject(sender, payload) },
    { channel: IPC_CHANNELS.resetFile, kind: 'invoke', handle: (sender, payload) => handlers.resetFile(sender, payload) },
    { channel: IPC_CHANNELS.listRecent, kind: 'invoke', handle: (sender, payload) => handlers.listRecent(sender, payload) },
    { channel: IPC_CHANNELS.openDroppedPath, kind: 'invoke', handle: (sender, payload) => handlers.openDroppedPath(sender, payload) },
    { channel: IPC_CHANNELS.setDocumentState, kind: 'send', handle: (sender, payload) => handlers.setDocumentState(sender, payload) },
  ];
}
