import { describe, expect, it } from 'vitest';
import { crsChoices, fromWgs84, guessCrsFromCoordinates, parseCrsCode, provinceCrs, toWgs84, withTransformation, type CrsDefinition } from '../../../shared/io/crs/crs';
import { crsFromWkt, crsToWkt } from '../../../shared/io/crs/crs-wkt';
import { tmForward, tmInverse } from '../../../shared/io/crs/transverse-mercator';
import { VN2000_ZONES } from '../../../shared/io/crs/vn2000-zones';
import { distanceM } from '../../../shared/geometry/geodesic';

const VN = '+ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs';

/**
 * Reference coordinates computed independently with PROJ 9 (Debian proj-bin), frozen here:
 *   echo "LON LAT" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to +proj=tmerc +lat_0=0 +lon_0=M +k=0.9999 +x_0=500000 +y_0=0 $VN
 * (and +proj=utm +zone=Z for UTM). The first one agrees with
 *   echo "556925.3168 2339658.1937" | gdaltransform -s_srs EPSG:9209 -t_srs EPSG:4326
 * which uses the EPSG:6960 transformation from the PROJ database.
 */
const REFERENCE: { name: string; crs: string; lonLat: [number, number]; en: [number, number]; proj: string }[] = [
  { name: 'Bắc Ninh, VN-2000 105°30′', crs: 'VN2000:105.5', lonLat: [106.05, 21.15], en: [556925.3168, 2339658.1937], proj: `+proj=tmerc +lon_0=105.5 +k=0.9999 +x_0=500000 ${VN}` },
  { name: 'Hồ Chí Minh, VN-2000 105°45′', crs: 'EPSG:9210', lonLat: [106.7, 10.8], en: [603690.8938, 1194497.2348], proj: `+proj=tmerc +lon_0=105.75 +k=0.9999 +x_0=500000 ${VN}` },
  { name: 'Đà Nẵng, VN-2000 107°45′', crs: 'EPSG:5899', lonLat: [108.2, 16.05], en: [547953.9621, 1775163.7841], proj: `+proj=tmerc +lon_0=107.75 +k=0.9999 +x_0=500000 ${VN}` },
  { name: 'Hà Nội, VN-2000 105°00′', crs: 'VN2000:105', lonLat: [105.85, 21.03], en: [588154.4766, 2326509.0539], proj: `+proj=tmerc +lon_0=105 +k=0.9999 +x_0=500000 ${VN}` },
  { name: 'UTM 48N on WGS 84', crs: 'EPSG:32648', lonLat: [105.8, 21.0], en: [583145.072, 2322355.6668], proj: '+proj=utm +zone=48 +datum=WGS84' },
  { name: 'UTM 49N on WGS 84', crs: 'EPSG:32649', lonLat: [108.2, 16.05], en: [200396.497, 1776491.2713], proj: '+proj=utm +zone=49 +datum=WGS84' },
  { name: 'UTM 48N on VN-2000', crs: 'EPSG:3405', lonLat: [105.8, 21.0], en: [582948.875, 2322463.7655], proj: `+proj=utm +zone=48 ${VN}` },
];

function crs(code: string): CrsDefinition {
  const def = parseCrsCode(code);
  if (!def) throw new Error(`no CRS ${code}`);
  return def;
}

