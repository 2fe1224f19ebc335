import { describe, expect, it } from 'vitest';
import { GAZETTEER, parseCoordinates, resolveGoTo, searchPlaces } from '../../../shared/geo/go-to';

/**
 * VN-2000 references computed independently with GDAL/PROJ (Debian gdal-bin), which picks the
 * EPSG transformation from the PROJ database as the app's 'auto' choice does:
 *   echo "556925.3168 2339658.1937" | gdaltransform -s_srs EPSG:9209 -t_srs EPSG:4326 -output_xy
 *   → 106.050000007028 21.1499999963527   (Bắc Ninh, zone 105°30′)
 *   echo "588154.4766 2326509.0539" | gdaltransform -s_srs EPSG:5897 -t_srs EPSG:4326 -output_xy
 *   → 105.850000007028 21.0299999958071   (Hà Nội, zone 105°00′)
 */
const BAC_NINH: [number, number] = [106.050000007028, 21.1499999963527];
const HA_NOI: [number, number] = [105.850000007028, 21.0299999958071];

/** 1e-7° is about 1 cm. */
function expectNear(actual: [number, number] | undefined, expected: [number, number], tolDeg = 1e-7): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual![0] - expected[0])).toBeLessThan(tolDeg);
  expect(Math.abs(actual![1] - expected[1])).toBeLessThan(tolDeg);
}

describe('parseCoordinates', () => {
  it('reads decimal latitude, longitude (and a longitude-first slip)', () => {
    expect(parseCoordinates('21.0285, 105.8542')).toEqual([105.8542, 21.0285]);
    expect(parseCoordinates(' 21.0285 105.8542 ')).toEqual([105.8542, 21.0285]);
    expect(parseCoordinates('105.8542, 21.0285')).toEqual([105.8542, 21.0285]);
  });

  it('reads degrees, minutes, seconds with prime marks or ASCII quotes', () => {
    // By hand: 21 + 1/60 + 42/3600 = 21.028333…; 105 + 51/60 + 15/3600 = 105.854166…
    const expected: [number, number] = [105 + 51 / 60 + 15 / 3600, 21 + 1 / 60 + 42 / 3600];
    expectNear(parseCoordinates('21°01′42″N 105°51′15″E'), expected, 1e-12);
    expectNear(parseCoordinates(`21°01'42"N, 105°51'15"E`), expected, 1e-12);
    expectNear(parseCoordinates('105°51′15″E 21°01′42″N'), expected, 1e-12);
    // Southern and western hemispheres are negative: -(10 + 30/60) = -10.5.
    expectNear(parseCoordinates('10°30′S 20°30′W'), [-20.5, -10.5], 1e-12);
  });

  it('reads VN-2000 "X Y zone" (X = northing) against PROJ', () => {
    expectNear(parseCoordinates('2339658.1937 556925.3168 105°30′'), BAC_NINH);
    expectNear(parseCoordinates('2339658.1937, 556925.3168, 105.5'), BAC_NINH);
    expectNear(parseCoordinates('556925.3168 2339658.1937 EPSG:9209'), BAC_NINH);
    expectNear(parseCoordinates('2326509.0539 588154.4766 múi 105'), HA_NOI);
  });

  it('refuses text that is not a position', () => {
    expect(parseCoordinates('Hà Nội')).toBeUndefined();
    expect(parseCoordinates('2339658 556925')).toBeUndefined(); // no zone: ambiguous by ~100 km
    expect(parseCoordinates('2339658 556925 999')).toBeUndefined(); // not a zone meridian
    expect(parseCoordinates('95.5, 200.1')).toBeUndefined();
    expect(parseCoordinates('1'.repeat(10000))).toBeUndefined();
  });
});

describe('gazetteer search', () => {
  it('holds the 34 provinces of 2025 and the 63 before', () => {
    expect(GAZETTEER.filter((p) => p.kind === 'province')).toHaveLength(34);
    expect(GAZETTEER.filter((p) => p.kind === 'former-province')).toHaveLength(63);
  });

  it('finds names with or without diacritics, current provinces first', () => {
    expect(searchPlaces('Bắc Ninh')[0]).toMatchObject({ name: 'Bắc Ninh', kind: 'province' });
    expect(searchPlaces('bac ninh')[0]).toMatchObject({ name: 'Bắc Ninh', kind: 'province' });
    expect(searchPlaces('Thành phố Hồ Chí Minh')[0]).toMatchObject({ kind: 'province', province: 'Hồ Chí Minh' });
    expect(searchPlaces('da nang')[0].name).toBe('Đà Nẵng');
  });

  it('finds a former province and names the province it merged into', () => {
    // Resolution 202/2025/QH15: Hà Giang merged into Tuyên Quang, Bắc Giang into Bắc Ninh.
    expect(searchPlaces('Ha Giang').find((p) => p.kind === 'former-province')).toMatchObject({ name: 'Hà Giang', province: 'Tuyên Quang' });
    expect(searchPlaces('bắc giang').find((p) => p.kind === 'former-province')).toMatchObject({ name: 'Bắc Giang', province: 'Bắc Ninh' });
  });

  it('matches prefixes and ignores one-letter queries', () => {
    expect(searchPlaces('hai ph').map((p) => p.name)).toContain('Hải Phòng');
    expect(searchPlaces('h')).toEqual([]);
  });

  it('resolves Enter: coordinates first, else the best place at a province zoom', () => {
    expect(resolveGoTo('21.0285, 105.8542')).toEqual({ lon: 105.8542, lat: 21.0285, zoom: 16 });
    expect(resolveGoTo('quang ninh')).toMatchObject({ zoom: 9, place: { name: 'Quảng Ninh', kind: 'province' } });
    expect(resolveGoTo('nowhere-at-all')).toBeUndefined();
  });
});
