import fs from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatWindowTitle } from '../../electron/window-title';
import { deleteLastFeature, desktopHarnessForFile, type DesktopHarness } from './desktop-harness';

/**
 * Closing the desktop window with unsaved changes (issue 13): the page's own "Save your
 * changes?" dialog, reached through the real preload and the close guard / page close asker
 * wired as main.ts wires them (desktop-harness.ts); the native box only when the page hangs.
 * And the window title names the sample by its park while it stays untitled as a file.
 */

const SHOTS = 'test-results';
const harness = desktopHarnessForFile();
let shell: DesktopHarness;
beforeAll(() => {
  shell = harness.shell();
  mkdirSync(SHOTS, { recursive: true });
});

const question = () => shell.page.getByRole('dialog', { name: 'Save your changes?' });
const parkName = () => shell.page.evaluate(() => window.__ecoparkStores!.document.getState().document!.project.name);

async function deleteOneFeature() {
  await deleteLastFeature(shell.page);
  await expect.poll(() => shell.documentStates.at(-1)?.dirty, { timeout: 10000 }).toBe(true);
}

describe('desktop window title and close', () => {
  it('the sample is named by its park in the title and the toolbar, yet stays untitled as a file', async () => {
    const name = await parkName();
    expect(name.length).toBeGreaterThan(3);
    const state = shell.documentStates.at(-1)!;
    expect(state).toMatchObject({ fileName: null, displayName: name, dirty: false, hasFile: false });
    expect(formatWindowTitle(state)).toBe(`${name} — EcoPark Planner`);
    expect(await shell.page.locator('.file-name').textContent()).toBe(name);
    await shell.page.locator('.toolbar').screenshot({ path: `${SHOTS}/desktop-title-sample.png` });
  });

  it('close with unsaved changes asks in the page; Esc is Cancel and keeps the window', async () => {
    await deleteOneFeature();
    expect(formatWindowTitle(shell.documentStates.at(-1)!)).toBe(`${await parkName()} • — EcoPark Planner`);
    expect(shell.requestClose()).toBe(false);
    await question().waitFor({ timeout: 10000 });
    expect(await question().getByRole('button').allTextContents()).toEqual(['Save', 'Don’t save', 'Cancel']);
    expect(await question().textContent()).toContain(`“${await parkName()}” has changes that are not saved.`);
    await shell.page.screenshot({ path: `${SHOTS}/desktop-close-question.png` });
    await shell.page.keyboard.press('Escape');
    await question().waitFor({ state: 'detached' });
    // Give a wrong close every chance to happen.
    await shell.page.waitForTimeout(300);
    expect(shell.windowClosed()).toBe(false);
    expect(shell.nativeCloseBoxes()).toBe(0);
  });

  it('a hung page is not waited for: the native box asks after the timeout, and the late page shows nothing', async () => {
    // The page's main thread is blocked for 5 s (longer than PAGE_ACK_TIMEOUT_MS = 3 s).
    void shell.page.evaluate(() => {
      const until = Date.now() + 5000;
      while (Date.now() < until);
    });
    await new Promise((r) => setTimeout(r, 200));
    shell.dialogs.closeBox.push('cancel');
    expect(shell.requestClose()).toBe(false);
    await expect.poll(() => shell.nativeCloseBoxes(), { timeout: 8000 }).toBe(1);
    expect(shell.windowClosed()).toBe(false);
    // Once the page runs again it receives the request, then its withdrawal: no orphan question.
    await shell.page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await question().count()).toBe(0);
  });

  it('"Save" in the page saves (asking where: the sample is untitled) and then closes', async () => {
    const target = path.join(shell.dir, 'closing.gpkg');
    shell.dialogs.save.push(target);
    expect(shell.requestClose()).toBe(false);
    await question().waitFor({ timeout: 10000 });
    await question().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => shell.windowClosed(), { timeout: 15000 }).toBe(true);
    expect(shell.dialogs.save).toEqual([]);
    expect((await fs.stat(target)).size).toBeGreaterThan(0);
    expect(shell.documentStates.at(-1)).toMatchObject({ fileName: 'closing.gpkg', displayName: 'closing.gpkg', dirty: false });
  });
});
