import path from 'node:path';
import fs from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent, type IpcMainEvent } from 'electron';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readProject, writeProject } from '../shared/project-file';
import type { DocumentState, MenuCommand, RecentFile } from '../shared/host-api';
import { createAppProtocolHandler, withCspHeader } from './app-protocol';
import { createCloseGuard, type CloseChoice, type CloseGuard } from './close-guard';
import { createFileService } from './file-service';
import { IPC_CHANNELS, sendToPage } from './ipc-channels';
import { createIpcHandlers, type IpcSender } from './ipc-handlers';
import { ipcRoutes } from './ipc-routes';
import { describeIgnored, parseLaunchArgs } from './launch-args';
import { langFromLocale, mainText, type MainKey, type MainLang } from './main-strings';
import { buildMenuTemplate } from './menu';
import { handleRendererGone } from './renderer-gone';
import { createRecentFiles } from './recent-files';
import { createRecoveryStore } from './recovery-store';
import { createTileFileIpc, createTileFileService, TILE_FILE_EXTENSIONS } from './tile-file-service';
import { APP_HOST, APP_SCHEME, APP_START_URL } from './security-policy';
import { hardenWebContents } from './harden-web-contents';
import { createPageCloseAsker, type PageCloseAsker } from './page-close-asker';
import { documentTitleName, formatWindowTitle } from './window-title';

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
  /** Asks the guard's question in the page, the native box if the page does not answer. */
  closeAsker: PageCloseAsker;
  state: DocumentState;
}
const windows = new Map<number, WindowRecord>();
let recentCache: RecentFile[] = [];
let quitting = false;
/** UI language the pages last reported (menus and main's dialogs follow it); the OS locale until then. */
let uiLang: MainLang = 'en';
const text = (key: MainKey, params?: Record<string, string>) => mainText(uiLang, key, params);
const titleOf = (state: DocumentState) => formatWindowTitle(state, text('close.untitled'));

/** The .gpkg a command line names (`ecopark-desktop park.gpkg`); other arguments are logged and ignored. */
function projectFromCommandLine(argv: readonly string[], cwd: string): string | null {
  const parsed = parseLaunchArgs(argv, cwd, { defaultApp: process.defaultApp === true });
  for (const entry of parsed.ignored) if (entry.reason !== 'app_path') console.warn(`[ecopark] argument ignored: ${describeIgnored(entry)}`);
  return parsed.projectPath;
}
/** A file named at launch (or via macOS open-file before the first window), opened once the page is up. */
let launchFile: string | null = projectFromCommandLine(process.argv, process.cwd());

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

// Autosave snapshots of unsaved work, never beside the user's file (docs/never-losing-work.md).
const recovery = createRecoveryStore({
  fs,
  dir: path.join(app.getPath('userData'), 'recovery'),
  now: () => new Date(),
  appVersion: app.getVersion(),
  pid: process.pid,
});

const gpkgFilters = () => [{ name: text('dialog.gpkgFilter'), extensions: ['gpkg'] }];

