import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAppForFile, waitForIdleMap } from './browser';
import { FIXTURE_DIR, FIXTURE_FILES, LAKE } from '../../scripts/make-tile-fixtures';

let page: Page;
openAppForFile((p) => (page = p));

const SHOTS = '.tmp/basemap';
const fixtureBase64 = (key: keyof typeof FIXTURE_FILES) => readFileSync(join(FIXTURE_DIR, FIXTURE_FILES[key])).toString('base64');
const LAKE_CENTRE: [number, number] = [(LAKE.bounds[0] + LAKE.bounds[2]) / 2, (LAKE.bounds[1] + LAKE.bounds[3]) / 2];
/** Inside the lake but clear of its centred name label. */
const LAKE_WATER: [number, number] = [LAKE.bounds[0] + 0.15 * (LAKE.bounds[2] - LAKE.bounds[0]), LAKE.bounds[1] + 0.2 * (LAKE.bounds[3] - LAKE.bounds[1])];
/** Water of both shipped styles (data/basemap-styles/*.json "water"): #b7d1e2. */
const WATER_RGB = [0xb7, 0xd1, 0xe2];

/**
 * Makes the page's File System Access picker return a real FileSystemFileHandle (from the
 * origin-private file system) holding `bytes`: a handle IndexedDB can store, like a picked file.
 */
async function offerFileThroughPicker(p: Page, name: string, base64: string) {
  await p.evaluate(
    async ({ name, base64 }) => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
      Object.assign(window, { showOpenFilePicker: async () => [handle] });
    },
    { name, base64 },
  );
}

const setLang = (p: Page, lang: 'en' | 'vi') =>
  p.evaluate((l) => (window.__ecoparkStores!.ui.getState() as unknown as { setLang(l: 'en' | 'vi'): void }).setLang(l), lang);
const ui = (p: Page) => p.evaluate(() => window.__ecoparkStores!.ui.getState() as unknown as { basemap: string; styleBasemapUrl: string });
const layerIds = (p: Page) => p.evaluate(() => window.__ecoparkMap!.getStyle().layers.map((l) => l.id));

/** Opens the Basemap menu unless it is open (a refused file or style leaves it open). */
async function openMenu(p: Page) {
  if (!(await p.getByRole('dialog', { name: 'Basemap' }).isVisible())) await p.getByRole('button', { name: 'Basemap', exact: true }).click();
}

async function closeMenu(p: Page) {
  if (await p.getByRole('dialog', { name: 'Basemap' }).isVisible()) await p.getByRole('button', { name: 'Basemap', exact: true }).click();
}

async function openMenuAndChooseFile(p: Page) {
  await openMenu(p);
  await p.getByRole('button', { name: /Choose (another )?offline map file/ }).click();
}

/** West of the park: the lake and the town of Yên Phong in view, the park at the right edge. */
async function frameLake(p: Page) {
  await p.evaluate(() => window.__ecoparkMap!.jumpTo({ center: [105.982, 21.098], zoom: 13.2, pitch: 0, bearing: 0 }));
  await waitForIdleMap(p);
}

/** Colour of the map canvas at a longitude/latitude, read after the map is idle. */
async function colourAt(p: Page, lngLat: [number, number]) {
  await waitForIdleMap(p);
  return p.evaluate((at) => {
    const map = window.__ecoparkMap!;
    const point = map.project(at);
    const canvas = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    return Array.from(context.getImageData(Math.round(point.x * ratio), Math.round(point.y * ratio), 1, 1).data.slice(0, 3));
  }, lngLat);
}

