import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMapping, defaultMapping } from '../../../shared/io/apply-mapping';
import { parseCrsCode, type CrsDefinition } from '../../../shared/io/crs/crs';
import { describeImportNote } from '../../../shared/io/import-notes';
import { importDxf } from '../../../shared/io/dxf';
import { exportDxf } from '../../../shared/io/dxf-write';
import { distanceM } from '../../../shared/geometry/geodesic';
import { gdal, ogrLayers, positions, sampleExport, tempDir } from './exchange-helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exchange');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const dir = tempDir('ecopark-dxf-');
const crs = (code: string): CrsDefinition => parseCrsCode(code) ?? (() => { throw new Error(code); })();
const VN_105_30 = '+proj=tmerc +lat_0=0 +lon_0=105.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';

describe('DXF import (fixtures by scripts/make-dxf-fixtures.ts)', () => {
  it('reads AutoCAD-style LWPOLYLINE, LINE, INSERT and POINT by layer, in VN-2000 105°30′', () => {
    const result = importDxf(fixture('plots-vn2000-105-30.dxf'), { crs: 'VN2000:105.5' });
    if (!result.ok) throw new Error(result.detail);
    expect(result.layers.map((l) => [l.name, l.geometryType, l.features.length])).toEqual([
      ['RANH_GIOI', 'Polygon', 1],
      ['LO_CN', 'Polygon', 2],
      ['CAY_XANH', 'Polygon', 1],
      ['DUONG', 'LineString', 2],
      ['TIEN_ICH', 'Point', 2],
    ]);
    // The notes are data, worded in the reader's language by the one function the UI and the CLI use.
    expect(result.notes).toEqual([{ code: 'dxf_ignored_entities', entities: [{ type: 'TEXT', count: 1 }, { type: 'CIRCLE', count: 1 }] }]);
    expect(result.notes.map((n) => describeImportNote(n, 'vi'))).toEqual([
      'Không đọc các đối tượng loại khác (1 TEXT, 1 CIRCLE): chỉ nhập đường đa tuyến (polyline), đoạn thẳng (line), điểm (point) và khối chèn (block insert).',
    ]);
    expect(describeImportNote(result.notes[0], 'en')).toBe('Entities of other types were not read (1 TEXT, 1 CIRCLE): only polylines, lines, points and block inserts are imported.');
    const insert = result.layers[4].features[0];
    expect(insert.properties).toEqual({ layer: 'TIEN_ICH', entity: 'INSERT', handle: '1A6', block: 'TRAM_BIEN_AP', rotationDeg: 90 });
    // The POINT sits on the PROJ reference corner: 556925.3168 E, 2339658.1937 N = 106.05° E, 21.15° N.
    const corner = (result.layers[4].features[1].geometry as { coordinates: number[] }).coordinates;
    expect(distanceM(corner, [106.05, 21.15])).toBeLessThan(0.001);
  });

  it('maps layers to kinds and land uses; the Vietnamese layer names are guessed, DXF properties kept in props', () => {
    const result = importDxf(fixture('plots-vn2000-105-30.dxf'), { crs: 'VN2000:105.5' });
    if (!result.ok) throw new Error(result.detail);
    const mapping = defaultMapping(result.layers);
    expect(mapping.layers).toMatchObject({ RANH_GIOI: { kind: 'boundary' }, CAY_XANH: { kind: 'landuse', landUse: 'green' } });
    mapping.layers.LO_CN = { kind: 'landuse', landUse: 'industrial' };
    const { features } = applyMapping(result.layers, mapping);
    expect(features.map((f) => (f.kind === 'landuse' ? f.landUse : f.kind))).toEqual(['boundary', 'industrial', 'industrial', 'green', 'road', 'road', 'point', 'point']);
    expect(features[1].props).toMatchObject({ layer: 'LO_CN', entity: 'LWPOLYLINE', handle: '1A1' });
  });

  it('stops for the CRS when coordinates are metres, and refuses lines-only drawings when polygons are asked for', () => {
    const noCrs = importDxf(fixture('plots-vn2000-105-30.dxf'), { province: 'Bắc Ninh' });
    expect(noCrs).toMatchObject({ ok: false, reason: 'crs_required', guess: 'EPSG:9209' });
    const lines = importDxf(fixture('lines-only.dxf'), { crs: 'VN2000:105.5', requirePolygons: true });
    expect(lines).toMatchObject({ ok: false, reason: 'no_closed_polylines' });
    if (!lines.ok) expect(lines.detail).toContain('no closed polylines');
    expect(importDxf(fixture('lines-only.dxf'), { crs: 'VN2000:105.5' }).ok).toBe(true);
    expect(importDxf(fixture('not-a-dxf.dxf'))).toMatchObject({ ok: false, reason: 'invalid_dxf' });
  });
});

describe('DXF export', () => {
  it('one layer per land use; GDAL reads the layers and counts, and ogr2ogr from VN-2000 gives WGS 84 within 1 cm', () => {
    const input = sampleExport();
    const { text, counts } = exportDxf(input, crs('VN2000:105.5'));
    expect(counts).toEqual({ BOUNDARY: 1, INDUSTRIAL: 2, GREEN: 2, BUILDING: 3, ROAD: 3, POINT: 1 });
    const file = join(dir, 'park.dxf');
    writeFileSync(file, text);
    expect(ogrLayers(file)).toEqual({ entities: 12 });
    const out = join(dir, 'park.geojson');
    gdal('ogr2ogr', ['-f', 'GeoJSON', '-s_srs', VN_105_30, '-t_srs', 'EPSG:4326', out, file]);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { Layer: string }; geometry: { type: string; coordinates: unknown } }[] };
    const byLayer = new Map<string, number>();
    for (const f of json.features) byLayer.set(f.properties.Layer, (byLayer.get(f.properties.Layer) ?? 0) + 1);
    expect(Object.fromEntries(byLayer)).toEqual(counts);
    const point = json.features.find((f) => f.properties.Layer === 'POINT');
    expect(distanceM(point?.geometry.coordinates as number[], [105.9512345678901, 21.1987654321098])).toBeLessThan(0.01);
    const boundary = json.features.find((f) => f.properties.Layer === 'BOUNDARY');
    const want = positions(input.features[0].geometry);
    const got = positions(boundary?.geometry ?? { coordinates: [] });
    // GDAL closes the ring it reads; every vertex within 1 cm.
    for (const p of want) expect(Math.min(...got.map((q) => distanceM(p, q)))).toBeLessThan(0.01);
  });

  it('round trips through our reader in VN-2000 and in WGS 84: every vertex within 1 cm, land uses back from the layers', () => {
    const input = sampleExport();
    for (const code of ['VN2000:105.5', 'EPSG:4326']) {
      const result = importDxf(new TextEncoder().encode(exportDxf(input, crs(code)).text), { crs: code });
      if (!result.ok) throw new Error(result.detail);
      const { features } = applyMapping(result.layers, defaultMapping(result.layers));
      expect(features.map((f) => (f.kind === 'landuse' ? f.landUse : f.kind)).sort()).toEqual(
        ['boundary', 'industrial', 'industrial', 'green', 'green', 'building', 'building', 'building', 'road', 'road', 'road', 'point'].sort(),
      );
      const all = features.flatMap((f) => positions(f.geometry));
      for (const p of input.features.flatMap((f) => positions(f.geometry))) expect(Math.min(...all.map((q) => distanceM(p, q)))).toBeLessThan(0.01);
    }
  });
});
