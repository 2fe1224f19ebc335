import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createLocalFrame, lonLatToLocal } from '../../shared/geometry/local-frame';
import type { Overlay } from '../../shared/overlay';
import { openAppForFile, waitForIdleMap } from './browser';

let page: Page;

openAppForFile((p) => (page = p));

const overlays = (p: Page) => p.evaluate(() => (window.__ecoparkStores!.document.getState().document!.settings.overlays ?? []) as Overlay[]);

/** What the map shows for an overlay: its image source's corners, its opacity and its place in the layer stack. */
const onMap = (p: Page, id: string) =>
  p.evaluate((overlayId) => {
    const map = window.__ecoparkMap!;
    const source = map.getSource(`overlay-image-${overlayId}`) as unknown as { type: string; coordinates: number[][] } | undefined;
    const layers = map.getStyle().layers.map((l) => l.id);
    return {
      type: source?.type,
      coordinates: source?.coordinates,
      opacity: map.getPaintProperty(`overlay-raster-${overlayId}`, 'raster-opacity'),
      layerIndex: layers.indexOf(`overlay-raster-${overlayId}`),
      firstParkIndex: layers.indexOf('park-landuse-fill'),
    };
  }, id);

/** Waits for an overlay's row in the panel; on failure, says what the app notified instead. */
async function waitForListed(p: Page, name: string) {
  try {
    await p.getByRole('region', { name: 'Overlays' }).getByRole('listitem', { name }).waitFor();
  } catch (error) {
    const notices = await p.locator('.notices, [role="alert"], [role="status"]').allTextContents();
    throw new Error(`overlay "${name}" not listed; notices: ${JSON.stringify(notices)}`, { cause: error });
  }
}

/** A 200 × 100 PNG drawn in the page: a plan-like picture with a grid and a red frame. */
async function makePng(p: Page): Promise<Buffer> {
  const base64 = await p.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 200;
    canvas.height = 100;
    const c = canvas.getContext('2d')!;
    c.fillStyle = '#fff8e1';
    c.fillRect(0, 0, 200, 100);
    c.strokeStyle = '#1565c0';
    for (let x = 0; x <= 200; x += 25) c.strokeRect(x, 0, 0.5, 100);
    for (let y = 0; y <= 100; y += 25) c.strokeRect(0, y, 200, 0.5);
    c.lineWidth = 6;
    c.strokeStyle = '#c62828';
    c.strokeRect(3, 3, 194, 94);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  });
  return Buffer.from(base64, 'base64');
}

/** Ground size in metres of the top and left edges of an overlay. */
function edgeLengthsM(corners: number[][]) {
  const frame = createLocalFrame(corners[0][0], corners[0][1]);
  const [tx, ty] = lonLatToLocal(frame, corners[1][0], corners[1][1]);
  const [lx, ly] = lonLatToLocal(frame, corners[3][0], corners[3][1]);
  return { topM: Math.hypot(tx, ty), leftM: Math.hypot(lx, ly) };
}

