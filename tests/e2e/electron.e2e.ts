import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';

// Runs the real desktop build where an Electron binary exists (ELECTRON_PATH). The build
// machines cannot download Electron, so vitest.config.ts includes this file only when
// ELECTRON_PATH is set; the main process is otherwise covered by tests/unit/electron.
describe('the desktop shell', () => {
  it('opens the sample park in a sandboxed window with the file name in the title', async () => {
    const app = await electron.launch({ executablePath: process.env.ELECTRON_PATH!, args: ['.'] });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
      expect(await page.title()).toMatch(/EcoPark Planner/);
      // No Node in the renderer: the preload exposes only the typed HostApi.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof window.ecopark?.saveProject)).toBe('function');
      const webPreferences = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
          getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean } | null;
        };
        const prefs = contents.getLastWebPreferences();
        return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration };
      });
      expect(webPreferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    } finally {
      await app.close();
    }
  });
});
