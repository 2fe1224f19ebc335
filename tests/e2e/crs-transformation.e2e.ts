import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowserForFile, openApp, waitForIdleMap } from './browser';

/**
 * Issue 13, VN-2000 transformation: the Import… and Export… dialogs offer the VN-2000 → WGS 84
 * transformation for VN-2000 CRSs, say which one was used, and the exported .prj carries it.
 * Screenshots go to $ECOPARK_SCREENSHOTS (default: the temporary folder).
 */
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'ecopark-e2e-crs-'));
const shots = process.env.ECOPARK_SCREENSHOTS ?? dir;

launchBrowserForFile((b) => (browser = b));
beforeAll(async () => {
  page = await openApp(browser);
  await waitForIdleMap(page);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('VN-2000 → WGS 84 transformation in the exchange dialogs', () => {
  it('import of a VN-2000 DXF says the transformation used and offers the choice', async () => {
    await page.getByRole('button', { name: 'Import…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import GIS or CAD data' });
    const dxf = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'exchange', 'plots-vn2000-105-30.dxf'));
    await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'plots.dxf', mimeType: 'application/dxf', buffer: dxf });
    await dialog.getByRole('cell', { name: 'LO_CN', exact: true }).waitFor();
    // The fixture lies near Bắc Ninh, outside EPSG:5194's area: automatic means EPSG:6960, as in QGIS.
    await dialog.getByText('VN-2000 → WGS 84 transformation used: EPSG:6960 “VN-2000 to WGS 84 (2)”.').waitFor();
    await dialog.getByLabel('VN-2000 → WGS 84 transformation').selectOption('EPSG:5194');
    await dialog.getByText('VN-2000 → WGS 84 transformation used: EPSG:5194 “VN-2000 to WGS 84 (1)”.').waitFor();
    await dialog.screenshot({ path: join(shots, 'crs-transformation-import.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('export to Shapefile with EPSG:5194 writes its TOWGS84 in the .prj and says so', async () => {
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('shp');
    await dialog.getByLabel('Coordinate system').selectOption('EPSG:9209');
    await dialog.getByLabel('VN-2000 → WGS 84 transformation').selectOption('EPSG:5194');
    await dialog.screenshot({ path: join(shots, 'crs-transformation-export.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const file = join(dir, 'park.shp.zip');
    await download.saveAs(file);
    await page.getByText(/EPSG:9209 \(VN-2000 → WGS 84: EPSG:5194 “VN-2000 to WGS 84 \(1\)”\)/).first().waitFor();
    await page.screenshot({ path: join(shots, 'crs-transformation-exported.png') });
    const info = spawnSync('ogrinfo', ['-so', '-al', `/vsizip/${file}`], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    // GDAL reads the .prj as a bound CRS whose transformation has EPSG:5194's translations.
    expect(info.stdout).toMatch(/-192\.873/);
    expect(info.stdout).not.toMatch(/-191\.904/);
  });
});

describe('in Vietnamese: a VN-2000 GeoPackage made by GDAL, and the readers’ notes', () => {
  let vi: Page;
  beforeAll(async () => {
    vi = await openApp(browser, { lang: 'vi' });
    await waitForIdleMap(vi);
  });
  afterAll(async () => {
    await vi?.close();
  });
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'exchange', name));

  it('the transformation chosen applies to the GeoPackage, is said, and its note is a Vietnamese sentence', async () => {
    await vi.getByRole('button', { name: 'Nhập…', exact: true }).click();
    const dialog = vi.getByRole('dialog', { name: 'Nhập dữ liệu GIS hoặc CAD' });
    // ogr2ogr -f GPKG plots-vn2000-hcm.gpkg plots-vn2000-hcm.geojson -nln lo_dat (EPSG:9210, TP Hồ Chí Minh).
    await dialog.getByLabel('Chọn tệp cần nhập').setInputFiles({ name: 'plots-vn2000-hcm.gpkg', mimeType: 'application/geopackage+sqlite3', buffer: fixture('plots-vn2000-hcm.gpkg') });
    // Inside EPSG:5194's area: automatic means (1), as PROJ picks it.
    await dialog.getByText('Phép chuyển đổi VN-2000 → WGS 84 đã dùng: EPSG:5194 “VN-2000 to WGS 84 (1)”.').waitFor();
    await dialog.getByLabel('Phép chuyển đổi VN-2000 → WGS 84').selectOption('EPSG:6960');
    await dialog.getByText('Phép chuyển đổi VN-2000 → WGS 84 đã dùng: EPSG:6960 “VN-2000 to WGS 84 (2)”.').waitFor();
    const notes = dialog.locator('.exchange-warnings');
    await notes.locator('summary').click();
    expect(await notes.locator('li').allInnerTexts()).toEqual(['Lớp “lo_dat”, đối tượng 2: không có hình học nên không được nhập.']);
    await dialog.screenshot({ path: join(shots, 'crs-transformation-gpkg-vi.png') });
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click();
  });

  it('a DXF’s skipped entities are told in Vietnamese, not in the reader’s English', async () => {
    await vi.getByRole('button', { name: 'Nhập…', exact: true }).click();
    const dialog = vi.getByRole('dialog', { name: 'Nhập dữ liệu GIS hoặc CAD' });
    await dialog.getByLabel('Chọn tệp cần nhập').setInputFiles({ name: 'plots.dxf', mimeType: 'application/dxf', buffer: fixture('plots-vn2000-105-30.dxf') });
    await dialog.getByRole('cell', { name: 'LO_CN', exact: true }).waitFor();
    const notes = dialog.locator('.exchange-warnings');
    await notes.locator('summary').click();
    expect(await notes.locator('li').allInnerTexts()).toContain(
      'Không đọc các đối tượng loại khác (1 TEXT, 1 CIRCLE): chỉ nhập đường đa tuyến (polyline), đoạn thẳng (line), điểm (point) và khối chèn (block insert).',
    );
    await dialog.screenshot({ path: join(shots, 'import-notes-dxf-vi.png') });
    await dialog.getByRole('button', { name: 'Hủy', exact: true }).click();
  });
});
