import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile } from './browser';
import { importSiteEpw, lastRunMs, loadLargePark, waitForEpwResult, waitForSolarDone } from './solar-page';

let page: Page;
openAppForFile((p) => (page = p));

describe('the Solar panel', () => {
  it('shows park totals for the sample, the weather source and coloured roofs on the map', async () => {
    await page.getByRole('tab', { name: 'Solar' }).click();
    const panel = await waitForSolarDone(page);
    const kwpText = await panel.locator('[data-total="totalKwp"] dd').textContent();
    expect(Number(kwpText!.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
    expect(await panel.getByTestId('solar-weather-source').textContent()).toMatch(/Hà Nội \(Láng\).*nearest station/);
    // The roof table (the monthly sky table above it has rows too).
    expect(await panel.getByRole('region', { name: 'Roofs' }).getByRole('row').count()).toBeGreaterThan(10);
    // MapLibre tiles the roofs source in its worker: the features are there once a tile has loaded.
    const roofs = () => page.evaluate(() => (window.__ecoparkMap!.getSource('solar-roofs') !== undefined ? window.__ecoparkMap!.querySourceFeatures('solar-roofs').length : 0));
    await expect.poll(roofs, { timeout: 20000 }).toBeGreaterThan(0);
    await expect(page.locator('.solar-map-legend').isVisible()).resolves.toBe(true);
    // Roof colours belong to the Solar tab: hidden on the Properties tab, back with Solar.
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.waitForFunction(() => (document.querySelector('.solar-map-legend') as HTMLElement | null)?.hidden === true);
    expect(await page.evaluate(() => window.__ecoparkMap!.getLayoutProperty('solar-roof-colour', 'visibility'))).toBe('none');
    await page.getByRole('tab', { name: 'Solar' }).click();
    await page.waitForFunction(() => (document.querySelector('.solar-map-legend') as HTMLElement | null)?.hidden === false);
  });

  it('selecting a roof in the table shows its numbers and shading loss', async () => {
    const panel = page.getByRole('region', { name: 'Solar' });
    const row = panel.getByRole('region', { name: 'Roofs' }).getByRole('row').nth(1);
    const id = await row.getAttribute('data-id');
    await row.click();
    const selected = panel.getByRole('region', { name: 'Selected roof' });
    await selected.waitFor();
    expect(await page.evaluate(() => window.__ecoparkStores!.ui.getState().selectedIds)).toEqual([id]);
    const text = (await selected.textContent()) ?? '';
    expect(text).toMatch(/Usable area\s*[\d,.]+ m²/);
    expect(text).toMatch(/Shading loss\s*[\d.]+ %/);
    expect(text).toMatch(/kWp/);
  });

  it('recomputes after an assumption edit and marks the project dirty', async () => {
    const panel = page.getByRole('region', { name: 'Solar' });
    const before = await panel.locator('[data-total="totalKwp"] dd').textContent();
    await panel.getByText('Roof layout & modules').click();
    const density = panel.getByLabel('Module power density (W/m²)');
    await density.fill('105');
    await density.press('Enter');
    await page.waitForFunction((b) => document.querySelector('[data-total="totalKwp"] dd')?.textContent !== b, before);
    const after = await panel.locator('[data-total="totalKwp"] dd').textContent();
    const ratio = Number(after!.replace(/[^\d.]/g, '')) / Number(before!.replace(/[^\d.]/g, ''));
    expect(ratio).toBeCloseTo(0.5, 2); // half the W/m², same modules
    const dirty = await page.evaluate(() => {
      const s = window.__ecoparkStores!.document.getState();
      return s.revision !== s.savedRevision;
    });
    expect(dirty).toBe(true);
    await panel.getByRole('button', { name: 'Reset to defaults' }).click();
    await page.waitForFunction((b) => document.querySelector('[data-total="totalKwp"] dd')?.textContent === b, before);
  });

  it('takes the demand of a selected plot and shows the share of demand met', async () => {
    const panel = page.getByRole('region', { name: 'Solar' });
    const plotId = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const plot = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.kind === 'landuse' && f.landUse === 'industrial')!;
      window.__ecoparkStores!.ui.getState().select([plot.id]);
      return plot.id;
    });
    expect(plotId).toBeTruthy();
    const input = panel.getByLabel(/Electricity demand of plot/);
    await input.fill('50000000');
    await input.press('Enter');
    await page.waitForFunction(() => /%/.test(document.querySelector('[data-total="demandShare"] dd')?.textContent ?? ''));
    const annual = Number((await panel.locator('[data-total="annual"] dd').textContent())!.replace(/[^\d.]/g, ''));
    const share = Number((await panel.locator('[data-total="demandShare"] dd').textContent())!.replace(/[^\d.]/g, ''));
    // Share = production ÷ demand: MWh/yr ÷ 50,000 MWh/yr, in %, as displayed (1 decimal).
    expect(share).toBeCloseTo((annual / 50_000) * 100, 0);
    await panel.getByRole('button', { name: 'Reset to defaults' }).click();
    await page.waitForFunction(() => !/%/.test(document.querySelector('[data-total="demandShare"] dd')?.textContent ?? '%'));
  });

  // How long the main thread is blocked meanwhile is a figure of `npm run bench`
  // (bench/solar-long-tasks.bench.ts), not a timed assertion here.
  it('computes the large park in the worker, then recomputes it with an imported hourly EPW', async () => {
    const roofs = await loadLargePark(page);
    expect(roofs).toBeGreaterThan(1000);
    const panel = await waitForSolarDone(page, 120000);
    expect(await panel.getByRole('region', { name: 'Roofs' }).getByRole('row').count()).toBeGreaterThan(10);
    expect(await lastRunMs(page)).toBeGreaterThan(0);
    await importSiteEpw(page);
    await waitForEpwResult(page);
    await waitForSolarDone(page, 120000);
    expect(await lastRunMs(page)).toBeGreaterThan(0);
    const kwpText = await panel.locator('[data-total="totalKwp"] dd').textContent();
    expect(Number(kwpText!.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
  });
});
