/**
 * A tangent plane in metres around an origin that is linear in lon/lat: x = Δlon·kx,
 * y = Δlat·ky with the WGS84 radii of curvature at the origin's latitude. Unlike the geodesic
 * local frame (local-frame.ts) a straight lon/lat edge — what the map draws and what Turf's
 * booleans use — stays exactly straight, so points computed on an edge here lie exactly on it
 * after conversion back. Its scale drifts by about tan(lat)·Δlat (≈ 4e-5 per km at 21° N):
 * use it for topology (intersections, projections, ordering), and geodesic.ts for numbers.
 */
export interface TangentPlane {
  readonly lon0: number;
  readonly lat0: number;
  /** Metres per degree of longitude / latitude at lat0. */
  readonly kx: number;
  readonly ky: number;
}

/** WGS84 metres per degree of longitude (kx) and latitude (ky) at `lat` degrees. */
export function metresPerDegree(lat: number): { kx: number; ky: number } {
  const a = 6_378_137;
  const e2 = 0.0066943799901413165;
  const phi = (lat * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const n = a / Math.sqrt(w); // prime vertical radius of curvature
  const m = (a * (1 - e2)) / (w * Math.sqrt(w)); // meridional radius of curvature
  return { kx: (n * Math.cos(phi) * Math.PI) / 180, ky: (m * Math.PI) / 180 };
}

export function createTangentPlane(lon0: number, lat0: number): TangentPlane {
  const { kx, ky } = metresPerDegree(lat0);
  return { lon0, lat0, kx, ky };
}

export function toPlane(plane: TangentPlane, p: readonly number[]): [number, number] {
  return [(p[0] - plane.lon0) * plane.kx, (p[1] - plane.lat0) * plane.ky];
}

export function fromPlane(plane: TangentPlane, x: number, y: number): [number, number] {
  return [plane.lon0 + x / plane.kx, plane.lat0 + y / plane.ky];
}
