import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { readProject, writeProject } from '../shared/project-file';
import type { ParkDocument } from '../shared/model';
import { createFileService } from '../electron/file-service';
import { createRecoveryStore } from '../electron/recovery-store';
import { createTileFileService } from '../electron/tile-file-service';
import { generateLargePark } from './large-park';
import { medianAsyncMs, type Figure } from './measure';

/**
 * Issue 7's costs a user could feel: one autosave snapshot (the project written as a
 * GeoPackage and stored atomically in the recovery folder), one atomic save with its .bak, and
 * one tile read from an offline PMTiles basemap — on the sample and on the 5,000-feature park.
 */
export async function desktopFigures(): Promise<Figure[]> {
  const SQL = await initSqlJs();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecopark-bench-'));
  try {
    const sample = readProject(SQL, new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
    if (!sample.ok) throw new Error(sample.detail);
    const large = generateLargePark();
    const recovery = createRecoveryStore({ fs, dir: path.join(dir, 'recovery'), now: () => new Date(), appVersion: 'bench', pid: process.pid });
    const files = createFileService({ fs, loadSql: async () => SQL, readProject, writeProject });
    const snapshot = (doc: ParkDocument, id: string) => () =>
      recovery.write(id, writeProject(SQL, doc), { fileName: 'park.gpkg', filePath: null, projectName: doc.project.name });
    const features = (doc: ParkDocument) => doc.scenarios.reduce((n, s) => n + s.features.length, 0);

    const tiles = createTileFileService({
      fs,
      storeFs: fs,
      loadSql: async () => SQL,
      storePath: path.join(dir, 'offline-basemap.json'),
      chooseTilePath: async () => path.resolve('tests/unit/fixtures/tiles/park-protomaps.pmtiles'),
    });
    const chosen = await tiles.choose(1);
    if (!chosen.ok) throw new Error('the PMTiles fixture did not open');
    const { maxzoom, bounds } = chosen.info;
    const [west, south, east, north] = bounds ?? [105.9, 21.1, 106.1, 21.3];
    const lon = (west + east) / 2;
    const lat = (south + north) / 2;
    const n = 2 ** maxzoom;
    const x = Math.floor(((lon + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    if (!(await tiles.readTile(maxzoom, x, y))) throw new Error(`no tile at ${maxzoom}/${x}/${y} in the fixture`);

    return [
      { name: 'autosave.snapshotSample', value: await medianAsyncMs(snapshot(sample.document, recovery.newId())), unit: 'ms' },
      { name: 'autosave.largeParkFeatures', value: features(large), unit: 'count' },
      { name: 'autosave.snapshotLargePark', value: await medianAsyncMs(snapshot(large, recovery.newId()), 7, 1), unit: 'ms' },
      { name: 'save.atomicWithBakLargePark', value: await medianAsyncMs(() => files.save(path.join(dir, 'large.gpkg'), large), 7, 1), unit: 'ms' },
      { name: 'offlineBasemap.pmtilesTileRead', value: await medianAsyncMs(() => tiles.readTile(maxzoom, x, y), 51, 5), unit: 'ms' },
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
