import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAppForFile } from './browser';

let page: Page;
openAppForFile((p) => (page = p));

describe('site report from the app', () => {
  it('exports the PDF report of the sample park, with its Vietnamese name and the rules', async () => {
    await page.getByRole('button', { name: 'Export report', exact: true }).click();
    const downloading = page.waitForEvent('download', { timeout: 120000 });
    await page.getByRole('group', { name: 'Export report' }).getByRole('button', { name: /PDF/ }).click();
    const download = await downloading;
    const path = join(mkdtempSync(join(tmpdir(), 'ecopark-report-')), 'report.pdf');
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Khu công nghiệp sinh thái Yên Phong Demo');
    expect(text).toContain('qcvn.park.green-min');
  });

  it('compares two scenarios side by side', async () => {
    await page.getByRole('button', { name: 'Manage scenarios' }).click();
    const menu = page.getByRole('menu', { name: 'Manage scenarios' });
    await menu.getByRole('textbox').fill('Phương án B');
    await menu.getByRole('menuitem', { name: /Duplicate scenario/ }).click();
    await page.getByRole('tab', { name: 'Compare' }).click();
    const panel = page.getByRole('region', { name: 'Compare' });
    await panel.getByRole('checkbox', { name: 'Phương án A' }).check();
    await panel.getByRole('checkbox', { name: 'Phương án B' }).check();
    // The comparison opens in a wide view of its own (the side panel is too narrow for it).
    await panel.getByRole('button', { name: 'Open the comparison' }).click();
    const wide = page.getByRole('dialog', { name: 'Compare scenarios' });
    await wide.locator('.compare-maps svg').first().waitFor();
    await expect(wide.locator('.compare-maps svg').count()).resolves.toBe(2);
    await expect(wide.locator('table').count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });
});
