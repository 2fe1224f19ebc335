import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForIdleMap } from './browser';

/**
 * Issue 13, import frictions: a GeoJSON written latitude-first is recognised and the swap
 * offered; after the swap the summary counts the bow-tie (imported with its land use, then
 * listed under Problems) and the features overlapping the park's land use; and the plot-code
 * prefixes are edited in Settings as an undoable project change.
 * Screenshots go to $ECOPARK_SCREENSHOTS (default: the temporary folder).
 */
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'ecopark-e2e-import-frictions-'));
const shots = process.env.ECOPARK_SCREENSHOTS ?? dir;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openApp(browser);
  await waitForIdleMap(page);
  // Under a loaded machine the first start can take longer than the default hook timeout.
}, 240_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Ring = number[][];

describe('import frictions', () => {
  it('offers the lat/lon swap, then counts the bow-tie and the overlaps, and lists the bow-tie under Problems', async () => {
    // The first land-use plot of the sample park: an import of its own outline overlaps it.
    const plotRing = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const scenario = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!;
      const plot = scenario.features.find((f) => f.kind === 'landuse' && f.geometry.type === 'Polygon')!;
      return (plot.geometry as { coordinates: number[][][] }).coordinates[0];
    });
    const [lon, lat] = plotRing[0];
    // A bow-tie 0.001° square next to that corner, visited crosswise.
    const bowTie: Ring = [[lon, lat], [lon + 0.001, lat + 0.001], [lon + 0.001, lat], [lon, lat + 0.001], [lon, lat]];
    // Written latitude first, as a hand-made file might be.
    const latFirst = (ring: Ring) => [ring.map(([x, y]) => [y, x])];
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { TEN: 'Lô trùng' }, geometry: { type: 'Polygon', coordinates: latFirst(plotRing) } },
        { type: 'Feature', properties: { TEN: 'Lô nơ' }, geometry: { type: 'Polygon', coordinates: latFirst(bowTie) } },
      ],
    };
    await page.getByRole('button', { name: 'Import…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import GIS or CAD data' });
    await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'cong_nghiep.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(collection)) });
    await dialog.getByText('The coordinates look like latitude and longitude in the wrong order', { exact: false }).waitFor();
    await dialog.screenshot({ path: join(shots, 'import-frictions-swap-offered.png') });
    await dialog.getByLabel('Swap latitude and longitude').check();
    // 2 features: the copy of the plot overlaps it (1), the bow-tie crosses itself (1).
    await dialog.getByText('2 features will be imported', { exact: false }).waitFor();
    await dialog.getByText('Features whose outline crosses itself (a bow-tie): 1.', { exact: false }).waitFor();
    const scenarioName = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      return doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.name;
    });
    await dialog.getByText(`Imported land-use areas overlapping land use already in “${scenarioName}”: 1.`).waitFor();
    await dialog.screenshot({ path: join(shots, 'import-frictions-summary.png') });
    await dialog.getByRole('button', { name: /^Add to scenario/ }).click();

    const imported = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const scenario = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!;
      return scenario.features.filter((f) => f.name === 'Lô nơ' || f.name === 'Lô trùng').map((f) => ({ id: f.id, name: f.name, landUse: f.kind === 'landuse' ? f.landUse : null }));
    });
    // The layer name "cong_nghiep" maps both to industrial land; the TEN attribute names them.
    expect(imported.map((f) => [f.name, f.landUse]).sort()).toEqual([['Lô nơ', 'industrial'], ['Lô trùng', 'industrial']]);
    const bow = imported.find((f) => f.name === 'Lô nơ')!;
    await page.evaluate((id) => window.__ecoparkStores!.ui.getState().select([id]), bow.id);
    const problems = page.getByRole('alert', { name: 'Problems' });
    await problems.locator('li[data-reason="self_intersection"]').waitFor();
    await page.screenshot({ path: join(shots, 'import-frictions-problems.png') });
  });

  it('edits a plot-code prefix in Settings as one undoable project change', async () => {
    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const industrial = dialog.locator('input[data-land-use="industrial"]');
    await expect(industrial.inputValue()).resolves.toBe('CN');
    await industrial.fill('N M');
    await industrial.press('Enter');
    await dialog.getByText('“N M” cannot be a code prefix', { exact: false }).waitFor();
    await expect(industrial.inputValue()).resolves.toBe('CN');
    await industrial.fill('NM');
    await industrial.press('Enter');
    const saved = await page.evaluate(() => {
      const state = window.__ecoparkStores!.document.getState();
      return { codes: state.document!.settings.featureCodes, lastStep: state.undoStack.at(-1)?.label };
    });
    expect(saved).toEqual({ codes: { industrial: 'NM' }, lastStep: 'Change plot code prefixes' });
    await dialog.screenshot({ path: join(shots, 'import-frictions-codes.png') });
  });
});
