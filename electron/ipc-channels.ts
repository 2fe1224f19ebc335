import type { DocumentState, HostApi, MenuCommand, OpenOutcome, UnsavedChoice } from '../shared/host-api';

/**
 * Names of the IPC channels between the preload and the main process. One list, imported by
 * both sides, so a renamed channel is a compile error rather than a silent hang.
 */
export const IPC_CHANNELS = {
  openProject: 'ecopark:open-project',
  saveProject: 'ecopark:save-project',
  resetFile: 'ecopark:reset-file',
  listRecent: 'ecopark:list-recent',
  /** A .gpkg dropped on the window, by its path (from webUtils.getPathForFile in the preload). */
  openDroppedPath: 'ecopark:open-dropped-path',
  revertProject: 'ecopark:revert-project',
  writeRecovery: 'ecopark:write-recovery',
  clearRecovery: 'ecopark:clear-recovery',
  listRecoveries: 'ecopark:list-recoveries',
  recoverProject: 'ecopark:recover-project',
  discardRecovery: 'ecopark:discard-recovery',
  /** Offline basemap file (electron/tile-file-service.ts). */
  chooseTileFile: 'ecopark:choose-tile-file',
  currentTileFile: 'ecopark:current-tile-file',
  forgetTileFile: 'ecopark:forget-tile-file',
  readTile: 'ecopark:read-tile',
  /** Fire-and-forget (ipcRenderer.send): HostApi.setDocumentState returns void. */
  setDocumentState: 'ecopark:set-document-state',
  /** Main → renderer: a MenuCommand string. */
  menuCommand: 'ecopark:menu-command',
  /** Main → renderer: the window is closing with unsaved changes; ask in the page (electron/page-close-asker.ts). */
  closeRequest: 'ecopark:close-request',
  /** Renderer → main (send): 'asking' at once, then the user's answer, for one close request. */
  closeAnswer: 'ecopark:close-answer',
  /** Main → renderer: main stopped waiting for that request (the native box asked); drop its question. */
  closeWithdrawn: 'ecopark:close-withdrawn',
} as const;

/** One "close with unsaved changes?" round; the id ties the page's answers to it. */
export interface CloseRequest {
  requestId: number;
}

/** 'asking': the page received the request and shows its question (main stops waiting for a hung page). */
export interface CloseAnswer {
  requestId: number;
  answer: 'asking' | UnsavedChoice;
}

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

type Host = Required<HostApi>;
/** What an invoke channel carries: the payload the preload sends and the answer main resolves with. */
type Call<Request, Response> = { request: Request; response: Response };
type Answer<K extends keyof Host> = Host[K] extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * The typed channel map (after CoMapeo Desktop's): channel → request and response. The preload's
 * `invoke`, the route table main.ts and the desktop harness share (ipc-routes.ts) are checked
 * against it, so a handler answering the wrong shape, or a preload call sending one, fails to
 * compile. Requests are still validated at run time (ipc-validation.ts): the page is untrusted.
 */
export interface IpcInvokeMap {
  [IPC_CHANNELS.openProject]: Call<Parameters<Host['openProject']>[0], Answer<'openProject'>>;
  [IPC_CHANNELS.saveProject]: Call<Parameters<Host['saveProject']>[0], Answer<'saveProject'>>;
  [IPC_CHANNELS.resetFile]: Call<undefined, Answer<'resetFile'>>;
  [IPC_CHANNELS.listRecent]: Call<undefined, Answer<'listRecent'>>;
  [IPC_CHANNELS.openDroppedPath]: Call<{ path: string }, OpenOutcome>;
  [IPC_CHANNELS.revertProject]: Call<undefined, Answer<'revertProject'>>;
  [IPC_CHANNELS.writeRecovery]: Call<Parameters<Host['writeRecovery']>[0], Answer<'writeRecovery'>>;
  [IPC_CHANNELS.clearRecovery]: Call<undefined, Answer<'clearRecovery'>>;
  [IPC_CHANNELS.listRecoveries]: Call<undefined, Answer<'listRecoveries'>>;
  [IPC_CHANNELS.recoverProject]: Call<{ id: string }, Answer<'recoverProject'>>;
  [IPC_CHANNELS.discardRecovery]: Call<{ id: string }, Answer<'discardRecovery'>>;
  [IPC_CHANNELS.chooseTileFile]: Call<undefined, Answer<'chooseTileFile'>>;
  [IPC_CHANNELS.currentTileFile]: Call<undefined, Answer<'currentTileFile'>>;
  [IPC_CHANNELS.forgetTileFile]: Call<undefined, Answer<'forgetTileFile'>>;
  [IPC_CHANNELS.readTile]: Call<Parameters<Host['readTile']>[0], Answer<'readTile'>>;
}

/** Fire-and-forget channels (ipcRenderer.send → ipcMain.on): payload only. */
export interface IpcSendMap {
  [IPC_CHANNELS.setDocumentState]: DocumentState;
  [IPC_CHANNELS.closeAnswer]: CloseAnswer;
}

/** Main → renderer channels (webContents.send): payload only. */
export interface IpcEventMap {
  [IPC_CHANNELS.menuCommand]: MenuCommand;
  [IPC_CHANNELS.closeRequest]: CloseRequest;
  [IPC_CHANNELS.closeWithdrawn]: CloseRequest;
}

export type InvokeChannel = keyof IpcInvokeMap;
export type IpcRequest<C extends InvokeChannel> = IpcInvokeMap[C]['request'];
export type IpcResponse<C extends InvokeChannel> = IpcInvokeMap[C]['response'];

/** webContents.send checked against IpcEventMap (structural, so this file needs no Electron). */
export function sendToPage<C extends keyof IpcEventMap>(contents: { send(channel: string, ...args: unknown[]): void }, channel: C, payload: IpcEventMap[C]): void {
  contents.send(channel, payload);
}
