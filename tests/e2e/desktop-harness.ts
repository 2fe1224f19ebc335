import { createServer, type Server } from 'node:http';
import fs from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, pretendOffline, waitForSampleOnMap } from './browser';

export { waitForSampleOnMap };
import { readProject, writeProject } from '../../shared/project-file';
import type { DocumentState } from '../../shared/host-api';
import { createAppProtocolHandler } from '../../electron/app-protocol';
import { createCloseGuard, type CloseChoice } from '../../electron/close-guard';
import { createPageCloseAsker } from '../../electron/page-close-asker';
import { createFileService } from '../../electron/file-service';
import { IPC_CHANNELS, type IpcEventMap } from '../../electron/ipc-channels';
import { createIpcHandlers, type IpcHandlers } from '../../electron/ipc-handlers';
import { ipcRoutes } from '../../electron/ipc-routes';
import { createRecentFiles } from '../../electron/recent-files';
import { createRecoveryStore } from '../../electron/recovery-store';
import { createTileFileIpc, createTileFileService } from '../../electron/tile-file-service';
import { APP_ORIGIN } from '../../electron/security-policy';

/**
 * The desktop shell without Electron (whose binary cannot be downloaded on the build
 * machines): the real renderer build served by the real app:// protocol handler (so every
 * response carries the shell's real CSP), the real preload bundle (dist/electron/preload.cjs)
 * running against a stand-in for Electron's contextBridge/ipcRenderer, and the real
 * main-process IPC handlers, file service and recent list behind it, writing real files in a
 * temporary folder. Native dialogs are scripted by the test.
 *
 * One difference from Electron, used on purpose by the security tests: the bridge function
 * `__ecoparkShell` that stands in for IPC is reachable by page scripts, so a test can play a
 * compromised page sending arbitrary channels and payloads straight to the main side.
 */

const ROOT = path.resolve(__dirname, '../..');
/** The renderer build under test (ECOPARK_RENDERER_DIST lets parallel work test its own). */
export const RENDERER_ROOT = process.env.ECOPARK_RENDERER_DIST ?? 'dist/renderer';
const WINDOW_ID = 1;
/** The desktop shell build whose preload runs in the page (ECOPARK_ELECTRON_DIST: a parallel build of it). */
const ELECTRON_DIST = process.env.ECOPARK_ELECTRON_DIST ?? path.join(ROOT, 'dist/electron');

