import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeProject } from '../../shared/project-file';
import { createEmptyDocument } from '../../shared/model';
import { desktopHarnessForFile, type DesktopHarness } from './desktop-harness';

/**
 * Work-losing paths of the desktop shell, through the real preload and main-process handlers
 * (desktop-harness.ts): an imported project must never be saved over the file that was open
 * before it.
 */

const harness = desktopHarnessForFile();
let shell: DesktopHarness;
beforeAll(() => {
  shell = harness.shell();
});

/** A GeoPackage made by GDAL with a feature table but none of our metadata: a QGIS user's file. */
async function foreignGeoPackage(dir: string): Promise<string> {
  const src = path.join(dir, 'site.geojson');
  const dst = path.join(dir, 'qgis-site.gpkg');
  await fs.writeFile(
    src,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ten: 'Ranh giới' }, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21]]] } }],
    }),
  );
  execFileSync('ogr2ogr', ['-f', 'GPKG', dst, src, '-nln', 'ranh_gioi']);
  return dst;
}

describe('desktop safety', () => {
  it('a foreign GeoPackage imported after opening X is not saved over X: Save asks where', async () => {
    // X: a real project file, opened through the Open dialog.
    const x = path.join(shell.dir, 'project-x.gpkg');
    await fs.writeFile(x, writeProject(await initSqlJs(), createEmptyDocument('Project X', { province: 'Bắc Ninh', now: '2026-01-01T00:00:00.000Z' })));
    const xBytes = await fs.readFile(x);
    shell.dialogs.open.push(x);
    await shell.sendMenuCommand('open');
    await expect.poll(() => shell.documentStates.at(-1), { timeout: 15000 }).toMatchObject({ fileName: 'project-x.gpkg', dirty: false, hasFile: true });

    // A QGIS GeoPackage is refused as a project, with an offer to import its layers.
    shell.dialogs.open.push(await foreignGeoPackage(shell.dir));
    await shell.sendMenuCommand('open');
    const importButton = shell.page.locator('.notice button', { hasText: /^Import$/ });
    await importButton.waitFor({ timeout: 15000 });
    await importButton.click();
    // The title names the imported file (displayName), but as a file the project is untitled.
    await expect.poll(() => shell.documentStates.at(-1), { timeout: 15000 }).toMatchObject({ fileName: null, displayName: 'qgis-site.gpkg', dirty: true, hasFile: false });

    // Save: the host must ask where (answer: cancel) instead of writing into X.
    shell.dialogs.save.push(null);
    await shell.sendMenuCommand('save');
    await expect.poll(() => shell.dialogs.save.length, { timeout: 15000 }).toBe(0);
    // Give a wrong in-place write every chance to land before comparing.
    await shell.page.waitForTimeout(500);
    expect(await fs.readFile(x)).toEqual(xBytes);
    expect(shell.documentStates.at(-1)).toMatchObject({ fileName: null, dirty: true });
  });
});
