import { IPC_CHANNELS, type InvokeChannel, type IpcResponse, type IpcSendMap } from './ipc-channels';
import type { IpcHandlers, IpcSender } from './ipc-handlers';
import type { createTileFileIpc } from './tile-file-service';

/**
 * Which handler answers which channel: the one table main.ts registers with ipcMain and the
 * end-to-end desktop harness (tests/e2e/desktop-harness.ts) routes through, so the tests
 * exercise exactly the channels the app exposes. 'invoke' channels answer a promise
 * (ipcMain.handle); 'send' channels are fire-and-forget (ipcMain.on). Every handler validates
 * its sender and payload itself (ipc-validation.ts).
 */
export interface IpcRoute {
  channel: string;
  kind: 'invoke' | 'send';
  handle(sender: IpcSender, payload: unknown): unknown;
}

type TileFileIpc = ReturnType<typeof createTileFileIpc>;

export function ipcRoutes(handlers: IpcHandlers, tiles: TileFileIpc): IpcRoute[] {
  // Typed by the channel map: a handler must answer what the preload's caller expects.
  const invoke = <C extends InvokeChannel>(channel: C, handle: (sender: IpcSender, payload: unknown) => Promise<IpcResponse<C>>): IpcRoute => ({ channel, kind: 'invoke', handle });
  const send = (channel: keyof IpcSendMap, handle: IpcRoute['handle']): IpcRoute => ({ channel, kind: 'send', handle });
  return [
    invoke(IPC_CHANNELS.openProject, (sender, payload) => handlers.openProject(sender, payload)),
    invoke(IPC_CHANNELS.saveProject, (sender, payload) => handlers.saveProject(sender, payload)),
    invoke(IPC_CHANNELS.resetFile, (sender, payload) => handlers.resetFile(sender, payload)),
    invoke(IPC_CHANNELS.listRecent, (sender, payload) => handlers.listRecent(sender, payload)),
    invoke(IPC_CHANNELS.openDroppedPath, (sender, payload) => handlers.openDroppedPath(sender, payload)),
    invoke(IPC_CHANNELS.revertProject, (sender, payload) => handlers.revertProject(sender, payload)),
    invoke(IPC_CHANNELS.writeRecovery, (sender, payload) => handlers.writeRecovery(sender, payload)),
    invoke(IPC_CHANNELS.clearRecovery, (sender, payload) => handlers.clearRecovery(sender, payload)),
    invoke(IPC_CHANNELS.listRecoveries, (sender, payload) => handlers.listRecoveries(sender, payload)),
    invoke(IPC_CHANNELS.recoverProject, (sender, payload) => handlers.recoverProject(sender, payload)),
    invoke(IPC_CHANNELS.discardRecovery, (sender, payload) => handlers.discardRecovery(sender, payload)),
    invoke(IPC_CHANNELS.chooseTileFile, (sender, payload) => tiles.chooseTileFile(sender, payload)),
    invoke(IPC_CHANNELS.currentTileFile, (sender, payload) => tiles.currentTileFile(sender, payload)),
    invoke(IPC_CHANNELS.forgetTileFile, (sender, payload) => tiles.forgetTileFile(sender, payload)),
    invoke(IPC_CHANNELS.readTile, (sender, payload) => tiles.readTile(sender, payload)),
    send(IPC_CHANNELS.setDocumentState, (sender, payload) => handlers.setDocumentState(sender, payload)),
    send(IPC_CHANNELS.closeAnswer, (sender, payload) => handlers.closeAnswer(sender, payload)),
  ];
}
