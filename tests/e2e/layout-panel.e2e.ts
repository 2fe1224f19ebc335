import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ParkDocument, Position } from '../../shared/model';
import { generateVariants, layoutVariantsCommand, defaultLayoutParameters } from '../../shared/layout';
import { openAppForFile, startNewProject, waitForIdleMap } from './browser';

// Issue 15: the "Lay out park" panel. A new project, a 600 m × 400 m boundary drawn with the
// mouse near Bac Ninh (zoom 15.5), two variants generated in the worker, one used.
const CENTRE: [number, number] = [106.0, 21.1];
const SHOTS = process.env.ECOPARK_SCREENSHOTS ?? '/tmp';

let page: Page;
openAppForFile((p) => {
  page = p;
});

beforeAll(async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startNewProject(page);
  if ((await button('3D view').getAttribute('aria-pressed')) === 'true') await button('3D view').click();
  await page.evaluate(([lon, lat]) => window.__ecoparkMap!.jumpTo({ center: [lon, lat], zoom: 15.5, pitch: 0, bearing: 0 }), CENTRE);
  await waitForIdleMap(page);
});

const button = (name: string) => page.getByRole('button', { name, exact: true });
const panel = () => page.getByTestId('layout-panel');
const documentNow = () => page.evaluate(() => window.__ecoparkStores!.document.getState().document!) as Promise<ParkDocument>;

/** A lon/lat `east`, `north` metres from the centre (small offsets: flat approximation). */
const at = (eastM: number, northM: number): [number, number] => [CENTRE[0] + eastM / 103_900, CENTRE[1] + northM / 110_760];

async function clickAt(lonLat: Position) {
  const p = await page.evaluate(([lon, lat]) => {
    const q = window.__ecoparkMap!.project([lon, lat]);
    const box = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
    return { x: box.left + q.x, y: box.top + q.y };
  }, lonLat as [number, number]);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.mouse.click(p.x, p.y);
}

describe('the "Lay out park" panel (issue 15)', () => {
  it('generates two variants as cards and uses one as one undo step', async () => {
    await page.getByRole('group', { name: /^Land use/ }).getByRole('button', { name: /Park boundary/ }).click();
    await button('Draw rectangle').click();
    await page.getByRole('combobox').filter({ hasText: 'Rotated' }).selectOption('axis');
    await clickAt(at(-300, -200));
    await clickAt(at(300, 200));
    await page.waitForFunction(() => window.__ecoparkStores!.document.getState().document!.scenarios[0].features.length === 1);
    await page.keyboard.press('Escape');
    const before = await documentNow();

    await page.getByRole('tab', { name: 'Lay out park' }).click();
    const count = panel().getByRole('textbox', { name: 'Number of variants' });
    await count.fill('2');
    await button('Generate').click();
    await panel().getByRole('article').nth(1).waitFor({ timeout: 60_000 });
    const cards = panel().getByRole('article');
    expect(await cards.count()).toBe(2);

    // The cards show what the generator gives for the same boundary and parameters, computed
    // here in Node by the same shared code (the worker must neither lose nor alter a variant).
    const expected = generateVariants(before, before.activeScenarioId, defaultLayoutParameters(), 2, { ruleDate: new Date().toISOString().slice(0, 10) });
    if (!expected.ok) throw new Error(`no layout: ${expected.reason}`);
    for (const [i, v] of expected.variants.entries()) {
      const card = cards.nth(i);
      expect(await card.getByRole('heading').textContent()).toBe(`Variant ${v.rank}`);
      expect(await card.locator('[data-figure="plots"] dd').textContent()).toBe(v.figures.plotCount.toLocaleString('en-US'));
      expect(await card.locator('[data-figure="green"] dd').textContent()).toBe(`${(v.figures.greenShare * 100).toFixed(1)} %`);
      expect(await card.locator('[data-figure="rules-failed"] dd').textContent()).toBe(String(v.figures.rulesFailed));
      // The thumbnail draws every plot, green area, road and the boundary.
      const drawn = v.layout.features.filter((f) => f.kind === 'landuse' || f.kind === 'road' || f.kind === 'boundary').length;
      expect(await card.getByRole('img').locator('path').count()).toBe(drawn);
      expect(await card.locator('.layout-unmet li').count()).toBe(Math.max(1, v.layout.unmet.length));
    }
    await page.screenshot({ path: `${SHOTS}/layout-panel.png` });

    // Use the second: both variants become scenarios, the second one active.
    await cards.nth(1).getByRole('button', { name: 'Use this variant' }).click();
    const { scenarios } = layoutVariantsCommand(before, expected.variants, { seed: 1, baseName: 'Layout' });
    const after = await documentNow();
    expect(after.scenarios.map((s) => s.name)).toEqual([...before.scenarios.map((s) => s.name), ...scenarios.map((s) => s.name)]);
    expect(after.activeScenarioId).toBe(scenarios[1].scenarioId);
    const options = await page.getByRole('combobox', { name: 'Scenario' }).locator('option').allTextContents();
    for (const s of scenarios) expect(options).toContain(s.name);
    const plot = after.scenarios.find((s) => s.id === after.activeScenarioId)!.features.find((f) => f.kind === 'landuse' && f.landUse === 'industrial')!;
    // The features list is virtual: filtered to the plot's name, it shows the plot.
    await page.getByRole('searchbox', { name: 'Filter features' }).fill(plot.name!);
    await expect.poll(() => page.getByRole('listbox', { name: 'Features' }).textContent()).toContain(plot.name);
    await page.getByRole('searchbox', { name: 'Filter features' }).fill('');

    // One Ctrl+Z removes every added scenario.
    // (Out of the filter box: typing keys there edit the text, not the park.)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => window.__ecoparkStores!.document.getState().document!.scenarios.length === n, before.scenarios.length);
    expect((await documentNow()).activeScenarioId).toBe(before.activeScenarioId);
  }, 120_000);
});
