import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../electron/security-policy';

// Runs the real desktop build where an Electron binary exists (ELECTRON_PATH). The build
// machines cannot download Electron, so vitest.config.ts includes this file only when
// ELECTRON_PATH is set; there, security.e2e.ts and desktop-shell.e2e.ts run the same renderer,
// preload and IPC handlers through tests/e2e/desktop-harness.ts instead, and the main process's
// decisions are unit-tested in tests/unit/electron.

let app: ElectronApplication;
let page: Page;

beforeAll(async () => {
  app = await electron.launch({ executablePath: process.env.ELECTRON_PATH!, args: ['.'] });
  page = await app.firstWindow();
  await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
});

afterAll(async () => {
  await app?.close();
});

describe('the desktop shell (real Electron)', () => {
  it('opens the sample park in a sandboxed, context-isolated window without Node', async () => {
    expect(await page.title()).toMatch(/EcoPark Planner/);
    expect(page.url()).toBe('app://ecopark/index.html');
    const webPreferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean; webviewTag?: boolean } | null;
      };
      const prefs = contents.getLastWebPreferences();
      return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration, webviewTag: prefs?.webviewTag };
    });
    expect(webPreferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    const globals = await page.evaluate(() => ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((n) => typeof (globalThis as Record<string, unknown>)[n]));
    expect(globals.every((type) => type === 'undefined')).toBe(true);
    expect(await page.evaluate(() => typeof window.ecopark?.saveProject)).toBe('function');
  });

  it('serves every page with the CSP, which blocks eval', async () => {
    const header = await page.evaluate(async () => (await fetch('app://ecopark/index.html')).headers.get('content-security-policy'));
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    const evalOutcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            try {
              (0, eval)('1');
              resolve('ran');
            } catch (error) {
              resolve((error as Error).name);
            }
          }, 0),
        ),
    );
    expect(evalOutcome).toBe('EvalError');
  });

  it('keeps the window on the app: navigation away and new windows are refused', async () => {
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://ecopark/index.html');
    const windowsBefore = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    await page.evaluate(() => window.open('app://ecopark/index.html'));
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(windowsBefore);
  });

  it('refuses, over real IPC, paths the user never chose and malformed payloads', async () => {
    const byPath = await page.evaluate(() => window.ecopark!.openProject({ path: '/etc/passwd.gpkg' }));
    expect(byPath).toMatchObject({ ok: false });
    const malformed = await page.evaluate(() => window.ecopark!.saveProject({ document: 'not a park', saveAs: false, suggestedName: 'x' } as never));
    expect(malformed).toMatchObject({ ok: false, reason: 'invalid_document' });
  });
});
