import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForIdleMap } from './browser';
import { LARGE_PARK_FILE, largeParkGpkg, offerFileToOpen, openLargePark, screenPointOf } from '../../bench/large-park-page';

/**
 * Issue 13 bug 7, behaviour only (the timings are `npm run bench -- large-park`): the generated
 * 5,000-feature park opens through the Open button, a click on the map outlines the feature
 * in the overlay over the map (no map redraw), and the feature list renders the rows in view and scrolls.
 */
describe('a 5,000-feature park', () => {
  let browser: Browser | undefined;
  let page: Page;
  // As openAppForFile, with room for a loaded 2-core machine: the page alone can take a minute.
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser);
  }, 180000);
  afterAll(async () => {
    await browser?.close();
  });

  const selectedIds = () => page.evaluate(() => window.__ecoparkStores!.ui.getState().selectedIds);
  /** Ids the selection outline over the map draws, and whether its box is the feature's box on screen (±1 px). */
  const outlined = (id: string) =>
    page.evaluate((featureId) => {
      const path = document.querySelector<SVGPathElement>('.map-selection-overlay path[data-state="selected"]')!;
      const ids = (path.dataset.ids ?? '').split(' ').filter(Boolean);
      const doc = window.__ecoparkStores!.document.getState().document!;
      const feature = doc.scenarios[0].features.find((f) => f.id === featureId)!;
      if (feature.geometry.type !== 'Polygon') return { ids, placed: false };
      const screen = feature.geometry.coordinates[0].map((p) => window.__ecoparkMap!.project(p as [number, number]));
      const box = path.getBBox();
      const near = (a: number, b: number) => Math.abs(a - b) <= 1;
      const placed =
        ids.length === 1 &&
        near(box.x, Math.min(...screen.map((p) => p.x))) &&
        near(box.y, Math.min(...screen.map((p) => p.y))) &&
        near(box.x + box.width, Math.max(...screen.map((p) => p.x))) &&
        near(box.y + box.height, Math.max(...screen.map((p) => p.y)));
      return { ids, placed };
    }, id);
  /** Industrial plots, ordered by distance of their middle from the middle of the map. */
  const plotsNearCentre = () =>
    page.evaluate(() => {
      const map = window.__ecoparkMap!;
      const doc = window.__ecoparkStores!.document.getState().document!;
      const { clientWidth, clientHeight } = map.getCanvas();
      return doc.scenarios[0].features
        .filter((f) => f.kind === 'landuse' && f.landUse === 'industrial')
        .map((f) => {
          const p = map.project((f.geometry as { coordinates: number[][][] }).coordinates[0][0] as [number, number]);
          return { id: f.id, d: Math.hypot(p.x - clientWidth / 2, p.y - clientHeight / 2) };
        })
        .sort((a, b) => a.d - b.d)
        .map((p) => p.id);
    });

  it('opens through the Open button: every feature on the map and the analysis computed', async () => {
    const park = await largeParkGpkg();
    await offerFileToOpen(page, park.bytes);
    // Every height the map takes from here on: the figures strip under it keeps its row while
    // the park is analysed ("Analysing the park…"), so the map is not resized (each resize is a
    // full redraw) when the analysis starts or answers.
    await page.evaluate(() => {
      const heights: number[] = [];
      (window as unknown as { mapHeights: number[] }).mapHeights = heights;
      new ResizeObserver((entries) => heights.push(Math.round(entries[0].contentRect.height))).observe(window.__ecoparkMap!.getContainer());
    });
    await openLargePark(page, park.features);
    const state = await page.evaluate(() => {
      const s = window.__ecoparkStores!.document.getState();
      return { fileName: s.fileName, features: s.document!.scenarios[0].features.length };
    });
    expect(state).toEqual({ fileName: LARGE_PARK_FILE, features: 5113 });
    await expect(page.evaluate(() => window.__ecoparkMap!.getCanvas().dataset.parkFeatures)).resolves.toBe('5113');
    // The analysis of a park this size runs in a worker; the panel shows its result. The
    // generated boundary (332 vertices and the closing one), geodesic: npx tsx -e "import {
    // generateLargePark } from './bench/large-park';
    // console.log(JSON.stringify(generateLargePark().scenarios[0].features[0].geometry.coordinates[0]))"
    // | /usr/bin/python3 -c "import json,sys; from geographiclib.geodesic import Geodesic;
    // p=Geodesic.WGS84.Polygon(); [p.AddPoint(la,lo) for lo,la in json.load(sys.stdin)[:-1]];
    // print(p.Compute())" → 15932735.258397592 m².
    await page.getByRole('tab', { name: 'Land-use structure' }).click();
    const area = page.getByTestId('park-area');
    await page.waitForFunction(() => document.querySelector('[data-testid="park-area"]') !== null, undefined, { timeout: 120000 });
    await expect(area.textContent()).resolves.toBe('15,932,735 m² (1,593.27 ha)');
    await expect(page.getByTestId('metric-value').first().textContent()).resolves.not.toBe('');
    const heights = await page.evaluate(() => (window as unknown as { mapHeights: number[] }).mapHeights);
    // The observer reports the height it starts with, then nothing: one height throughout.
    expect(new Set(heights).size).toBe(1);
    await page.getByRole('tab', { name: 'Properties' }).click();
  }, 300000);

  it('outlines a feature clicked on the map over the canvas, without touching the map style', async () => {
    await page.getByRole('button', { name: '3D view' }).click(); // flat: the plan lies where it is drawn
    await waitForIdleMap(page);
    const [first, second] = await plotsNearCentre();
    const firstAt = await screenPointOf(page, first);
    await page.mouse.click(firstAt.x, firstAt.y);
    const [selected] = await selectedIds();
    // The middle of a plot is a building of it or the plot itself.
    expect(selected === first || selected.startsWith('building-')).toBe(true);
    await expect(outlined(selected)).resolves.toEqual({ ids: [selected], placed: true });
    // No layer draws the selection: a click must not make the map redraw 5,000 features.
    await expect(page.evaluate(() => window.__ecoparkMap!.getStyle().layers.filter((l) => l.id.includes('selection')).length)).resolves.toBe(0);
    // Its vertex handles follow once the outline's frame is painted (a rectangle: 4 vertices; a
    // handle on a tile edge may be listed by both tiles).
    const vertexHandles = (featureId: string) =>
      page.evaluate((id) => window.__ecoparkMap!.querySourceFeatures('edit-handles').filter((f) => f.properties.role === 'vertex' && f.properties.featureId === id).length, featureId);
    await expect.poll(() => vertexHandles(selected), { timeout: 20000 }).toBeGreaterThanOrEqual(4);

    const secondAt = await screenPointOf(page, second);
    await page.mouse.click(secondAt.x, secondAt.y);
    const [next] = await selectedIds();
    expect(next).not.toBe(selected);
    await expect(outlined(next)).resolves.toEqual({ ids: [next], placed: true });
    await expect.poll(() => vertexHandles(next), { timeout: 20000 }).toBeGreaterThanOrEqual(4);
    // The handles source is reloaded tile by tile, and MapLibre keeps a tile's old data until its
    // new data arrives: the tile under the first feature may still hold its handles for a frame
    // after the tile under the second has its own. They go once that tile is reloaded.
    await expect.poll(() => vertexHandles(selected), { timeout: 20000 }).toBe(0);

    // The outline follows the map: after a pan it is still on the feature.
    await page.evaluate(() => window.__ecoparkMap!.panBy([40, -30], { duration: 0 }));
    await expect(outlined(next)).resolves.toEqual({ ids: [next], placed: true });
  }, 120000);

  it('renders only the rows of the feature list in view, and scrolls through all of them', async () => {
    const list = page.getByRole('region', { name: 'Features' });
    const texts = () => list.getByRole('option').allTextContents();
    const before = await texts();
    // 1,657 land-use rows alone are listed (buildings folded); only a screenful is rendered.
    expect(before.length).toBeGreaterThan(10);
    expect(before.length).toBeLessThan(200);
    const rows = page.getByTestId('feature-rows');
    const scrollHeight = await rows.evaluate((el) => el.scrollHeight);
    expect(scrollHeight).toBeGreaterThan(1657 * 22);
    await rows.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForFunction((first) => !Array.from(document.querySelectorAll('[data-testid="feature-rows"] [role="option"]')).some((o) => o.textContent === first), before[0]);
    const after = await texts();
    expect(after.length).toBeGreaterThan(10);
    expect(after.some((t) => before.includes(t))).toBe(false);
    // A row scrolled to selects its feature and shows it as selected.
    const last = list.getByRole('option').last();
    await last.click();
    await expect(last.getAttribute('aria-selected')).resolves.toBe('true');
    const [selected] = await selectedIds();
    await expect(outlined(selected)).resolves.toMatchObject({ ids: [selected] });
  }, 120000);
});
