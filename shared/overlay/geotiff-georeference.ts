import { parseCrsCode, toWgs84 } from '../io/crs/crs';
import type { LonLat, OverlayCorners } from './overlay-model';
import { utmToLonLat } from '../io/crs/transverse-mercator';
import { webMercatorToLonLat } from '../io/crs/web-mercator';

/**
 * Corners of a GeoTIFF from its georeferencing tags (GeoTIFF 1.1, OGC 19-008r4): the affine
 * pixel → model transform from ModelTransformation or ModelTiepoint + ModelPixelScale, and the
 * coordinate system from the geo keys. The TIFF itself is decoded elsewhere (renderer, with
 * the `geotiff` package); this part is pure so it is tested against GDAL's own numbers.
 */

/** The tags read from the file, as the `geotiff` package returns them. */
export interface GeoTiffTags {
  widthPx: number;
  heightPx: number;
  /** GeoKeyDirectory decoded to names (GTModelTypeGeoKey, ProjectedCSTypeGeoKey, ...). */
  geoKeys: Record<string, unknown> | null;
  /** ModelTiepoint: (I, J, K, X, Y, Z) × n; the first tie point is used. */
  tiepoint?: ArrayLike<number>;
  /** ModelPixelScale: (ScaleX, ScaleY, ScaleZ); ScaleY positive means rows run south. */
  pixelScale?: ArrayLike<number>;
  /** ModelTransformation: a row-major 4×4 matrix. */
  transformation?: ArrayLike<number>;
}

export const GEOTIFF_FAILURES = ['no_georeference', 'unsupported_crs'] as const;
export type GeoTiffFailure = (typeof GEOTIFF_FAILURES)[number];

export type GeoTiffGeoreference =
  | { ok: true; corners: OverlayCorners; epsg: number }
  | { ok: false; reason: GeoTiffFailure; epsg?: number };

const MODEL_TYPE_PROJECTED = 1;
const MODEL_TYPE_GEOGRAPHIC = 2;
const RASTER_PIXEL_IS_POINT = 2;
const EPSG_WGS84 = 4326;
const EPSG_WEB_MERCATOR = 3857;

/**
 * Model coordinates → WGS 84 lon/lat for the CRSs we support; null for any other. The project's
 * CRS module (shared/io/crs) comes first: it has VN-2000 (UTM and the provincial TM-3 zones,
 * with the EPSG:6960 datum shift). UTM zones and Web Mercator it does not list are done here.
 */
export function modelToLonLatFor(epsg: number): ((x: number, y: number) => LonLat) | null {
  const known = parseCrsCode(`EPSG:${epsg}`);
  if (known) return (x, y) => toWgs84(known, x, y);
  if (epsg === EPSG_WGS84) return (x, y) => [x, y];
  if (epsg === EPSG_WEB_MERCATOR) return webMercatorToLonLat;
  if (epsg >= 32601 && epsg <= 32660) return (x, y) => utmToLonLat(epsg - 32600, true, x, y);
  if (epsg >= 32701 && epsg <= 32760) return (x, y) => utmToLonLat(epsg - 32700, false, x, y);
  return null;
}

function epsgOf(geoKeys: Record<string, unknown>): number | undefined {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const modelType = num(geoKeys.GTModelTypeGeoKey);
  const projected = num(geoKeys.ProjectedCSTypeGeoKey);
  const geographic = num(geoKeys.GeographicTypeGeoKey);
  if (modelType === MODEL_TYPE_PROJECTED) return projected;
  if (modelType === MODEL_TYPE_GEOGRAPHIC) return geographic;
  return projected ?? geographic;
}

/** Pixel (column, row) in raster space → model x, y. Null without usable tags. */
function rasterToModel(tags: GeoTiffTags): ((i: number, j: number) => [number, number]) | null {
  const m = tags.transformation;
  if (m && m.length >= 16) return (i, j) => [m[0] * i + m[1] * j + m[3], m[4] * i + m[5] * j + m[7]];
  const tie = tags.tiepoint;
  const scale = tags.pixelScale;
  if (tie && tie.length >= 6 && scale && scale.length >= 2 && scale[0] !== 0 && scale[1] !== 0) {
    return (i, j) => [tie[3] + (i - tie[0]) * scale[0], tie[4] - (j - tie[1]) * scale[1]];
  }
  return null;
}

export function georeferenceGeoTiff(tags: GeoTiffTags): GeoTiffGeoreference {
  const toModel = rasterToModel(tags);
  if (!toModel || !tags.geoKeys) return { ok: false, reason: 'no_georeference' };
  const epsg = epsgOf(tags.geoKeys);
  if (epsg === undefined) return { ok: false, reason: 'no_georeference' };
  const toLonLat = modelToLonLatFor(epsg);
  if (!toLonLat) return { ok: false, reason: 'unsupported_crs', epsg };
  // PixelIsPoint tags address pixel centres; the image's outer edge is half a pixel further out.
  const shift = tags.geoKeys.GTRasterTypeGeoKey === RASTER_PIXEL_IS_POINT ? -0.5 : 0;
  const at = (i: number, j: number): LonLat => {
    const [x, y] = toModel(i + shift, j + shift);
    return toLonLat(x, y);
  };
  const { widthPx: w, heightPx: h } = tags;
  return { ok: true, epsg, corners: [at(0, 0), at(w, 0), at(w, h), at(0, h)] };
}
