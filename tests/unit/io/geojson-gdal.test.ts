import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentToGeoJson } from '../../../shared/io/geojson';
import { importForeignGeoPackage } from '../../../shared/project-file';
import { loadSqlJs } from '../../helpers/sqljs';
import { sampleDocument } from '../project-file/sample-document';

const dir = mkdtempSync(join(tmpdir(), 'ecopark-geojson-gdal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('GDAL reads our GeoJSON export', () => {
  const file = join(dir, 'park.geojson');
  writeFileSync(file, JSON.stringify(documentToGeoJson(sampleDocument())));

  it('ogrinfo sees all 10 features of the three scenarios, without complaint', () => {
    const { stdout, stderr } = run('ogrinfo', ['-so', '-al', file]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Feature Count: 10\n/);
    expect(stdout).toMatch(/kind: String/);
    expect(stdout).toMatch(/landUse: String/);
  });

  it('survives GeoJSON → ogr2ogr GPKG → foreign import with kinds, attributes and props', async () => {
    const gpkg = join(dir, 'park.gpkg');
    const { stderr } = run('ogr2ogr', ['-f', 'GPKG', gpkg, file, '-nln', 'park', '-nlt', 'GEOMETRY']);
    expect(stderr).toBe('');
    const result = importForeignGeoPackage(await loadSqlJs(), new Uint8Array(readFileSync(gpkg)), 'park.gpkg');
    if (!result.ok) throw new Error(result.detail);
    const features = result.document.scenarios[0].features;
    const source = sampleDocument().scenarios.flatMap((s) => s.features);
    expect(features.map((f) => f.kind)).toEqual(source.map((f) => f.kind));
    const plot = features[1];
    expect(plot).toMatchObject({ kind: 'landuse', name: 'Lô CN-01', landUse: 'industrial', maxDensity: 0.6, maxFloors: 5, maxFar: 2.5 });
    // ogr2ogr turns GeoJSON "id" and our scenario fields into columns: kept in props, next to the unpacked free props.
    expect(plot.props).toMatchObject({ owner: 'Công ty Ánh Dương', area_ha: 12.5, leased: true, scenario: 'Phương án A', scenarioId: 's-a' });
    expect(features[5]).toMatchObject({ kind: 'road', name: 'Đường D1', widthM: 24 });
    expect(features[5].geometry).toEqual(source[5].geometry);
  });
});
