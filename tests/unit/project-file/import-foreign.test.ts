import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importForeignGeoPackage, projectNameFromFileName } from '../../../shared/project-file';
import { loadSqlJs } from '../../helpers/sqljs';

const SQL = await loadSqlJs();
const dir = mkdtempSync(join(tmpdir(), 'ecopark-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A multi-layer GeoPackage built by GDAL, as a consultant's QGIS project would be. */
function gdalPackage(): Uint8Array {
  const dst = join(dir, 'site.gpkg');
  const layer = (name: string, features: unknown[], extra: string[] = []) => {
    const src = join(dir, `${name}.geojson`);
    writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features }));
    execFileSync('ogr2ogr', ['-f', 'GPKG', '-update', '-append', ...extra, dst, src, '-nln', name]);
  };
  layer('ranh_gioi', [{ type: 'Feature', properties: { ten: 'Ranh giới KCN' }, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.1, 21], [106.1, 21.1], [106, 21]]] } }]);
  layer('duong', [
    { type: 'Feature', properties: { name: 'D1', width: 30 }, geometry: { type: 'LineString', coordinates: [[106, 21], [106.1, 21]] } },
    { type: 'Feature', properties: { name: 'D2' }, geometry: { type: 'MultiLineString', coordinates: [[[106, 21.05], [106.1, 21.05]], [[106, 21.06], [106.1, 21.06]]] } },
  ]);
  layer('gieng', [{ type: 'Feature', properties: { facility_type: 'well' }, geometry: { type: 'MultiPoint', coordinates: [[106.01, 21.01], [106.02, 21.02]] } }]);
  layer('buildings', [{ type: 'Feature', properties: { kind: 'building', height_m: 15, floors: 3 }, geometry: { type: 'Polygon', coordinates: [[[106.05, 21.05], [106.051, 21.05], [106.051, 21.051], [106.05, 21.05]]] } }]);
  return new Uint8Array(readFileSync(dst));
}

describe('importForeignGeoPackage', () => {
  it('maps each layer by geometry and name, keeping attributes', () => {
    const bytes = gdalPackage();
    const before = bytes.slice();
    const result = importForeignGeoPackage(SQL, bytes, 'site.gpkg', '2026-04-01T00:00:00.000Z');
    expect(bytes).toEqual(before);
    if (!result.ok) throw new Error(result.detail);
    const doc = result.document;
    expect(doc.project.name).toBe('site');
    // Layers are read in table-name order: buildings, duong, gieng, ranh_gioi.
    const summary = doc.scenarios[0].features.map((f) => [f.kind, f.kind === 'road' ? f.widthM : undefined, f.props]);
    expect(summary).toEqual([
      ['building', undefined, undefined],
      ['road', 30, undefined],
      ['road', 8, undefined],
      ['point', undefined, undefined],
      ['point', undefined, undefined],
      ['boundary', undefined, { ten: 'Ranh giới KCN' }],
    ]);
    const [building, d1, d2, well] = doc.scenarios[0].features;
    expect(building).toMatchObject({ heightM: 15, floors: 3 });
    expect(d1).toMatchObject({ name: 'D1' });
    expect(d2.geometry.type).toBe('MultiLineString');
    expect(well).toMatchObject({ facilityType: 'well', geometry: { type: 'Point', coordinates: [106.01, 21.01] } });
    expect(result.warnings).toContain('layer duong, fid 2: no road width; 8 m assumed');
    expect(result.warnings).toContain('layer gieng, fid 1: MultiPoint split into 2 features');
  });

  it('refuses bytes that are not a GeoPackage, with a detail', () => {
    expect(importForeignGeoPackage(SQL, new Uint8Array([1, 2, 3]), 'x.gpkg')).toMatchObject({ ok: false, detail: expect.stringMatching(/SQLite header/) });
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a)');
    const plain = db.export();
    db.close();
    expect(importForeignGeoPackage(SQL, plain, 'x.gpkg')).toMatchObject({ ok: false, detail: expect.stringMatching(/not a GeoPackage/) });
  });

  it('names the project after the file', () => {
    expect(projectNameFromFileName('/home/an/Bản vẽ KCN.v2.gpkg')).toBe('Bản vẽ KCN.v2');
    expect(projectNameFromFileName('C:\\Users\\an\\site.gpkg')).toBe('site');
    expect(projectNameFromFileName('.gpkg')).toBe('Imported project');
  });
});