// Offline basemap file: chosen here, remembered in userData, tiles served by z/x/y over IPC.
const tileFiles = createTileFileService({
  fs,
  storeFs: fs,
  loadSql,
  storePath: path.join(app.getPath('userData'), 'offline-basemap.json'),
  async chooseTilePath(windowId) {
    const owner = windows.get(windowId)?.window;
    // Its texts live in main-strings.ts, where the EN/VI parity test covers them.
    const options = { title: text('dialog.tileTitle'), filters: [{ name: text('dialog.tileFilter'), extensions: TILE_FILE_EXTENSIONS }], properties: ['openFile' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  },
  log: (message) => console.warn(`[ecopark] ${message}`),
});
const tileFileIpc = createTileFileIpc(
  tileFiles,
  (message) => console.warn(`[ecopark] ${message}`),
  // One offline file per app: the other windows reload it (the sender already has).
  (fromWindowId) => {
    for (const [id, record] of windows) {
      if (id !== fromWindowId) sendToPage(record.window.webContents, IPC_CHANNELS.menuCommand, 'offline-basemap-changed');
    }
  },
);

const handlers = createIpcHandlers({
  files,
  recent,
  dialogs: {
    async chooseOpenPath(windowId) {
      const owner = windows.get(windowId)?.window;
      const options = { title: text('dialog.openTitle'), filters: gpkgFilters(), properties: ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async chooseSavePath(windowId, defaultPath) {
      const owner = windows.get(windowId)?.window;
      // Linux (GTK) only asks before replacing an existing file when told to.
      const options = { title: text('dialog.saveTitle'), defaultPath, filters: gpkgFilters(), properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  },
  onDocumentState(windowId, state) {
    const record = windows.get(windowId);
    if (!record) return;
    record.state = state;
    if (state.lang) uiLang = state.lang;
    record.window.setTitle(titleOf(state));
    // macOS shows the unsaved dot in the close button.
    record.window.setDocumentEdited(state.dirty);
    record.guard.documentStateChanged(state);
    rebuildMenu();
  },
  onCloseAnswer(windowId, answer) {
    windows.get(windowId)?.closeAsker.pageAnswered(answer);
  },
  onSaveFinished(windowId, outcome) {
    windows.get(windowId)?.guard.saveFinished(outcome.ok);
  },
  recovery,
  focusWindow(windowId) {
    const window = windows.get(windowId)?.window;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  },
  async isFile(filePath) {
    return fs.stat(filePath).then((stats) => stats.isFile(), () => false);
  },
  log: (message) => console.warn(`[ecopark] ${message}`),
});

function targetWindow(): WindowRecord | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  return (focused && windows.get(focused.webContents.id)) ?? windows.values().next().value;
}

function sendCommand(command: MenuCommand, record = targetWindow()): void {
  if (record) {
    sendToPage(record.window.webContents, IPC_CHANNELS.menuCommand, command);
    return;
  }
  // macOS: the app may be running without a window; open one, then deliver the command.
  const created = createWindow();
  created.window.webContents.once('did-finish-load', () => sendToPage(created.window.webContents, IPC_CHANNELS.menuCommand, command));
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
  // 'open-queued' is the only command that opens it: if the page declines (unsaved changes), a
  // later plain Open shows the dialog rather than this file.
  handlers.queueOpen(record.window.webContents.id, filePath);
  sendCommand('open-queued', record);
}

function rebuildMenu(): void {
  const state = targetWindow()?.state;
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      isDev,
      recent: recentCache,
      lang: state?.lang ?? uiLang,
      undoLabel: state?.undoLabel,
      redoLabel: state?.redoLabel,
      fileName: state?.fileName,
      hasFile: state?.hasFile,
      dirty: state?.dirty,
      view: state?.view,
    },
    {
      // About, Settings and Help are the page's own dialogs (one version for desktop and web).
      sendCommand: (command) => sendCommand(command),
      openRecent: openInWindow,
      // Each window has its own document; it starts on the sample like the first one.
      newWindow: () => void createWindow(),
      clearRecent() {
        void recent.clear().catch((error: unknown) => console.warn(`[ecopark] recent files not cleared: ${String(error)}`));
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The native box: only when the page cannot ask (page-close-asker.ts). */
async function askToSave(window: BrowserWindow, fileName: string | null): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: [text('close.save'), text('close.discard'), text('close.cancel')],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    message: text('close.message', { file: fileName ?? text('close.untitled') }),
    detail: text('close.detail'),
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
    title: titleOf({ fileName: null, dirty: false }),
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
  const closeAsker = createPageCloseAsker({
    sendRequest: (requestId) => sendToPage(window.webContents, IPC_CHANNELS.closeRequest, { requestId }),
    withdraw: (requestId) => sendToPage(window.webContents, IPC_CHANNELS.closeWithdrawn, { requestId }),
    askNative: () => askToSave(window, documentTitleName(record.state)),
    setTimer(run, ms) {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    log: (message) => console.warn(`[ecopark] ${message}`),
  });
  const record: WindowRecord = {
    window,
    closeAsker,
    state: { fileName: null, dirty: false },
    guard: createCloseGuard({
      ask: () => closeAsker.ask(),
      askedAgain: () => closeAsker.askedAgain(),
      requestSave: () => sendToPage(window.webContents, IPC_CHANNELS.menuCommand, 'save'),
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
    // The old page's question went with it: a close waiting for it ends as Cancel.
    closeAsker.reset();
    window.setTitle(titleOf(record.state));
  });
  window.webContents.on('did-finish-load', () => {
    if (launchFile === null) return;
    const file = launchFile;
    launchFile = null;
    handlers.queueOpen(id, file);
    sendToPage(window.webContents, IPC_CHANNELS.menuCommand, 'open-queued');
  });
  // A crashed page: keep its snapshot for the reloaded page to offer, and unstick the window.
  window.webContents.on('render-process-gone', (_event, details) => {
    handleRendererGone(details.reason, {
      forgetSession: () => handlers.forgetWindow(id),
      resetCloseGuard() {
        record.guard.reset();
        closeAsker.reset();
      },
      markClean() {
        record.state = { fileName: null, dirty: false };
        if (window.isDestroyed()) return;
        window.setTitle(titleOf(record.state));
        window.setDocumentEdited(false);
        rebuildMenu();
      },
      isClosing: () => window.isDestroyed() || record.guard.phase === 'closing',
      reload: () => window.webContents.reload(),
      log: (message) => console.warn(`[ecopark] ${message}`),
    });
  });
  window.on('closed', () => {
    windows.delete(id);
    // A normal close (saved, or "Don't save"): the window's recovery snapshot is not needed.
    void handlers.windowClosed(id);
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
  for (const route of ipcRoutes(handlers, tileFileIpc)) {
    if (route.kind === 'invoke') ipcMain.handle(route.channel, (event, payload: unknown) => route.handle(senderOf(event), payload));
    else ipcMain.on(route.channel, (event, payload: unknown) => void route.handle(senderOf(event), payload));
  }
}

app.on('second-instance', (_event, argv, workingDirectory) => {
  const record = targetWindow();
  if (record) {
    if (record.window.isMinimized()) record.window.restore();
    record.window.focus();
  }
  const file = projectFromCommandLine(argv, workingDirectory);
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

// A clean exit removes the closed windows' recovery snapshots; let those deletions finish, or
// the next start would offer work the user deliberately discarded. The offline map file is
// closed too.
let recoveryFlushed = false;
app.on('will-quit', (event) => {
  if (recoveryFlushed) return;
  event.preventDefault();
  recoveryFlushed = true;
  void Promise.allSettled([recovery.idle(), tileFiles.close()]).finally(() => app.quit());
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
  uiLang = langFromLocale(app.getLocale());
  recentCache = await recent.list().catch(() => []);
  rebuildMenu();
  createWindow();
  if (isDev) console.info(`[ecopark] serving ${rendererRoot} as ${APP_SCHEME}://${APP_HOST}/`);
});
