import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Position } from '../../shared/model';
import { geodesicAreaM2 } from '../../shared/geometry/geodesic';
import { launchBrowserForFile, openApp, waitForIdleMap } from './browser';
import { appPage } from './app-page';
import { mapPointer } from './map-pointer';

// Issue 13, bugs 2 and 4, as a new user meets them: drawn with the mouse in a new project at a
// fixed view near Bac Ninh (north-up, flat, zoom 17: about 0.9 m per pixel). Each test opens its
// own page, so "New project" never has unsaved work to ask about (a fresh page loads the sample
// park first: hence the longer time allowed).
const CENTRE: [number, number] = [106.0, 21.1];
const SHOTS = process.env.ECOPARK_SCREENSHOTS ?? '/tmp';

let browser: Browser;
let page: Page;
launchBrowserForFile((b) => (browser = b));

const { features, tool } = appPage(() => page);

const { at, clickAt } = mapPointer(() => page, CENTRE);

async function palette(name: RegExp) {
  await page.getByRole('group', { name: /^Land use/ }).getByRole('button', { name }).click();
}

/** A fresh page, a new empty project, the map at the fixed view, the legend out of the way. */
async function newProject() {
  page = await openApp(browser);
  await tool('New project');
  await page.waitForFunction(() => window.__ecoparkStores!.document.getState().document?.scenarios[0].features.length === 0);
  if ((await page.getByRole('button', { name: 'Legend', exact: true }).getAttribute('aria-pressed')) === 'true') {
    await page.getByRole('button', { name: 'Legend', exact: true }).click();
  }
  if ((await page.getByRole('button', { name: '3D view' }).getAttribute('aria-pressed')) === 'true') await page.getByRole('button', { name: '3D view' }).click();
  await page.evaluate(([lon, lat]) => window.__ecoparkMap!.jumpTo({ center: [lon, lat], zoom: 17, pitch: 0, bearing: 0 }), CENTRE);
  await waitForIdleMap(page);
}

async function rectangle(from: Position, to: Position) {
  await tool('Draw rectangle');
  await page.getByRole('combobox').filter({ hasText: 'Rotated' }).selectOption('axis');
  await clickAt(from);
  await clickAt(to);
}

