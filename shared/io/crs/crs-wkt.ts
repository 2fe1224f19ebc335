import { parseCrsCode, withTransformation, type CrsDefinition } from './crs';
import { towgs84Values, VN2000_TO_WGS84_2, VN2000_TRANSFORMATIONS, vnTransformationFromTowgs84 } from './vn2000-transformations';

/**
 * WKT 1 for Shapefile .prj files and GeoPackage srs rows, and the reverse guess. TOWGS84 is
 * written in the position-vector convention WKT 1 defines (rotations negated from the EPSG
 * coordinate-frame values), which is how GDAL writes VN-2000 itself; GDAL and QGIS then use
 * exactly that transformation instead of picking one from the PROJ database.
 */

const WGS84_SPHEROID = 'SPHEROID["WGS 84",6378137,298.257223563]';

function geogcs(crs: CrsDefinition): string {
  const prime = 'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]';
  if (crs.datum === 'WGS84') return `GEOGCS["WGS 84",DATUM["WGS_1984",${WGS84_SPHEROID}],${prime}]`;
  // Exports resolve 'auto' first (transformationForExport); an unresolved CRS gets the country-wide one.
  const t = VN2000_TRANSFORMATIONS.find((v) => v.code === crs.transformation) ?? VN2000_TO_WGS84_2;
  const towgs = towgs84Values(t).join(',');
  return `GEOGCS["VN-2000",DATUM["Vietnam_2000",${WGS84_SPHEROID},TOWGS84[${towgs}]],${prime}]`;
}

export function crsToWkt(crs: CrsDefinition): string {
  if (!crs.tm) return geogcs(crs);
  const p = crs.tm;
  return (
    `PROJCS["${crs.label.split(' — ')[0]}",${geogcs(crs)},PROJECTION["Transverse_Mercator"],` +
    `PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",${p.lon0Deg}],PARAMETER["scale_factor",${p.k0}],` +
    `PARAMETER["false_easting",${p.falseEastingM}],PARAMETER["false_northing",${p.falseNorthingM}],UNIT["metre",1]]`
  );
}

function parameter(wkt: string, name: string): number | undefined {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : undefined;
}

/**
 * The CRS a .prj (WKT 1, ESRI or OGC flavour) or a WKT 2 text describes, when it is one we
 * support; undefined otherwise (the caller asks the user).
 */
export function crsFromWkt(wkt: string): CrsDefinition | undefined {
  const crs = crsFromWktIgnoringTowgs84(wkt);
  // A TOWGS84 of one of the EPSG transformations names it; any other value set is not one we run.
  const towgs = /TOWGS84\[([^\]]*)\]/i.exec(wkt);
  const named = towgs ? vnTransformationFromTowgs84(towgs[1].split(',').map(Number)) : undefined;
  return crs && named ? withTransformation(crs, named.code) : crs;
}

function crsFromWktIgnoringTowgs84(wkt: string): CrsDefinition | undefined {
  const text = wkt.trim();
  if (text === '') return undefined;
  // An AUTHORITY/ID at the end names the whole CRS; inner ones name the datum or units.
  const ids = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = ids.at(-1);
  if (last) {
    const byCode = parseCrsCode(`EPSG:${last[1]}`);
    if (byCode) return byCode;
  }
  const vn = /VN[-_ ]?2000|Vietnam[_ ]2000/i.test(text);
  const projected = /^\s*(PROJCS|PROJCRS|PROJECTEDCRS)\b/i.test(text);
  if (!projected) {
    if (vn) return parseCrsCode('EPSG:4756');
    return /WGS[_ ]?(19)?84/i.test(text) ? parseCrsCode('EPSG:4326') : undefined;
  }
  if (!/Transverse[_ ]Mercator/i.test(text)) return undefined;
  const lon0 = parameter(text, 'central_meridian') ?? parameter(text, 'Longitude of natural origin');
  const k0 = parameter(text, 'scale_factor') ?? parameter(text, 'Scale factor at natural origin');
  const fe = parameter(text, 'false_easting') ?? parameter(text, 'False easting');
  const fn = parameter(text, 'false_northing') ?? parameter(text, 'False northing') ?? 0;
  const lat0 = parameter(text, 'latitude_of_origin') ?? parameter(text, 'Latitude of natural origin') ?? 0;
  if (lon0 === undefined || k0 === undefined || fe !== 500000 || fn !== 0 || lat0 !== 0) return undefined;
  if (!vn && !/WGS[_ ]?(19)?84/i.test(text)) return undefined;
  if (Math.abs(k0 - 0.9996) < 1e-9) {
    const zone = (lon0 + 183) / 6;
    if (zone !== 48 && zone !== 49) return undefined;
    return parseCrsCode(vn ? `EPSG:${3357 + zone}` : `EPSG:${32600 + zone}`);
  }
  if (Math.abs(k0 - 0.9999) < 1e-9 && vn) return parseCrsCode(`VN2000:${lon0}`);
  return undefined;
}
