import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoApp, launchBrowserForFile, waitForIdleMap } from './browser';

/**
 * First start on a connected machine (issue 13): the map starts on OpenStreetMap, so a new site
 * has streets and places to orient by; when its tiles cannot be loaded it falls back to the
 * offline map for the session; a basemap the user chooses is kept at the next start. No test
 * touches the network: the page is told it is online, and every OpenStreetMap tile request is
 * answered here (a plain 256 px tile) or refused; any other outside request is refused.
 */

const SHOTS = 'test-results';
/** A 256 × 256 PNG of one pale colour (#e8f0d8), made with python3 zlib/struct. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAIAAADTED8xAAACAUlEQVR42u3TMQ0AAAgEsfevEAmMSGBGA02q4JJLT8FbkQADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAABhABQwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgAA6iAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGACuBbZ+KFF+5FN3AAAAAElFTkSuQmCC',
  'base64',
);

let browser: Browser;
launchBrowserForFile((b) => (browser = b));

/** A context that says it is online; OpenStreetMap tiles are served (or refused) here, nothing leaves the machine. */
async function onlineContext(tiles: 'served' | 'unreachable'): Promise<{ context: BrowserContext; tileRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const tileRequests: string[] = [];
  await context.route(/^https?:\/\//, (route) => {
    const url = route.request().url();
    if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) return route.continue();
    if (url.startsWith('https://tile.openstreetmap.org/')) {
      tileRequests.push(url);
      if (tiles === 'served') return route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });
    }
    return route.abort('internetdisconnected');
  });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true });
    if (localStorage.getItem('ecopark.lang') === null) localStorage.setItem('ecopark.lang', 'en');
    if (localStorage.getItem('ecopark.settings') === null) localStorage.setItem('ecopark.settings', JSON.stringify({ tourDone: true }));
  });
  return { context, tileRequests };
}

const uiBasemap = (page: Page) => page.evaluate(() => (window.__ecoparkStores!.ui.getState() as unknown as { basemap: string }).basemap);
const storedSettings = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('ecopark.settings') ?? '{}') as Record<string, unknown>);

describe('the basemap of a first start', () => {
  it('online: OpenStreetMap with its attribution; a basemap chosen in the menu is kept at the next start', async () => {
    const { context, tileRequests } = await onlineContext('served');
    const page = await context.newPage();
    await gotoApp(page);
    expect(await uiBasemap(page)).toBe('osm');
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('online-basemap')));
    await expect.poll(() => tileRequests.length, { timeout: 20000 }).toBeGreaterThan(0);
    await waitForIdleMap(page);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap');
    // No fallback notice: the tiles loaded.
    expect(await page.getByText('The online basemap could not be reached').count()).toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/first-run-osm.png` });

    // The user picks the offline map: it stays their choice, online or not.
    await page.getByRole('button', { name: 'Basemap', exact: true }).click();
    await page.getByRole('dialog', { name: 'Basemap' }).getByRole('radio', { name: 'Offline map (Natural Earth)' }).click();
    expect(await uiBasemap(page)).toBe('offline');
    expect(await storedSettings(page)).toMatchObject({ basemap: 'offline', basemapChosen: true });
    await page.reload();
    await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
    expect(await uiBasemap(page)).toBe('offline');
    expect(await page.evaluate(() => Boolean(window.__ecoparkMap!.getLayer('online-basemap')))).toBe(false);
    await context.close();
  });

  it('online but the tiles do not load: the offline map for this session, with a notice; no choice is recorded', async () => {
    const { context, tileRequests } = await onlineContext('unreachable');
    const page = await context.newPage();
    await gotoApp(page);
    await page.getByText('The online basemap could not be reached; showing the offline map.').waitFor({ timeout: 30000 });
    expect(tileRequests.length).toBeGreaterThanOrEqual(3);
    expect(await uiBasemap(page)).toBe('offline');
    expect((await storedSettings(page)).basemapChosen ?? false).toBe(false);
    await context.close();
  });
});
