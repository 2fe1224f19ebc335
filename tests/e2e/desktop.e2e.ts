import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowserForFile, openApp } from './browser';
import { SHORTCUTS } from '../../renderer/src/drawing/ShortcutsPanel';

/**
 * Desktop conventions (issue 7) in the browser build: Settings (language, autosave interval),
 * About (version, licences), Help (F1: shortcuts and the guide), the first-run tour, and
 * drag-and-drop of a .gpkg onto the window. Screenshots go to .tmp/desktop/ for review.
 */

const SHOTS = '.tmp/desktop';
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const licences = (JSON.parse(readFileSync('data/third-party-licenses.json', 'utf8')) as { packages: unknown[] }).packages.length;

let browser: Browser;
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});
launchBrowserForFile((b) => (browser = b));

const featureCount = (page: Page) =>
  page.evaluate(() => {
    const doc = window.__ecoparkStores!.document.getState().document;
    return doc ? doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.length : -1;
  });

describe('Settings', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openApp(browser, { lang: 'en' });
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('opens from the toolbar and with Ctrl+, and closes with Esc', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Comma');
    await dialog.waitFor();
  });

  it('refuses a bad autosave interval with a message, keeps the old one, and remembers a good one', async () => {
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const interval = dialog.getByRole('textbox', { name: 'Every (seconds)' });
    await interval.fill('5');
    await interval.press('Enter');
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe('The interval must be between 10 and 600 seconds; it stays 30 s.');
    await expect(interval.getAttribute('aria-invalid')).resolves.toBe('true');
    await interval.fill('45,5');
    await interval.press('Enter');
    await expect(dialog.getByRole('status').textContent()).resolves.toBe('Recovery copy every 46 s.');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ecopark.settings') ?? '{}') as { autosaveIntervalSeconds?: number });
    expect(stored.autosaveIntervalSeconds).toBe(46);
  });

  it('switches the language: the whole UI and <html lang> change, and it is remembered after a reload', async () => {
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('radio', { name: 'Tiếng Việt' }).check();
    await page.getByRole('dialog', { name: 'Cài đặt' }).waitFor();
    // A message already on screen follows the switch too.
    await expect(page.getByRole('dialog', { name: 'Cài đặt' }).getByRole('status').textContent()).resolves.toBe('Sao lưu phục hồi mỗi 46 giây.');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('vi');
    await expect(page.getByRole('button', { name: 'Dự án mới', exact: true }).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/settings-vi.png` });
    await page.keyboard.press('Escape');
    await page.reload();
    await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('vi');
    await expect(page.getByRole('button', { name: 'Cài đặt', exact: true }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Cài đặt' }).getByRole('textbox', { name: 'Mỗi (giây)' }).inputValue()).resolves.toBe('46');
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  });

  it('keeps the toolbar on one row in Vietnamese at 1400 px', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Switch language to Vietnamese' }).click();
    const toolbar = await page.locator('header.toolbar').boundingBox();
    const button = await page.getByRole('button', { name: 'Dự án mới', exact: true }).boundingBox();
    // One row: the toolbar is no taller than one button plus its padding.
    expect(toolbar!.height).toBeLessThan(button!.height * 1.8);
    await page.locator('header.toolbar').screenshot({ path: `${SHOTS}/toolbar-vi.png` });
  });
});

describe('About and Help', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openApp(browser, { lang: 'en' });
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('F1 opens Help on the keyboard shortcuts, one row per entry of the shortcuts table', async () => {
    await page.locator('canvas.maplibregl-canvas').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.waitFor();
    // Not modal: the map stays usable while the guide is open.
    await expect(help.getAttribute('aria-modal')).resolves.toBe('false');
    const rows = help.getByRole('tabpanel', { name: 'Keyboard shortcuts' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(SHORTCUTS.length);
    await expect(rows.filter({ hasText: 'Duplicate' }).locator('kbd').textContent()).resolves.toBe('Ctrl+D');
    await page.screenshot({ path: `${SHOTS}/help-shortcuts.png` });
  });

  it('shows the eight-step guide naming the real buttons', async () => {
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.getByRole('tab', { name: 'How to design a park' }).click();
    const steps = help.getByRole('tabpanel', { name: 'How to design a park' }).locator('ol > li');
    await expect(steps.count()).resolves.toBe(8);
    await expect(steps.nth(0).locator('h3').textContent()).resolves.toBe('Draw the park boundary');
    const bold = await steps.nth(2).locator('strong').allTextContents();
    expect(bold).toEqual(expect.arrayContaining(['Subdivide', 'Draw polygon']));
    // The names in bold are the labels of buttons that exist on screen.
    await expect(page.getByRole('button', { name: 'Subdivide', exact: true }).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/help-guide.png` });
  });

  it('About shows the version and the licences, with each package’s text', async () => {
    await page.getByRole('dialog', { name: 'Help' }).getByRole('button', { name: 'About EcoPark Planner' }).click();
    const about = page.getByRole('dialog', { name: 'About EcoPark Planner' });
    await about.waitFor();
    await expect(about.getByText(`Version ${version}`, { exact: true }).count()).resolves.toBe(1);
    await expect(about.getByText('Web version, running in this browser.').count()).resolves.toBe(1);
    await about.getByRole('heading', { name: `Third-party software (${licences} packages)` }).waitFor();
    await expect(about.getByRole('option').count()).resolves.toBe(licences);
    await about.getByRole('searchbox', { name: 'Filter packages' }).fill('maplibre-gl');
    await about.getByRole('option').filter({ hasText: /^maplibre-gl/ }).getByRole('button').click();
    await expect(about.locator('.about-licence-text pre').textContent()).resolves.toContain('Redistribution and use in source and binary forms');
    await about.getByText('SIL Open Font License 1.1 (Noto Sans)').click();
    await expect(about.getByText(/SIL OPEN FONT LICENSE Version 1\.1/).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/about.png` });
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'detached' });
  });
});

describe('first run', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openApp(browser, { lang: 'en', firstRun: true });
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('opens the sample park with a tour that steps through the main panels', async () => {
    const tour = page.getByRole('dialog', { name: 'Tour of EcoPark Planner' });
    await tour.waitFor();
    expect(await featureCount(page)).toBeGreaterThan(100);
    await expect(tour.getByText('Step 1 of 6').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/tour-1.png` });
    await tour.getByRole('button', { name: 'Next' }).click();
    await tour.getByText('Step 2 of 6').waitFor();
    // The highlight frames the drawing tools (4 px outside them, once its move has finished).
    await page.waitForFunction(() => {
      const frame = document.querySelector('.tour-highlight')!.getBoundingClientRect();
      const tools = document.querySelector('.edit-toolbar')!.getBoundingClientRect();
      return Math.abs(frame.top + 4 - tools.top) < 1 && Math.abs(frame.height - 8 - tools.height) < 1;
    });
    await tour.getByRole('button', { name: 'Next' }).click();
    await tour.getByRole('button', { name: 'Next' }).click();
    await tour.getByRole('button', { name: 'Next' }).click();
    await tour.getByText('Step 5 of 6').waitFor();
    await page.screenshot({ path: `${SHOTS}/tour-5.png` });
    await tour.getByRole('button', { name: 'Back' }).click();
    await tour.getByText('Step 4 of 6').waitFor();
  });

  it('Skip hides it for good: not after a reload, but Help can replay it', async () => {
    await page.getByRole('dialog', { name: 'Tour of EcoPark Planner' }).getByRole('button', { name: 'Skip tour' }).click();
    await expect(page.getByRole('dialog', { name: 'Tour of EcoPark Planner' }).count()).resolves.toBe(0);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ecopark.settings') ?? '{}') as { tourDone?: boolean });
    expect(stored.tourDone).toBe(true);
    await page.reload();
    await page.waitForFunction(() => (window.__ecoparkStores?.document.getState().document?.scenarios[0]?.features.length ?? 0) > 0, undefined, { timeout: 60000 });
    await page.waitForTimeout(500);
    await expect(page.getByRole('dialog', { name: 'Tour of EcoPark Planner' }).count()).resolves.toBe(0);
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Help' }).getByRole('button', { name: 'Start the tour' }).click();
    await page.getByRole('dialog', { name: 'Tour of EcoPark Planner' }).getByText('Step 1 of 6').waitFor();
    // Esc skips too.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Tour of EcoPark Planner' }).count()).resolves.toBe(0);
  });
});

describe('drag and drop', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openApp(browser, { lang: 'en' });
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('opens a .gpkg dropped onto the window', async () => {
    await page.getByRole('button', { name: 'New project', exact: true }).click();
    await page.waitForFunction(() => window.__ecoparkStores!.document.getState().document?.scenarios[0]?.features.length === 0);
    const bytes = [...readFileSync('data/samples/bac-ninh-demo.gpkg')];
    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], 'dropped-park.gpkg', { type: 'application/geopackage+sqlite3' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const target = document.querySelector('.map-area')!;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, bytes);
    await page.waitForFunction(() => window.__ecoparkStores!.document.getState().fileName === 'dropped-park.gpkg', undefined, { timeout: 30000 });
    expect(await featureCount(page)).toBeGreaterThan(100);
    await expect(page.getByText('Opened dropped-park.gpkg', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/dropped.png` });
  });
});