describe('georeferenced image overlay', () => {
  let planId = '';

  it('adds a PNG over the current view, keeping its aspect ratio, under the park layers', async () => {
    await page.getByRole('tab', { name: 'Overlays' }).click();
    const panel = page.getByRole('region', { name: 'Overlays' });
    await panel.getByText('No overlays yet', { exact: false }).waitFor();
    await panel.getByTestId('overlay-file').setInputFiles({ name: 'master-plan.png', mimeType: 'image/png', buffer: await makePng(page) });
    await waitForListed(page, 'master-plan');
    const [plan] = await overlays(page);
    planId = plan.id;
    expect(plan).toMatchObject({ name: 'master-plan', mimeType: 'image/png', widthPx: 200, heightPx: 100, visible: true });
    const { topM, leftM } = edgeLengthsM(plan.corners);
    expect(topM / leftM).toBeCloseTo(2, 6);
    // The document is dirty: the overlay is part of the project.
    expect(await page.evaluate(() => window.__ecoparkStores!.document.getState().revision !== window.__ecoparkStores!.document.getState().savedRevision)).toBe(true);
    await page.waitForFunction((id) => Boolean(window.__ecoparkMap!.getSource(`overlay-image-${id}`)), planId);
    const shown = await onMap(page, planId);
    expect(shown.type).toBe('image');
    expect(shown.coordinates).toEqual(plan.corners);
    expect(shown.layerIndex).toBeGreaterThan(0);
    expect(shown.layerIndex).toBeLessThan(shown.firstParkIndex);
  });

  it('sets the opacity with the slider', async () => {
    const item = page.getByRole('listitem', { name: 'master-plan' });
    const slider = item.getByRole('slider', { name: 'Opacity' });
    await slider.fill('35');
    await page.waitForFunction(() => (window.__ecoparkStores!.document.getState().document!.settings.overlays as Overlay[])[0].opacity === 0.35);
    expect((await onMap(page, planId)).opacity).toBe(0.35);
    // Dragging the thumb previews on the map and writes the document once, on release.
    const revision = await page.evaluate(() => window.__ecoparkStores!.document.getState().revision);
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.35, y); // onto the thumb (at 35 %)
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
    const during = await onMap(page, planId);
    expect(during.opacity).toBeGreaterThan(0.6);
    expect(await page.evaluate(() => window.__ecoparkStores!.document.getState().revision)).toBe(revision);
    await page.mouse.up();
    await page.waitForFunction((r) => window.__ecoparkStores!.document.getState().revision === r + 1, revision);
    const released = (await overlays(page))[0].opacity;
    expect(released).toBeGreaterThan(0.6);
    expect((await onMap(page, planId)).opacity).toBe(released);
    // Back to 35 % for the tests below.
    await slider.fill('35');
    await page.waitForFunction(() => (window.__ecoparkStores!.document.getState().document!.settings.overlays as Overlay[])[0].opacity === 0.35);
  });

  it('moves a corner by dragging its handle, in one change written on release', async () => {
    const item = page.getByRole('listitem', { name: 'master-plan' });
    // A plain image starts in "adjust" mode.
    await expect(item.getByRole('button', { name: 'Adjust corners' }).getAttribute('aria-pressed')).resolves.toBe('true');
    // The legend floats over the map's bottom-right corner, where this corner's handle may lie.
    if ((await page.getByRole('button', { name: 'Legend', exact: true }).getAttribute('aria-pressed')) === 'true') {
      await page.getByRole('button', { name: 'Legend', exact: true }).click();
    }
    await waitForIdleMap(page);
    const before = (await overlays(page))[0].corners;
    const from = await page.evaluate((c) => {
      const p = window.__ecoparkMap!.project(c as [number, number]);
      const box = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, before[2]);
    const revision = await page.evaluate(() => window.__ecoparkStores!.document.getState().revision);
    const centreBefore = await page.evaluate(() => window.__ecoparkMap!.getCenter().toArray());
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + 8 * i, from.y + 6 * i);
    expect(await page.evaluate(() => window.__ecoparkStores!.document.getState().revision)).toBe(revision);
    await page.mouse.up();
    await page.waitForFunction((r) => window.__ecoparkStores!.document.getState().revision === r + 1, revision);
    // The map did not pan under the drag.
    expect(await page.evaluate(() => window.__ecoparkMap!.getCenter().toArray())).toEqual(centreBefore);
    const after = (await overlays(page))[0].corners;
    // The corner is where the mouse was released, to within the rounding of mouse events to whole
    // pixels (start and end, in x and y).
    const releasedAt = await page.evaluate((c) => {
      const p = window.__ecoparkMap!.project(c as [number, number]);
      const box = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, after[2]);
    expect(Math.hypot(releasedAt.x - (from.x + 40), releasedAt.y - (from.y + 30))).toBeLessThan(2);
    expect([after[0], after[1], after[3]]).toEqual([before[0], before[1], before[3]]);
    expect((await onMap(page, planId)).coordinates).toEqual(after);
    // The map pans again once the drag is over.
    expect(await page.evaluate(() => window.__ecoparkMap!.dragPan.isEnabled())).toBe(true);
  });

  it('places the image from typed control points and shows zero residuals for an exact fit', async () => {
    const item = page.getByRole('listitem', { name: 'master-plan' });
    await item.getByRole('button', { name: 'Control points' }).click();
    const editor = item.getByRole('group', { name: 'Control points' });
    // Pixel corners of the image ↔ chosen positions: a north-up 0.5 m/px placement is not
    // needed; any three non-collinear points define the affine exactly.
    const rows = [
      [0, 0, 106.061, 21.131],
      [200, 0, 106.063, 21.1312],
      [0, 100, 106.0612, 21.1301],
    ];
    for (const [i, row] of rows.entries()) {
      await editor.getByRole('button', { name: 'Add a row' }).click();
      const labels = ['Pixel x', 'Pixel y', 'Longitude', 'Latitude'];
      for (const [j, label] of labels.entries()) await editor.getByRole('spinbutton', { name: `${label} ${i + 1}` }).fill(String(row[j]));
    }
    await expect(editor.getByText('RMS error 0.00 m (affine)').count()).resolves.toBe(1);
    await editor.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => (window.__ecoparkStores!.document.getState().document!.settings.overlays as Overlay[])[0].controlPoints?.length === 3);
    const [plan] = await overlays(page);
    expect(plan.corners[0][0]).toBeCloseTo(106.061, 9);
    expect(plan.corners[0][1]).toBeCloseTo(21.131, 9);
    expect(plan.corners[1][0]).toBeCloseTo(106.063, 9);
    expect(plan.corners[3][1]).toBeCloseTo(21.1301, 9);
    // Bottom-right closes the parallelogram TR + BL − TL: exactly in local metres, so in degrees
    // only to the frame's curvature over 200 m (about 1e-8°, 1 mm).
    expect(plan.corners[2][0]).toBeCloseTo(106.063 + 106.0612 - 106.061, 7);
    expect(plan.corners[2][1]).toBeCloseTo(21.1312 + 21.1301 - 21.131, 7);
    expect((await onMap(page, planId)).coordinates).toEqual(plan.corners);
  });

  it('adds a control point by clicking the image, then the map', async () => {
    const editor = page.getByRole('listitem', { name: 'master-plan' }).getByRole('group', { name: 'Control points' });
    // Escape cancels a pick; then pick for real.
    await editor.getByRole('button', { name: 'Pick a point' }).click();
    await page.keyboard.press('Escape');
    await editor.getByRole('button', { name: 'Pick a point' }).waitFor();
    await editor.getByRole('button', { name: 'Pick a point' }).click();
    await expect(editor.getByText('Click the position on the image below… (Esc cancels)').count()).resolves.toBe(1);
    const image = editor.getByRole('img', { name: /The image/ });
    const box = (await image.boundingBox())!;
    await image.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
    await expect(editor.getByText('Now click the same position on the map…').count()).resolves.toBe(1);
    const canvasBox = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const target = { x: canvasBox.x + canvasBox.width * 0.3, y: canvasBox.y + canvasBox.height * 0.6 };
    await page.mouse.click(target.x, target.y);
    await editor.getByRole('spinbutton', { name: 'Pixel x 4' }).waitFor();
    const value = async (label: string) => Number(await editor.getByRole('spinbutton', { name: `${label} 4` }).inputValue());
    // 3/4 across and 1/4 down the 200 × 100 px image, to the rounding of a click to whole screen pixels.
    expect(Math.abs((await value('Pixel x')) - 150)).toBeLessThan(2);
    expect(Math.abs((await value('Pixel y')) - 25)).toBeLessThan(2);
    // The map position is the one under the click, to the rounding of mouse events to whole pixels.
    const at = await page.evaluate((ll) => {
      const rect = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
      const p = window.__ecoparkMap!.project(ll as [number, number]);
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, [await value('Longitude'), await value('Latitude')]);
    expect(Math.hypot(at.x - target.x, at.y - target.y)).toBeLessThan(2);
    // Four points, one of them arbitrary: the affine no longer fits exactly.
    await expect(editor.getByText(/RMS error [\d,]+\.\d\d m \(affine\)/).count()).resolves.toBe(1);
    await expect(editor.getByText('RMS error 0.00 m (affine)').count()).resolves.toBe(0);
    await editor.getByRole('button', { name: 'Remove point 4' }).click();
    await expect(editor.getByText('RMS error 0.00 m (affine)').count()).resolves.toBe(1);
  });

  it('places a GeoTIFF (UTM 48N) by its own coordinates', async () => {
    const panel = page.getByRole('region', { name: 'Overlays' });
    const buffer = readFileSync('tests/fixtures/overlay/utm48n-rgb.tif');
    await panel.getByTestId('overlay-file').setInputFiles({ name: 'utm48n-rgb.tif', mimeType: 'image/tiff', buffer });
    await waitForListed(page, 'utm48n-rgb');
    const tiff = (await overlays(page))[1];
    expect(tiff).toMatchObject({ mimeType: 'image/png', widthPx: 4, heightPx: 3 });
    // PROJ's answer for the top-left corner (see tests/unit/overlay/geotiff-georeference.test.ts).
    expect(Math.abs(tiff.corners[0][0] - 105.846894967303)).toBeLessThan(1e-8);
    expect(Math.abs(tiff.corners[0][1] - 21.0326993359842)).toBeLessThan(1e-8);
    const png = Buffer.from(tiff.dataBase64, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.waitForFunction((id) => Boolean(window.__ecoparkMap!.getSource(`overlay-image-${id}`)), tiff.id);
  });

  it('stays above an online basemap inserted under the park', async () => {
    await page.getByRole('button', { name: 'Basemap', exact: true }).click();
    await page.getByRole('radio', { name: /OpenStreetMap/ }).click();
    await page.waitForFunction(() => Boolean(window.__ecoparkMap!.getLayer('online-basemap')) || (window.__ecoparkStores!.ui.getState() as unknown as { basemap: string }).basemap === 'offline');
    const order = await page.evaluate((id) => {
      const layers = window.__ecoparkMap!.getStyle().layers.map((l) => l.id);
      return { basemap: layers.indexOf('online-basemap'), overlay: layers.indexOf(`overlay-raster-${id}`), park: layers.indexOf('park-landuse-fill') };
    }, planId);
    // The basemap may already have fallen back to offline (no tile servers here): then it is gone.
    if (order.basemap >= 0) expect(order.basemap).toBeLessThan(order.overlay);
    expect(order.overlay).toBeLessThan(order.park);
    expect(order.overlay).toBeGreaterThan(0);
  });

  it('is saved in the project file and back after reopening', async () => {
    await page.evaluate(() => {
      const store: { bytes: Uint8Array | null } = { bytes: null };
      const handle = {
        name: 'overlay-park.gpkg',
        async getFile() {
          return new File([store.bytes as BlobPart], 'overlay-park.gpkg');
        },
        async createWritable() {
          return {
            async write(data: Uint8Array) {
              store.bytes = new Uint8Array(data);
            },
            async close() {},
          };
        },
      };
      Object.assign(window, { showSaveFilePicker: async () => handle, showOpenFilePicker: async () => [handle] });
    });
    const before = await overlays(page);
    await page.getByRole('button', { name: 'Save as', exact: true }).click();
    await page.waitForFunction(() => window.__ecoparkStores!.document.getState().fileName === 'overlay-park.gpkg');
    // Reopen from the saved bytes: a new document object, so the map rebuilds its sources.
    const loadedBefore = await page.evaluate(() => window.__ecoparkStores!.document.getState().revision);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.waitForFunction((r) => window.__ecoparkStores!.document.getState().revision > r, loadedBefore);
    const after = await overlays(page);
    expect(after).toEqual(before);
    const shown = await onMap(page, before[0].id);
    expect(shown.coordinates).toEqual(before[0].corners);
    expect(shown.opacity).toBe(0.35);
    await page.getByRole('listitem', { name: 'master-plan' }).waitFor();
    await expect(page.getByRole('listitem', { name: 'master-plan' }).getByRole('slider', { name: 'Opacity' }).inputValue()).resolves.toBe('35');
  });

  it('shows the overlay on the map (screenshot for review)', async () => {
    // Frame the plan and make it opaque, so the picture shows it above the basemap.
    const [plan] = await overlays(page);
    await page.getByRole('listitem', { name: 'master-plan' }).getByRole('slider', { name: 'Opacity' }).fill('90');
    await page.evaluate((c) => window.__ecoparkMap!.fitBounds([c[0] as [number, number], c[2] as [number, number]], { padding: 200, duration: 0 }), plan.corners);
    /** The rendered colour at the overlay's centre. */
    const centrePixel = () =>
      page.evaluate((c) => {
        const map = window.__ecoparkMap!;
        const canvas = map.getCanvas();
        const mid = map.project([(c[0][0] + c[2][0]) / 2, (c[0][1] + c[2][1]) / 2]);
        const probe = document.createElement('canvas');
        probe.width = canvas.width;
        probe.height = canvas.height;
        const context = probe.getContext('2d')!;
        context.drawImage(canvas, 0, 0);
        const ratio = canvas.width / canvas.clientWidth;
        return Array.from(context.getImageData(Math.round(mid.x * ratio), Math.round(mid.y * ratio), 1, 1).data.slice(0, 3));
      }, plan.corners);
    await waitForIdleMap(page);
    const shown = await centrePixel();
    const visible = page.getByRole('listitem', { name: 'master-plan' }).getByRole('checkbox', { name: 'Visible' });
    await visible.uncheck();
    await page.waitForFunction((id) => !window.__ecoparkMap!.getSource(`overlay-image-${id}`), plan.id);
    await waitForIdleMap(page);
    const hidden = await centrePixel();
    // The plan's pale yellow paper (#fff8e1) shows where the basemap is grey-white without it.
    expect(shown).not.toEqual(hidden);
    await visible.check();
    await page.waitForFunction((id) => Boolean(window.__ecoparkMap!.getSource(`overlay-image-${id}`)), plan.id);
    await waitForIdleMap(page);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/overlay.png' });
  });

  it('deletes an overlay after confirmation in the page, from the project and the map', async () => {
    const [plan, tiff] = await overlays(page);
    const native: string[] = [];
    const onNative = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      native.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onNative);
    const remove = page.getByRole('listitem', { name: 'utm48n-rgb' }).getByRole('button', { name: 'Delete' });
    const question = page.getByRole('dialog', { name: 'Delete the overlay “utm48n-rgb”?' });
    // Cancel (the default, also Esc) keeps it.
    await remove.click();
    await question.waitFor();
    expect(await question.getByRole('button').allTextContents()).toEqual(['Delete overlay', 'Cancel']);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect((await overlays(page)).map((o) => o.id)).toEqual([plan.id, tiff.id]);
    await remove.click();
    await question.getByRole('button', { name: 'Delete overlay' }).click();
    page.off('dialog', onNative);
    expect(native).toEqual([]);
    await page.waitForFunction(() => (window.__ecoparkStores!.document.getState().document!.settings.overlays as Overlay[]).length === 1);
    expect((await overlays(page)).map((o) => o.id)).toEqual([plan.id]);
    expect(await page.evaluate((id) => Boolean(window.__ecoparkMap!.getSource(`overlay-image-${id}`)), tiff.id)).toBe(false);
    await expect(page.getByRole('listitem', { name: 'utm48n-rgb' }).count()).resolves.toBe(0);
  });

  it('downsamples a wide DEFLATE GeoTIFF to 4096 px, keeping its outer corners', async () => {
    const panel = page.getByRole('region', { name: 'Overlays' });
    const buffer = readFileSync('tests/fixtures/overlay/utm48n-wide-deflate.tif');
    await panel.getByTestId('overlay-file').setInputFiles({ name: 'utm48n-wide-deflate.tif', mimeType: 'image/tiff', buffer });
    await waitForListed(page, 'utm48n-wide-deflate');
    const wide = (await overlays(page)).find((o) => o.name === 'utm48n-wide-deflate')!;
    // 5000 × 20 px → 4096 × round(20 · 4096 / 5000) = 4096 × 16.
    expect([wide.widthPx, wide.heightPx]).toEqual([4096, 16]);
    const decoded = await page.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      return [bitmap.width, bitmap.height];
    }, wide.dataBase64);
    expect(decoded).toEqual([4096, 16]);
    // gdaltransform -s_srs EPSG:32648 -t_srs EPSG:4326 of the -a_ullr corners.
    expect(Math.abs(wide.corners[0][0] - 105.846894967303)).toBeLessThan(1e-8);
    expect(Math.abs(wide.corners[0][1] - 21.0326993359842)).toBeLessThan(1e-8);
    expect(Math.abs(wide.corners[2][0] - 106.327989273)).toBeLessThan(1e-8);
    expect(Math.abs(wide.corners[2][1] - 21.027815651293)).toBeLessThan(1e-8);
  });
});
