import type { HelmertParameters } from './helmert';

/**
 * The two EPSG transformations from VN-2000 (EPSG:4756) to WGS 84 (EPSG:4326), as the EPSG
 * dataset v10.076 shipped in PROJ 9.1 (Debian proj-data, /usr/share/proj/proj.db) holds them:
 *   sqlite3 /usr/share/proj/proj.db "select code,name,tx,ty,tz,rx,ry,rz,scale_difference from
 *     helmert_transformation where source_crs_code='4756' and target_crs_code='4326'"
 * Both are Coordinate Frame rotation (EPSG method 9607), accuracy 1 m. PROJ, and so GDAL and
 * QGIS, runs (1) for a point inside its area of use and (2) elsewhere in Vietnam.
 */
export interface VnTransformation {
  code: 'EPSG:5194' | 'EPSG:6960';
  epsg: number;
  name: string;
  parameters: HelmertParameters;
  /** EPSG extent name and its bounding box in degrees. */
  areaName: string;
  area: { west: number; south: number; east: number; north: number };
}

export const VN2000_TO_WGS84_1: VnTransformation = {
  code: 'EPSG:5194',
  epsg: 5194,
  name: 'VN-2000 to WGS 84 (1)',
  parameters: { txM: -192.873, tyM: -39.382, tzM: -111.202, rxSec: 0.00205, rySec: 0.0005, rzSec: -0.00335, scalePpm: 0.0188 },
  areaName: 'Vietnam - Mekong delta blocks DBSCL 02 and 03 (EPSG extent 3770)',
  area: { west: 104.24, south: 9.35, east: 107.11, north: 11.04 },
};

export const VN2000_TO_WGS84_2: VnTransformation = {
  code: 'EPSG:6960',
  epsg: 6960,
  name: 'VN-2000 to WGS 84 (2)',
  parameters: { txM: -191.90441429, tyM: -39.30318279, tzM: -111.45032835, rxSec: -0.00928836, rySec: 0.01975479, rzSec: -0.00427372, scalePpm: 0.252906278 },
  areaName: 'Vietnam - onshore (EPSG extent 3328)',
  area: { west: 102.14, south: 8.33, east: 109.53, north: 23.4 },
};

export const VN2000_TRANSFORMATIONS: readonly VnTransformation[] = [VN2000_TO_WGS84_1, VN2000_TO_WGS84_2];

/** 'auto' = what PROJ picks at each place; otherwise the EPSG code of one transformation. */
export type VnTransformationChoice = 'auto' | 'EPSG:5194' | 'EPSG:6960';
export const VN_TRANSFORMATION_CHOICES: readonly VnTransformationChoice[] = ['auto', 'EPSG:5194', 'EPSG:6960'];

/** 'epsg:5194', '5194', 'auto' → a choice; undefined when it names neither transformation. */
export function parseVnTransformation(input: string): VnTransformationChoice | undefined {
  const key = input.trim().toUpperCase().replace(/^EPSG:/, '');
  if (key === 'AUTO') return 'auto';
  return VN2000_TRANSFORMATIONS.find((t) => String(t.epsg) === key)?.code;
}

function inside(t: VnTransformation, lon: number, lat: number): boolean {
  return lon >= t.area.west && lon <= t.area.east && lat >= t.area.south && lat <= t.area.north;
}

/**
 * The transformation used at a point (degrees; PROJ tests the source coordinates, VN-2000 or
 * WGS 84, which differ by ~7e-6° here). 'auto' picks (1) inside its area, else (2) — checked
 * with pyproj 3.4.1 / PROJ 9.1.1: Transformer.from_crs('EPSG:4756','EPSG:4326',always_xy=True)
 * equals (1) at 106.7009,10.7769 and 107.10,11.03 and (2) at 107.12,11.03, 106.7,11.05 and in Hà Nội.
 */
export function vnTransformationAt(choice: VnTransformationChoice, lon: number, lat: number): VnTransformation {
  if (choice === 'EPSG:5194') return VN2000_TO_WGS84_1;
  if (choice === 'EPSG:6960') return VN2000_TO_WGS84_2;
  return inside(VN2000_TO_WGS84_1, lon, lat) ? VN2000_TO_WGS84_1 : VN2000_TO_WGS84_2;
}

/**
 * One transformation for a whole data set with bounding box [minLon, minLat, maxLon, maxLat]:
 * an explicit choice, or 'auto' decided at the box's centre. A file carries a single TOWGS84,
 * so an export applies one transformation to all its points rather than switching per point.
 */
export function vnTransformationForBox(choice: VnTransformationChoice, bbox: readonly number[]): VnTransformation {
  return vnTransformationAt(choice, (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2);
}

/** WKT 1 TOWGS84 values: position-vector convention, i.e. the EPSG coordinate-frame rotations negated. */
export function towgs84Values(t: VnTransformation): number[] {
  const h = t.parameters;
  return [h.txM, h.tyM, h.tzM, -h.rxSec, -h.rySec, -h.rzSec, h.scalePpm];
}

/** The transformation whose TOWGS84 a WKT carries (values compared to 1e-6), if it is one of ours. */
export function vnTransformationFromTowgs84(values: readonly number[]): VnTransformation | undefined {
  return VN2000_TRANSFORMATIONS.find((t) => towgs84Values(t).every((v, i) => Math.abs(v - (values[i] ?? 0)) < 1e-6));
}
