import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile, waitForIdleMap } from './browser';
import { waitForSolarDone } from './solar-page';

/**
 * Issue 13, finishing the work surface at 1280 × 800 on the sample park with its rooftop PV
 * computed: every figure of the metrics strip is inside the window in English and Vietnamese
 * (the longest, "Điện mặt trời mái nhà 81.569,0 kWp · 82.197,4 MWh/năm", used to be cut at the
 * right edge), and the Solar tab's "Roof colours" legend never covers the current tool's hint.
 * Screenshots go to $ECOPARK_SCREENSHOTS (default /tmp): strip-fit-*.png.
 */
const SHOTS = process.env.ECOPARK_SCREENSHOTS ?? '/tmp';

let page: Page;
openAppForFile((p) => {
  page = p;
});

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('tab', { name: 'Solar' }).click();
  await waitForSolarDone(page, 120000);
  await page.waitForSelector('[data-metric="pv"] [data-testid="metric-value"]:has-text("kWp")');
}, 150000);

/** Switches the UI language and waits until the strip is worded in it. */
async function setLang(lang: 'en' | 'vi'): Promise<void> {
  await page.evaluate((l) => window.__ecoparkStores!.ui.getState().setLang(l), lang);
  await page.getByRole('group', { name: lang === 'vi' ? 'Chỉ tiêu chính' : 'Key figures' }).waitFor();
}

/** Each strip figure's left and right edge and the window's width, in px. */
const stripEdges = () =>
  page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    figures: Array.from(document.querySelectorAll<HTMLElement>('.metrics-strip [data-metric]')).map((el) => {
      const box = el.getBoundingClientRect();
      return { id: el.dataset.metric!, left: box.left, right: box.right, text: el.textContent ?? '' };
    }),
  }));

/** The page boxes of two elements, or null for one not shown. */
const boxOf = (selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el || el.hidden || el.offsetParent === null) return null;
    const b = el.getBoundingClientRect();
    return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  }, selector);

describe('the metrics strip and the map corner at 1280 × 800 (issue 13)', () => {
  for (const lang of ['en', 'vi'] as const) {
    it(`shows every strip figure whole inside the window (${lang})`, async () => {
      await setLang(lang);
      const { width, figures } = await stripEdges();
      expect(figures.map((f) => f.id)).toEqual(['industrial', 'green', 'traffic', 'failing', 'pv']);
      for (const f of figures) {
        expect(f.left, f.text).toBeGreaterThanOrEqual(0);
        expect(f.right, f.text).toBeLessThanOrEqual(width);
      }
      // The PV figure keeps its value: kWp and the year's energy, in the language's unit.
      const pv = figures.find((f) => f.id === 'pv')!.text;
      expect(pv).toMatch(lang === 'vi' ? /kWp · .* MWh\/năm/ : /kWp · .* MWh\/yr/);
      // A short label in the strip, the full wording in its tooltip.
      const title = await page.locator('.metrics-strip [data-metric="pv"]').getAttribute('title');
      expect(title).toContain(lang === 'vi' ? 'Điện mặt trời mái nhà' : 'Rooftop solar power');
      await page.locator('.metrics-strip').screenshot({ path: `${SHOTS}/strip-fit-${lang}.png` });
      await page.screenshot({ path: `${SHOTS}/strip-fit-window-${lang}.png` });
    });
  }

  it('wraps the strip rather than cutting a figure in a narrower window (vi, 1024 × 768)', async () => {
    await setLang('vi');
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      const { width, figures } = await stripEdges();
      expect(figures).toHaveLength(5);
      for (const f of figures) expect(f.right, f.text).toBeLessThanOrEqual(width);
      await page.locator('.metrics-strip').screenshot({ path: `${SHOTS}/strip-fit-1024-vi.png` });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('keeps the roof-colour legend clear of the tool hint (en and vi)', async () => {
    await setLang('en');
    await page.getByRole('button', { name: 'Draw rectangle', exact: true }).click();
    for (const lang of ['en', 'vi'] as const) {
      await setLang(lang);
      await waitForIdleMap(page);
      const legend = await boxOf('.solar-map-legend');
      const hint = await boxOf('.tool-options');
      expect(legend, 'the roof-colour legend is shown on the Solar tab').not.toBeNull();
      expect(hint, 'the tool hint is shown while drawing').not.toBeNull();
      const overlap = legend!.left < hint!.right && hint!.left < legend!.right && legend!.top < hint!.bottom && hint!.top < legend!.bottom;
      expect(overlap, JSON.stringify({ legend, hint })).toBe(false);
      await page.screenshot({ path: `${SHOTS}/strip-fit-legend-${lang}.png` });
    }
    await page.keyboard.press('Escape');
  });
});
