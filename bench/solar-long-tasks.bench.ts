import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, waitForIdleMap } from '../tests/e2e/browser';
import { startStaticServer } from '../tests/e2e/static-server';
import { importSiteEpw, lastRunMs, loadLargePark, waitForEpwResult, waitForSolarDone } from '../tests/e2e/solar-page';
import type { Figure } from './measure';

/** Long tasks (> 50 ms, the browser's own threshold) seen on the main thread since the last reset, in ms. */
async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks;
    w.__longTasks = [];
    return tasks;
  });
}

const longest = (tasks: number[]) => Math.round(Math.max(0, ...tasks));

/**
 * Whether the Solar panel keeps the page responsive: the built renderer in Debian's Chromium
 * (as the e2e tests run it), the 5,000-feature park loaded, and the main thread's long tasks
 * recorded while the solar worker computes. Three windows: the park load (which also makes the
 * map draw 5,000 new features), one plain map repaint (the map's own frame cost, for scale), and
 * a run that changes only the weather (an EPW import: no document edit, no map redraw) — the
 * figure that says whether the worker leaves the main thread free (a long task is > 50 ms).
 */
export async function solarLongTaskFigures(): Promise<Figure[]> {
  // ECOPARK_RENDERER_DIST, as in the e2e tests, lets parallel work measure its own build.
  const root = process.env.ECOPARK_RENDERER_DIST ?? 'dist/renderer';
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root} is missing: run \`npm run build:renderer\` first`);
  const { url, server } = await startStaticServer(root);
  const browser = await launchBrowser();
  try {
    const page = await openApp(browser, { baseUrl: url });
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.getByRole('tab', { name: 'Solar' }).click();
    await waitForSolarDone(page);
    await takeLongTasks(page);

    const roofs = await loadLargePark(page);
    await waitForSolarDone(page, 120000);
    await waitForIdleMap(page);
    const typicalDaysRunMs = await lastRunMs(page);
    const parkLoadTasks = await takeLongTasks(page);

    await page.evaluate(() => window.__ecoparkMap!.triggerRepaint());
    await waitForIdleMap(page);
    const repaintTasks = await takeLongTasks(page);

    // The window opens once the EPW is parsed and the page holds it (Playwright's own file
    // injection is not counted) and closes when the new result is shown.
    await importSiteEpw(page);
    await takeLongTasks(page);
    await waitForEpwResult(page);
    await waitForIdleMap(page);
    const epwRunMs = await lastRunMs(page);
    const epwTasks = await takeLongTasks(page);

    return [
      { name: 'solar.browser.largePark.roofs', value: roofs, unit: 'count' },
      { name: 'solar.browser.largePark.workerRunMs.typicalDays', value: typicalDaysRunMs, unit: 'ms' },
      { name: 'solar.browser.largePark.maxMainThreadTaskMsIncludingParkLoad', value: longest(parkLoadTasks), unit: 'ms' },
      { name: 'solar.browser.largePark.plainMapRepaintMaxTaskMs', value: longest(repaintTasks), unit: 'ms' },
      { name: 'solar.browser.largePark.workerRunMs.hourlyEpw', value: epwRunMs, unit: 'ms' },
      { name: 'solar.browser.largePark.maxMainThreadTaskMs', value: longest(epwTasks), unit: 'ms' },
      { name: 'solar.browser.largePark.longTasksDuringRun', value: epwTasks.length, unit: 'count' },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
