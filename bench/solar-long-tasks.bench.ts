import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { waitForIdleMap } from '../tests/e2e/browser';
import { importSiteEpw, lastRunMs, loadLargePark, waitForEpwResult, waitForSolarDone } from '../tests/e2e/solar-page';
import { longestMs as longest, recordLongTasks, takeLongTasks, withAppPage } from './browser-bench';
import type { Figure } from './measure';

/**
 * Runs `run` under a Chromium trace and returns the page's main-thread tasks, each as
 * wall time and as the thread's own CPU time (`tdur`), in ms: on a shared, loaded machine a wall
 * time includes the time other processes held the core, the CPU time is the page's own work.
 */
async function traceMainThreadTasks(page: Page, run: () => Promise<void>): Promise<{ wallMs: number; cpuMs: number }[]> {
  type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  // DevTools' own task events: 'toplevel' misses some of the frames the long-task API reports.
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', '__metadata'] }, transferMode: 'ReportEvents' });
  try {
    await run();
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
  } finally {
    await cdp.detach();
  }
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}

/**
 * Whether the Solar panel keeps the page responsive: the built renderer in Debian's Chromium
 * (as the e2e tests run it), the 5,000-feature park loaded, and the main thread's long tasks
 * recorded while the solar worker computes. Three windows: the park load (which also makes the
 * map draw 5,000 new features), one plain map repaint (the map's own frame cost, for scale), and
 * a run that changes only the weather (an EPW import: no document edit, no map redraw) — the
 * figure that says whether the worker leaves the main thread free (a long task is > 50 ms).
 */
export async function solarLongTaskFigures(): Promise<Figure[]> {
  return withAppPage(async (page) => {
    await recordLongTasks(page);
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
    // The same window traced: each task's CPU time too (on a loaded machine wall times stretch).
    const tracedTasks = await traceMainThreadTasks(page, async () => {
      await waitForEpwResult(page);
      await waitForIdleMap(page);
    });
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
      // The same window from a trace: the longest task's own CPU time, and the 1-minute load average
      // (`os.loadavg`) of this 2-core machine while it ran, to read the wall times above against.
      { name: 'solar.browser.largePark.maxMainThreadTaskCpuMs', value: Math.round(Math.max(0, ...tracedTasks.map((t) => t.cpuMs))), unit: 'ms' },
      { name: 'solar.browser.largePark.tracedTasksOver50MsWall', value: tracedTasks.filter((t) => t.wallMs > 50).length, unit: 'count' },
      { name: 'solar.browser.largePark.loadAverage1Min', value: loadavg()[0], unit: 'load' },
    ];
  });
}
