import { beforeEach, describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js';
import type { Page } from 'playwright-core';
import { readProject } from '../../shared/project-file';
import { geodesicAreaM2 } from '../../shared/geometry/geodesic';
import { openAppForFile, startNewProject, waitForIdleMap } from './browser';
import { appPage } from './app-page';
import { mapPointer } from './map-pointer';

// The drawing tools driven with the mouse on the real map canvas, in an empty project at a
// fixed view near Bac Ninh (north-up, flat, zoom 17: about 0.9 m per pixel).
const CENTRE: [number, number] = [106.0, 21.1];

let page: Page;
openAppForFile((p) => {
  page = p;
});

const { features, tool } = appPage(() => page);

const { at, clickAt } = mapPointer(() => page, CENTRE);

beforeEach(async () => {
  // The previous test's drawing is unsaved: the page asks, and it is not kept.
  await startNewProject(page);
  await page.waitForFunction(() => window.__ecoparkStores!.document.getState().document?.project.name === 'Untitled');
  await page.evaluate(([lon, lat]) => {
    const map = window.__ecoparkMap!;
    map.jumpTo({ center: [lon, lat], zoom: 17, pitch: 0, bearing: 0 });
    // Fresh drawing settings for each test.
    window.__ecoparkStores!.ui.getState().select([]);
  }, CENTRE);
  // The floating legend covers the map's lower right, where some shapes are drawn: hide it.
  if ((await page.getByRole('button', { name: 'Legend', exact: true }).getAttribute('aria-pressed')) === 'true') {
    await page.getByRole('button', { name: 'Legend', exact: true }).click();
  }
  const pressed = await page.getByRole('button', { name: '3D view' }).getAttribute('aria-pressed');
  if (pressed === 'true') await page.getByRole('button', { name: '3D view' }).click();
  await page.evaluate(([lon, lat]) => window.__ecoparkMap!.jumpTo({ center: [lon, lat], zoom: 17, pitch: 0, bearing: 0 }), CENTRE);
  await waitForIdleMap(page);
  await page.getByRole('group', { name: 'Land use' }).getByRole('button', { name: /Industrial/ }).click();
});

describe('drawing park layouts with the mouse', () => {
  it('draws a polygon whose geodesic area matches the intended one, with live measurements', async () => {
    await tool('Draw polygon');
    const corners = [at(-100, -60), at(100, -60), at(100, 60), at(-100, 60)];
    for (const c of corners.slice(0, 3)) await clickAt(c);
    const live = await page.getByTestId('draft-measurements').textContent();
    expect(live).toMatch(/Area: [\d,]+ m²/);
    await clickAt(corners[3]);
    await page.keyboard.press('Enter');
    const drawn = (await features()).filter((f) => f.kind === 'landuse');
    expect(drawn).toHaveLength(1);
    expect(drawn[0].kind === 'landuse' && drawn[0].landUse).toBe('industrial');
    // Intended 200 m × 120 m = 24,000 m²; clicks land on whole pixels (±1 m at zoom 17).
    const area = geodesicAreaM2(drawn[0].geometry as never);
    expect(Math.abs(area - 24000) / 24000).toBeLessThan(0.02);
    const shown = await page.getByRole('region', { name: 'Properties' }).getByText(/ m² \(/).first().textContent();
    expect(shown).toContain(Math.round(area).toLocaleString('en-GB'));
  });

  it('draws a rectangle and snaps a neighbour to it so that they share vertices in the saved file', async () => {
    await tool('Draw rectangle');
    await page.getByRole('combobox').filter({ hasText: 'Rotated' }).selectOption('axis');
    await clickAt(at(-150, -50));
    await clickAt(at(0, 50));
    let drawn = (await features()).filter((f) => f.kind === 'landuse');
    expect(drawn).toHaveLength(1);
    const first = drawn[0];
    // A neighbour east of it, clicking 4 m (≈ 4–5 px) off the shared corners: snapping pulls them on.
    await tool('Draw polygon');
    await clickAt(at(3, -53));
    await clickAt(at(150, -50));
    await clickAt(at(150, 50));
    await clickAt(at(3, 53));
    await page.keyboard.press('Enter');
    drawn = (await features()).filter((f) => f.kind === 'landuse');
    expect(drawn).toHaveLength(2);
    const second = drawn.find((f) => f.id !== first.id)!;
    const key = (p: number[]) => `${p[0]},${p[1]}`;
    const firstVertices = new Set((first.geometry.coordinates as number[][][])[0].map(key));
    const shared = (second.geometry.coordinates as number[][][])[0].slice(0, -1).filter((p) => firstVertices.has(key(p)));
    expect(shared).toHaveLength(2);

    // Save through the page's own code and read the file back in Node.
    await page.evaluate(() => {
      const handle = {
        name: 'snapped.gpkg',
        async createWritable() {
          return {
            async write(data: Uint8Array) {
              (window as unknown as { __file: number[] }).__file = Array.from(data);
            },
            async close() {},
          };
        },
      };
      Object.assign(window, { showSaveFilePicker: async () => handle });
    });
    await tool('Save as');
    await page.waitForFunction(() => Boolean((window as unknown as { __file?: number[] }).__file));
    const bytes = new Uint8Array(await page.evaluate(() => (window as unknown as { __file: number[] }).__file));
    const read = readProject(await initSqlJs(), bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const saved = read.document.scenarios[0].features;
    const a = saved.find((f) => f.id === first.id)!;
    const b = saved.find((f) => f.id === second.id)!;
    const savedA = new Set((a.geometry.coordinates as number[][][])[0].map(key));
    expect((b.geometry.coordinates as number[][][])[0].slice(0, -1).filter((p) => savedA.has(key(p)))).toHaveLength(2);
  });

  it('subdivides a block into 6 plots of equal area', async () => {
    await tool('Draw rectangle');
    await page.getByRole('combobox').filter({ hasText: 'Rotated' }).selectOption('axis');
    await clickAt(at(-150, -100));
    await clickAt(at(150, 100));
    const block = (await features()).find((f) => f.kind === 'landuse')!;
    const blockArea = geodesicAreaM2(block.geometry as never);
    await tool('Select');
    await page.evaluate((id) => window.__ecoparkStores!.ui.getState().select([id]), block.id);
    await tool('Subdivide');
    const dialog = page.getByRole('dialog', { name: 'Subdivide block' });
    await dialog.getByRole('spinbutton', { name: 'Number of equal plots' }).fill('6');
    await dialog.getByRole('button', { name: 'Subdivide' }).click();
    const plots = (await features()).filter((f) => f.kind === 'landuse');
    expect(plots).toHaveLength(6);
    for (const plot of plots) expect(Math.abs(geodesicAreaM2(plot.geometry as never) - blockArea / 6) / (blockArea / 6)).toBeLessThan(0.001);
    expect(plots.some((p) => p.id === block.id)).toBe(false);
  });

  it('draws a road, undoes and redoes across several steps, and cancels a shape with Escape', async () => {
    await tool('Draw road');
    await clickAt(at(-120, 0));
    await clickAt(at(0, 20));
    await clickAt(at(120, 0), { double: true });
    let roads = (await features()).filter((f) => f.kind === 'road');
    expect(roads).toHaveLength(1);
    expect(roads[0].kind === 'road' && roads[0].widthM).toBe(24);
    expect((roads[0].geometry.coordinates as number[][]).length).toBe(3);

    await tool('Add point');
    await clickAt(at(50, 50));
    await tool('Draw building');
    await clickAt(at(-60, -60));
    await clickAt(at(-20, -60));
    await clickAt(at(-20, -30));
    const kinds = async () => (await features()).map((f) => f.kind).sort();
    expect(await kinds()).toEqual(['building', 'point', 'road']);

    // Escape cancels a shape in progress: nothing is added.
    await tool('Draw polygon');
    await clickAt(at(60, -60));
    await clickAt(at(100, -60));
    await page.keyboard.press('Escape');
    expect(await kinds()).toEqual(['building', 'point', 'road']);
    expect(await page.evaluate(() => window.__ecoparkStores!.document.getState().revision)).toBeGreaterThan(0);

    await page.keyboard.press('Escape'); // leaves the tool
    await page.keyboard.press('Control+z');
    expect(await kinds()).toEqual(['point', 'road']);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await kinds()).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+y');
    expect(await kinds()).toEqual(['point', 'road']);
    const redoTitle = await page.getByRole('button', { name: 'Redo', exact: true }).getAttribute('title');
    expect(redoTitle).toBe('Redo Draw building (Ctrl+Shift+Z)');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    expect(await kinds()).toEqual(['building', 'point', 'road']);
    roads = (await features()).filter((f) => f.kind === 'road');
    expect(roads).toHaveLength(1);
  });

  it('explains a bow-tie polygon at once and repairs it with one click', async () => {
    await tool('Draw polygon');
    // Crossing order: the edges (0→1) and (2→3) intersect.
    for (const c of [at(-80, -50), at(80, 50), at(80, -50), at(-80, 50)]) await clickAt(c);
    await page.keyboard.press('Enter');
    const message = page.getByRole('alert', { name: 'Problems' });
    await message.waitFor();
    expect(await message.textContent()).toMatch(/outline crosses itself/);
    expect((await features()).filter((f) => f.kind === 'landuse')).toHaveLength(1);
    await message.getByRole('button', { name: 'Repair' }).click();
    const parts = (await features()).filter((f) => f.kind === 'landuse');
    expect(parts).toHaveLength(2);
  });
});
