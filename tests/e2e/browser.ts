import { chromium, type Browser, type Page } from 'playwright-core';
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
 * Opens the app and waits until the sample park is on the map. The language is set once (a
 * reload keeps what the page chose); the first-run tour is marked done unless `firstRun`.
 * `baseUrl` defaults to the e2e run's server; the bench, outside vitest, serves its own.
 */
export async function openApp(browser: Browser, options: { lang?: 'en' | 'vi'; firstRun?: boolean; baseUrl?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
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
 * One browser and one app page for a test file: opened before its tests, closed after them.
 * `onPage` receives the page (test files keep it in a `let page`).
 */
export function openAppForFile(onPage: (page: Page) => void, options: { lang?: 'en' | 'vi' } = {}): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    onPage(await openApp(browser, options));
  });
  afterAll(async () => {
    await browser?.close();
  });
}
