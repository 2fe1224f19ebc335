import path from 'node:path';
import fs from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type IpcMainEvent } from 'electron';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readProject, writeProject } from '../shared/project-file';
import type { DocumentState, MenuCommand, RecentFile } from '../shared/host-api';
import { createAppProtocolHandler, withCspHeader } from './app-protocol';
import { createCloseGuard, type CloseChoice, type CloseGuard } from './close-guard';
import { createFileService } from './file-service';
import { IPC_CHANNELS } from './ipc-channels';
import { createIpcHandlers, type IpcSender } from './ipc-handlers';
import { projectPathFromArgv } from './launch-args';
import { buildMenuTemplate } from './menu';
import { createRecentFiles } from './recent-files';
import { APP_HOST, APP_SCHEME, APP_START_URL } from './security-policy';
import { hardenWebContents } from './harden-web-contents';
import { APP_NAME, formatWindowTitle } from './window-title';

/**
 * Desktop shell entry (bundled to dist/electron/main.cjs). Wiring only: every decision lives
 * in a small module with its own unit tests; this file adapts Electron's objects to them.
 */

// Must run before 'ready': gives app:// a real origin with fetch(), CSP 'self' and secure-context APIs.
protocol.registerSchemesAsPrivileged([
  // corsEnabled: module scripts and module workers (the renderer bundle, MapLibre's worker) are
  // fetched in CORS mode, which a custom scheme only supports when it says so.
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);
app.enableSandbox();

// One process owns the recent list and the per-window files; a second launch (double-click
// on a .gpkg) hands its file over and exits.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.exit(0);

const isDev = !app.isPackaged;
const rendererRoot = path.join(__dirname, '..', 'renderer');

let sqlPromise: Promise<SqlJsStatic> | null = null;
const loadSql = (): Promise<SqlJsStatic> => {
  // build-electron.mjs copies sql-wasm.wasm next to main.cjs.
  sqlPromise ??= initSqlJs({ locateFile: (file: string) => path.join(__dirname, file) });
  return sqlPromise;
};

interface WindowRecord {
  window: BrowserWindow;
  guard: CloseGuard;
  state: DocumentState;
}
const windows = new Map<number, WindowRecord>();
let recentCache: RecentFile[] = [];
let quitting = false;
/** A file named at launch (or via macOS open-file before the first window), opened once the page is up. */
let launchFile: string | null = projectPathFromArgv(process.argv, process.cwd());

const recent = createRecentFiles({
  fs,
  storePath: path.join(app.getPath('userData'), 'recent-files.json'),
  now: () => new Date(),
  onChange: (list) => {
    recentCache = list;
    rebuildMenu();
  },
});

const files = createFileService({ fs, loadSql, readProject, writeProject });

const gpkgFilters = [{ name: 'EcoPark project (GeoPackage)', extensions: ['gpkg'] }];

const handlers = createIpcHandlers({
  files,
  recent,
  dialogs: {
    async chooseOpenPath(windowId) {
      const owner = windows.get(windowId)?.window;
      const options = { title: 'Open project', filters: gpkgFilters, properties: ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseSavePath(windowId, defaultPath) {
      const owner = windows.get(windowId)?.window;
      const options = { title: 'Save project', defaultPath, filters: gpkgFilters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  },
  onDocumentState(windowId, state) {
    const record = windows.get(windowId);
    if (!record) return;
    record.state = state;
    record.window.setTitle(formatWindowTitle(state));
    // macOS shows the unsaved dot in the close button.
    record.window.setDocumentEdited(state.dirty);
    record.guard.documentStateChanged(state);
    rebuildMenu();
  },
  onSaveFinished(windowId, outcome) {
    windows.get(windowId)?.guard.saveFinished(outcome.ok);
  },
  log: (message) => console.warn(`[ecopark] ${message}`),
});

function targetWindow(): WindowRecord | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  return (focused && windows.get(focused.webContents.id)) ?? windows.values().next().value;
}

function sendCommand(command: MenuCommand, record = targetWindow()): void {
  if (record) {
    record.window.webContents.send(IPC_CHANNELS.menuCommand, command);
    return;
  }
  // macOS: the app may be running without a window; open one, then deliver the command.
  const created = createWindow();
  created.window.webContents.once('did-finish-load', () => created.window.webContents.send(IPC_CHANNELS.menuCommand, command));
}

/** Opens `filePath` in a window through the page (which decides about unsaved changes). */
function openInWindow(filePath: string): void {
  const record = targetWindow();
  if (!record) {
    // The new page asks for it once loaded (did-finish-load), after its navigation reset.
    launchFile = filePath;
    createWindow();
    return;
  }
  // The page may only name recent files by path; this goes through the queued-open path instead.
  handlers.queueOpen(record.window.webContents.id, filePath);
  sendCommand('open', record);
}

function rebuildMenu(): void {
  const state = targetWindow()?.state;
  const template = buildMenuTemplate(
    { platform: process.platform, isDev, recent: recentCache, undoLabel: state?.undoLabel, redoLabel: state?.redoLabel },
    {
      sendCommand: (command) => sendCommand(command),
      openRecent: openInWindow,
      showAbout() {
        void dialog.showMessageBox({
          type: 'info',
          title: `About ${APP_NAME}`,
          message: `${APP_NAME} ${app.getVersion()}`,
          detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
        });
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function askToSave(window: BrowserWindow, fileName: string | null): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: ['Save', "Don't save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: `Save changes to ${fileName ?? 'Untitled'} before closing?`,
    detail: "Your changes will be lost if you don't save them.",
  });
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

function createWindow(): WindowRecord {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: formatWindowTitle({ fileName: null, dirty: false }),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  const id = window.webContents.id;
  const record: WindowRecord = {
    window,
    state: { fileName: null, dirty: false },
    guard: createCloseGuard({
      ask: () => askToSave(window, record.state.fileName),
      requestSave: () => window.webContents.send(IPC_CHANNELS.menuCommand, 'save' satisfies MenuCommand),
      close: () => window.close(),
      cancelled: () => {
        quitting = false;
      },
    }),
  };
  windows.set(id, record);

  // The page keeps the title in step through setDocumentState; ignore <title> changes.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (!record.guard.requestClose()) event.preventDefault();
  });
  window.on('focus', rebuildMenu);
  // A (re)loaded page starts untitled: forget the file, or Save would overwrite the previous
  // project with the fresh page's document.
  window.webContents.on('did-navigate', () => {
    handlers.forgetWindow(id);
    record.state = { fileName: null, dirty: false };
    record.guard.documentStateChanged(record.state);
    window.setTitle(formatWindowTitle(record.state));
  });
  window.webContents.on('did-finish-load', () => {
    if (launchFile === null) return;
    const file = launchFile;
    launchFile = null;
    handlers.queueOpen(id, file);
    window.webContents.send(IPC_CHANNELS.menuCommand, 'open' satisfies MenuCommand);
  });
  window.on('closed', () => {
    windows.delete(id);
    handlers.forgetWindow(id);
    rebuildMenu();
    // A quit that paused for a "Save changes?" box resumes once that window is gone.
    if (quitting && windows.size === 0) app.quit();
  });
  void window.loadURL(APP_START_URL);
  return record;
}

/** Hardening for every web contents, including any the page manages to create. */
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => void shell.openExternal(url));
});

function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): IpcSender {
  // senderFrame is null once the frame navigated away or was destroyed: treated as untrusted.
  return { windowId: event.sender.id, frameUrl: event.senderFrame?.url ?? null };
}

function registerIpc(): void {
  ipcMain.handle(IPC_CHANNELS.openProject, (event, payload: unknown) => handlers.openProject(senderOf(event), payload));
  ipcMain.handle(IPC_CHANNELS.saveProject, (event, payload: unknown) => handlers.saveProject(senderOf(event), payload));
  ipcMain.handle(IPC_CHANNELS.resetFile, (event, payload: unknown) => handlers.resetFile(senderOf(event), payload));
  ipcMain.handle(IPC_CHANNELS.listRecent, (event, payload: unknown) => handlers.listRecent(senderOf(event), payload));
  ipcMain.on(IPC_CHANNELS.setDocumentState, (event, payload: unknown) => {
    handlers.setDocumentState(senderOf(event), payload);
  });
}

app.on('second-instance', (_event, argv, workingDirectory) => {
  const record = targetWindow();
  if (record) {
    if (record.window.isMinimized()) record.window.restore();
    record.window.focus();
  }
  const file = projectPathFromArgv(argv, workingDirectory);
  if (file) openInWindow(file);
});

// macOS delivers double-clicked files as an event, possibly before 'ready'.
app.on('open-file', (event, filePath) => {
  event.preventDefault();
  if (app.isReady() && windows.size > 0) openInWindow(filePath);
  else launchFile = filePath;
});

app.on('before-quit', () => {
  quitting = true;
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin' || quitting) app.quit();
});

app.on('activate', () => {
  if (windows.size === 0) createWindow();
});

void app.whenReady().then(async () => {
  if (!isPrimaryInstance) return;
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, (file) => fs.readFile(file)));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  // The app needs no camera, location, notifications...: refuse them all, without prompting.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerIpc();
  recentCache = await recent.list().catch(() => []);
  rebuildMenu();
  createWindow();
  if (isDev) console.info(`[ecopark] serving ${rendererRoot} as ${APP_SCHEME}://${APP_HOST}/`);
});
