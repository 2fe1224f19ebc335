import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromArrayBuffer } from 'geotiff';
import { georeferenceGeoTiff, type GeoTiffTags } from '../../../shared/overlay';
import { utmToLonLat } from '../../../shared/io/crs/transverse-mercator';
import { webMercatorToLonLat } from '../../../shared/io/crs/web-mercator';

/** Tags of a fixture made by GDAL (tests/fixtures/overlay/make-fixtures.sh), read with `geotiff`. */
async function tagsOf(name: string): Promise<GeoTiffTags> {
  const bytes = readFileSync(new URL(`../../fixtures/overlay/${name}`, import.meta.url));
  const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const image = await tiff.getImage();
  const directory = image.getFileDirectory();
  return {
    widthPx: image.getWidth(),
    heightPx: image.getHeight(),
    geoKeys: image.getGeoKeys(),
    tiepoint: directory.getValue('ModelTiepoint') as number[] | undefined,
    pixelScale: directory.getValue('ModelPixelScale') as number[] | undefined,
    transformation: directory.getValue('ModelTransformation') as number[] | undefined,
  };
}

// Expected lon/lat from PROJ: `echo E N | gdaltransform -output_xy -s_srs EPSG:326zz -t_srs EPSG:4326`
// (GDAL 3.6.2), for the corners GDAL was given with -a_ullr.
const UTM48N_CORNERS = [
  [105.846894967303, 21.0326993359842],
  [105.847279887749, 21.0326974182785],
  [105.847278355465, 21.032426379645],
  [105.846893435714, 21.0324282973238],
];
const UTM49N_CORNERS = [
  [108.598490562546, 20.7830743201609],
  [108.598874549609, 20.7830796936141],
  [108.598878834565, 20.7828088565061],
  [108.598494848186, 20.7828034831293],
];

/** 1e-8° is about 1 mm on the ground; gdaltransform prints 12 decimals. */
function expectCorners(actual: number[][], expected: number[][]) {
  actual.forEach((corner, i) => {
    expect(Math.abs(corner[0] - expected[i][0])).toBeLessThan(1e-8);
    expect(Math.abs(corner[1] - expected[i][1])).toBeLessThan(1e-8);
  });
}

describe('UTM inverse (the one Transverse Mercator, shared/io/crs)', () => {
  it('matches PROJ at a point near Hanoi (zone 48N) and one in zone 49N', () => {
    const [lon, lat] = utmToLonLat(48, true, 588000, 2326000);
    expect(Math.abs(lon - 105.846894967303)).toBeLessThan(1e-9);
    expect(Math.abs(lat - 21.0326993359842)).toBeLessThan(1e-9);
    const [lon49, lat49] = utmToLonLat(49, true, 250040, 2299970);
    expect(Math.abs(lon49 - 108.598878834565)).toBeLessThan(1e-9);
    expect(Math.abs(lat49 - 20.7828088565061)).toBeLessThan(1e-9);
  });

  it('puts the false easting on the central meridian and the southern false northing on the equator', () => {
    expect(utmToLonLat(48, true, 500000, 0)).toEqual([105, 0]);
    const [lon, lat] = utmToLonLat(48, false, 500000, 10000000);
    expect(lon).toBe(105);
    expect(Math.abs(lat)).toBeLessThan(1e-12);
  });

  it('inverts Web Mercator: x = R·λ, y = R·ln tan(π/4 + φ/2)', () => {
    const R = 6378137;
    const [lon, lat] = webMercatorToLonLat((R * 106 * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (21 * Math.PI) / 360)));
    expect(lon).toBeCloseTo(106, 12);
    expect(lat).toBeCloseTo(21, 12);
  });
});

describe('GeoTIFF georeference from its tags', () => {
  it('reads a UTM 48N (EPSG:32648) pixel-is-area file written by GDAL', async () => {
    const result = georeferenceGeoTiff(await tagsOf('utm48n-rgb.tif'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.epsg).toBe(32648);
    expectCorners(result.corners, UTM48N_CORNERS);
  });

  it('moves a pixel-is-point tie point (first pixel centre) out to the image edge, UTM 49N', async () => {
    const tags = await tagsOf('utm49n-grey-point.tif');
    expect(Array.from(tags.tiepoint!).slice(3, 5)).toEqual([250005, 2299995]);
    const result = georeferenceGeoTiff(tags);
    if (!result.ok) throw new Error(result.reason);
    expect(result.epsg).toBe(32649);
    expectCorners(result.corners, UTM49N_CORNERS);
  });

  it('takes EPSG:4326 coordinates as they are', async () => {
    const result = georeferenceGeoTiff(await tagsOf('wgs84-grey.tif'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.epsg).toBe(4326);
    expectCorners(result.corners, [
      [106.0, 21.2],
      [106.004, 21.2],
      [106.004, 21.197],
      [106.0, 21.197],
    ]);
  });

  it('reads VN-2000 / UTM 48N (EPSG:3405) with the datum shift to WGS 84', async () => {
    // gdaltransform -s_srs EPSG:3405 -t_srs EPSG:4326 (PROJ: "VN-2000 to WGS 84 (2)", EPSG:6960).
    const result = georeferenceGeoTiff(await tagsOf('vn2000-grey.tif'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.epsg).toBe(3405);
    // 1e-8° ≈ 1 mm; the Helmert round of PROJ and ours differ by well under that.
    expectCorners(result.corners, [
      [105.848777681744, 21.0317134174539],
      [105.849162601225, 21.0317114954457],
      [105.849161065514, 21.0314404556715],
      [105.848776146729, 21.0314423776527],
    ]);
  });

  it('refuses a CRS it cannot convert and a TIFF without georeferencing', () => {
    // EPSG:2056 (Swiss LV95): projected, not one we convert.
    const tags = { widthPx: 4, heightPx: 3, tiepoint: [0, 0, 0, 2600000, 1200000, 0], pixelScale: [1, 1, 0] };
    expect(georeferenceGeoTiff({ ...tags, geoKeys: { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2056 } })).toEqual({ ok: false, reason: 'unsupported_crs', epsg: 2056 });
    expect(georeferenceGeoTiff({ widthPx: 4, heightPx: 3, geoKeys: null })).toEqual({ ok: false, reason: 'no_georeference' });
  });

  it('converts a UTM zone the CRS module does not list (48S) with its own inverse', () => {
    const south = georeferenceGeoTiff({ widthPx: 1, heightPx: 1, geoKeys: { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32748 }, tiepoint: [0, 0, 0, 500000, 10000000, 0], pixelScale: [1, 1, 0] });
    if (!south.ok) throw new Error(south.reason);
    expect(south.corners[0][0]).toBe(105);
    expect(Math.abs(south.corners[0][1])).toBeLessThan(1e-12);
  });

  it('applies a rotating ModelTransformation', () => {
    // x = 2·i − 1·j + 106, y = 1·i + 2·j + 21 (degrees; rotated and scaled, hand-made).
    const m = [2, -1, 0, 106, 1, 2, 0, 21, 0, 0, 0, 0, 0, 0, 0, 1].map((v, i) => (i === 3 || i === 7 ? v : v * 0.001));
    const result = georeferenceGeoTiff({ widthPx: 10, heightPx: 5, geoKeys: { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 }, transformation: m });
    if (!result.ok) throw new Error(result.reason);
    expectCorners(result.corners, [
      [106, 21],
      [106.02, 21.01],
      [106.015, 21.02],
      [105.995, 21.01],
    ]);
  });
});
