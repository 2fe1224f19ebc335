import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile } from './browser';

/**
 * Issue 13, "popovers and dialogs close on Escape and on a click outside; focus moves into a
 * dialog and back when it closes", for the Keyboard shortcuts panel and the Import… and Export…
 * dialogs, opened from their toolbar buttons on the sample park.
 * Screenshots go to $ECOPARK_SCREENSHOTS (default /tmp): dismiss-*.png.
 */
const SHOTS = process.env.ECOPARK_SCREENSHOTS ?? '/tmp';

let page: Page;
openAppForFile((p) => {
  page = p;
});

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const button = (name: string) => page.getByRole('button', { name, exact: true });
/** The accessible label of the focused element (the toolbar buttons are labelled by aria-label). */
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);
const focusInside = (name: string) =>
  page.evaluate((n) => {
    const dialog = Array.from(document.querySelectorAll('[role="dialog"]')).find((d) => d.getAttribute('aria-label') === n || d.querySelector('h2')?.textContent === n);
    return dialog?.contains(document.activeElement) ?? false;
  }, name);

/** Opens with `opener`, checks the focus went in, closes with Esc and checks the focus came back. */
async function escapeReturnsFocus(opener: string, dialogName: string, shot: string): Promise<void> {
  await button(opener).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement !== document.body);
  expect(await focusInside(dialogName), 'the focus moves into the dialog').toBe(true);
  await page.screenshot({ path: `${SHOTS}/dismiss-${shot}.png` });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 5000 });
  expect(await focusedLabel()).toBe(opener);
}

describe('dialogs close on Escape and give the focus back (issue 13)', () => {
  it('the Keyboard shortcuts panel: Esc closes it and the focus returns to its button', async () => {
    await escapeReturnsFocus('Keyboard shortcuts', 'Keyboard shortcuts', 'shortcuts');
  });

  it('the Keyboard shortcuts panel closes on a click on the map, and its button toggles it', async () => {
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await button('Keyboard shortcuts').click();
    await dialog.waitFor();
    // A press on the map, below the top-left legend and the offline-map notice, clear of the bottom boxes.
    const onMap = await page.evaluate(() => {
      const box = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + 250 };
    });
    await page.mouse.click(onMap.x, onMap.y);
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    // The opener still opens and closes it (the outside press does not close and reopen it).
    await button('Keyboard shortcuts').click();
    await dialog.waitFor();
    await button('Keyboard shortcuts').click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    expect(await dialog.count()).toBe(0);
  });

  it('Import…: Esc closes it and the focus returns to Import…', async () => {
    await escapeReturnsFocus('Import…', 'Import GIS or CAD data', 'import');
  });

  it('Export…: Esc closes it and the focus returns to Export…', async () => {
    await escapeReturnsFocus('Export…', 'Export', 'export');
  });
});
