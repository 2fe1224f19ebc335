import initSqlJs from 'sql.js';
import type { Page } from 'playwright-core';
import { writeProject } from '../shared/project-file';
import { waitForIdleMap } from '../tests/e2e/browser';
import { generateLargePark } from './large-park';

/**
 * Steps on the 5,000-feature park shared by the e2e test (what the page does) and the bench
 * (how long the main thread is blocked meanwhile): opening it as a user does, through the Open
 * button and the page's own file-reading code, then selecting and panning on the map.
 */

export const LARGE_PARK_FILE = 'large-park.gpkg';

/** The generated park as GeoPackage bytes (written by the same shared/ code as a save). */
export async function largeParkGpkg(): Promise<{ bytes: Uint8Array; features: number }> {
  const doc = generateLargePark();
  return { bytes: writeProject(await initSqlJs(), doc), features: doc.scenarios[0].features.length };
}

/**
 * Makes the next Open pick `bytes` as LARGE_PARK_FILE: a stand-in for Chromium's native
 * picker, the page's own opening code runs unchanged. The bytes are in the page before the
 * click, so Playwright's transfer is not part of what is measured.
 */
export async function offerFileToOpen(page: Page, bytes: Uint8Array): Promise<void> {
  const url = '/__large-park/large-park.gpkg';
  await page.route(`**${url}`, (route) => route.fulfill({ body: Buffer.from(bytes), contentType: 'application/geopackage+sqlite3' }));
  await page.evaluate(
    async ({ url, name }) => {
      const file = new File([await (await fetch(url)).arrayBuffer()], name);
      // Method shorthand, not arrows: tsx (the bench) would wrap named arrows in a helper the page lacks.
      const handle = {
        name,
        async getFile() {
          return file;
        },
        async createWritable(): Promise<never> {
          throw new Error('read-only in this test');
        },
      };
      Object.assign(window, {
        async showOpenFilePicker() {
          return [handle];
        },
      });
    },
    { url, name: LARGE_PARK_FILE },
  );
}

// Kept here for the benches that import them from this module; they live in browser-bench.
export { recordLongTasks, takeLongTasks } from './browser-bench';

/**
 * Clicks Open and waits until the park is loaded and drawn; returns the milliseconds from the
 * click until the map is idle with the park on it.
 */
export async function openLargePark(page: Page, features: number, timeout = 180000): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForFunction(
    ({ name, n }) => {
      const state = window.__ecoparkStores!.document.getState();
      return state.fileName === name && state.document?.scenarios[0].features.length === n;
    },
    { name: LARGE_PARK_FILE, n: features },
    { timeout, polling: 100 },
  );
  // MapView marks the canvas once every feature is sent to the map (cheap to poll, unlike a
  // query of the source). Builds from before that mark (the "before" figures) are queried.
  await page.waitForFunction(
    (n) => {
      const map = window.__ecoparkMap;
      const sent = map?.getCanvas().dataset.parkFeatures;
      return sent === undefined ? (map?.querySourceFeatures('park').length ?? 0) > 1000 : sent === String(n);
    },
    features,
    { timeout, polling: 100 },
  );
  await waitForIdleMap(page);
  return (await page.evaluate(() => performance.now())) - start;
}

/** Where on the screen (CSS px in the map canvas) the middle of a feature's outer ring is. */
export async function screenPointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((featureId) => {
    const doc = window.__ecoparkStores!.document.getState().document!;
    const feature = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.id === featureId)!;
    const ring = (feature.geometry as { coordinates: number[][][] }).coordinates[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    const centre = window.__ecoparkMap!.project([(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2]);
    const box = window.__ecoparkMap!.getCanvas().getBoundingClientRect();
    return { x: box.left + centre.x, y: box.top + centre.y };
  }, id);
}

/**
 * Clicks a point of the map and measures, in the page, the milliseconds from the browser's
 * click event until a frame showing the clicked feature's highlight has been drawn: checked at
 * each animation frame, the highlight is in place once the selection outline over the map
 * names the selected feature (or, in builds that drew it as a map layer, once the map has
 * rendered with the feature's 'selected' state); that frame is drawn when the browser starts
 * the next one.
 */
export async function clickMapAndTimeHighlight(page: Page, at: { x: number; y: number }): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __highlighted?: Promise<number> };
    const map = window.__ecoparkMap!;
    w.__highlighted = new Promise((resolve) => {
      map.getCanvasContainer().addEventListener(
        'click',
        (event) => {
          // Method shorthand, not named arrows: tsx (the bench) would wrap those in a helper the page lacks.
          const watch = {
            renderedWithState: false,
            selectedId(): string | undefined {
              return window.__ecoparkStores!.ui.getState().selectedIds[0];
            },
            onRender() {
              const id = watch.selectedId();
              if (id && map.getFeatureState({ source: 'park', id }).selected === true) watch.renderedWithState = true;
            },
            inPlace(): boolean {
              const id = watch.selectedId();
              const outline = document.querySelector<SVGPathElement>('.map-selection-overlay path[data-state="selected"]');
              if (!id) return false;
              return outline ? (outline.dataset.ids ?? '').split(' ').includes(id) : watch.renderedWithState;
            },
            frame() {
              if (!watch.inPlace()) {
                requestAnimationFrame(watch.frame);
                return;
              }
              map.off('render', watch.onRender);
              requestAnimationFrame(() => resolve(performance.now() - event.timeStamp));
            },
          };
          map.on('render', watch.onRender);
          requestAnimationFrame(watch.frame);
        },
        { capture: true, once: true },
      );
    });
  });
  await page.mouse.click(at.x, at.y);
  return page.evaluate(() => (window as unknown as { __highlighted: Promise<number> }).__highlighted);
}

/**
 * Waits until the map is idle and its last frame has been drawn by the graphics process:
 * MapLibre's 'idle' comes when the page has sent the frame, and software WebGL draws it for
 * a few hundred ms more, in which time no later frame can be shown. A measure that starts
 * before then times the end of that earlier frame (a user clicks a map that is quiet).
 */
export async function waitForDrawnMap(page: Page): Promise<void> {
  await waitForIdleMap(page);
  await page.evaluate(() => {
    const gl = window.__ecoparkMap!.getCanvas().getContext('webgl2')!;
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  });
}

/**
 * Makes the map redraw everything once and measures the milliseconds until the drawing is
 * finished: reading one pixel back waits for the graphics process (software WebGL draws on the
 * CPU, in another process, after the page's own task has ended).
 */
export async function timeFullRedraw(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const map = window.__ecoparkMap!;
        const gl = map.getCanvas().getContext('webgl2')!;
        const start = performance.now();
        map.once('render', () => {
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          resolve(performance.now() - start);
        });
        map.triggerRepaint();
      }),
  );
}

/** Drags the map `dx` CSS px with the mouse and measures the ms from releasing it to the map being redrawn (idle). */
export async function dragMapAndTimeRedraw(page: Page, from: { x: number; y: number }, dx: number): Promise<number> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 5; step++) await page.mouse.move(from.x + (dx * step) / 5, from.y);
  await page.evaluate(() => {
    const w = window as unknown as { __releaseDrawn?: Promise<number> };
    w.__releaseDrawn = new Promise((resolve) => {
      window.addEventListener(
        'mouseup',
        (event) => {
          setTimeout(() => window.__ecoparkMap!.once('idle', () => resolve(performance.now() - event.timeStamp)));
          window.__ecoparkMap!.triggerRepaint();
        },
        { capture: true, once: true },
      );
    });
  });
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { __releaseDrawn: Promise<number> }).__releaseDrawn);
}
