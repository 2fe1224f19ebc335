import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyzeEco } from '../../shared/eco';
import { rooftopPvOf } from '../../shared/eco/pv';
import { formatNumber } from '../../shared/format';
import { readProject } from '../../shared/project-file';
import { openAppForFile } from './browser';

let page: Page;
openAppForFile((p) => (page = p));

describe('the Eco panel (issue 16)', () => {
  it('shows the sample park’s balances, CBAM plot, exchanges and criteria', async () => {
    await page.getByRole('tab', { name: 'Eco' }).click();
    const panel = page.getByRole('region', { name: 'Eco' });
    // The sample gives 37 of its 45 industrial plots a sector (data/samples/bac-ninh-demo.description.json).
    expect(await panel.locator('[data-row="plots"] dd').textContent()).toBe('45 (37 with a sector)');
    expect(await panel.getByRole('list', { name: 'EU CBAM exposure' }).textContent()).toMatch(/^Nhà máy sản xuất vật liệu xanh: [\d,]+ t CO₂\/yr embedded/);
    const exchanges = panel.getByRole('list', { name: 'Symbiosis' }).getByRole('listitem');
    // 25 candidates and the one exchange the sample accepted (`ecopark eco` on the sample lists the same).
    expect(await exchanges.count()).toBe(26);
    expect(await panel.locator('.eco-exchange .eco-status[data-status="accepted"]').count()).toBe(1);
    const citations = panel.getByRole('list', { name: 'Eco-industrial park criteria' }).locator('.eco-citation');
    expect(await citations.count()).toBe(14);
    expect(await citations.first().textContent()).toBe('Decree 35/2022/ND-CP, Art. 37(1)(a)');
    await page.screenshot({ path: 'test-results/eco-panel.png' });
    await citations.last().scrollIntoViewIfNeeded();
    await panel.screenshot({ path: 'test-results/eco-scorecard.png' });
  });

  it('accepting a candidate saves the decision in the project and undo takes it back', async () => {
    const panel = page.getByRole('region', { name: 'Eco' });
    const first = panel.locator('.eco-exchange').first();
    expect(await first.locator('.eco-status').getAttribute('data-status')).toBe('candidate');
    await first.getByRole('button', { name: 'Accept' }).click();
    await page.waitForFunction(() => document.querySelector('.eco-exchange .eco-status')?.getAttribute('data-status') === 'accepted');
    const saved = await page.evaluate(() => (window.__ecoparkStores!.document.getState().document!.settings.eco as { exchanges: { status: string }[] }).exchanges.length);
    expect(saved).toBe(2);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('.eco-exchange .eco-status')?.getAttribute('data-status') === 'candidate');
  });

  it('editing a candidate’s quantity and note is one undoable step, saved in the project, status kept', async () => {
    const panel = page.getByRole('region', { name: 'Eco' });
    const first = panel.locator('.eco-exchange').first();
    await first.getByRole('button', { name: 'Edit' }).click();
    await first.getByLabel(/^Quantity/).fill('1234');
    await first.getByLabel('Note on the resource').fill('baled, weekly');
    await first.screenshot({ path: 'test-results/eco-exchange-edit.png' });
    await first.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => first.textContent()).toContain('1,234');
    expect(await first.textContent()).toContain('baled, weekly');
    const saved = await page.evaluate(() => (window.__ecoparkStores!.document.getState().document!.settings.eco as { exchanges: { status: string; quantity?: number; note?: string }[] }).exchanges);
    expect(saved[saved.length - 1]).toMatchObject({ status: 'candidate', quantity: 1234, note: 'baled, weekly' });
    expect(saved).toHaveLength(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => (window.__ecoparkStores!.document.getState().document!.settings.eco as { exchanges: unknown[] }).exchanges.length)).toBe(1);
    expect(await first.textContent()).not.toContain('1,234');
  });
});

