import { describe, expect, it } from 'vitest';
import { fromWgs84, parseCrsCode, toWgs84, transformationsUsed, withTransformation, type CrsDefinition } from '../../../shared/io/crs/crs';
import { crsFromWkt, crsToWkt } from '../../../shared/io/crs/crs-wkt';
import { parseVnTransformation, vnTransformationAt, type VnTransformationChoice } from '../../../shared/io/crs/vn2000-transformations';
import { distanceM } from '../../../shared/geometry/geodesic';

/**
 * Reference values from PROJ 9.1.1 through Debian python3-pyproj 3.4.1 (/usr/bin/python3), frozen
 * with repr(). The transformations by name:
 *   g = TransformerGroup('EPSG:4756', 'EPSG:4326', always_xy=True)   # g.transformers[0] is (2), [1] is (1)
 *   g.transformers[1].transform(lon, lat)   # "VN-2000 to WGS 84 (1)", EPSG:5194
 *   g.transformers[0].transform(lon, lat)   # "VN-2000 to WGS 84 (2)", EPSG:6960
 * and PROJ's own pick, what QGIS and GDAL do: Transformer.from_crs('EPSG:4756', 'EPSG:4326', always_xy=True).transform(lon, lat)
 */
const HCMC_VN: [number, number] = [106.7009, 10.7769];
const HCMC_WGS_1: [number, number] = [106.70269351902358, 10.775881879867427];
const HCMC_WGS_2: [number, number] = [106.7026862253309, 10.775881489924764];
const HANOI_VN: [number, number] = [105.8542, 21.0285];
const HANOI_WGS_1: [number, number] = [105.85608926433727, 21.0275139172941];
const HANOI_WGS_2: [number, number] = [105.85608264342153, 21.02751398205139];

function crs(code: string, transformation?: VnTransformationChoice): CrsDefinition {
  const def = parseCrsCode(code);
  if (!def) throw new Error(`no CRS ${code}`);
  return withTransformation(def, transformation);
}

