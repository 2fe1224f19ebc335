import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openAppForFile } from './browser';

/**
 * Issue 13, keyboard only: the Features list is one Tab stop walked with the arrows, and every
 * popover of the toolbar and the map closes on Esc and on a click outside, giving the focus
 * back to the button that opened it.
 */
let page: Page;
openAppForFile((p) => (page = p));

const button = (name: string) => page.getByRole('button', { name, exact: true });
const selectedIds = () => page.evaluate(() => window.__ecoparkStores!.ui.getState().selectedIds);
const revision = () => page.evaluate(() => window.__ecoparkStores!.document.getState().revision);
/** The row the list's keys act on, as assistive technology finds it: by `aria-activedescendant`. */
const activeRow = () =>
  page.evaluate(() => {
    const box = document.querySelector('[role="listbox"][aria-label="Features"]')!;
    const row = document.getElementById(box.getAttribute('aria-activedescendant') ?? '');
    if (!row) return null;
    const inView = row.getBoundingClientRect().top >= box.getBoundingClientRect().top - 0.5 && row.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom + 0.5;
    return { role: row.getAttribute('role'), text: row.textContent ?? '', expanded: row.getAttribute('aria-expanded'), selected: row.getAttribute('aria-selected'), inView };
  });
/** What has the focus: its role and accessible name as the page sets them. */
const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName.toLowerCase(), label: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() }));

describe('the Features list as one Tab stop', () => {
  it('is reached by one Tab, walked with the arrows, selects with Enter and is left by the next Tab', async () => {
    mkdirSync('test-results/keyboard-panels', { recursive: true });
    await page.getByRole('searchbox', { name: 'Filter features' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ role: 'listbox', label: 'Features' });
    // The first row: the boundary's group, open.
    expect(await activeRow()).toMatchObject({ role: 'group', expanded: 'true', inView: true });

    await page.keyboard.press('ArrowDown'); // the boundary
    await page.keyboard.press('ArrowDown'); // the industrial group
    await page.keyboard.press('ArrowDown'); // its first plot
    const plot = await activeRow();
    expect(plot).toMatchObject({ role: 'option', selected: 'false', inView: true });
    const before = await revision();
    await page.keyboard.press('Enter');
    const [id] = await selectedIds();
    const doc = await page.evaluate(() => window.__ecoparkStores!.document.getState().document!);
    const feature = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.id === id)!;
    expect(plot!.text.startsWith(feature.code!)).toBe(true);
    // The map outlines it: the selection overlay's path names the feature.
    await page.waitForFunction(
      (featureId) => document.querySelector<SVGPathElement>('.map-selection-overlay path[data-state="selected"]')?.dataset.ids?.split(' ').includes(featureId) === true,
      id,
    );
    expect((await activeRow())!.selected).toBe('true');
    // Looked at for issue 13: the outlined row is the keyboard's, the blue one the selection.
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: 'test-results/keyboard-panels/features-list.png', clip: { x: 0, y: 0, width: 640, height: 400 } });
    await page.keyboard.press('ArrowUp');

    // The arrows walk the list: they never nudge the selected plot.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Enter'); // adds the next plot
    expect((await selectedIds()).length).toBe(2);
    await page.keyboard.press('Control+Enter'); // and takes it out again
    expect(await selectedIds()).toEqual([id]);
    expect(await revision()).toBe(before);

    // ← climbs to the group and closes it; → opens it again.
    await page.keyboard.press('ArrowLeft');
    expect(await activeRow()).toMatchObject({ role: 'group', expanded: 'true' });
    await page.keyboard.press('ArrowLeft');
    expect(await activeRow()).toMatchObject({ role: 'group', expanded: 'false' });
    await page.keyboard.press('ArrowRight');
    expect(await activeRow()).toMatchObject({ role: 'group', expanded: 'true' });

    // The far end of a virtualised list is scrolled to and rendered; Home comes back.
    await page.keyboard.press('End');
    expect(await activeRow()).toMatchObject({ inView: true });
    await page.keyboard.press('PageUp');
    expect(await activeRow()).toMatchObject({ inView: true });
    await page.keyboard.press('Home');
    expect(await activeRow()).toMatchObject({ role: 'group', inView: true });

    await page.keyboard.press('Tab');
    const inList = await page.evaluate(() => document.activeElement?.closest('.feature-list') !== null);
    expect(inList).toBe(false);
  });
});

/** A popover of the page: the button that opens it and the popup itself. */
type Popover = { name: string; opener: () => Locator; popup: () => Locator };
const POPOVERS: Popover[] = [
  { name: 'basemap menu', opener: () => button('Basemap'), popup: () => page.getByRole('dialog', { name: 'Basemap' }) },
  { name: 'scenario menu', opener: () => button('Manage scenarios'), popup: () => page.getByRole('menu', { name: 'Manage scenarios' }) },
  { name: 'report export menu', opener: () => button('Export report'), popup: () => page.locator('.report-menu') },
  { name: 'Go to box', opener: () => button('Go to…'), popup: () => page.getByRole('search', { name: 'Go to place or coordinates' }) },
];

describe('popovers close on Esc and on a click outside', () => {
  for (const popover of POPOVERS) {
    it(`the ${popover.name}: Esc from inside it closes it, returns the focus and keeps the selection`, async () => {
      // A plot selected (by the test above, or here when this test runs alone).
      if ((await selectedIds()).length === 0) await page.getByRole('option').nth(1).click();
      const selection = await selectedIds();
      expect(selection.length).toBe(1);
      await popover.opener().click();
      await popover.popup().waitFor();
      // Into the popup (the Go to box takes the focus itself).
      if (!(await popover.popup().evaluate((el) => el.contains(document.activeElement)))) await page.keyboard.press('Tab');
      expect(await popover.popup().evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await popover.popup().waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') !== null);
      expect(await popover.opener().evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await selectedIds()).toEqual(selection);
    });

    it(`the ${popover.name}: a click outside it closes it`, async () => {
      await popover.opener().click();
      await popover.popup().waitFor();
      await page.getByRole('heading', { name: 'Features' }).click();
      await popover.popup().waitFor({ state: 'detached' });
    });
  }
});
