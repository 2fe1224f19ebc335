import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../shared/io/apply-mapping';
import { parseCrsCode, type CrsDefinition } from '../../../shared/io/crs/crs';
import { exportShapefileZip } from '../../../shared/io/shapefile-write';
import { importShapefileZip } from '../../../shared/io/shapefile';
import { readZip, writeZip } from '../../../shared/io/zip';
import { distanceM } from '../../../shared/geometry/geodesic';
import { attributesOf, gdal, ogrLayers, positions, sampleExport, tempDir } from './exchange-helpers';

const dir = tempDir('ecopark-shp-');
const crs = (code: string): CrsDefinition => parseCrsCode(code) ?? (() => { throw new Error(code); })();

/** Largest distance from a vertex to the nearest vertex of the other geometry (either way): ring winding may differ. */
function maxErrorM(a: { coordinates: unknown }, b: { coordinates: unknown }): number {
  const pa = positions(a);
  const pb = positions(b);
  expect(pa.length).toBe(pb.length);
  const nearest = (p: number[], others: number[][]): number => Math.min(...others.map((q) => distanceM(p, q)));
  return Math.max(...pa.map((p) => nearest(p, pb)), ...pb.map((p) => nearest(p, pa)));
}

describe('zipped Shapefile', () => {
  for (const code of ['EPSG:4326', 'VN2000:105.5', 'EPSG:32648']) {
    it(`round trips every feature through ${code}: attributes exact, coordinates within 1 cm`, () => {
      const input = sampleExport();
      const out = exportShapefileZip(input, crs(code), 'park');
      expect(out.layers.map((l) => l.name)).toEqual(['park_polygons', 'park_lines', 'park_points']);
      const back = importShapefileZip(out.bytes);
      if (!back.ok) throw new Error(back.detail);
      const mapped = applyMapping(back.layers, { layers: {} });
      expect(mapped.features).toHaveLength(input.features.length);
      for (const f of input.features) {
        const got = mapped.features.find((x) => x.id === f.id);
        if (!got) throw new Error(`missing ${f.id}`);
        const want = attributesOf(f);
        if (want.props && Object.keys(want.props).length === 0) delete want.props;
        expect(attributesOf(got)).toEqual(want);
        expect(got.geometry.type.replace('Multi', '')).toBe(f.geometry.type.replace('Multi', ''));
        expect(maxErrorM(got.geometry, f.geometry)).toBeLessThan(0.01);
      }
    });
  }

  it('GDAL reads the VN-2000 export: layers, counts, UTF-8 attributes, and WGS 84 coordinates within 1 cm after ogr2ogr -t_srs EPSG:4326', () => {
    const input = sampleExport();
    const zip = join(dir, 'park.shp.zip');
    writeFileSync(zip, exportShapefileZip(input, crs('VN2000:105.5'), 'park').bytes);
    const vsi = `/vsizip/${zip}`;
    expect(ogrLayers(vsi)).toEqual({ park_polygons: 5, park_lines: 2, park_points: 1 });
    const info = gdal('ogrinfo', ['-so', `${vsi}/park_polygons.shp`, 'park_polygons']);
    expect(info).toMatch(/central_meridian",105\.5|Longitude of natural origin",105\.5/);
    const out = join(dir, 'polygons.geojson');
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', out, `${vsi}/park_polygons.shp`]);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { id: string; name: string | null; minGreenR: number | null }; geometry: { coordinates: unknown } }[] };
    expect(json.features.map((f) => f.properties.id)).toEqual(['b1', 'l1', 'l2', 'bd1', 'bd2']);
    expect(json.features[1].properties).toMatchObject({ name: 'Lô CN-01', minGreenR: 0.2 });
    for (const f of json.features) {
      const source = input.features.find((x) => x.id === f.properties.id);
      if (!source) throw new Error('no source');
      expect(maxErrorM(f.geometry, source.geometry)).toBeLessThan(0.01);
    }
  });

  it('reads a Shapefile written by GDAL (ogr2ogr -t_srs EPSG:32648) with its .prj', () => {
    const src = join(dir, 'pt.geojson');
    writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Cổng chính', so: 3 }, geometry: { type: 'Point', coordinates: [105.8, 21.0] } }] }));
    const shpDir = join(dir, 'gdal-shp');
    gdal('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:32648', '-lco', 'ENCODING=UTF-8', shpDir, src]);
    const entries = Object.fromEntries(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => [`pt.${e}`, new Uint8Array(readFileSync(join(shpDir, `pt.${e}`)))]));
    const result = importShapefileZip(writeZip(entries));
    if (!result.ok) throw new Error(result.detail);
    expect(result.crs).toBe('EPSG:32648');
    const f = result.layers[0].features[0];
    expect(f.properties).toEqual({ ten: 'Cổng chính', so: 3 });
    expect(distanceM((f.geometry as { coordinates: number[] }).coordinates, [105.8, 21.0])).toBeLessThan(0.001);
  });

  it('without .prj asks for the coordinate system (crs_required with a guess), and accepts it when given', () => {
    const full = readZip(exportShapefileZip(sampleExport(), crs('VN2000:105.5'), 'park').bytes);
    if (!full.ok) throw new Error(full.detail);
    const noPrj = Object.fromEntries(Object.entries(full.entries).filter(([n]) => !n.endsWith('.prj')));
    const refused = importShapefileZip(writeZip(noPrj), { province: 'Bắc Ninh' });
    expect(refused).toMatchObject({ ok: false, reason: 'crs_required', guess: 'EPSG:9209' });
    if (!refused.ok) expect(refused.detail).toContain('no .prj');
    const accepted = importShapefileZip(writeZip(noPrj), { crs: 'VN2000:105.5' });
    expect(accepted.ok).toBe(true);
  });

  it('refuses a broken zip and a zip without .shp with clear reasons', () => {
    const good = exportShapefileZip(sampleExport(), crs('EPSG:4326'), 'park').bytes;
    const broken = importShapefileZip(good.slice(0, good.length - 40));
    expect(broken).toMatchObject({ ok: false, reason: 'broken_zip' });
    expect(importShapefileZip(writeZip({ 'readme.txt': new Uint8Array([65]) }))).toMatchObject({ ok: false, reason: 'no_shapefile' });
    expect(importShapefileZip(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, reason: 'broken_zip' });
  });
});
