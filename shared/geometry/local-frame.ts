import { GeodesicMask as Geodesic, WGS84 } from './wgs84';
import { ringAreaM2 } from './geodesic';

/**
 * A local east/north frame in metres around an origin (lon/lat degrees, WGS84). Points are
 * placed by the geodesic Direct problem from the origin (distance and azimuth), read back by
 * the Inverse problem: an azimuthal equidistant projection. Used to lay out parks in planning
 * metres (blocks, setbacks, road widths) without the scale error of a plate carrée shortcut.
 */
export interface LocalFrame {
  /** Origin longitude, degrees east. */
  readonly originLon: number;
  /** Origin latitude, degrees north. */
  readonly originLat: number;
}

/** A local position: `eastM`, `northM` metres from the origin. */
export type LocalPoint = readonly [eastM: number, northM: number];

const geod = WGS84;

export function createLocalFrame(originLon: number, originLat: number): LocalFrame {
  return { originLon, originLat };
}

/** Local metres → [lon, lat] degrees. */
export function localToLonLat(frame: LocalFrame, eastM: number, northM: number): [number, number] {
  const distanceM = Math.hypot(eastM, northM);
  if (distanceM === 0) return [frame.originLon, frame.originLat];
  // Azimuth clockwise from north, as GeographicLib expects.
  const azimuthDeg = (Math.atan2(eastM, northM) * 180) / Math.PI;
  const r = geod.Direct(frame.originLat, frame.originLon, azimuthDeg, distanceM, Geodesic.LATITUDE | Geodesic.LONGITUDE);
  return [r.lon2 as number, r.lat2 as number];
}

/** [lon, lat] degrees → local metres [eastM, northM]. */
export function lonLatToLocal(frame: LocalFrame, lon: number, lat: number): [number, number] {
  const r = geod.Inverse(frame.originLat, frame.originLon, lat, lon, Geodesic.DISTANCE | Geodesic.AZIMUTH);
  const s = r.s12 as number;
  if (s === 0) return [0, 0];
  const azi = ((r.azi1 as number) * Math.PI) / 180;
  return [s * Math.sin(azi), s * Math.cos(azi)];
}

/**
 * Geodesic area of a ring of [lon, lat] positions on the WGS84 ellipsoid, m², always positive
 * (orientation ignored). A closing duplicate vertex is tolerated.
 */
export function geodesicRingAreaM2(ring: readonly (readonly number[])[]): number {
  return ringAreaM2(ring as number[][]);
}
