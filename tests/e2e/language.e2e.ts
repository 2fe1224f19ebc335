import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Polygon } from 'geojson';
import { EN, VI } from '../../renderer/src/i18n/strings';
import { SIDE_PANELS } from '../../renderer/src/panels/registry';
import { geodesicAreaM2 } from '../../shared/geometry/geodesic';
import { openAppForFile, waitForIdleMap } from './browser';

// The park's geodesic area, /usr/bin/python3 with python3-geographiclib (see analysis.e2e.ts).
const PARK_M2 = 3347024.927408996;
const GREEN_M2 = 409398.12366893364;

// Reference formatters independent of the app's: German writes numbers as Vietnamese does
// (1.234,5), US English as the app's English (1,234.5).
const fmt = (locale: 'de-DE' | 'en-US', v: number, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
const areaText = (locale: 'de-DE' | 'en-US', m2: number) => `${fmt(locale, m2, 0)} m² (${fmt(locale, m2 / 10000, 2)} ha)`;

/** Screenshots for a person to look at (gitignored); SCREENSHOT_DIR overrides. */
const SHOTS = process.env.SCREENSHOT_DIR ?? '.tmp/lang';

let page: Page;
openAppForFile((p) => (page = p), { lang: 'vi' });

/** Every visible text node and text-bearing attribute of the page, trimmed. */
async function visibleTexts(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text && n.parentElement && visible(n.parentElement) && !n.parentElement.closest('script,style')) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[title],[aria-label],[placeholder]'))) {
      if (!visible(el)) continue;
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Texts that are exactly a string of the other language (and not also one of this language). */
async function wrongLanguage(p: Page, lang: 'en' | 'vi'): Promise<string[]> {
  const own = new Set<string>(Object.values(lang === 'vi' ? VI : EN));
  const other = new Set<string>(Object.values(lang === 'vi' ? EN : VI).filter((v) => !own.has(v)));
  return [...new Set((await visibleTexts(p)).filter((t) => other.has(t)))];
}

/** Buttons and tabs whose label does not fit (cut off or spilling out). */
async function overflowing(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll('[role="toolbar"] button, [role="tab"], .side-content button, .side-content th'))
      .filter((el) => {
        const h = el as HTMLElement;
        return h.offsetWidth > 0 && h.scrollWidth > h.clientWidth + 1;
      })
      .map((el) => (el.textContent ?? '').trim() || el.getAttribute('title') || el.outerHTML.slice(0, 60)),
  );
}

/** The UI store's language (tests/e2e/globals.d.ts types only what older tests use). */
interface LangState {
  lang: 'en' | 'vi';
  setLang(lang: 'en' | 'vi'): void;
}
const getLang = (p: Page) => p.evaluate(() => (window.__ecoparkStores!.ui.getState() as unknown as LangState).lang);
/** What the Settings dialog's language choice calls. */
const setLang = (p: Page, lang: 'en' | 'vi') => p.evaluate((l) => (window.__ecoparkStores!.ui.getState() as unknown as LangState).setLang(l), lang);

async function parkAreaFromStore(p: Page): Promise<number> {
  const boundary = await p.evaluate(() => {
    const doc = window.__ecoparkStores!.document.getState().document!;
    return doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.kind === 'boundary')!.geometry;
  });
  return geodesicAreaM2(boundary as Polygon);
}

async function openTab(p: Page, name: string) {
  await p.getByRole('tab', { name, exact: true }).click();
  await p.getByRole('region', { name, exact: true }).waitFor();
}

