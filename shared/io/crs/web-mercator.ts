/** Semi-major axis of WGS 84, the sphere radius of Web Mercator (EPSG:3857), metres. */
const RADIUS_M = 6378137;

const DEG = 180 / Math.PI;

/** Web Mercator (EPSG:3857, spherical) metres → lon/lat degrees: x = R·λ, y = R·ln tan(π/4 + φ/2). */
export function webMercatorToLonLat(xM: number, yM: number): [number, number] {
  return [(xM / RADIUS_M) * DEG, Math.atan(Math.sinh(yM / RADIUS_M)) * DEG];
}
