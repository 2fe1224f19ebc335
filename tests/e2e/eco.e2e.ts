import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile } from './browser';

let page: Page;
openAppForFile((p) => (page = p));

describe('the Eco panel (issue 16)', () => {
  it('shows the sample park’s balances, CBAM plot, exchanges and criteria', async () => {
    await page.getByRole('tab', { name: 'Eco' }).click();
    const panel = page.getByRole('region', { name: 'Eco' });
    // The sample gives 37 of its 45 industrial plots a sector (data/samples/bac-ninh-demo.description.json).
    expect(await panel.locator('[data-row="plots"] dd').textContent()).toBe('45 (37 with a sector)');
    expect(await panel.getByRole('list', { name: 'EU CBAM exposure' }).textContent()).toMatch(/^Nhà máy sản xuất vật liệu xanh: [\d,]+ t CO₂\/yr embedded/);
    const exchanges = panel.getByRole('list', { name: 'Symbiosis' }).getByRole('listitem');
    // 25 candidates and the one exchange the sample accepted (`ecopark eco` on the sample lists the same).
    expect(await exchanges.count()).toBe(26);
    expect(await panel.locator('.eco-exchange .eco-status[data-status="accepted"]').count()).toBe(1);
    const citations = panel.getByRole('list', { name: 'Eco-industrial park criteria' }).locator('.eco-citation');
    expect(await citations.count()).toBe(14);
    expect(await citations.first().textContent()).toBe('Decree 35/2022/ND-CP, Art. 37(1)(a)');
    await page.screenshot({ path: 'test-results/eco-panel.png' });
    await citations.last().scrollIntoViewIfNeeded();
    await panel.screenshot({ path: 'test-results/eco-scorecard.png' });
  });

  it('accepting a candidate saves the decision in the project and undo takes it back', async () => {
    const panel = page.getByRole('region', { name: 'Eco' });
    const first = panel.locator('.eco-exchange').first();
    expect(await first.locator('.eco-status').getAttribute('data-status')).toBe('candidate');
    await first.getByRole('button', { name: 'Accept' }).click();
    await page.waitForFunction(() => document.querySelector('.eco-exchange .eco-status')?.getAttribute('data-status') === 'accepted');
    const saved = await page.evaluate(() => (window.__ecoparkStores!.document.getState().document!.settings.eco as { exchanges: { status: string }[] }).exchanges.length);
    expect(saved).toBe(2);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('.eco-exchange .eco-status')?.getAttribute('data-status') === 'candidate');
  });
});