describe('offline basemap from a tile file (browser host)', () => {
  it('loads a Protomaps .pmtiles through the picker and draws it under the park', async () => {
    await offerFileThroughPicker(page, 'vietnam-extract.pmtiles', fixtureBase64('protomapsPmtiles'));
    await openMenuAndChooseFile(page);
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('offline-file:water')), undefined, { timeout: 30000 });
    expect((await ui(page)).basemap).toBe('file');
    await page.getByText(/Offline map “EcoPark test basemap \(Protomaps schema\)” loaded: PMTiles, vector tiles, Protomaps schema, zoom 0–13/).waitFor();

    // Order: Natural Earth < the file's layers < the park.
    const ids = await layerIds(page);
    expect(ids.indexOf('countries-line')).toBeLessThan(ids.indexOf('offline-file:extent'));
    expect(ids.indexOf('offline-file:places')).toBeLessThan(ids.indexOf('park-landuse-fill'));
    expect(ids.filter((id) => id.startsWith('offline-file:'))).toContain('offline-file:roads');

    await frameLake(page);
    const water = await page.evaluate(() => window.__ecoparkMap!.querySourceFeatures('offline-file', { sourceLayer: 'water' }).map((f) => f.properties.name));
    expect(water).toContain(LAKE.name);
    // The lake (west of the park, not under it) shows in the style's water colour.
    const colour = await colourAt(page, LAKE_WATER);
    colour.forEach((c, i) => expect(Math.abs(c - WATER_RGB[i])).toBeLessThanOrEqual(3));
    const attribution = await page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(attribution).toContain('Protomaps');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/pmtiles-protomaps.png` });
  });

  it('remembers the file and the choice after a reload', async () => {
    await page.reload();
    await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('offline-file:water')), undefined, { timeout: 30000 });
    expect((await ui(page)).basemap).toBe('file');
    await waitForIdleMap(page);
    const roads = await page.evaluate(() => window.__ecoparkMap!.querySourceFeatures('offline-file', { sourceLayer: 'roads' }).length);
    expect(roads).toBeGreaterThan(0);
  });

  it('falls back to the offline file, not Natural Earth, when an online basemap is unreachable', async () => {
    await page.getByRole('button', { name: 'Basemap', exact: true }).click();
    await page.getByRole('radio', { name: /OpenStreetMap/ }).click();
    await page.getByText('The online basemap could not be reached; showing the offline map file.').waitFor({ timeout: 30000 });
    expect((await ui(page)).basemap).toBe('file');
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('offline-file:water')));
    // The session fell back; the remembered choice is still OpenStreetMap for a day with internet.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ecopark.settings') ?? '{}').basemap);
    expect(stored).toBe('osm');
  });

  it('loads an OpenMapTiles .mbtiles through a file input where the picker is missing', async () => {
    await page.evaluate(() => delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker);
    const chooser = page.waitForEvent('filechooser');
    await openMenuAndChooseFile(page);
    await (await chooser).setFiles({ name: 'bac-ninh.mbtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(fixtureBase64('openmaptilesMbtiles'), 'base64') });
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('offline-file:transportation')), undefined, { timeout: 30000 });
    await page.getByText(/MBTiles, vector tiles, OpenMapTiles schema, zoom 0–13\. This browser cannot remember the file/).waitFor();
    const ids = await layerIds(page);
    expect(ids).not.toContain('offline-file:roads'); // the Protomaps style is gone
    await frameLake(page);
    const places = await page.evaluate(() => window.__ecoparkMap!.querySourceFeatures('offline-file', { sourceLayer: 'place' }).map((f) => f.properties.name));
    expect(places).toContain('Yên Phong');
    const colour = await colourAt(page, LAKE_WATER);
    colour.forEach((c, i) => expect(Math.abs(c - WATER_RGB[i])).toBeLessThanOrEqual(3));
    await page.evaluate(() => window.__ecoparkMap!.jumpTo({ center: [105.985, 21.1], zoom: 14.2 }));
    await waitForIdleMap(page);
    await page.screenshot({ path: `${SHOTS}/mbtiles-openmaptiles-z14.png` });
  });

  it('refuses a file that is not a tile archive, or is cut short, and keeps the basemap', async () => {
    for (const [name, bytes, message] of [
      ['notes.pmtiles', 'not a map at all, just text '.repeat(20), '“notes.pmtiles” is not a PMTiles or MBTiles file.'],
      ['cut.pmtiles', atobNode(fixtureBase64('protomapsPmtiles')).slice(0, 3000), '“cut.pmtiles” is incomplete: the file was cut short.'],
    ] as const) {
      const chooser = page.waitForEvent('filechooser');
      await openMenuAndChooseFile(page);
      await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes, 'latin1') });
      const alert = page.getByRole('alert').filter({ hasText: message });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('The basemap was not changed.');
      await closeMenu(page);
      await alert.getByRole('button', { name: 'Close' }).click();
      expect((await ui(page)).basemap).toBe('file');
      expect(await page.evaluate(() => Boolean(window.__ecoparkMap!.getLayer('offline-file:transportation')))).toBe(true);
    }
  });

  it('says why a file is refused in Vietnamese, with no English in the message', async () => {
    await setLang(page, 'vi');
    const chooser = page.waitForEvent('filechooser');
    if (!(await page.getByRole('dialog', { name: 'Bản đồ nền' }).isVisible())) await page.getByRole('button', { name: 'Bản đồ nền', exact: true }).click();
    await page.getByRole('button', { name: /Chọn tệp bản đồ ngoại tuyến/ }).click();
    await (await chooser).setFiles({ name: 'cut.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(atobNode(fixtureBase64('protomapsPmtiles')).slice(0, 3000), 'latin1') });
    const alert = page.getByRole('alert').filter({ hasText: '“cut.pmtiles” không đầy đủ: tệp bị cắt cụt.' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    // The cause with its figure in Vietnamese number format (3,000 bytes → "3.000 byte").
    expect(text).toMatch(/Một phần của tệp phải kết thúc ở byte [\d.]+, nhưng tệp chỉ có 3\.000 byte\./);
    expect(text).toContain('Bản đồ nền không thay đổi.');
    expect(text).not.toMatch(/\b(the|file|cut short|bytes|not|only|ends)\b/i);
    mkdirSync(SHOTS, { recursive: true });
    await alert.screenshot({ path: join(SHOTS, 'refused-vi.png') });
    if (await page.getByRole('dialog', { name: 'Bản đồ nền' }).isVisible()) await page.getByRole('button', { name: 'Bản đồ nền', exact: true }).click();
    await alert.getByRole('button', { name: 'Đóng' }).click();
    await setLang(page, 'en');
    expect((await ui(page)).basemap).toBe('file');
  });

  it('offers native radios in Settings: arrow keys move, actions outside the group, Forget for the remembered file', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const group = dialog.getByRole('group', { name: 'Shown now' });
    const file = group.getByRole('radio', { name: /Offline map file: EcoPark test basemap \(OpenMapTiles schema\)/ });
    expect(await file.isChecked()).toBe(true);
    // Only radios inside the group: the file actions and URL forms are outside it.
    expect(await group.getByRole('button').count()).toBe(0);
    expect(await group.getByRole('textbox').count()).toBe(0);
    const radios = await group.getByRole('radio').count();
    expect(radios).toBeGreaterThanOrEqual(4);
    // Offline choices only, so no online fallback can change the choice under the test.
    await file.focus();
    await page.keyboard.press('ArrowUp');
    const naturalEarth = group.getByRole('radio', { name: 'Offline map (Natural Earth)' });
    expect(await naturalEarth.isChecked()).toBe(true);
    expect(await naturalEarth.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await ui(page)).basemap).toBe('offline');
    await page.keyboard.press('ArrowDown');
    expect(await file.isChecked()).toBe(true);
    expect((await ui(page)).basemap).toBe('file');
    expect(await dialog.getByRole('button', { name: 'Forget the offline map file' }).isVisible()).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await dialog.locator('.basemap-settings').screenshot({ path: join(SHOTS, 'settings-basemap.png') });
    await setLang(page, 'vi');
    await page.locator('.basemap-settings').screenshot({ path: join(SHOTS, 'settings-basemap-vi.png') });
    await setLang(page, 'en');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('keeps the toolbar popup open while the arrow keys move through the basemaps', async () => {
    await openMenu(page);
    const popup = page.getByRole('dialog', { name: 'Basemap' });
    await popup.getByRole('radio', { name: /Offline map file/ }).focus();
    await page.keyboard.press('ArrowUp');
    expect((await ui(page)).basemap).toBe('offline');
    expect(await popup.isVisible()).toBe(true);
    await popup.getByRole('radio', { name: /Offline map file/ }).click(); // a click chooses and closes it
    expect((await ui(page)).basemap).toBe('file');
    expect(await popup.isVisible()).toBe(false);
  });
});

describe('online style URL', () => {
  const STYLE_URL = 'https://styles.example.test/light/style.json';
  const style = {
    version: 8,
    sources: {
      plan: {
        type: 'geojson',
        attribution: 'Test style © Example Tiles',
        data: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[105.9, 21.0], [106.1, 21.0], [106.1, 21.2], [105.9, 21.2], [105.9, 21.0]]] } },
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e8e4f0' } },
      { id: 'area', type: 'fill', source: 'plan', paint: { 'fill-color': '#d0e8d0' } },
    ],
  };

  it('checks the style first: refuses an address that does not return a style', async () => {
    await page.route('https://styles.example.test/**', (route) =>
      route.request().url().endsWith('/not-a-style.json')
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '<html>hello</html>', headers: { 'Access-Control-Allow-Origin': '*' } })
        : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(style), headers: { 'Access-Control-Allow-Origin': '*' } }),
    );
    await openMenu(page);
    await page.getByLabel('MapLibre style URL…').fill('https://styles.example.test/not-a-style.json');
    await page.getByRole('button', { name: 'Use this style' }).click();
    await page.getByText(/This address does not return a MapLibre style/).waitFor();
    expect((await ui(page)).basemap).toBe('file');
  });

  it('uses a valid style under the park, with its attribution, and remembers it', async () => {
    await openMenu(page);
    await page.getByLabel('MapLibre style URL…').fill(STYLE_URL);
    await page.getByRole('button', { name: 'Use this style' }).click();
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('online-style:area')));
    expect(await ui(page)).toMatchObject({ basemap: 'style', styleBasemapUrl: STYLE_URL });
    const ids = await layerIds(page);
    expect(ids.indexOf('online-style:area')).toBeLessThan(ids.indexOf('park-landuse-fill'));
    expect(ids.some((id) => id.startsWith('offline-file:'))).toBe(false);
    await waitForIdleMap(page);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Test style © Example Tiles');
    await frameLake(page);
    const colour = await colourAt(page, LAKE_CENTRE);
    colour.forEach((c, i) => expect(Math.abs(c - [0xd0, 0xe8, 0xd0][i])).toBeLessThanOrEqual(3));

    await page.reload();
    await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('online-style:area')), undefined, { timeout: 30000 });
  });

  it('falls back to the offline map with a notice when the remembered style cannot be reached', async () => {
    await page.unroute('https://styles.example.test/**');
    await page.route('https://styles.example.test/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await page.getByText('The online style could not be loaded; showing the offline map.').waitFor({ timeout: 30000 });
    expect((await ui(page)).basemap).toBe('offline');
    expect((await layerIds(page)).some((id) => id.startsWith('online-style:'))).toBe(false);
  });
});

describe('custom XYZ basemap attribution', () => {
  const XYZ = 'https://xyz.example.test/tiles/{z}/{x}/{y}.png';
  /** A 1×1 transparent PNG: any image will do, the test reads the attribution. */
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const attribution = (p: Page) => p.locator('.maplibregl-ctrl-attrib');

  async function applyCustom(p: Page, url: string, credit: string) {
    await openMenu(p);
    await p.getByLabel('Custom XYZ URL…').fill(url);
    await p.getByLabel('Attribution (optional)').fill(credit);
    await p.getByRole('button', { name: 'Use this URL' }).click();
    await p.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('online-basemap')));
    await waitForIdleMap(p);
  }

  it('shows the typed attribution as plain text: markup stays literal', async () => {
    await page.route('https://xyz.example.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: PNG, headers: { 'Access-Control-Allow-Origin': '*' } }),
    );
    await applyCustom(page, XYZ, '<b>x</b> © Hanoi tiles');
    expect(await ui(page)).toMatchObject({ basemap: 'custom', customBasemapUrl: XYZ, customBasemapAttribution: '<b>x</b> © Hanoi tiles' });
    expect(await attribution(page).textContent()).toContain('<b>x</b> © Hanoi tiles');
    expect(await attribution(page).locator('b').count()).toBe(0);
  });

  it('is remembered after a reload', async () => {
    await page.reload();
    await page.waitForSelector('canvas.maplibregl-canvas[data-ready="true"]', { timeout: 60000 });
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('online-basemap')), undefined, { timeout: 30000 });
    await waitForIdleMap(page);
    expect(await attribution(page).textContent()).toContain('<b>x</b> © Hanoi tiles');
    await openMenu(page);
    expect(await page.getByLabel('Attribution (optional)').inputValue()).toBe('<b>x</b> © Hanoi tiles');
  });

  it('credits the address’s host when the attribution is left empty', async () => {
    await applyCustom(page, XYZ, '');
    const text = await attribution(page).textContent();
    expect(text).toContain('xyz.example.test');
    expect(text).not.toContain('Hanoi tiles');
  });

  it('has the attribution field in Vietnamese too', async () => {
    await openMenu(page);
    await page.getByLabel('Custom XYZ URL…').fill(XYZ);
    await page.evaluate(() => (window.__ecoparkStores!.ui.getState() as unknown as { setLang(l: 'en' | 'vi'): void }).setLang('vi'));
    const field = page.getByLabel('Ghi công (không bắt buộc)');
    expect(await field.getAttribute('placeholder')).toBe('Để trống: xyz.example.test');
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('.basemap-menu').screenshot({ path: join(SHOTS, 'custom-xyz-attribution-vi.png') });
    await page.evaluate(() => (window.__ecoparkStores!.ui.getState() as unknown as { setLang(l: 'en' | 'vi'): void }).setLang('en'));
    await closeMenu(page);
  });
});

function atobNode(base64: string): string {
  return Buffer.from(base64, 'base64').toString('latin1');
}
