import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../shared/io/apply-mapping';
import { exportKml, importKml } from '../../../shared/io/kml';
import { exportKmz, importKmz } from '../../../shared/io/kmz';
import { importGeoJsonLayers } from '../../../shared/io/geojson-layers';
import { documentToGeoJson } from '../../../shared/io/geojson';
import { attributesOf, expectSameGeometry, gdal, ogrLayers, sampleExport, tempDir } from './exchange-helpers';
import { sampleDocument } from '../project-file/sample-document';

const dir = tempDir('ecopark-kml-');

describe('KML and KMZ', () => {
  it('round trips every feature of a scenario: ids, kinds, land uses, attributes, props, coordinates', () => {
    const input = sampleExport();
    const result = importKml(exportKml(input), 'a.kml');
    if (!result.ok) throw new Error(result.detail);
    expect(result.layers.map((l) => [l.name, l.features.length])).toEqual([
      ['Boundary', 1],
      ['Industrial', 1],
      ['Green space', 1],
      ['Buildings', 2],
      ['Roads', 2],
      ['Facilities', 1],
    ].map(([n, c]) => [expect.stringContaining(String(n).split(' ')[0]), c]));
    const mapped = applyMapping(result.layers, { layers: {} });
    const byId = new Map(mapped.features.map((f) => [f.id, f]));
    for (const f of input.features) {
      const back = byId.get(f.id);
      if (!back) throw new Error(`missing ${f.id}`);
      const want = attributesOf(f);
      // Empty props are not written (an empty object carries nothing).
      if (want.props && Object.keys(want.props).length === 0) delete want.props;
      expect(attributesOf(back)).toEqual(want);
      expectSameGeometry(back.geometry, f.geometry, 0);
    }
  });

  it('GDAL reads the KML export: one layer per folder, the counts, the Vietnamese names and the coordinates', () => {
    const file = join(dir, 'park.kml');
    writeFileSync(file, exportKml(sampleExport()));
    const layers = ogrLayers(file);
    expect(Object.values(layers).reduce((a, b) => a + b, 0)).toBe(8);
    expect(layers.Buildings).toBe(2);
    const out = join(dir, 'roads.geojson');
    gdal('ogr2ogr', ['-f', 'GeoJSON', out, file, 'Roads']);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { Name: string }; geometry: { coordinates: number[][] } }[] };
    expect(json.features[0].properties.Name).toBe('Đường D1');
    expect(json.features[0].geometry.coordinates).toEqual([[105.94, 21.2], [105.95, 21.2], [105.96, 21.205]]);
  });

  it('reads a KML written by GDAL (ogr2ogr from our GeoJSON) as one layer with the attributes in SchemaData', () => {
    const src = join(dir, 'src.geojson');
    writeFileSync(src, JSON.stringify(documentToGeoJson(sampleDocument())));
    const kml = join(dir, 'gdal.kml');
    gdal('ogr2ogr', ['-f', 'KML', kml, src]);
    const result = importKml(readFileSync(kml, 'utf8'), 'gdal.kml');
    if (!result.ok) throw new Error(result.detail);
    const features = result.layers.flatMap((l) => l.features);
    expect(features).toHaveLength(10);
    expect(result.layers[0].attributeNames).toEqual(expect.arrayContaining(['kind', 'landUse', 'name']));
  });

  it('KMZ round trip gives the same layers as KML', () => {
    const kmz = exportKmz(sampleExport());
    const result = importKmz(kmz, 'a.kmz');
    if (!result.ok) throw new Error(result.detail);
    expect(result.layers.flatMap((l) => l.features)).toHaveLength(8);
    const file = join(dir, 'park.kmz');
    writeFileSync(file, kmz);
    expect(Object.values(ogrLayers(file)).reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('refuses broken input with reason codes', () => {
    expect(importKmz(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), 'x.kmz')).toMatchObject({ ok: false, reason: 'broken_zip' });
    expect(importKml('<kml><Document><Placemark></Document></kml>', 'x.kml')).toMatchObject({ ok: false, reason: 'invalid_kml' });
    expect(importKml('<kml><Document/></kml>', 'x.kml')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('GeoJSON as layers', () => {
  it('reads our export as one layer; the mapping keeps kinds and ids; scenario names go to props', () => {
    const result = importGeoJsonLayers(JSON.stringify(documentToGeoJson(sampleDocument())), 'Yên Phong.geojson');
    if (!result.ok) throw new Error(result.detail);
    expect(result.layers.map((l) => [l.name, l.geometryType, l.features.length])).toEqual([
      ['Phương án A', 'Mixed', 8],
      ['Phương án B', 'Polygon', 2],
    ]);
    const mapped = applyMapping(result.layers.slice(0, 1), { layers: {} });
    expect(mapped.features).toHaveLength(8);
    const l1 = mapped.features.find((f) => f.id === 'l1');
    expect(l1).toEqual(sampleDocument().scenarios[0].features.find((f) => f.id === 'l1'));
    // A plain FeatureCollection is one layer named after the file.
    const plain = importGeoJsonLayers(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106, 21] } }] }), 'Yên Phong.geojson');
    expect(plain.ok && plain.layers.map((l) => l.name)).toEqual(['Yên Phong']);
  });

  it('honours a legacy crs member (VN-2000 zone) and refuses an unknown one', () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:9209' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [556925.3168, 2339658.1937] } }] };
    const result = importGeoJsonLayers(JSON.stringify(fc), 'p.geojson');
    if (!result.ok) throw new Error(result.detail);
    const [lon, lat] = (result.layers[0].features[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(106.05, 7);
    expect(lat).toBeCloseTo(21.15, 7);
    fc.crs.properties.name = 'EPSG:2154';
    expect(importGeoJsonLayers(JSON.stringify(fc), 'p.geojson')).toMatchObject({ ok: false, reason: 'unsupported_crs' });
    expect(importGeoJsonLayers('{', 'p.geojson')).toMatchObject({ ok: false, reason: 'not_geojson' });
  });
});
