import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp } from '../tests/e2e/browser';
import { startStaticServer } from '../tests/e2e/static-server';

/**
 * What every browser bench shares: the built renderer served and opened in Debian's Chromium
 * (as the e2e tests run it), and the main thread's long tasks recorded in the page.
 */

/**
 * Serves the renderer build, opens the app on its sample park in a fresh Chromium, runs `run`
 * and closes both. ECOPARK_RENDERER_DIST, as in the e2e tests, lets parallel work measure its
 * own build.
 */
export async function withAppPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const root = process.env.ECOPARK_RENDERER_DIST ?? 'dist/renderer';
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root} is missing: run \`npm run build:renderer\` first`);
  const { url, server } = await startStaticServer(root);
  const browser = await launchBrowser();
  try {
    return await run(await openApp(browser, { baseUrl: url }));
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

/** Starts recording main-thread long tasks (> 50 ms, the browser's threshold) into the page. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

/** Long tasks since the last call, in ms. */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks;
    w.__longTasks = [];
    return tasks;
  });
}

/** The longest of `tasks`, rounded (0 when there are none). */
export const longestMs = (tasks: number[]) => Math.round(Math.max(0, ...tasks));

/** The sum of `tasks`, rounded. */
export const totalMs = (tasks: number[]) => Math.round(tasks.reduce((sum, t) => sum + t, 0));
