import { geocentricToGeodetic, geodeticToGeocentric, helmertForward, helmertInverse } from './helmert';
import { tmForward, tmInverse, utmParameters, type TmParameters } from './transverse-mercator';
import { VN2000_TO_WGS84_1, VN2000_TO_WGS84_2, vnTransformationAt, vnTransformationForBox, type VnTransformation, type VnTransformationChoice } from './vn2000-transformations';
import { VN2000_TM3_EPSG, VN2000_ZONES, vn2000Meridians, zonesOfProvince } from './vn2000-zones';

/**
 * Coordinate reference systems of the exchange formats: WGS 84 lon/lat, UTM 48N/49N on WGS 84
 * or VN-2000, and the VN-2000 provincial 3° TM zones. Codes: 'EPSG:4326', 'EPSG:32648',
 * 'EPSG:32649', 'EPSG:4756', 'EPSG:3405', 'EPSG:3406', the EPSG codes of the TM-3 zones
 * ('EPSG:9209' = 105°30′) and 'VN2000:105.5' for any meridian.
 */
export interface CrsDefinition {
  /** Canonical code: 'EPSG:n' where EPSG has one, else 'VN2000:<meridian>'. */
  code: string;
  label: string;
  datum: 'WGS84' | 'VN2000';
  /** null for geographic lon/lat in degrees. */
  tm: TmParameters | null;
  epsg?: number;
  /** VN-2000 only: the datum transformation to WGS 84; absent = 'auto', PROJ's choice at each point. */
  transformation?: VnTransformationChoice;
}

export const WGS84_CODE = 'EPSG:4326';

const UTM = (zone: number): TmParameters => utmParameters(zone);
const TM3 = (lon0Deg: number): TmParameters => ({ lon0Deg, k0: 0.9999, falseEastingM: 500000, falseNorthingM: 0 });

/** 105.5 → "105°30′". */
export function formatMeridian(lon0Deg: number): string {
  const deg = Math.floor(lon0Deg);
  const min = Math.round((lon0Deg - deg) * 60);
  return `${deg}°${String(min).padStart(2, '0')}′`;
}

function vn2000Tm3(lon0Deg: number): CrsDefinition {
  const epsg = VN2000_TM3_EPSG[String(lon0Deg)];
  return {
    code: epsg ? `EPSG:${epsg}` : `VN2000:${lon0Deg}`,
    label: `VN-2000 / TM-3 ${formatMeridian(lon0Deg)}`,
    datum: 'VN2000',
    tm: TM3(lon0Deg),
    epsg,
  };
}

const FIXED: CrsDefinition[] = [
  { code: WGS84_CODE, label: 'WGS 84 (longitude/latitude)', datum: 'WGS84', tm: null, epsg: 4326 },
  { code: 'EPSG:32648', label: 'WGS 84 / UTM zone 48N', datum: 'WGS84', tm: UTM(48), epsg: 32648 },
  { code: 'EPSG:32649', label: 'WGS 84 / UTM zone 49N', datum: 'WGS84', tm: UTM(49), epsg: 32649 },
  { code: 'EPSG:4756', label: 'VN-2000 (longitude/latitude)', datum: 'VN2000', tm: null, epsg: 4756 },
  { code: 'EPSG:3405', label: 'VN-2000 / UTM zone 48N', datum: 'VN2000', tm: UTM(48), epsg: 3405 },
  { code: 'EPSG:3406', label: 'VN-2000 / UTM zone 49N', datum: 'VN2000', tm: UTM(49), epsg: 3406 },
];

/** A code ('EPSG:9209', 'VN2000:105.5', 'epsg:4326', 'WGS84') as a definition, or undefined when unknown. */
export function parseCrsCode(input: string): CrsDefinition | undefined {
  const code = input.trim().toUpperCase().replace(/\s+/g, '');
  if (code === 'WGS84' || code === 'CRS84' || code === 'OGC:CRS84' || code === 'URN:OGC:DEF:CRS:OGC:1.3:CRS84') return FIXED[0];
  const epsg = /^(?:EPSG:(?::)?|URN:OGC:DEF:CRS:EPSG::?)(\d+)$/.exec(code);
  if (epsg) {
    const n = Number(epsg[1]);
    const fixed = FIXED.find((c) => c.epsg === n);
    if (fixed) return fixed;
    const meridian = Object.entries(VN2000_TM3_EPSG).find(([, e]) => e === n);
    return meridian ? vn2000Tm3(Number(meridian[0])) : undefined;
  }
  const vn = /^VN-?2000:(\d{3}(?:\.\d+)?)$/.exec(code);
  if (vn) {
    const lon0 = Number(vn[1]);
    // Zone meridians are on a quarter degree within Vietnam's extent; anything else is a typo.
    if (lon0 < 100 || lon0 > 112 || Math.round(lon0 * 4) !== lon0 * 4) return undefined;
    return vn2000Tm3(lon0);
  }
  return undefined;
}

/** Geodetic VN-2000 → WGS 84 (ellipsoidal height taken as 0, as PROJ does for 2-D data). */
function vnToWgs(choice: VnTransformationChoice, lon: number, lat: number): [number, number] {
  const t = vnTransformationAt(choice, lon, lat);
  const [x, y] = geocentricToGeodetic(...helmertForward(t.parameters, geodeticToGeocentric(lon, lat, 0)));
  return [x, y];
}

