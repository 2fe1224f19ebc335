import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProject, writeProject } from '../../../shared/project-file';
import { loadSqlJs } from '../../helpers/sqljs';
import { sampleDocument } from './sample-document';

/** GDAL (Debian gdal-bin) must read every file we write (DESIGN.md §5); CI installs it, so nothing is skipped. */
const SQL = await loadSqlJs();
const dir = mkdtempSync(join(tmpdir(), 'ecopark-gdal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'Yên Phong.gpkg');
writeFileSync(file, writeProject(SQL, sampleDocument()));

function run(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  expect(result.error).toBeUndefined();
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('GDAL reads our project files', () => {
  it('ogrinfo lists the five feature layers with their geometry types and counts, silently', () => {
    const { stdout, stderr } = run('ogrinfo', ['-so', '-al', file]);
    expect(stderr).toBe('');
    const layers = [...stdout.matchAll(/Layer name: (\S+)\nMetadata:\n(?:.*\n)*?Geometry: (.+)\nFeature Count: (\d+)/g)].map((m) => [m[1], m[2], Number(m[3])]);
    expect(layers.filter((l) => l[1] !== 'None')).toEqual([
      ['boundary', 'Multi Polygon', 2],
      ['land_use', 'Multi Polygon', 3],
      ['buildings', 'Multi Polygon', 2],
      ['roads', 'Multi Line String', 2],
      ['points', 'Point', 1],
    ]);
    expect(layers.filter((l) => l[1] === 'None').map((l) => [l[0], l[2]])).toEqual([
      ['ecopark_metadata', 5],
      ['ecopark_scenarios', 3],
      ['ecopark_settings', 3],
    ]);
  });

  it('ogrinfo reports the extent of land_use from gpkg_contents and the Vietnamese attributes intact', () => {
    const { stdout, stderr } = run('ogrinfo', ['-q', file, 'land_use', '-where', "feature_id = 'l1' AND scenario_id = 's-a'"]);
    expect(stderr).toBe('');
    expect(stdout).toContain('name (String) = Lô CN-01');
    expect(stdout).toContain('max_density (Real) = 0.6');
    const summary = run('ogrinfo', ['-so', file, 'land_use']).stdout;
    expect(summary).toContain('Extent: (105.941000, 21.190000) - (105.962000, 21.202000)');
  });

  it('ogr2ogr exports land_use to GeoJSON with the same coordinates', () => {
    const out = join(dir, 'land_use.geojson');
    const { stderr } = run('ogr2ogr', ['-f', 'GeoJSON', out, file, 'land_use']);
    expect(stderr).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { feature_id: string; scenario_id: string }; geometry: { type: string; coordinates: number[][][][] } }[] };
    const doc = sampleDocument();
    expect(json.features).toHaveLength(3);
    for (const f of json.features) {
      const source = doc.scenarios.find((s) => s.id === f.properties.scenario_id)?.features.find((x) => x.id === f.properties.feature_id);
      if (!source || source.geometry.type === 'Point' || source.geometry.type.includes('Line')) throw new Error('no source polygon');
      const expected = (source.geometry.type === 'Polygon' ? [source.geometry.coordinates] : source.geometry.coordinates) as number[][][][];
      expect(f.geometry.type).toBe('MultiPolygon');
      const got = f.geometry.coordinates.flat(2);
      const want = expected.flat(2);
      expect(got.length).toBe(want.length);
      got.forEach((p, i) => {
        expect(Math.abs(p[0] - want[i][0])).toBeLessThan(1e-9);
        expect(Math.abs(p[1] - want[i][1])).toBeLessThan(1e-9);
      });
    }
  });

  it('ogrinfo reads every feature of every layer without a warning, even in debug mode', () => {
    const { stdout, stderr } = run('ogrinfo', ['-al', '-q', file]);
    expect(stderr).toBe('');
    expect(stdout.match(/^OGRFeature\(/gm)?.length).toBe(2 + 3 + 2 + 2 + 1 + 5 + 3 + 3);
    // Debug output would mention a missing integer primary key or a malformed blob; only the version line is expected.
    const debug = run('ogrinfo', ['--debug', 'on', '-so', file]).stderr.split('\n').filter((l) => l.startsWith('GPKG:'));
    expect(debug).toEqual(['GPKG: GeoPackage v1.3.0']);
  });

  it('still opens after GDAL edited it in place (as QGIS would)', () => {
    const edited = join(dir, 'edited.gpkg');
    writeFileSync(edited, readFileSync(file));
    run('ogrinfo', ['-update', '-q', edited, '-sql', "UPDATE roads SET name = 'Đường D1 (sửa)', width_m = 30 WHERE feature_id = 'r1'"]);
    const result = readProject(SQL, new Uint8Array(readFileSync(edited)));
    if (!result.ok) throw new Error(result.detail);
    const road = result.document.scenarios[0].features.find((f) => f.id === 'r1');
    expect(road).toMatchObject({ kind: 'road', name: 'Đường D1 (sửa)', widthM: 30 });
  });

  it('GDAL finds nothing to complain about in the SQLite structure', () => {
    const { stdout, stderr } = run('ogrinfo', ['-q', file, '-sql', 'PRAGMA integrity_check']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/integrity_check \(String\) = ok/);
  });
});
