import { mkdirSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ParkFeature, Position } from '../../shared/model';
import { openAppForFile, startNewProject, waitForIdleMap } from './browser';
import { appPage } from './app-page';
import { mapPointer } from './map-pointer';

/**
 * Issue 13, bugs 1, 3 and 6, driven as a user would in Chromium: Shift-click on the map adds to
 * the selection; choosing a category in the palette never recolours what exists (changing the
 * selection's land use is its own, labelled, undoable button); a save that is a download counts
 * as saved, and the unsaved-changes question is the page's dialog with Save / Don't save / Cancel.
 * Screenshots go to test-results/interaction-*.png.
 */

// An empty project at a fixed view near Bac Ninh (north-up, flat, zoom 17: about 0.9 m per pixel).
const CENTRE: [number, number] = [106.0, 21.1];
const SHOTS = 'test-results';

let page: Page;
/** Messages of native dialogs (window.confirm/alert): the app must never use one. */
const nativeDialogs: string[] = [];
openAppForFile((p) => {
  page = p;
  // Accepted, so that the old code's window.confirm still lets a test reach its assertions.
  page.on('dialog', (dialog) => {
    nativeDialogs.push(dialog.message());
    void dialog.accept();
  });
});

const selection = () => page.evaluate(() => window.__ecoparkStores!.ui.getState().selectedIds);

const { at, clickAt } = mapPointer(() => page, CENTRE);

const { button, features } = appPage(() => page);
// "Land use of new shapes" (older builds: "Land use").
const palette = () => page.getByRole('group', { name: /^Land use/ });

/** Draws a north-up rectangle between two corners with the rectangle tool; returns the new feature. */
async function drawRectangle(a: Position, b: Position): Promise<ParkFeature> {
  const before = new Set((await features()).map((f) => f.id));
  await button('Draw rectangle').click();
  await page.getByRole('combobox').filter({ hasText: 'Rotated' }).selectOption('axis');
  await clickAt(a);
  await clickAt(b);
  await page.waitForFunction((n) => window.__ecoparkStores!.document.getState().document!.scenarios[0].features.length === n, before.size + 1);
  return (await features()).find((f) => !before.has(f.id))!;
}

beforeEach(async () => {
  await page.evaluate(() => window.__ecoparkStores!.ui.getState().setLang('en'));
  await startNewProject(page);
  await page.evaluate(([lon, lat]) => window.__ecoparkMap!.jumpTo({ center: [lon, lat], zoom: 17, pitch: 0, bearing: 0 }), CENTRE);
  // The floating legend covers the map's lower right: hide it.
  if ((await button('Legend').getAttribute('aria-pressed')) === 'true') await button('Legend').click();
  await waitForIdleMap(page);
  await palette().getByRole('button', { name: /^Industrial/ }).click();
});

describe('Shift-click on the map (bug 1)', () => {
  it('adds a plot to the selection, and removes a selected one, like the Features list', async () => {
    const a = await drawRectangle(at(-120, -40), at(-20, 40));
    const b = await drawRectangle(at(20, -40), at(120, 40));
    await button('Select').click();
    await waitForIdleMap(page);
    await clickAt(at(-70, 0));
    expect(await selection()).toEqual([a.id]);
    await clickAt(at(70, 0), { shift: true });
    expect(await selection()).toEqual([a.id, b.id]);
    await clickAt(at(-70, 0), { shift: true });
    expect(await selection()).toEqual([b.id]);
    // A plain click still replaces the selection.
    await clickAt(at(-70, 0));
    expect(await selection()).toEqual([a.id]);
  });
});