async function shoot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await waitForIdleMap(p);
  await p.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('the UI in Vietnamese, then in English', () => {
  it('Vietnamese: toolbar, side-panel tabs and analysis panel', async () => {
    expect(await getLang(page)).toBe('vi');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toMatch(/^(vi|)$/);
    // Tabs: exactly the Vietnamese titles of the table.
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual([VI['properties.title'], ...SIDE_PANELS.map((p) => VI[p.titleKey])]);
    expect(tabs).toContain('Cơ cấu sử dụng đất');
    // Toolbars: the drawing tools are named in Vietnamese, and so are the main toolbar's buttons.
    await expect(page.getByRole('toolbar', { name: VI['draw.toolbar'] }).count()).resolves.toBe(1);
    // The buttons are icons (issue 13): their accessible names and tooltips carry the words.
    for (const key of ['toolbar.save', 'toolbar.legend', 'toolbar.basemap'] as const) {
      const named = page.getByRole('toolbar').getByRole('button', { name: VI[key], exact: true });
      await expect(named.count()).resolves.toBe(1);
      await expect(named.getAttribute('title')).resolves.toContain(VI[key]);
    }

    await openTab(page, VI['analysis.landUseTitle']);
    const panel = page.getByRole('region', { name: VI['analysis.landUseTitle'] });
    const parkM2 = await parkAreaFromStore(page);
    expect(parkM2).toBeCloseTo(PARK_M2, 1);
    // "3.347.025 m² (334,70 ha)": "." groups thousands, "," marks decimals.
    expect(areaText('de-DE', parkM2)).toBe('3.347.025 m² (334,70 ha)');
    await expect(panel.getByTestId('park-area').textContent()).resolves.toBe(areaText('de-DE', parkM2));
    await expect(panel.getByTestId('green-ratio').textContent()).resolves.toBe(`${fmt('de-DE', (100 * GREEN_M2) / PARK_M2, 2)} %`);
    await expect(panel.textContent()).resolves.toContain('Đất cây xanh');

    expect.soft(await wrongLanguage(page, 'vi')).toEqual([]);
    expect.soft(await overflowing(page)).toEqual([]);
    await shoot(page, 'vi-land-use');
    await openTab(page, VI['analysis.complianceTitle']);
    expect.soft(await wrongLanguage(page, 'vi')).toEqual([]);
    await shoot(page, 'vi-compliance');
    await openTab(page, VI['solar.title']);
    await page.waitForSelector('.solar-panel[aria-busy="false"] [data-run-ms]', { timeout: 60000 });
    expect.soft(await wrongLanguage(page, 'vi')).toEqual([]);
    expect.soft(await overflowing(page)).toEqual([]);
    await shoot(page, 'vi-solar');
  });

  it('switching to English re-labels everything, formats 3,347,025 m² (334.70 ha) and is remembered', async () => {
    await setLang(page, 'en');
    await expect(page.evaluate(() => localStorage.getItem('ecopark.lang'))).resolves.toBe('en');
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual([EN['properties.title'], ...SIDE_PANELS.map((p) => EN[p.titleKey])]);
    await expect(page.getByRole('toolbar', { name: EN['draw.toolbar'] }).count()).resolves.toBe(1);

    await openTab(page, EN['analysis.landUseTitle']);
    const panel = page.getByRole('region', { name: EN['analysis.landUseTitle'] });
    const parkM2 = await parkAreaFromStore(page);
    await expect(panel.getByTestId('park-area').textContent()).resolves.toBe(areaText('en-US', parkM2));
    expect(areaText('en-US', parkM2)).toBe('3,347,025 m² (334.70 ha)');
    await expect(panel.textContent()).resolves.toContain('Green space');

    expect.soft(await wrongLanguage(page, 'en')).toEqual([]);
    expect.soft(await overflowing(page)).toEqual([]);
    await shoot(page, 'en-land-use');
    await openTab(page, EN['analysis.complianceTitle']);
    expect.soft(await wrongLanguage(page, 'en')).toEqual([]);
    await shoot(page, 'en-compliance');
  });

  it('a number typed the Vietnamese way in an attribute is read as such', async () => {
    await setLang(page, 'vi');
    const id = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const b = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((f) => f.kind === 'building')!;
      window.__ecoparkStores!.ui.getState().select([b.id]);
      return b.id;
    });
    await openTab(page, VI['properties.title']).catch(() => page.getByRole('tab', { name: VI['properties.title'], exact: true }).click());
    const height = page.getByRole('textbox', { name: new RegExp(`^${VI['attr.heightM']}`) });
    await height.fill('12,5');
    await height.press('Enter');
    const stored = await page.evaluate((fid) => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const f = doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.find((x) => x.id === fid)!;
      return (f as { heightM?: number }).heightM;
    }, id);
    expect(stored).toBe(12.5);
    await expect(page.getByRole('textbox', { name: new RegExp(`^${VI['attr.heightM']}`) }).inputValue()).resolves.toBe('12,5');
    // Not a number: nothing is lost, the stored value comes back.
    await height.fill('cao');
    await height.press('Enter');
    await expect(page.getByRole('textbox', { name: new RegExp(`^${VI['attr.heightM']}`) }).inputValue()).resolves.toBe('12,5');
  });
});