describe('VN-2000 → WGS 84: the two EPSG transformations and PROJ’s automatic choice', () => {
  it('in TP Hồ Chí Minh (1) and (2) land 0.80 m apart (pyproj Geod(ellps="WGS84").inv between them: 0.7988712223194179 m), ours within 0.01 m of each', () => {
    const one = toWgs84(crs('EPSG:4756', 'EPSG:5194'), ...HCMC_VN);
    const two = toWgs84(crs('EPSG:4756', 'EPSG:6960'), ...HCMC_VN);
    expect(distanceM(one, HCMC_WGS_1)).toBeLessThan(0.01);
    expect(distanceM(two, HCMC_WGS_2)).toBeLessThan(0.01);
    expect(distanceM(one, two)).toBeCloseTo(0.7989, 2);
  });

  it('automatic = PROJ: (1) in TP Hồ Chí Minh (from_crs gives 106.70269351902358, 10.775881879867427), (2) in Hà Nội (105.85608264342153, 21.02751398205139)', () => {
    expect(distanceM(toWgs84(crs('EPSG:4756'), ...HCMC_VN), HCMC_WGS_1)).toBeLessThan(0.01);
    expect(distanceM(toWgs84(crs('EPSG:4756', 'auto'), ...HANOI_VN), HANOI_WGS_2)).toBeLessThan(0.01);
    // An explicit (1) outside its area is still honoured, as PROJ runs a named pipeline anywhere.
    expect(distanceM(toWgs84(crs('EPSG:4756', 'EPSG:5194'), ...HANOI_VN), HANOI_WGS_1)).toBeLessThan(0.01);
  });

  it('the switch is at the edge of EPSG extent 3770 (104.24–107.11° E, 9.35–11.04° N): pyproj from_crs equals (1) at 107.10, 11.03 and (2) at 107.12, 11.03 and 106.7, 11.05', () => {
    expect(vnTransformationAt('auto', 107.1, 11.03).code).toBe('EPSG:5194');
    expect(vnTransformationAt('auto', 107.12, 11.03).code).toBe('EPSG:6960');
    expect(vnTransformationAt('auto', 106.7, 11.05).code).toBe('EPSG:6960');
  });

  it('projected, backwards: WGS 84 106.7, 10.8 → VN-2000 TM-3 105°45′ (EPSG:9210) with each transformation, within 0.01 m of pyproj', () => {
    // TransformerGroup('EPSG:4326', 'EPSG:9210', always_xy=True): "Inverse of VN-2000 to WGS 84 (1)" pipeline
    //   → (603690.0964892113, 1194497.1893037385), "(2)" → (603690.8937822826, 1194497.2348152327);
    // Transformer.from_crs('EPSG:4326', 'EPSG:9210', always_xy=True) gives the (1) value.
    const cases: [VnTransformationChoice, [number, number]][] = [
      ['EPSG:5194', [603690.0964892113, 1194497.1893037385]],
      ['EPSG:6960', [603690.8937822826, 1194497.2348152327]],
      ['auto', [603690.0964892113, 1194497.1893037385]],
    ];
    for (const [choice, ref] of cases) {
      const [e, n] = fromWgs84(crs('EPSG:9210', choice), 106.7, 10.8);
      expect(Math.hypot(e - ref[0], n - ref[1])).toBeLessThan(0.01);
    }
  });

  it('says which transformations an import ran over an extent', () => {
    const codes = (c: CrsDefinition, box: number[]) => transformationsUsed(c, box).map((t) => t.code);
    expect(codes(crs('EPSG:9210'), [106.6, 10.7, 106.8, 10.9])).toEqual(['EPSG:5194']);
    expect(codes(crs('EPSG:9209'), [105.8, 21.0, 105.9, 21.1])).toEqual(['EPSG:6960']);
    // A park across 11.04° N runs both, as PROJ switches per point.
    expect(codes(crs('EPSG:9210'), [106.6, 11.0, 106.8, 11.1])).toEqual(['EPSG:5194', 'EPSG:6960']);
    expect(codes(crs('EPSG:9210', 'EPSG:6960'), [106.6, 10.7, 106.8, 10.9])).toEqual(['EPSG:6960']);
    expect(codes(crs('EPSG:32648'), [106.6, 10.7, 106.8, 10.9])).toEqual([]);
  });
});

describe('the transformation in WKT 1, where GDAL and QGIS read it', () => {
  it('writes the chosen transformation as TOWGS84 (position-vector: EPSG coordinate-frame rotations negated) and reads it back', () => {
    // EPSG:5194 rotations 0.00205, 0.0005, -0.00335″ (coordinate frame) → -0.00205, -0.0005, 0.00335 in TOWGS84.
    const one = crsToWkt(crs('EPSG:9210', 'EPSG:5194'));
    expect(one).toContain('TOWGS84[-192.873,-39.382,-111.202,-0.00205,-0.0005,0.00335,0.0188]');
    expect(crsFromWkt(one)).toMatchObject({ code: 'EPSG:9210', transformation: 'EPSG:5194' });
    const two = crsToWkt(crs('EPSG:4756', 'EPSG:6960'));
    expect(two).toContain('TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]');
    expect(crsFromWkt(two)).toMatchObject({ code: 'EPSG:4756', transformation: 'EPSG:6960' });
  });

  it('a TOWGS84 that is neither transformation leaves the choice automatic', () => {
    const wkt = crsToWkt(crs('EPSG:9210', 'EPSG:6960')).replace('-191.90441429', '-191');
    expect(crsFromWkt(wkt)?.transformation).toBeUndefined();
  });

  it('parses the choice a user types', () => {
    expect(parseVnTransformation('auto')).toBe('auto');
    expect(parseVnTransformation('epsg:5194')).toBe('EPSG:5194');
    expect(parseVnTransformation('6960')).toBe('EPSG:6960');
    expect(parseVnTransformation('EPSG:6959')).toBeUndefined();
  });
});
