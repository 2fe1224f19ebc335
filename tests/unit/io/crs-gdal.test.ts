import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VnTransformationChoice } from '../../../shared/io/crs/vn2000-transformations';
import { exportDocument, importFile } from '../../../shared/io/exchange';
import { asciiBaseName } from '../../../shared/io/shapefile-write';
import { distanceM } from '../../../shared/geometry/geodesic';
import { hanoiPark, hcmcPark } from './crs-helpers';
import { gdal, positions, tempDir } from './exchange-helpers';

const dir = tempDir('ecopark-crs-gdal-');

const CITIES = [
  { name: 'TP Hồ Chí Minh', doc: hcmcPark(), crs: 'EPSG:9210', auto: 'EPSG:5194' },
  { name: 'Hà Nội', doc: hanoiPark(), crs: 'EPSG:5897', auto: 'EPSG:6960' },
];

describe('GDAL reprojects our VN-2000 Shapefile with the transformation we wrote in the .prj', () => {
  for (const city of CITIES) {
    for (const choice of ['EPSG:5194', 'EPSG:6960', 'auto'] as VnTransformationChoice[]) {
      it(`${city.name}, ${choice}: ogr2ogr -t_srs EPSG:4326 lands within 0.05 m of our WGS 84 coordinates`, () => {
        const out = exportDocument(city.doc, 'shp', { crs: city.crs, transformation: choice, scenarioId: 's-a' });
        if (!out.ok) throw new Error(out.detail);
        const used = choice === 'auto' ? city.auto : choice;
        expect(out.transformation).toBe(used);
        expect(out.summary).toMatchObject({ crs: city.crs, transformation: { code: used, name: `VN-2000 to WGS 84 (${used === 'EPSG:5194' ? 1 : 2})` } });
        const zip = join(dir, `${city.crs.replace(':', '_')}-${choice.replace(':', '_')}.shp.zip`);
        writeFileSync(zip, out.bytes);
        const layer = `${asciiBaseName(city.doc.project.name)}_polygons`;
        const json = join(dir, `${layer}-${city.crs.replace(':', '_')}-${choice.replace(':', '_')}.geojson`);
        gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', json, `/vsizip/${zip}`, layer]);
        const back = JSON.parse(readFileSync(json, 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: unknown } }[] };
        const ours = new Map(city.doc.scenarios.find((s) => s.id === 's-a')?.features.map((f) => [f.id, f.geometry]));
        expect(back.features.length).toBeGreaterThan(0);
        for (const f of back.features) {
          const mine = ours.get(f.properties.id);
          if (!mine) throw new Error(`no feature ${f.properties.id}`);
          const a = positions(mine);
          const b = positions(f.geometry);
          expect(b.length).toBe(a.length);
          // Shapefile rings run clockwise, ours counter-clockwise: match each vertex to its nearest (vertices are metres apart).
          for (const p of b) expect(Math.min(...a.map((q) => distanceM([p[0], p[1]], [q[0], q[1]])))).toBeLessThan(0.05);
        }
      });
    }
  }

  it('reading our own export back, the .prj TOWGS84 names the transformation, and the import says so', () => {
    const city = CITIES[0];
    const out = exportDocument(city.doc, 'shp', { crs: city.crs, transformation: 'EPSG:6960', scenarioId: 's-a' });
    if (!out.ok) throw new Error(out.detail);
    const back = importFile(out.bytes, 'park.shp.zip');
    if (!back.ok) throw new Error(back.detail);
    expect(back.transformations).toEqual(['EPSG:6960']);
    const imported = back.layers[0].features[0];
    const mine = city.doc.scenarios.find((s) => s.id === 's-a')?.features.find((f) => f.id === imported.properties.id);
    if (!mine) throw new Error('feature lost');
    const [p] = positions(imported.geometry as { coordinates: unknown });
    expect(Math.min(...positions(mine.geometry).map((q) => distanceM([p[0], p[1]], [q[0], q[1]])))).toBeLessThan(0.01);
  });
});