describe('rooftop PV and symbiosis flows (issue 16, session 6)', () => {
  it('counts the Solar worker’s rooftop PV hour by hour, as `ecopark eco` does', async () => {
    const panel = page.getByRole('region', { name: 'Eco' });
    // The Eco panel starts the Solar panel's worker; its hourly output arrives after the run.
    await panel.locator('[data-row="pvOnSite"]').waitFor({ timeout: 120_000 });
    // The same figures from the command's code path, in this process, on the sample file.
    const SQL = await initSqlJs();
    const read = readProject(SQL, new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
    if (!read.ok) throw new Error(read.detail);
    const doc = await page.evaluate(() => window.__ecoparkStores!.document.getState().document!);
    expect(doc.scenarios).toEqual(read.document.scenarios);
    const e = analyzeEco(read.document, { pv: rooftopPvOf(read.document) }).electricity;
    expect(e.selfConsumedMwhPerYear).toBeGreaterThan(0);
    const n = (v: number, d = 0) => formatNumber('en', v, d);
    expect(await panel.locator('[data-row="pv"] dd').textContent()).toBe(`${n(e.rooftopPvMwhPerYear)} MWh/yr`);
    expect(await panel.locator('[data-row="pvOnSite"] dd').textContent()).toBe(`${n(e.selfConsumedMwhPerYear)} MWh/yr (${n(e.pvShareOfDemand * 100, 1)} % of demand)`);
    expect(await panel.locator('[data-row="grid"] dd').textContent()).toBe(`${n(e.gridMwhPerYear)} MWh/yr`);
    await panel.locator('[data-row="pvOnSite"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/eco-panel-pv.png' });
  }, 180_000);

  it('draws accepted exchanges as flows from the supplier’s plot to the receiver’s, switched from the panel', async () => {
    const panel = page.getByRole('region', { name: 'Eco' });
    // The sample accepted one exchange: one flow.
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')?.dataset.ecoFlows === '1');
    const first = panel.locator('.eco-exchange').filter({ has: page.locator('.eco-status[data-status="candidate"]') }).first();
    await first.getByRole('button', { name: 'Accept' }).click();
    await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')?.dataset.ecoFlows === '2');
    const { decision, flows, plots } = await page.evaluate(async () => {
      const state = window.__ecoparkStores!.document.getState().document!;
      const exchanges = (state.settings.eco as { exchanges: { fromPlotId: string; toPlotId: string; resource: string; status: string }[] }).exchanges;
      const source = window.__ecoparkMap!.getSource('eco-flows') as unknown as { getData(): Promise<GeoJSON.FeatureCollection<GeoJSON.MultiLineString>> };
      const features = state.scenarios.find((s) => s.id === state.activeScenarioId)!.features;
      return { decision: exchanges[exchanges.length - 1], flows: (await source.getData()).features, plots: Object.fromEntries(features.map((f) => [f.id, f.geometry])) };
    });
    const mine = flows.filter((f) => f.properties?.fromPlotId === decision.fromPlotId && f.properties?.toPlotId === decision.toPlotId && f.properties?.resource === decision.resource);
    expect(mine).toHaveLength(1);
    const curve = mine[0].geometry.coordinates[0];
    // The flow starts inside the supplier's plot and ends inside the receiver's (ray casting, here).
    expect(inside(curve[0], plots[decision.fromPlotId] as GeoJSON.Polygon)).toBe(true);
    expect(inside(curve[curve.length - 1], plots[decision.toPlotId] as GeoJSON.Polygon)).toBe(true);
    // The flow colours are part of the main map legend, not a box of their own over the map.
    const flowLegend = page.getByRole('region', { name: 'Legend' }).locator('.eco-flow-legend');
    await expect.poll(() => flowLegend.isVisible()).toBe(true);
    expect(await flowLegend.textContent()).toContain('Symbiosis flows');
    expect(await page.locator('.eco-flow-legend').count()).toBe(1);
    // Frame both flows for the screenshot.
    await page.evaluate((lines) => {
      const all = lines.flatMap((l) => l.geometry.coordinates.flat());
      const xs = all.map((p) => p[0]);
      const ys = all.map((p) => p[1]);
      window.__ecoparkMap!.fitBounds([[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]], { padding: 120, duration: 0 });
    }, flows);
    await page.evaluate(() => new Promise((resolve) => window.__ecoparkMap!.once('idle', resolve)));
    await page.screenshot({ path: 'test-results/eco-flows-map.png' });
    // Switched off from the panel: the layer and its legend go.
    await panel.getByRole('checkbox', { name: 'Show accepted exchanges on the map' }).uncheck();
    await expect.poll(() => page.evaluate(() => window.__ecoparkMap!.getLayoutProperty('eco-flows-line', 'visibility'))).toBe('none');
    expect(await page.locator('.eco-flow-legend').isVisible()).toBe(false);
  }, 60_000);
});

describe('the tenant in the Properties panel (issue 16, session 6)', () => {
  it('shows and edits an industrial plot’s tenant attributes, undoably', async () => {
    const plot = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const f = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((x) => x.kind === 'landuse' && x.landUse === 'industrial' && 'sector' in x)!;
      window.__ecoparkStores!.ui.getState().select([f.id]);
      return f as { id: string; sector: string; tenant?: string };
    });
    await page.getByRole('tab', { name: 'Properties' }).click();
    const form = page.getByRole('form', { name: 'Properties' });
    expect(await form.getByLabel('Sector (VSIC code)').inputValue()).toBe(plot.sector);
    for (const label of ['Sector classification', 'Tenant', 'Employees', 'Measured electricity (MWh/yr)', 'Measured water (m³/day)']) expect(await form.getByLabel(label).count()).toBe(1);
    await form.getByLabel('Employees').fill('1250');
    await form.getByLabel('Employees').press('Enter');
    const employees = () => page.evaluate((id) => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      return (doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.id === id) as { employees?: number }).employees;
    }, plot.id);
    await expect.poll(employees).toBe(1250);
    await page.keyboard.press('Control+z');
    await expect.poll(employees).toBe((plot as { employees?: number }).employees);
  });
});

/** Whether a point lies in a polygon's outer ring (even-odd ray casting). */
function inside([x, y]: number[], polygon: GeoJSON.Polygon): boolean {
  let odd = false;
  const ring = polygon.coordinates[0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}
