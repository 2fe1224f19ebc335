import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, startNewProject, waitForIdleMap } from './browser';

// Issue 13, "Starting a new site": a new project opens flat and north-up, the "Go to" box
// (Ctrl+G) finds places of the offline gazetteer and VN-2000 coordinates, and at a site's
// scale the map says that no detailed map is loaded.

let page: Page;
openAppForFile((p) => {
  page = p;
});

async function mapView(): Promise<{ lon: number; lat: number; zoom: number; pitch: number; bearing: number }> {
  await page.waitForFunction(() => !window.__ecoparkMap!.isMoving());
  return page.evaluate(() => {
    const map = window.__ecoparkMap!;
    const c = map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom(), pitch: map.getPitch(), bearing: map.getBearing() };
  });
}

const goToBox = () => page.getByRole('searchbox', { name: 'Go to place or coordinates' });

/** Opens the box with Ctrl+G from the map (the key toggles it, so only when it is closed). */
async function openGoTo(): Promise<void> {
  if ((await goToBox().count()) === 0) {
    await page.locator('[data-testid="map"]').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('Control+g');
  }
  await goToBox().waitFor();
}

describe('starting a new site', () => {
  it('opens a new project flat and north-up', async () => {
    await page.evaluate(() => window.__ecoparkMap!.jumpTo({ bearing: 30 }));
    await startNewProject(page);
    await page.waitForFunction(() => window.__ecoparkMap!.getPitch() === 0);
    const view = await mapView();
    expect(view.pitch).toBe(0);
    expect(view.bearing).toBe(0);
    expect(await page.getByRole('button', { name: '3D view' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('flies to a place typed without diacritics, naming the province it merged into', async () => {
    await openGoTo();
    await goToBox().fill('bac giang');
    const row = page.getByRole('button', { name: /Bắc Giang former province, now Bắc Ninh/ });
    await row.click();
    await page.waitForFunction(() => window.__ecoparkMap!.getZoom() > 8.9);
    const view = await mapView();
    // Bắc Giang city lies at about 21.27° N, 106.19° E (any atlas); 0.03° is ~3 km.
    expect(Math.abs(view.lat - 21.27)).toBeLessThan(0.03);
    expect(Math.abs(view.lon - 106.19)).toBeLessThan(0.03);
    expect(view.zoom).toBeCloseTo(9, 5);
  });

  it('flies to VN-2000 "X Y zone" coordinates, and says no detailed map is loaded there', async () => {
    await openGoTo();
    await goToBox().fill('2339658.1937 556925.3168 105°30′');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__ecoparkMap!.getZoom() > 15.9);
    const view = await mapView();
    // echo "556925.3168 2339658.1937" | gdaltransform -s_srs EPSG:9209 -t_srs EPSG:4326 -output_xy
    // → 106.050000007028 21.1499999963527; 1e-6° is ~10 cm.
    expect(Math.abs(view.lon - 106.05)).toBeLessThan(1e-6);
    expect(Math.abs(view.lat - 21.15)).toBeLessThan(1e-6);
    const hint = page.getByTestId('no-detail-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('No detailed map is loaded');
    await waitForIdleMap(page);
    await page.screenshot({ path: '/tmp/goto-eng/new-site-hint.png' });
    await hint.getByRole('button', { name: 'Basemap…' }).click();
    await page.getByRole('dialog', { name: 'Basemap' }).waitFor();
    await page.screenshot({ path: '/tmp/goto-eng/new-site-basemap-menu.png' });
    await page.getByRole('button', { name: 'Basemap', exact: true }).click();
    await page.getByRole('dialog', { name: 'Basemap' }).waitFor({ state: 'detached' });
  });

  it('says when the text is neither coordinates nor a known place', async () => {
    await page.keyboard.press('Escape');
    await openGoTo();
    await goToBox().fill('2339658 556925');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alert').textContent()).toContain('neither coordinates nor a place');
    await page.screenshot({ path: '/tmp/goto-eng/new-site-notfound.png' });
  });
});
