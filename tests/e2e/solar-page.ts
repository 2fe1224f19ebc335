import type { Locator, Page } from 'playwright-core';
import { generateLargePark } from '../../bench/large-park';
import { makeEpw } from '../unit/solar/helpers';

/**
 * Steps on the Solar panel shared by the e2e test (what the panel shows) and the bench (how
 * long the main thread is blocked meanwhile): one way to drive the page for both.
 */

/** Waits until the Solar panel shows a finished run (no progress line, totals present). */
export async function waitForSolarDone(page: Page, timeout = 60000): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Solar' });
  await panel.locator('[data-total="totalKwp"] dd').waitFor({ timeout });
  await page.waitForFunction(() => document.querySelector('.solar-panel')?.getAttribute('aria-busy') === 'false', undefined, { timeout });
  return panel;
}

/** Loads the generated 5,000-feature park into the page's document store; returns its building count. */
export async function loadLargePark(page: Page): Promise<number> {
  const park = generateLargePark();
  await page.evaluate((doc) => (window.__ecoparkStores!.document.getState() as unknown as { load(d: unknown, f: string): void }).load(doc, 'large-park.gpkg'), park);
  return park.scenarios[0].features.filter((f) => f.kind === 'building').length;
}

/**
 * Gives the Solar panel an hourly EPW file (`site.epw`) and waits until the page holds it
 * (parsed in the worker), before the run it starts has finished. A run that changes only the
 * weather: no document edit, no map redraw.
 */
export async function importSiteEpw(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Solar' });
  await panel.locator('input[type=file]').setInputFiles({ name: 'site.epw', mimeType: 'text/plain', buffer: Buffer.from(makeEpw(21.05, 106.05, 7)) });
  await page.waitForFunction(() => document.querySelector('[data-testid="solar-weather-source"]')?.textContent?.startsWith('site.epw'));
}

/** Waits until the panel shows the result computed with the imported `site.epw`. */
export async function waitForEpwResult(page: Page, timeout = 120000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.solar-panel')?.getAttribute('data-result-weather')?.startsWith('site.epw'), undefined, { timeout });
}

/** The duration of the last solar run in the worker, as the panel records it (`data-run-ms`). */
export async function lastRunMs(page: Page): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Solar' }).locator('[data-run-ms]').getAttribute('data-run-ms'));
}