/** Serves a renderer build over http through the app:// protocol handler main.ts uses. */
export async function startAppProtocolServer(rendererRoot: string): Promise<{ url: string; server: Server }> {
  const handle = createAppProtocolHandler(rendererRoot, (file) => fs.readFile(file));
  const server = createServer(async (request, response) => {
    // The handler only answers app://ecopark/ URLs, as in the shell.
    const appUrl = new URL(request.url ?? '/', APP_ORIGIN);
    if (appUrl.pathname === '/') appUrl.pathname = '/index.html';
    const answer = await handle(new Request(appUrl, { method: request.method }));
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => (headers[name] = value));
    response.writeHead(answer.status, headers);
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/index.html`, server };
}

/** The preload's `require('electron')` and the message pump from main to the page. */
function preloadShim(preloadSource: string): string {
  return `(() => {
    const listeners = new Map();
    const electron = {
      contextBridge: {
        exposeInMainWorld(key, api) {
          Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: false, configurable: false, writable: false });
        },
      },
      ipcRenderer: {
        invoke: (channel, ...args) => window.__ecoparkShell('invoke', channel, args),
        send: (channel, ...args) => { void window.__ecoparkShell('send', channel, args); },
        on(channel, listener) {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel).add(listener);
        },
        removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
      },
      // A page cannot forge a File with a path: stand-in Files have none, as forged ones in Electron.
      webUtils: { getPathForFile: () => '' },
    };
    window.__ecoparkShellDeliver = (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, payload);
    };
    const module = { exports: {} };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('a sandboxed preload may not require ' + name);
    };
    const process = { versions: { electron: 'harness', chrome: 'chromium', node: 'none' }, platform: 'linux' };
    (function (require, module, exports, process) {
${preloadSource}
    })(require, module, module.exports, process);
  })();`;
}

export interface DesktopHarness {
  page: Page;
  context: BrowserContext;
  /** Temporary folder standing in for the user's documents and the app's user data. */
  dir: string;
  handlers: IpcHandlers;
  /**
   * Answers of the next native Open / Save / offline-map dialogs (null = cancelled), and of the
   * native "Save changes?" box (only shown when the page does not answer a close request).
   */
  dialogs: { open: (string | null)[]; save: (string | null)[]; tiles: (string | null)[]; closeBox: CloseChoice[] };
  /** How many times the native "Save changes?" box was shown. */
  nativeCloseBoxes: () => number;
  /**
   * The window's close button, wired as main.ts wires it (close guard → page close asker →
   * the page's own dialog): true when the window may close at once.
   */
  requestClose(): boolean;
  /** The close guard really closed the window (after Don't save, or a save that landed). */
  windowClosed: () => boolean;
  /** Every document state the page published (title, dirty marker, undo labels). */
  documentStates: DocumentState[];
  /** What a compromised page sent that the main side refused or ignored. */
  log: string[];
  /** Main → page, typed by the channel map like main.ts's sendToPage. */
  sendMenuCommand(command: IpcEventMap[typeof IPC_CHANNELS.menuCommand]): Promise<void>;
  close(): Promise<void>;
}

export async function openDesktopHarness(browser: Browser, appUrl: string): Promise<DesktopHarness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ecopark-desktop-'));
  const preloadSource = await fs.readFile(path.join(ELECTRON_DIST, 'preload.cjs'), 'utf8');
  const dialogs: DesktopHarness['dialogs'] = { open: [], save: [], tiles: [], closeBox: [] };
  /** The page, once opened: main's messages before that go nowhere, as in Electron. */
  const window1: { page?: Page } = {};
  let nativeCloseBoxes = 0;
  let windowClosed = false;
  /** Main → page like webContents.send: in order, never awaited (a hung page must not hang main). */
  const deliver = (channel: string, payload: unknown) =>
    void window1.page?.evaluate(([c, p]) => window.__ecoparkShellDeliver?.(c, p), [channel, payload] as const).catch(() => undefined);
  // As in main.ts's createWindow.
  const closeAsker = createPageCloseAsker({
    sendRequest: (requestId) => deliver(IPC_CHANNELS.closeRequest, { requestId }),
    withdraw: (requestId) => deliver(IPC_CHANNELS.closeWithdrawn, { requestId }),
    askNative: async () => {
      nativeCloseBoxes += 1;
      return dialogs.closeBox.shift() ?? 'cancel';
    },
    setTimer(run, ms) {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  const guard = createCloseGuard({
    ask: () => closeAsker.ask(),
    askedAgain: () => closeAsker.askedAgain(),
    requestSave: () => deliver(IPC_CHANNELS.menuCommand, 'save'),
    close: () => (windowClosed = true),
  });
  const documentStates: DocumentState[] = [];
  const log: string[] = [];
  const recovery = createRecoveryStore({ fs, dir: path.join(dir, 'user-data', 'recovery'), now: () => new Date(), appVersion: 'harness', pid: process.pid });
  const handlers = createIpcHandlers({
    files: createFileService({ fs, loadSql: () => initSqlJs(), readProject, writeProject }),
    recent: createRecentFiles({ fs, storePath: path.join(dir, 'user-data', 'recent-files.json'), now: () => new Date() }),
    dialogs: {
      chooseOpenPath: async () => dialogs.open.shift() ?? null,
      chooseSavePath: async () => dialogs.save.shift() ?? null,
    },
    onDocumentState: (_windowId, state) => {
      documentStates.push(state);
      guard.documentStateChanged(state);
    },
    onSaveFinished: (_windowId, outcome) => guard.saveFinished(outcome.ok),
    onCloseAnswer: (_windowId, answer) => closeAsker.pageAnswered(answer),
    recovery,
    isFile: (filePath) => fs.stat(filePath).then((stats) => stats.isFile(), () => false),
    log: (message) => log.push(message),
  });
  const tiles = createTileFileIpc(
    createTileFileService({
      fs,
      storeFs: fs,
      loadSql: () => initSqlJs(),
      storePath: path.join(dir, 'user-data', 'offline-basemap.json'),
      chooseTilePath: async () => dialogs.tiles.shift() ?? null,
    }),
    (message) => log.push(message),
  );
  await fs.mkdir(path.join(dir, 'user-data'), { recursive: true });
  const routes = new Map(ipcRoutes(handlers, tiles).map((route) => [route.channel, route]));
  const appOrigin = new URL(appUrl).origin;

  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  await context.exposeBinding('__ecoparkShell', async (source, kind: unknown, channel: unknown, args: unknown) => {
    // Electron's senderFrame.url: frames of the served build count as app://ecopark/ pages.
    const frameUrl = source.frame.url();
    const senderUrl = frameUrl.startsWith(appOrigin) ? APP_ORIGIN + frameUrl.slice(appOrigin.length) : frameUrl;
    const route = typeof channel === 'string' ? routes.get(channel) : undefined;
    if (!route || route.kind !== kind || !Array.isArray(args) || args.length > 1) {
      // ipcMain has no handler for such a message: invoke rejects, send goes nowhere.
      log.push(`no route for ${String(kind)} ${String(channel)}`);
      if (kind === 'invoke') throw new Error(`No handler registered for '${String(channel)}'`);
      return undefined;
    }
    return route.handle({ windowId: WINDOW_ID, frameUrl: senderUrl }, args[0]);
  });
  await pretendOffline(context);
  await context.addInitScript({ content: preloadShim(preloadSource) });
  // The tour is for people; tests that want it start their own profile.
  await context.addInitScript(() => localStorage.setItem('ecopark.settings', JSON.stringify({ ...JSON.parse(localStorage.getItem('ecopark.settings') ?? '{}'), tourDone: true })));
  const shown = await context.newPage();
  window1.page = shown;
  await shown.goto(appUrl);
  await waitForSampleOnMap(shown);

  return {
    page: shown,
    context,
    dir,
    handlers,
    dialogs,
    nativeCloseBoxes: () => nativeCloseBoxes,
    requestClose: () => guard.requestClose(),
    windowClosed: () => windowClosed,
    documentStates,
    log,
    sendMenuCommand: (command) => shown.evaluate(([channel, c]) => window.__ecoparkShellDeliver?.(channel, c), [IPC_CHANNELS.menuCommand, command] as const),
    async close() {
      await context.close();
      // A page closed with unsaved work may still be writing its last snapshot (visibilitychange).
      await recovery.idle();
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Selects the active scenario's last feature and presses Delete (an edit, as a user makes one). */
export async function deleteLastFeature(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stores = window.__ecoparkStores!;
    const doc = stores.document.getState().document!;
    const active = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!;
    stores.ui.getState().select([active.features.at(-1)!.id]);
  });
  await page.keyboard.press('Delete');
}

declare global {
  interface Window {
    __ecoparkShell?: (kind: string, channel: string, args: unknown[]) => Promise<unknown>;
    __ecoparkShellDeliver?: (channel: string, payload: unknown) => void;
  }
}

/**
 * One served renderer, one browser and one desktop harness for a test file: started before its
 * tests, closed after them. Returns getters (the values exist only once beforeAll has run).
 */
export function desktopHarnessForFile(): { shell: () => DesktopHarness; appUrl: () => string } {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let appUrl = '';
  let shell: DesktopHarness | undefined;
  beforeAll(async () => {
    const started = await startAppProtocolServer(RENDERER_ROOT);
    server = started.server;
    appUrl = started.url;
    browser = await launchBrowser();
    shell = await openDesktopHarness(browser, appUrl);
  });
  afterAll(async () => {
    await shell?.close();
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  });
  return { shell: () => shell!, appUrl: () => appUrl };
}
