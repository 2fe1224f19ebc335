import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openAppForFile, waitForIdleMap } from './browser';

/**
 * Data exchange through the dialogs (issue 6): import a GeoJSON file, map its layer to a land
 * use with the preview on the map, apply as one undoable step; export DXF in a VN-2000 zone and
 * check the download with ogrinfo. Needs ExchangeButtons mounted in the toolbar.
 */
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'ecopark-e2e-exchange-'));

openAppForFile((p) => (page = p));
beforeAll(() => waitForIdleMap(page));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const square = (x: number, y: number, d: number): number[][][] => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const GEOJSON = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ten: 'Cây xanh 1', ma: 'CX-1' }, geometry: { type: 'Polygon', coordinates: square(105.955, 21.205, 0.001) } },
    { type: 'Feature', properties: { ten: 'Cây xanh 2', ma: 'CX-2' }, geometry: { type: 'Polygon', coordinates: square(105.957, 21.205, 0.001) } },
  ],
};

const featureCount = (p: Page) =>
  p.evaluate(() => {
    const doc = window.__ecoparkStores!.document.getState().document!;
    return doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.length;
  });

describe('Import… and Export… dialogs', () => {
  it('imports a GeoJSON layer mapped to green space, previewed on the map, as one undoable step', async () => {
    const before = await featureCount(page);
    await page.getByRole('button', { name: 'Import…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import GIS or CAD data' });
    await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'cay-xanh.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(GEOJSON)) });
    await dialog.getByRole('cell', { name: 'cay-xanh', exact: true }).waitFor();
    await dialog.getByLabel('Becomes: cay-xanh').selectOption('landuse');
    await dialog.getByLabel('Land use: cay-xanh').selectOption('green');
    await expect(dialog.getByText('2 features will be imported').count()).resolves.toBe(1);
    // The preview layer draws the mapped features, coloured by their land use.
    await waitForIdleMap(page);
    const preview = await page.evaluate(() =>
      window.__ecoparkMap!.queryRenderedFeatures({ layers: ['exchange-preview-fill'] }).map((f) => String(f.properties.group)),
    );
    expect(new Set(preview)).toEqual(new Set(['green']));
    expect(preview.length).toBeGreaterThanOrEqual(2);
    await dialog.getByRole('button', { name: /Add to scenario/ }).click();
    await expect(page.getByRole('dialog', { name: 'Import GIS or CAD data' }).count()).resolves.toBe(0);
    expect(await featureCount(page)).toBe(before + 2);
    const imported = await page.evaluate(() => {
      const doc = window.__ecoparkStores!.document.getState().document!;
      return doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features.filter((f) => f.props?.ma?.toString().startsWith('CX-'));
    });
    expect(imported.map((f) => [f.kind, f.kind === 'landuse' ? f.landUse : null, f.props?.ten])).toEqual([
      ['landuse', 'green', 'Cây xanh 1'],
      ['landuse', 'green', 'Cây xanh 2'],
    ]);
    // One undo removes the whole import (globals.d.ts types the store's data only, hence the cast).
    await page.evaluate(() => (window.__ecoparkStores!.document.getState() as unknown as { undo(): void }).undo());
    expect(await featureCount(page)).toBe(before);
    await page.evaluate(() => (window.__ecoparkStores!.document.getState() as unknown as { redo(): void }).redo());
    expect(await featureCount(page)).toBe(before + 2);
  });

  it('a DXF without a CRS gets a guessed VN-2000 zone in the list', async () => {
    await page.getByRole('button', { name: 'Import…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import GIS or CAD data' });
    const dxf = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'exchange', 'plots-vn2000-105-30.dxf'));
    await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'plots.dxf', mimeType: 'application/dxf', buffer: dxf });
    await dialog.getByRole('cell', { name: 'LO_CN', exact: true }).waitFor();
    expect(await dialog.getByLabel('Coordinate system').inputValue()).toMatch(/^EPSG:\d+$/);
    await expect(dialog.getByText(/is a guess from the coordinates/).count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('exports the scenario to DXF in VN-2000 105°30′ that ogrinfo reads, one layer per land use', async () => {
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('dxf');
    await dialog.getByLabel('Coordinate system').selectOption('EPSG:9209');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.dxf$/);
    const file = join(dir, 'park.dxf');
    await download.saveAs(file);
    const info = spawnSync('ogrinfo', ['-al', '-q', file], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    const layers = new Set([...info.stdout.matchAll(/Layer \(String\) = (\S+)/g)].map((m) => m[1]));
    expect(layers.has('GREEN')).toBe(true);
    expect(layers.has('INDUSTRIAL')).toBe(true);
    // Projected metres of the 105°30′ zone around Bắc Ninh, not degrees.
    const x = Number(/POINT \((\d+\.\d+) /.exec(info.stdout)?.[1] ?? /\((\d+\.\d+) \d+/.exec(info.stdout)?.[1]);
    expect(x).toBeGreaterThan(500000);
    expect(x).toBeLessThan(600000);
  });
});