describe('the palette and the selection (bug 3)', () => {
  it('choosing a category for the next shape never recolours the selected shape', async () => {
    const plot = await drawRectangle(at(-120, -40), at(-20, 40));
    expect(await selection()).toEqual([plot.id]); // a new shape stays selected
    await palette().getByRole('button', { name: /^Green space/ }).click();
    const kept = (await features()).find((f) => f.id === plot.id)!;
    expect(kept.kind === 'landuse' && kept.landUse).toBe('industrial');
    expect(await page.evaluate(() => window.__ecoparkStores!.document.getState().undoStack.map((e) => e.label))).toEqual(['Draw rectangle']); // the drawing only
    const next = await drawRectangle(at(20, -40), at(120, 40));
    expect(next.kind === 'landuse' && next.landUse).toBe('green');
  });

  it('the selection changes land use only by its labelled button, as one undo step', async () => {
    const plot = await drawRectangle(at(-120, -40), at(-20, 40));
    await palette().getByRole('button', { name: /^Green space/ }).click();
    // While drawing, the palette is about the next shape: no button to change the selection.
    expect(await button(/selected to/).count()).toBe(0);
    await button('Select').click();
    await button('Change 1 selected to Green space').click();
    const changed = (await features()).find((f) => f.id === plot.id)!;
    expect(changed.kind === 'landuse' && changed.landUse).toBe('green');
    expect(await button('Undo').getAttribute('title')).toBe('Undo Set land use (Ctrl+Z)');
    mkdirSync(SHOTS, { recursive: true });
    // The control in both languages, with the plot selected and the palette on "Water".
    await palette().getByRole('button', { name: /^Water/ }).click();
    await page.locator('.edit-toolbar').screenshot({ path: `${SHOTS}/interaction-category-en.png` });
    await page.evaluate(() => window.__ecoparkStores!.ui.getState().setLang('vi'));
    await page.getByRole('button', { name: 'Đổi 1 đối tượng đã chọn thành Mặt nước', exact: true }).waitFor();
    await page.locator('.edit-toolbar').screenshot({ path: `${SHOTS}/interaction-category-vi.png` });
    await page.evaluate(() => window.__ecoparkStores!.ui.getState().setLang('en'));
    await button('Undo').click();
    const undone = (await features()).find((f) => f.id === plot.id)!;
    expect(undone.kind === 'landuse' && undone.landUse).toBe('industrial');
  });
});

describe('saving in the browser and the unsaved-changes question (bug 6)', () => {
  it('a download marks the work saved under its name; the next Open does not ask', async () => {
    // A browser without the File System Access API (Firefox, Safari): Save is a download.
    await page.evaluate(() => {
      Object.assign(window, {
        showSaveFilePicker: undefined,
        showOpenFilePicker: async () => {
          (window as unknown as { __opened: number }).__opened = 1;
          throw new DOMException('The user aborted a request.', 'AbortError');
        },
      });
    });
    await drawRectangle(at(-120, -40), at(-20, 40));
    expect(await page.title()).toBe('Untitled • — EcoPark Planner');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    expect(download.suggestedFilename()).toBe('untitled.gpkg');
    await page.waitForFunction(() => document.title === 'untitled.gpkg — EcoPark Planner');
    await button('Open').click();
    await page.waitForFunction(() => (window as unknown as { __opened?: number }).__opened === 1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(nativeDialogs).toEqual([]);
  });

  it('asks Save / Don’t save / Cancel in the page on New, Open and the sample; Save downloads first', async () => {
    await page.evaluate(() => Object.assign(window, { showSaveFilePicker: undefined }));
    const plot = await drawRectangle(at(-120, -40), at(-20, 40));
    const question = page.getByRole('dialog', { name: 'Save your changes?' });

    await button('New project').click();
    await question.waitFor();
    expect(await question.getByRole('button').allTextContents()).toEqual(['Save', 'Don’t save', 'Cancel']);
    expect(await question.textContent()).toContain('“Untitled” has changes that are not saved.');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/interaction-unsaved-en.png` });
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    expect((await features()).map((f) => f.id)).toEqual([plot.id]);

    await button('Open').click();
    await question.waitFor();
    await page.keyboard.press('Escape'); // Esc is Cancel
    await question.waitFor({ state: 'detached' });
    expect((await features()).map((f) => f.id)).toEqual([plot.id]);

    await page.evaluate(() => window.__ecoparkStores!.ui.getState().setLang('vi'));
    await page.getByRole('button', { name: 'Mở dự án mẫu', exact: true }).click();
    const hoi = page.getByRole('dialog', { name: 'Lưu các thay đổi?' });
    await hoi.waitFor();
    expect(await hoi.getByRole('button').allTextContents()).toEqual(['Lưu', 'Không lưu', 'Huỷ']);
    await page.screenshot({ path: `${SHOTS}/interaction-unsaved-vi.png` });
    // "Save" downloads the work, then the sample opens.
    const [download] = await Promise.all([page.waitForEvent('download'), hoi.getByRole('button', { name: 'Lưu', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('untitled.gpkg');
    await page.waitForFunction(() => (window.__ecoparkStores!.document.getState().document?.scenarios[0].features.length ?? 0) > 1);
    expect(nativeDialogs).toEqual([]);
  });
});