describe('CRS transformations against PROJ', () => {
  for (const ref of REFERENCE) {
    it(`${ref.name}: WGS 84 → ${ref.crs} within 1 mm, and back within 1 mm`, () => {
      // $VN is the +towgs84 of EPSG:6960, named here: in Hồ Chí Minh PROJ's automatic pick is EPSG:5194 (crs-transformations.test.ts).
      const def = withTransformation(crs(ref.crs), 'EPSG:6960');
      const [e, n] = fromWgs84(def, ...ref.lonLat);
      expect(Math.abs(e - ref.en[0])).toBeLessThan(0.001);
      expect(Math.abs(n - ref.en[1])).toBeLessThan(0.001);
      const back = toWgs84(def, ...ref.en);
      expect(distanceM(back, ref.lonLat)).toBeLessThan(0.001);
    });
  }

  it('VN-2000 geographic differs from WGS 84 by the expected ~200 m shift (cs2cs: 105.798117575, 21.000985507)', () => {
    const [lon, lat] = fromWgs84(crs('EPSG:4756'), 105.8, 21.0);
    expect(lon).toBeCloseTo(105.798117575, 8);
    expect(lat).toBeCloseTo(21.000985507, 8);
  });

  it('round trips WGS 84 → every VN-2000 zone → WGS 84 within 2 mm at the zone edges (each direction drops a height of metres: ≤ 1 mm)', () => {
    for (const def of crsChoices().filter((c) => c.tm)) {
      const lon0 = def.tm?.lon0Deg ?? 0;
      for (const [lon, lat] of [[lon0 - 1.5, 8.5], [lon0 + 1.5, 23.4], [lon0, 16]] as [number, number][]) {
        const back = toWgs84(def, ...fromWgs84(def, lon, lat));
        expect(distanceM(back, [lon, lat])).toBeLessThan(2e-3);
      }
    }
  });

  it('TM series: forward within 5 nm of PROJ, and inverse of forward exact to 1e-9 m, at 3° from the meridian', () => {
    // PROJ 9.1 through Debian python3-pyproj (/usr/bin/python3), frozen with repr():
    //   Transformer.from_pipeline("+proj=tmerc +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84").transform(108, 20)
    // PROJ's own forward(inverse(forward)) there returns the same metres exactly (difference 0.0).
    const PROJ_EN = [814020.5360159373, 2214958.5803559953];
    const p = { lon0Deg: 105, k0: 0.9999, falseEastingM: 500000, falseNorthingM: 0 };
    const [e, n] = tmForward(p, 108, 20);
    expect(Math.abs(e - PROJ_EN[0])).toBeLessThan(5e-9);
    expect(Math.abs(n - PROJ_EN[1])).toBeLessThan(5e-9);
    const [lon, lat] = tmInverse(p, e, n);
    const [e2, n2] = tmForward(p, lon, lat);
    expect(Math.abs(e2 - e) + Math.abs(n2 - n)).toBeLessThan(1e-9);
  });
});

describe('CRS codes and guesses', () => {
  it('parses EPSG and VN2000 codes and refuses unknown ones', () => {
    expect(crs('epsg:4326').tm).toBeNull();
    expect(crs('VN2000:105.5').code).toBe('EPSG:9209');
    expect(crs('VN2000:104.25').code).toBe('VN2000:104.25');
    expect(crs('EPSG:5897').tm?.lon0Deg).toBe(105);
    expect(parseCrsCode('EPSG:2154')).toBeUndefined();
    expect(parseCrsCode('VN2000:105.3')).toBeUndefined();
  });

  it('the zone table covers 63 former provinces in 34 current ones; Bắc Ninh is 105°30′, Bình Dương 105°45′', () => {
    expect(VN2000_ZONES).toHaveLength(63);
    expect(new Set(VN2000_ZONES.map((z) => z.province)).size).toBe(34);
    expect(provinceCrs('Bắc Ninh')?.tm?.lon0Deg).toBe(105.5);
    expect(provinceCrs('Bình Dương')?.tm?.lon0Deg).toBe(105.75);
    expect(provinceCrs('tỉnh Đồng Nai')?.tm?.lon0Deg).toBe(107.75);
    expect(provinceCrs('Thành phố Hải Phòng')?.tm?.lon0Deg).toBe(105.75);
  });

  it('guesses lon/lat, then the province zone for metres, and nothing for foreign ranges', () => {
    expect(guessCrsFromCoordinates([105.9, 21.1, 106, 21.2])).toBe('EPSG:4326');
    expect(guessCrsFromCoordinates([550000, 2330000, 560000, 2340000], 'Bình Dương')).toBe('EPSG:9210');
    expect(guessCrsFromCoordinates([550000, 2330000, 560000, 2340000])).toBe('EPSG:9209');
    expect(guessCrsFromCoordinates([3e6, 5e6, 3.1e6, 5.1e6])).toBeUndefined();
  });

  it('writes .prj WKT that it reads back, and reads GDAL-style and ESRI-style WKT', () => {
    for (const code of ['EPSG:4326', 'EPSG:32648', 'EPSG:3406', 'VN2000:105.5', 'VN2000:104.25']) {
      expect(crsFromWkt(crsToWkt(crs(code)))?.code).toBe(crs(code).code);
    }
    const esriUtm = 'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromWkt(esriUtm)?.code).toBe('EPSG:32648');
    expect(crsFromWkt('PROJCS["x",GEOGCS["y",DATUM["z",SPHEROID["Bessel",6377397,299.15]]],PROJECTION["Lambert_Conformal_Conic"]]')).toBeUndefined();
  });
});
