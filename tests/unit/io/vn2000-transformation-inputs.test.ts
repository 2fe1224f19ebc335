import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import type { Position } from 'geojson';
import { importFile } from '../../../shared/io/exchange';
import { describeImportNote } from '../../../shared/io/import-notes';
import type { ImportResult } from '../../../shared/io/imported-layer';
import type { VnTransformationChoice } from '../../../shared/io/crs/vn2000-transformations';
import { distanceM } from '../../../shared/geometry/geodesic';
import { run } from '../../../cli/run';
import { loadSqlJs } from '../../helpers/sqljs';
import { CONTEXT, memoryIo } from '../cli/helpers';

/**
 * The VN-2000 → WGS 84 transformation the user chooses applies to GeoPackage and legacy GeoJSON
 * input in VN-2000 as it does to Shapefile and DXF, and the result says which one ran (issue 13).
 *
 * Fixtures: tests/fixtures/exchange/plots-vn2000-hcm.geojson, written by hand in VN-2000 /
 * TM-3 105°45′ (EPSG:9210, TP Hồ Chí Minh's zone) — a 100 m plot and a feature without
 * geometry — and the GeoPackage GDAL 3.6.2 makes of it:
 *   ogr2ogr -f GPKG plots-vn2000-hcm.gpkg plots-vn2000-hcm.geojson -nln lo_dat
 * The plot lies inside the area of EPSG:5194 (Mekong delta), where PROJ's automatic pick is (1).
 */

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exchange');
const gpkg = new Uint8Array(readFileSync(join(FIXTURES, 'plots-vn2000-hcm.gpkg')));
const geojson = new Uint8Array(readFileSync(join(FIXTURES, 'plots-vn2000-hcm.geojson')));

/**
 * The plot's corners (603600, 1192200) and (603700, 1192300) in WGS 84, by PROJ 9.1.1:
 *   /usr/bin/python3 -c "from pyproj.transformer import TransformerGroup, Transformer
 *   g = TransformerGroup('EPSG:9210', 'EPSG:4326', always_xy=True)   # one per transformation
 *   for t in g.transformers: print(t.description, [t.transform(*p) for p in [(603600, 1192200), (603700, 1192300)]])
 *   print(Transformer.from_crs('EPSG:9210', 'EPSG:4326', always_xy=True).transform(603600, 1192200))"
 * The automatic transformer gives the (1) values. The two land 0.7988 m apart (GeographicLib
 * Geodesic.WGS84.Inverse between the first corners).
 */
const REFERENCE: Record<'EPSG:5194' | 'EPSG:6960', [Position, Position]> = {
  'EPSG:5194': [
    [106.699111034, 10.77923553],
    [106.70002818, 10.780136745],
  ],
  'EPSG:6960': [
    [106.699103741, 10.77923514],
    [106.700020887, 10.780136356],
  ],
};

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await loadSqlJs();
});

/** The first and third corners of the plot's outline. */
function corners(result: ImportResult): [Position, Position] {
  if (!result.ok) throw new Error(result.detail);
  const plot = result.layers[0].features.find((f) => f.geometry?.type === 'Polygon');
  const ring = (plot?.geometry as { coordinates: Position[][] }).coordinates[0];
  return [ring[0], ring[2]];
}

const inputs: [string, Uint8Array][] = [
  ['plots-vn2000-hcm.gpkg', gpkg],
  ['plots-vn2000-hcm.geojson', geojson],
];

describe.each(inputs)('%s in VN-2000 / TM-3 105°45′', (name, bytes) => {
  const cases: [VnTransformationChoice | undefined, 'EPSG:5194' | 'EPSG:6960'][] = [
    [undefined, 'EPSG:5194'],
    ['auto', 'EPSG:5194'],
    ['EPSG:5194', 'EPSG:5194'],
    ['EPSG:6960', 'EPSG:6960'],
  ];
  it.each(cases)('transformation %s: the coordinates PROJ gives with %s, and the result names it', (choice, expected) => {
    const result = importFile(bytes, name, { SQL, transformation: choice });
    expect(result).toMatchObject({ ok: true, crs: 'EPSG:9210', transformations: [expected] });
    const got = corners(result);
    // 1 mm: far below the 0.8 m between the two transformations.
    for (let i = 0; i < 2; i++) expect(distanceM(got[i], REFERENCE[expected][i])).toBeLessThan(0.001);
  });

  it('the two transformations put the plot 0.80 m apart, as PROJ does', () => {
    const a = corners(importFile(bytes, name, { SQL, transformation: 'EPSG:5194' }))[0];
    const b = corners(importFile(bytes, name, { SQL, transformation: 'EPSG:6960' }))[0];
    expect(distanceM(a, b)).toBeCloseTo(0.7988, 3);
  });
});

describe('the GeoPackage made by GDAL: its notes worded in Vietnamese', () => {
  it('the row without geometry is named by its fid, in a sentence', () => {
    const result = importFile(gpkg, 'plots-vn2000-hcm.gpkg', { SQL });
    if (!result.ok) throw new Error(result.detail);
    expect(result.notes).toEqual([{ code: 'no_geometry', layer: 'lo_dat', feature: 2 }]);
    expect(describeImportNote(result.notes[0], 'vi')).toBe('Lớp “lo_dat”, đối tượng 2: không có hình học nên không được nhập.');
  });
});

describe('ecopark convert --transformation on GeoPackage and legacy GeoJSON input', () => {
  for (const [name, bytes] of inputs) {
    it(`${name} --transformation 6960 --lang vi: coordinates by (2), said in Vietnamese`, async () => {
      const { io, err, store } = memoryIo({ [name]: bytes });
      const code = await run(['--lang', 'vi', 'convert', name, 'out.geojson', '--transformation', '6960'], io, CONTEXT);
      expect(code).toBe(0);
      expect(err).toContain('ecopark: phép chuyển đổi VN-2000 → WGS 84 đã dùng: EPSG:6960 "VN-2000 to WGS 84 (2)"');
      // The feature without geometry is reported in Vietnamese, never in English.
      expect(err.filter((l) => /đối tượng 2: không có hình học nên không được nhập\./.test(l))).toHaveLength(1);
      const out = JSON.parse(new TextDecoder().decode(store.get('out.geojson'))) as { features: { geometry: { coordinates: Position[][] } }[] };
      // The writer may start or wind the ring differently: each reference corner is met by some vertex.
      const ring = out.features[0].geometry.coordinates[0];
      for (const corner of REFERENCE['EPSG:6960']) expect(Math.min(...ring.map((p) => distanceM(p, corner)))).toBeLessThan(0.001);
    });
  }
});
