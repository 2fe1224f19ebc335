import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { ParkDocument } from '../shared/model';
import { launchBrowser, openApp } from '../tests/e2e/browser';
import { startStaticServer } from '../tests/e2e/static-server';
import type { Figure } from './measure';

/**
 * The "Lay out park" panel in the built renderer in Debian's Chromium, as a user runs it: the
 * park loaded, the panel's tab opened, "Generate" clicked. Measured in the page: milliseconds
 * from the click event until `cards` variant cards are in the panel, and the main thread's long
 * tasks (PerformanceObserver 'longtask', > 50 ms) meanwhile — the generator runs in the panel's
 * Web Worker, so none should come from it.
 */
export async function layoutInWorkerFigures(doc: ParkDocument, cards: number): Promise<Figure[]> {
  const root = process.env.ECOPARK_RENDERER_DIST ?? 'dist/renderer';
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root} is missing: run \`npm run build:renderer\` first`);
  const { url, server } = await startStaticServer(root);
  const browser = await launchBrowser();
  try {
    const page = await openApp(browser, { baseUrl: url });
    // The document store's load (what opening a file ends with); the e2e Window type lists only what tests read.
    await page.evaluate((d) => (window.__ecoparkStores!.document.getState() as unknown as { load(doc: ParkDocument, fileName: string | null): void }).load(d, null), doc);
    await page.getByRole('tab', { name: 'Lay out park' }).click();
    await page.getByTestId('layout-panel').getByRole('textbox', { name: 'Number of variants' }).fill(String(cards));
    await page.waitForTimeout(1000);
    const { ms, tasks, firstCardAt } = await clickGenerateAndTimeCards(page, cards);
    // Tasks that began before the first card appeared ran while the worker generated; the rest
    // are the page taking the answer in and drawing the cards.
    const generating = tasks.filter((t) => t.start < firstCardAt).map((t) => t.duration);
    const showing = tasks.filter((t) => t.start >= firstCardAt).map((t) => t.duration);
    const longest = (xs: number[]) => Math.round(Math.max(0, ...xs));
    return [
      { name: 'layout.worker.machineLoadAverage1min', value: loadavg()[0], unit: 'count' },
      { name: 'layout.concave-500ha.worker.generateToCardsMs', value: ms, unit: 'ms' },
      { name: 'layout.concave-500ha.worker.maxMainThreadTaskMs', value: longest([...generating, ...showing]), unit: 'ms' },
      { name: 'layout.concave-500ha.worker.whileGenerating.maxMainThreadTaskMs', value: longest(generating), unit: 'ms' },
      { name: 'layout.concave-500ha.worker.showingCards.maxMainThreadTaskMs', value: longest(showing), unit: 'ms' },
      { name: 'layout.concave-500ha.worker.longTasks', value: tasks.length, unit: 'count' },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

interface CardsTiming {
  /** From the click event until `cards` cards are drawn, ms. */
  ms: number;
  /** Main-thread long tasks (> 50 ms) from the click until then: start (page clock) and duration, ms. */
  tasks: { start: number; duration: number }[];
  /** When the first card was in the DOM (page clock), ms. */
  firstCardAt: number;
}

/** Clicks "Generate" and measures in the page until `cards` cards are drawn. */
async function clickGenerateAndTimeCards(page: Page, cards: number): Promise<CardsTiming> {
  await page.evaluate((n) => {
    const w = window as unknown as { __cardsShown?: Promise<CardsTiming> };
    const panel = document.querySelector('[data-testid="layout-panel"]')!;
    const tasks: { start: number; duration: number }[] = [];
    const longTasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration })));
    longTasks.observe({ type: 'longtask' });
    w.__cardsShown = new Promise((resolve) => {
      panel.addEventListener(
        'click',
        (event) => {
          let firstCardAt = Infinity;
          const observer = new MutationObserver(() => {
            const shown = panel.querySelectorAll('.layout-card').length;
            if (shown > 0) firstCardAt = Math.min(firstCardAt, performance.now());
            if (shown < n) return;
            observer.disconnect();
            // The cards are in the DOM: the next frame shows them; the observer hands over what it saw after it.
            requestAnimationFrame(() => {
              const ms = performance.now() - event.timeStamp;
              setTimeout(() => {
                longTasks.takeRecords().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration }));
                longTasks.disconnect();
                resolve({ ms, tasks: tasks.filter((t) => t.start >= event.timeStamp), firstCardAt });
              });
            });
          });
          observer.observe(panel, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  }, cards);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  return page.evaluate(() => (window as unknown as { __cardsShown: Promise<CardsTiming> }).__cardsShown, undefined);
}
