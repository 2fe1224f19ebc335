import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAppForFile, startNewProject } from './browser';

/**
 * The browser tab's title names the project (issue 13): the sample by its park, with the unsaved
 * marker after an edit; a new project is "Untitled" (in the UI language).
 */

let page: Page;
openAppForFile((p) => (page = p));

describe('the title names the project', () => {
  it('the sample: its park name, then the unsaved marker; a new project: Untitled / Chưa đặt tên', async () => {
    const name = await page.evaluate(() => window.__ecoparkStores!.document.getState().document!.project.name);
    expect(name).toMatch(/Yên Phong/);
    await page.waitForFunction((expected) => document.title === expected, `${name} — EcoPark Planner`);
    // It stays untitled as a file: Save would ask where.
    expect(await page.evaluate(() => window.__ecoparkStores!.document.getState().fileName)).toBeNull();
    // An edit (a feature deleted, as the Delete key does) adds the unsaved marker.
    await page.evaluate(() => {
      const stores = window.__ecoparkStores!;
      const doc = stores.document.getState().document!;
      stores.ui.getState().select([doc.scenarios.find((sc) => sc.id === doc.activeScenarioId)!.features.at(-1)!.id]);
    });
    await page.keyboard.press('Delete');
    await page.waitForFunction((expected) => document.title === expected, `${name} • — EcoPark Planner`);
    await startNewProject(page);
    await page.waitForFunction(() => document.title === 'Untitled — EcoPark Planner');
    await page.evaluate(() => window.__ecoparkStores!.ui.getState().setLang('vi'));
    await page.waitForFunction(() => document.title === 'Chưa đặt tên — EcoPark Planner');
  });
});
