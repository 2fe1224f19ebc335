import fs from 'node:fs/promises';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProject } from '../../shared/project-file';
import { deleteLastFeature, desktopHarnessForFile, waitForSampleOnMap, type DesktopHarness } from './desktop-harness';

/**
 * The renderer in desktop mode, through the real preload and main-process handlers (see
 * desktop-harness.ts): menu commands drive Save As / Open, the files land on disk as real
 * GeoPackages, and the page keeps the main process told about the title and unsaved state.
 */

const harness = desktopHarnessForFile();
let shell: DesktopHarness;
beforeAll(() => {
  shell = harness.shell();
});

/** Features of all scenarios of the open project. */
const featureCount = () =>
  shell.page.evaluate(() => window.__ecoparkStores!.document.getState().document!.scenarios.reduce((n, s) => n + s.features.length, 0));
const countIn = (doc: { scenarios: { features: unknown[] }[] }) => doc.scenarios.reduce((n, s) => n + s.features.length, 0);

describe('desktop mode', () => {
  it('File ▸ Save as writes a GeoPackage the main process reads back, and the title follows', async () => {
    const target = path.join(shell.dir, 'Yên Phong park.gpkg');
    shell.dialogs.save.push(target);
    await shell.sendMenuCommand('save-as');
    await expect.poll(() => shell.documentStates.at(-1), { timeout: 15000 }).toMatchObject({ fileName: 'Yên Phong park.gpkg', dirty: false });

    const read = readProject(await initSqlJs(), new Uint8Array(await fs.readFile(target)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(countIn(read.document)).toBe(await featureCount());
    expect(await shell.page.evaluate(() => window.ecopark!.listRecent().then((list) => list.map((f) => f.fileName)))).toContain('Yên Phong park.gpkg');
  });

  it('an edit marks the window unsaved with an undo label; Save writes to the same file without asking', async () => {
    const target = path.join(shell.dir, 'Yên Phong park.gpkg');
    const before = (await fs.stat(target)).mtimeMs;
    // Delete a feature through the store's command path, as the Delete key does.
    await deleteLastFeature(shell.page);
    await expect.poll(() => shell.documentStates.at(-1)?.dirty, { timeout: 10000 }).toBe(true);
    expect(shell.documentStates.at(-1)?.undoLabel).toMatch(/.+/);

    await shell.sendMenuCommand('save');
    await expect.poll(() => shell.documentStates.at(-1)?.dirty, { timeout: 15000 }).toBe(false);
    expect(shell.dialogs.save).toEqual([]);
    expect((await fs.stat(target)).mtimeMs).toBeGreaterThan(before);
    const read = readProject(await initSqlJs(), new Uint8Array(await fs.readFile(target)));
    expect(read.ok && countIn(read.document)).toBe(await featureCount());
  });

  it('File ▸ Open reads the file chosen in the dialog; a refused file leaves the project as it was', async () => {
    const target = path.join(shell.dir, 'Yên Phong park.gpkg');
    const saved = await featureCount();
    await shell.sendMenuCommand('open-sample');
    // The saved file has one feature fewer than the sample it came from.
    await expect.poll(featureCount, { timeout: 15000 }).toBe(saved + 1);
    await waitForSampleOnMap(shell.page);
    const sampleCount = await featureCount();

    const junk = path.join(shell.dir, 'not-a-project.gpkg');
    await fs.writeFile(junk, 'this is not SQLite');
    shell.dialogs.open.push(junk);
    await shell.sendMenuCommand('open');
    await expect.poll(() => shell.page.locator('[role="alert"], .notice').allInnerTexts().then((t) => t.join(' ')), { timeout: 10000 }).toMatch(/not-a-project\.gpkg/);
    expect(await featureCount()).toBe(sampleCount);
    expect(await fs.readFile(junk, 'utf8')).toBe('this is not SQLite');

    shell.dialogs.open.push(target);
    await shell.sendMenuCommand('open');
    await expect.poll(featureCount, { timeout: 15000 }).toBe(saved);
    await expect.poll(() => shell.documentStates.at(-1), { timeout: 10000 }).toMatchObject({ fileName: 'Yên Phong park.gpkg', dirty: false });
  });
});