/**
 * WGS 84 → VN-2000 the way PROJ runs the transformation backwards (height 0 on the WGS 84 side).
 * The two directions each drop a height of a few metres, so a round trip moves a point ~0.3 mm.
 */
function wgsToVn(choice: VnTransformationChoice, lon: number, lat: number): [number, number] {
  const t = vnTransformationAt(choice, lon, lat);
  const [x, y] = geocentricToGeodetic(...helmertInverse(t.parameters, geodeticToGeocentric(lon, lat, 0)));
  return [x, y];
}

/** `crs` with a transformation chosen by the user; no choice keeps the CRS's own (from a .prj) or 'auto'. */
export function withTransformation(crs: CrsDefinition, choice: VnTransformationChoice | undefined): CrsDefinition {
  return crs.datum === 'VN2000' && choice ? { ...crs, transformation: choice } : crs;
}

/**
 * The single transformation a VN-2000 file of WGS 84 extent `bbox` is written with ('auto'
 * decided at the box's centre), so its coordinates and its .prj TOWGS84 agree; undefined for WGS 84.
 */
export function transformationForExport(crs: CrsDefinition, bbox: readonly number[]): VnTransformation | undefined {
  return crs.datum === 'VN2000' ? vnTransformationForBox(crs.transformation ?? 'auto', bbox) : undefined;
}

/**
 * The transformations an import in `crs` ran over WGS 84 extent `bbox`: the chosen one, or
 * with 'auto' (1) where the box meets its area and (2) where it reaches outside; none for WGS 84.
 */
export function transformationsUsed(crs: CrsDefinition, bbox: readonly number[]): VnTransformation[] {
  if (crs.datum !== 'VN2000' || !bbox.every(Number.isFinite)) return [];
  const choice = crs.transformation ?? 'auto';
  if (choice !== 'auto') return [vnTransformationAt(choice, 0, 0)];
  const a = VN2000_TO_WGS84_1.area;
  const meets = bbox[0] <= a.east && bbox[2] >= a.west && bbox[1] <= a.north && bbox[3] >= a.south;
  const within = bbox[0] >= a.west && bbox[2] <= a.east && bbox[1] >= a.south && bbox[3] <= a.north;
  return [...(meets ? [VN2000_TO_WGS84_1] : []), ...(within ? [] : [VN2000_TO_WGS84_2])];
}

/** A position of `crs` (easting/northing m or lon/lat degrees) → WGS 84 [lon, lat]. */
export function toWgs84(crs: CrsDefinition, x: number, y: number): [number, number] {
  const [lon, lat] = crs.tm ? tmInverse(crs.tm, x, y) : [x, y];
  return crs.datum === 'VN2000' ? vnToWgs(crs.transformation ?? 'auto', lon, lat) : [lon, lat];
}

/** WGS 84 [lon, lat] → a position of `crs`. */
export function fromWgs84(crs: CrsDefinition, lon: number, lat: number): [number, number] {
  const [l, p] = crs.datum === 'VN2000' ? wgsToVn(crs.transformation ?? 'auto', lon, lat) : [lon, lat];
  return crs.tm ? tmForward(crs.tm, l, p) : [l, p];
}

/** Applies `fn` to every position of a GeoJSON coordinate array, keeping a third value. */
export function mapPositions<T>(coords: T, fn: (x: number, y: number) => [number, number]): T {
  if (Array.isArray(coords) && typeof coords[0] === 'number') {
    const [x, y] = fn(coords[0] as number, coords[1] as number);
    return (coords.length > 2 ? [x, y, ...coords.slice(2)] : [x, y]) as T;
  }
  return (coords as unknown[]).map((c) => mapPositions(c, fn)) as T;
}

/** Every CRS a user may pick, VN-2000 zones labelled with their provinces (current and former names). */
export function crsChoices(): CrsDefinition[] {
  const zones = vn2000Meridians().map((lon0) => {
    const def = vn2000Tm3(lon0);
    const provinces = VN2000_ZONES.filter((z) => z.lon0Deg === lon0).map((z) => (z.province === z.formerProvince ? z.province : `${z.formerProvince} (${z.province})`));
    return provinces.length > 0 ? { ...def, label: `${def.label} — ${provinces.join(', ')}` } : def;
  });
  return [...FIXED, ...zones];
}

/** The VN-2000 zone of a province (current or former name); a merged province may span zones, the first is returned. */
export function provinceCrs(province: string): CrsDefinition | undefined {
  const zone = zonesOfProvince(province)[0];
  return zone ? vn2000Tm3(zone.lon0Deg) : undefined;
}

/** [minX, minY, maxX, maxY] of raw coordinates looks like lon/lat degrees. */
export function looksGeographic(bbox: readonly number[]): boolean {
  return bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90;
}

/**
 * A default for the CRS list from raw coordinates: lon/lat → EPSG:4326; metres in Vietnam's
 * northing range → the project's province zone when known, else VN-2000 105°30′ — a guess the
 * user confirms, never applied silently by the CLI.
 */
export function guessCrsFromCoordinates(bbox: readonly number[], province?: string): string | undefined {
  if (!bbox.every(Number.isFinite)) return undefined;
  if (looksGeographic(bbox)) return WGS84_CODE;
  const inVietnam = bbox[0] > 0 && bbox[2] < 1000000 && bbox[1] > 900000 && bbox[3] < 2700000;
  if (!inVietnam) return undefined;
  return (province ? provinceCrs(province) : undefined)?.code ?? vn2000Tm3(105.5).code;
}
