import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, type HostApi, type MenuCommand, type UnsavedChoice } from '../shared/host-api';
import { IPC_CHANNELS, type InvokeChannel, type IpcRequest, type IpcResponse, type IpcSendMap } from './ipc-channels';

/**
 * The only bridge between the sandboxed page and the main process: exactly HostApi, one named
 * channel per call. ipcRenderer itself is never exposed, so the page cannot reach other
 * channels. Bundled to CommonJS (scripts/build-electron.mjs): sandboxed preloads cannot load
 * ESM or arbitrary modules.
 */

const menuCommands: ReadonlySet<string> = new Set(MENU_COMMANDS);
const unsavedChoices: ReadonlySet<unknown> = new Set<UnsavedChoice>(['save', 'discard', 'cancel']);

/** The id of a close request from main, or null when malformed. */
function requestIdOf(request: unknown): number | null {
  const requestId = (request as { requestId?: unknown } | null)?.requestId;
  return typeof requestId === 'number' && Number.isSafeInteger(requestId) && requestId >= 1 ? requestId : null;
}

/** ipcRenderer.invoke checked against the channel map: request and answer types per channel. */
function invoke<C extends InvokeChannel>(channel: C, ...request: IpcRequest<C> extends undefined ? [] : [IpcRequest<C>]): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, ...request) as Promise<IpcResponse<C>>;
}

function send<C extends keyof IpcSendMap>(channel: C, payload: IpcSendMap[C]): void {
  ipcRenderer.send(channel, payload);
}

const api: HostApi = {
  kind: 'desktop',
  openProject: (request) => invoke(IPC_CHANNELS.openProject, request),
  saveProject: (request) => invoke(IPC_CHANNELS.saveProject, request),
  resetFile: () => invoke(IPC_CHANNELS.resetFile),
  listRecent: () => invoke(IPC_CHANNELS.listRecent),
  async openDroppedFile(file) {
    // Only a File from the file system has a path; one the page built itself has ''. The page
    // never learns the path: it goes straight to main, which checks it again.
    let filePath = '';
    try {
      filePath = webUtils.getPathForFile(file as File);
    } catch {
      filePath = '';
    }
    return filePath ? invoke(IPC_CHANNELS.openDroppedPath, { path: filePath }) : null;
  },
  // The sandboxed preload sees process.versions; the page gets these three strings only.
  runtimeVersions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  revertProject: () => invoke(IPC_CHANNELS.revertProject),
  writeRecovery: (request) => invoke(IPC_CHANNELS.writeRecovery, request),
  clearRecovery: () => invoke(IPC_CHANNELS.clearRecovery),
  listRecoveries: () => invoke(IPC_CHANNELS.listRecoveries),
  recoverProject: (id) => invoke(IPC_CHANNELS.recoverProject, { id }),
  discardRecovery: (id) => invoke(IPC_CHANNELS.discardRecovery, { id }),
  chooseTileFile: () => invoke(IPC_CHANNELS.chooseTileFile),
  currentTileFile: () => invoke(IPC_CHANNELS.currentTileFile),
  forgetTileFile: () => invoke(IPC_CHANNELS.forgetTileFile),
  readTile: (request) => invoke(IPC_CHANNELS.readTile, request),
  setDocumentState: (state) => send(IPC_CHANNELS.setDocumentState, state),
  onMenuCommand(listener) {
    // A fresh wrapper per subscription: the page never sees the IPC event (and its sender).
    // unknown on arrival, whatever IpcEventMap says main sends: the page must not trust it blindly.
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && menuCommands.has(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, handler);
    };
  },
  onCloseRequest(listener) {
    // The round whose question is up: main re-sends it when close is clicked again, to check
    // the page still answers; that is acknowledged again, not asked twice.
    let asking: number | null = null;
    const withdrawn = (_event: IpcRendererEvent, request: unknown) => {
      if (asking !== null && requestIdOf(request) === asking) listener.withdraw();
    };
    const handler = (_event: IpcRendererEvent, request: unknown) => {
      const requestId = requestIdOf(request);
      if (requestId === null) return;
      // At once, before the question: main stops waiting for a hung page only on this.
      send(IPC_CHANNELS.closeAnswer, { requestId, answer: 'asking' });
      if (asking === requestId) return;
      asking = requestId;
      const answer = (choice: UnsavedChoice) => {
        if (asking === requestId) asking = null;
        send(IPC_CHANNELS.closeAnswer, { requestId, answer: choice });
      };
      // Whatever goes wrong in the page, the answer is Cancel: the window (and the work) stays.
      Promise.resolve()
        .then(() => listener.ask())
        .then((choice) => answer(unsavedChoices.has(choice) ? choice : 'cancel'), () => answer('cancel'));
    };
    ipcRenderer.on(IPC_CHANNELS.closeRequest, handler);
    ipcRenderer.on(IPC_CHANNELS.closeWithdrawn, withdrawn);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.closeRequest, handler);
      ipcRenderer.removeListener(IPC_CHANNELS.closeWithdrawn, withdrawn);
    };
  },
};

contextBridge.exposeInMainWorld('ecopark', api);
