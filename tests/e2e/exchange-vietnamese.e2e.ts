import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAppForFile, waitForIdleMap } from './browser';

/**
 * The exchange dialogs in Vietnamese (issue 13): a refused import says why in Vietnamese (no
 * English parser text), and the export notice is a Vietnamese sentence with the counts.
 */
let page: Page;
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'exchange-vietnamese');

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});
openAppForFile((p) => (page = p), { lang: 'vi' });
beforeAll(() => waitForIdleMap(page));

describe('Nhập… và Xuất… in Vietnamese', () => {
  it('a file that is not ASCII DXF is refused with a Vietnamese headline and reason', async () => {
    await page.getByRole('button', { name: 'Nhập…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập dữ liệu GIS hoặc CAD' });
    const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'exchange', 'not-a-dxf.dxf'));
    await dialog.getByLabel('Chọn tệp cần nhập').setInputFiles({ name: 'ban-ve.dxf', mimeType: 'application/dxf', buffer: bytes });
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Không đọc được tệp DXF này. Tệp không phải DXF dạng ASCII (mã nhóm và giá trị xen kẽ từng dòng); không hỗ trợ DXF nhị phân và DWG: hãy lưu lại thành ASCII DXF.',
    );
    await dialog.screenshot({ path: join(SHOTS, 'refused-dxf-vi.png') });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('the export notice is a Vietnamese sentence naming the file, the scenario and the counts', async () => {
    const scenario = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      const s = doc.scenarios.find((x) => x.id === doc.activeScenarioId)!;
      return { name: s.name, features: s.features.length };
    });
    await page.getByRole('button', { name: 'Xuất…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Xuất' });
    await dialog.getByLabel('Định dạng').selectOption('kml');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Xuất', exact: true }).click()]);
    const notice = page.locator('.notice', { hasText: 'Đã xuất' });
    await notice.waitFor();
    const text = (await notice.locator('p').textContent()) ?? '';
    // Below 1,000 features the count has no thousands separator in either language.
    expect(scenario.features).toBeLessThan(1000);
    expect(text.startsWith(`Đã xuất “${download.suggestedFilename()}”: phương án “${scenario.name}”, ${scenario.features} đối tượng (`)).toBe(true);
    expect(text).not.toMatch(/Exported|features|scenario/);
    await notice.screenshot({ path: join(SHOTS, 'exported-vi.png') });
  });
});
