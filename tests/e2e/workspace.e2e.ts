import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Position } from '../../shared/model';
import { geodesicAreaM2 } from '../../shared/geometry/geodesic';
import { openAppForFile } from './browser';
import { appPage } from './app-page';
import { mapPointer } from './map-pointer';

// Issue 13, frictions: the metrics strip, the compact toolbars, Properties brought forward on
// selection, and the legend letting a drawing click through. At 1280 × 800, in a new project
// drawn with the mouse at a fixed view near Bac Ninh (north-up, zoom 17: about 0.9 m per pixel).
const CENTRE: [number, number] = [106.0, 21.1];
const SHOTS = process.env.ECOPARK_SCREENSHOTS ?? '/tmp';

let page: Page;
openAppForFile((p) => (page = p), { newProjectAt: { centre: CENTRE, zoom: 17 } });

const { button, features } = appPage(() => page);
const strip = () => page.getByRole('group', { name: 'Key figures' });
const figure = (id: string) => strip().locator(`[data-metric="${id}"]`);
const figureValue = (id: string) => figure(id).getByTestId('metric-value').textContent();

const { at, clickAt } = mapPointer(() => page, CENTRE);

async function rectangle(category: RegExp, from: Position, to: Position) {
  await page.getByRole('group', { name: /^Land use/ }).getByRole('button', { name: category }).click();
  await button('Draw rectangle').click();
  await page.getByRole('combobox').filter({ hasText: 'Rotated' }).selectOption('axis');
  await clickAt(from);
  await clickAt(to);
}

/** Height in px of both toolbars together. */
const toolbarHeight = () =>
  page.evaluate(() => ['.toolbar', '.edit-toolbar'].reduce((sum, sel) => sum + document.querySelector(sel)!.getBoundingClientRect().height, 0));

describe('the workspace while drawing (issue 13)', () => {
  it('the strip figures change as shapes are drawn and match the Compliance panel', async () => {
    await rectangle(/Park boundary/, at(-150, -100), at(150, 100));
    await page.waitForFunction(() => document.querySelector('[data-metric="green"] [data-testid="metric-value"]')?.textContent === '0.00 %');
    expect(await figure('green').getAttribute('data-status')).toBe('fail');
    expect(await figure('green').textContent()).toContain('Fail');

    // A 100 m × 60 m green rectangle in a 300 m × 200 m park: 6,000 / 60,000 = 10 % by hand;
    // the ratio of the two drawn shapes' areas is the expected figure (corners are clicked to
    // the pixel, so the shapes are measured rather than assumed).
    await rectangle(/^Green space/, at(-140, -90), at(-40, -30));
    await page.waitForFunction(() => (window.__ecoparkStores!.document.getState().document!.scenarios[0].features.length) === 2);
    const all = await features();
    const park = geodesicAreaM2(all.find((f) => f.kind === 'boundary')!.geometry as never);
    const green = geodesicAreaM2(all.find((f) => f.kind === 'landuse')!.geometry as never);
    expect(Math.abs(green / park - 0.1)).toBeLessThan(0.002);
    const expected = `${((green / park) * 100).toFixed(2)} %`;
    await page.waitForFunction((text) => document.querySelector('[data-metric="green"] [data-testid="metric-value"]')?.textContent === text, expected);

    // The same number in Compliance, which the figure opens.
    await figure('green').click();
    expect(await page.getByRole('tab', { name: 'Compliance' }).getAttribute('aria-selected')).toBe('true');
    const values = await page.getByTestId('compliance-panel').getByTestId('rule-value').allTextContents();
    expect(values).toContain(expected);
    expect(await figure('green').textContent()).toMatch(/≥ 10\.00 %/);
  });

  it('each figure opens its panel', async () => {
    const cases: [string, string][] = [
      ['industrial', 'Land-use structure'],
      ['traffic', 'Compliance'],
      ['failing', 'Compliance'],
      ['pv', 'Solar'],
    ];
    for (const [id, tab] of cases) {
      await page.getByRole('tab', { name: 'Properties' }).click();
      await figure(id).click();
      expect(await page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
    }
    // Traffic: no road or traffic land yet, 0.00 % against the rule's 8 %.
    expect(await figureValue('traffic')).toBe('0.00 %');
    expect(await figure('traffic').getAttribute('data-status')).toBe('fail');
    // Failing rules: the count the Compliance panel lists as failing.
    await figure('failing').click();
    const failing = await page.getByTestId('compliance-panel').locator('[data-status="fail"]').count();
    expect(await figureValue('failing')).toBe(String(failing));
  });

  it('selecting a feature brings Properties forward unless another tab is pinned', async () => {
    await button('Select').click();
    await page.getByRole('tab', { name: 'Compliance' }).click();
    await clickAt(at(-90, -60));
    await page.waitForFunction(() => window.__ecoparkStores!.ui.getState().selectedIds.length === 1);
    expect(await page.getByRole('tab', { name: 'Properties' }).getAttribute('aria-selected')).toBe('true');

    await page.getByRole('tab', { name: 'Compliance' }).click();
    await button('Keep this tab in front when selecting features').click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__ecoparkStores!.ui.getState().selectedIds.length === 0);
    await clickAt(at(-90, -60));
    await page.waitForFunction(() => window.__ecoparkStores!.ui.getState().selectedIds.length === 1);
    expect(await page.getByRole('tab', { name: 'Compliance' }).getAttribute('aria-selected')).toBe('true');
  });

  it('a click where the legend lies adds a vertex while drawing', async () => {
    if ((await button('Legend').getAttribute('aria-pressed')) !== 'true') await button('Legend').click();
    await button('Draw polygon').click();
    const box = (await page.locator('.legend ul').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // The legend is shown there, over the map, under the pointer (on the old page it took the click).
    expect(await page.locator('.legend ul').isVisible()).toBe(true);
    await page.mouse.move(x, y, { steps: 2 });
    await page.mouse.click(x, y);
    // The tool store is on the debug handle (tests/e2e/globals.d.ts types only the older stores).
    await page.waitForFunction(() => (window.__ecoparkStores as unknown as { tool: { getState(): { draft: { vertices: unknown[] } } } }).tool.getState().draft.vertices.length === 1);
    await page.keyboard.press('Escape');
  });

  it('the toolbars take at most 80 px in English and Vietnamese', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await button('Select').click();
    const en = await toolbarHeight();
    await page.screenshot({ path: `${SHOTS}/workspace-en.png` });
    await button('Switch language to Vietnamese').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    const vi = await toolbarHeight();
    await page.screenshot({ path: `${SHOTS}/workspace-vi.png` });
    expect(en).toBeLessThanOrEqual(80);
    expect(vi).toBeLessThanOrEqual(80);
    // The strip speaks Vietnamese too.
    expect(await page.getByRole('group', { name: 'Chỉ tiêu chính' }).textContent()).toContain('Cây xanh');
  });
});