/** "12,345" (en-GB, as the panels print areas) → 12345. */
const readNumber = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('land use as a planner draws it', () => {
  it('a road drawn with the road tool is traffic land: in the table and in Compliance', async () => {
    await newProject();
    await palette(/Park boundary/);
    await rectangle(at(-150, -100), at(150, 100));
    await tool('Draw road');
    await page.getByRole('spinbutton', { name: 'Width (m)' }).fill('18');
    // From 50 m west of the park to 50 m east of it: 300 m of it inside.
    await clickAt(at(-200, 0));
    await clickAt(at(200, 0), { double: true });
    const road = (await features()).find((f) => f.kind === 'road')!;
    expect(road.kind === 'road' && road.widthM).toBe(18);
    const boundary = (await features()).find((f) => f.kind === 'boundary')!;
    const parkM2 = geodesicAreaM2(boundary.geometry as never);

    await page.getByRole('tab', { name: 'Land-use structure' }).click();
    const panel = page.getByRole('region', { name: 'Land-use structure' });
    const trafficRow = panel.locator('tr[data-landuse="traffic"]');
    await trafficRow.waitFor();
    // 300 m × 18 m = 5,400 m² by hand; the corners are clicked to the pixel (±1 m of 300 m,
    // and the line may lean by a pixel or two), so within 1 %.
    const trafficM2 = readNumber(await trafficRow.locator('td').nth(1).textContent());
    expect(Math.abs(trafficM2 - 5400) / 5400).toBeLessThan(0.01);
    const unassignedM2 = readNumber(await panel.locator('tr[data-landuse="unassigned"] td').nth(1).textContent());
    // The table sums to the park: unassigned is the park less the corridor (rounding ±1 m²).
    expect(Math.abs(unassignedM2 + trafficM2 - parkM2)).toBeLessThanOrEqual(1.5);
    await page.screenshot({ path: `${SHOTS}/land-use-road-as-traffic.png` });

    await page.getByRole('tab', { name: 'Compliance' }).click();
    const rule = page.getByRole('region', { name: 'Compliance' }).locator('li[data-rule="qcvn.park.traffic-min"]');
    // The corridor's share of the park, as the table gives it (5,400 / 60,000 ≈ 9 %), passes the 8 % minimum.
    const sharePercent = readNumber(await rule.getByTestId('rule-value').textContent());
    expect(Math.abs(sharePercent - (100 * trafficM2) / parkM2)).toBeLessThan(0.006);
    expect(await rule.getAttribute('data-status')).toBe('pass');
  }, 240_000);

  it('Subdivide previews the new lines, names the building they cut, and the plots share its footprint', async () => {
    await newProject();
    await palette(/Park boundary/);
    await rectangle(at(-150, -100), at(150, 100));
    await palette(/Industrial/);
    await rectangle(at(-120, -80), at(120, 80));
    const block = (await features()).find((f) => f.kind === 'landuse')!;
    // A 60 m × 80 m hall in the middle of the block: two plots along its long side cut it in half.
    await tool('Draw building');
    await clickAt(at(-30, -40));
    await clickAt(at(30, -40));
    await clickAt(at(30, 40));
    const building = (await features()).find((f) => f.kind === 'building')!;
    const buildingM2 = geodesicAreaM2(building.geometry as never);

    await tool('Select');
    await page.evaluate((id) => window.__ecoparkStores!.ui.getState().select([id]), block.id);
    await tool('Subdivide');
    const dialog = page.getByRole('dialog', { name: 'Subdivide block' });
    await dialog.getByRole('spinbutton', { name: 'Number of equal plots' }).fill('2');
    // Before anything is committed: the new lines on the map, the building named in the dialog.
    const preview = dialog.getByTestId('subdivide-preview');
    await preview.waitFor({ timeout: 10000 });
    expect(await preview.textContent()).toMatch(/2 new plots/);
    const warning = dialog.getByRole('alert', { name: 'Buildings across the new lines' });
    expect(await warning.textContent()).toMatch(/1 building\(s\) would stand across the new plot lines/);
    expect(await warning.locator('li').count()).toBe(1);
    expect(await warning.locator('li').textContent()).toMatch(/^Building [0-9a-f]{8} stands across the edge of Land-use polygon “?[^:]*: [\d,]+ m² of its [\d,]+ m² lie outside it near/);
    await waitForIdleMap(page);
    const drawn = await page.evaluate(() => window.__ecoparkMap!.querySourceFeatures('subdivide-preview').map((f) => f.properties.role as string));
    expect(drawn).toContain('plot');
    expect(drawn).toContain('crossing');
    expect((await features()).filter((f) => f.kind === 'landuse')).toHaveLength(1); // nothing committed yet
    await page.screenshot({ path: `${SHOTS}/subdivide-preview.png` });

    await dialog.getByRole('button', { name: 'Subdivide' }).click();
    const plots = (await features()).filter((f) => f.kind === 'landuse');
    expect(plots).toHaveLength(2);
    // The preview source is emptied at once; MapLibre re-tiles it in its worker, so wait for that.
    await page.waitForFunction(() => window.__ecoparkMap!.querySourceFeatures('subdivide-preview').length === 0, undefined, { timeout: 10000 });

    // After: a layout problem on the building.
    await page.evaluate((id) => window.__ecoparkStores!.ui.getState().select([id]), building.id);
    const problems = page.getByRole('alert', { name: 'Problems' });
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/stands across the edge of Land-use polygon/);

    // And its footprint is split between the two plots, none of it lost (each printed to the m²).
    await page.getByRole('tab', { name: 'Plots', exact: true }).click();
    const footprints = await Promise.all(plots.map(async (p) => readNumber(await page.locator(`tr[data-plot="${p.id}"] td`).nth(2).textContent())));
    for (const f of footprints) expect(f).toBeGreaterThan(0.3 * buildingM2);
    expect(Math.abs(footprints[0] + footprints[1] - buildingM2)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SHOTS}/subdivide-plots.png` });
  }, 240_000);
});
