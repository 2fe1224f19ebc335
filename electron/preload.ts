import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, type HostApi, type MenuCommand } from '../shared/host-api';
import { IPC_CHANNELS } from './ipc-channels';

/**
 * The only bridge between the sandboxed page and the main process: exactly HostApi, one named
 * channel per call. ipcRenderer itself is never exposed, so the page cannot reach other
 * channels. Bundled to CommonJS (scripts/build-electron.mjs): sandboxed preloads cannot load
 * ESM or arbitrary modules.
 */

const menuCommands: ReadonlySet<string> = new Set(MENU_COMMANDS);

const api: HostApi = {
  kind: 'desktop',
  openProject: (request) => ipcRenderer.invoke(IPC_CHANNELS.openProject, request),
  saveProject: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveProject, request),
  resetFile: () => ipcRenderer.invoke(IPC_CHANNELS.resetFile),
  listRecent: () => ipcRenderer.invoke(IPC_CHANNELS.listRecent),
  async openDroppedFile(file) {
    // Only a File from the file system has a path; one the page built itself has ''. The page
    // never learns the path: it goes straight to main, which checks it again.
    let filePath = '';
    try {
      filePath = webUtils.getPathForFile(file as File);
    } catch {
      filePath = '';
    }
    return filePath ? ipcRenderer.invoke(IPC_CHANNELS.openDroppedPath, { path: filePath }) : null;
  },
  // The sandboxed preload sees process.versions; the page gets these three strings only.
  runtimeVersions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  revertProject: () => ipcRenderer.invoke(IPC_CHANNELS.revertProject),
  writeRecovery: (request) => ipcRenderer.invoke(IPC_CHANNELS.writeRecovery, request),
  clearRecovery: () => ipcRenderer.invoke(IPC_CHANNELS.clearRecovery),
  listRecoveries: () => ipcRenderer.invoke(IPC_CHANNELS.listRecoveries),
  recoverProject: (id) => ipcRenderer.invoke(IPC_CHANNELS.recoverProject, { id }),
  discardRecovery: (id) => ipcRenderer.invoke(IPC_CHANNELS.discardRecovery, { id }),
  chooseTileFile: () => ipcRenderer.invoke(IPC_CHANNELS.chooseTileFile),
  currentTileFile: () => ipcRenderer.invoke(IPC_CHANNELS.currentTileFile),
  forgetTileFile: () => ipcRenderer.invoke(IPC_CHANNELS.forgetTileFile),
  readTile: (request) => ipcRenderer.invoke(IPC_CHANNELS.readTile, request),
  setDocumentState: (state) => ipcRenderer.send(IPC_CHANNELS.setDocumentState, state),
  onMenuCommand(listener) {
    // A fresh wrapper per subscription: the page never sees the IPC event (and its sender).
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && menuCommands.has(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, handler);
    };
  },
};

contextBridge.exposeInMainWorld('ecopark', api);
