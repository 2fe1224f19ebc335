import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** Debian's Chromium; CHROMIUM_PATH overrides. No test ever downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // No GPU on the build machines: WebGL2 for MapLibre comes from SwiftShader.
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

/**
 * Tests never touch the network: the page sees navigator.onLine false, so the app starts on its
 * offline basemap (an online machine would start on OpenStreetMap). The test of the online start
 * (first-run-basemap.e2e.ts) makes its own context and answers the tile requests itself.
 */
export async function pretendOffline(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }));
}

/**
 * Opens the app and waits until the sample park is on the map. The language is set once (a
 * reload keeps what the page chose); the first-run tour is marked done unless `firstRun`.
 * `baseUrl` defaults to the e2e run's server; the bench, outside vitest, serves its own.
 */
export async function openApp(browser: Browser, options: { lang?: 'en' | 'vi'; firstRun?: boolean; baseUrl?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  await pretendOffline(context);
  const page = await context.newPage();
  const lang = options.lang ?? 'en';
  await page.addInitScript(
    ({ l, firstRun }) => {
      if (localStorage.getItem('ecopark.lang') === null) localStorage.setItem('ecopark.lang', l);
      if (firstRun) return;
      let stored: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(localStorage.getItem('ecopark.settings') ?? '{}');
        if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
      } catch {
        // A damaged value is replaced, as the app itself would.
      }
      localStorage.setItem('ecopark.settings', JSON.stringify({ ...stored, tourDone: true }));
    },
    { l: lang, firstRun: options.firstRun === true },
  );
  await gotoApp(page, options.baseUrl);
  return page;
}

/** Loads the app in `page` and waits until the sample park is on the map. */
export async function gotoApp(page: Page, baseUrl = inject('baseUrl')): Promise<void> {
  await page.goto(baseUrl);
  await waitForSampleOnMap(page);
}

/** Waits until the map is up and shows the park's features. */
export async function waitForSampleOnMap(page: Page): Promise<void> {
  await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
  await page.waitForFunction(() => {
    const map = window.__ecoparkMap;
    return Boolean(map && map.loaded() && map.querySourceFeatures('park').length > 0);
  }, undefined, { timeout: 60000 });
}

/** Page coordinates of a lon/lat on the live map (for the mouse). */
export async function screenPoint(page: Page, lonLat: [number, number] | number[]): Promise<{ x: number; y: number }> {
  return page.evaluate(([lon, lat]) => {
    const p = window.__ecoparkMap!.project([lon, lat]);
    const box = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, lonLat as [number, number]);
}

/** Waits for the map to finish rendering (tiles, transitions) before pixels are read. */
export async function waitForIdleMap(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__ecoparkMap!;
        if (map.loaded() && !map.isMoving()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

/**
 * One browser for a test file: launched before its tests, closed after them. `onBrowser`
 * receives it (test files keep it in a `let browser`).
 */
export function launchBrowserForFile(onBrowser: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    onBrowser(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/**
 * One browser and one app page for a test file: opened before its tests, closed after them.
 * `onPage` receives the page (test files keep it in a `let page`). With `newProjectAt`, the
 * tests start in a new empty project at that fixed view (see `startNewProjectAtView`).
 */
export function openAppForFile(
  onPage: (page: Page) => void,
  options: { lang?: 'en' | 'vi'; newProjectAt?: { centre: [number, number]; zoom: number } } = {},
): void {
  let browser: Browser;
  launchBrowserForFile((b) => (browser = b));
  beforeAll(async () => {
    const page = await openApp(browser, { lang: options.lang });
    onPage(page);
    if (options.newProjectAt) await startNewProjectAtView(page, options.newProjectAt.centre, options.newProjectAt.zoom);
  });
}

/**
 * Clicks "New project" (English UI); when the open work is unsaved, the page asks Save / Don't
 * save / Cancel in its own dialog, answered "Don't save". Resolves once the empty project is loaded.
 */
export async function startNewProject(page: Page): Promise<void> {
  const question = page.getByRole('dialog', { name: 'Save your changes?' });
  await page.getByRole('button', { name: 'New project', exact: true }).click();
  const emptyAndClean = (orAsked: boolean) => {
    if (orAsked && document.querySelector('[role="dialog"]')) return true;
    const state = window.__ecoparkStores!.document.getState();
    return state.document?.scenarios[0].features.length === 0 && state.revision === state.savedRevision;
  };
  // Either the question comes up, or (clean work) the empty project is already there.
  await page.waitForFunction(emptyAndClean, true);
  if (await question.count()) await question.getByRole('button', { name: 'Don’t save', exact: true }).click();
  await page.waitForFunction(emptyAndClean, false);
}

/**
 * A new empty project at a fixed view, for drawing with the mouse: the window 1280 × 800, the
 * map flat (2D view) and north-up, centred on `centre` at `zoom`, and done rendering.
 */
async function startNewProjectAtView(page: Page, centre: [number, number], zoom: number): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startNewProject(page);
  const view3d = page.getByRole('button', { name: '3D view', exact: true });
  if ((await view3d.getAttribute('aria-pressed')) === 'true') await view3d.click();
  await page.evaluate(([lon, lat, z]) => window.__ecoparkMap!.jumpTo({ center: [lon, lat], zoom: z, pitch: 0, bearing: 0 }), [centre[0], centre[1], zoom]);
  await waitForIdleMap(page);
}
