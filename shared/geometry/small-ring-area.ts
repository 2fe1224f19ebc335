import { WGS84 } from './wgs84';
import type { Position } from '../model/geometry-schema';

/**
 * The geodesic area of a small ring without GeographicLib's per-edge inverse problem, which is
 * most of the cost of analysing a park of thousands of plots and roofs (docs/analysis.md,
 * "Areas").
 *
 * The ring is carried from the WGS84 ellipsoid onto a sphere by an exactly equal-area map chosen
 * for the ring's own place: Gauss's construction (the sphere of radius √(ρν) and the longitude
 * factor c = √(1 + e′² cos⁴φ₀) of his conformal sphere), with the latitude mapped so that area
 * is kept instead of angles: R² c (sin β − sin β₀) = (a²/2)(q(φ) − q(φ₀)), q being the authalic
 * function (Snyder, "Map Projections — A Working Manual", eq. 3-12). Its scale is 1, with zero
 * gradient, at the centre φ₀, so the ellipsoid's geodesics land on the sphere bent only by terms
 * of second order in the distance from the centre. The ring's area on that sphere is then the
 * exact spherical one: the sum over edges of the excess of the triangle (centre, Pᵢ, Pᵢ₊₁),
 * tan(E/2) = u × v / (1 + u · v), with u, v the stereographic coordinates about the centre
 * divided by 2R.
 *
 * Against GeographicLib on thousands of random rings at latitudes up to ±80° (and a
 * reference made by densifying each edge along its geodesic), the difference stays within
 * about 2·10⁻⁴ m² while every vertex lies within SMALL_RING_RADIUS_M of the centre: the size of
 * GeographicLib's own rounding in a polygon's area (tests/unit/geometry/small-ring-area.test.ts).
 */

/** Every vertex within this distance of the ring's bounding-box centre, or the caller measures otherwise. */
export const SMALL_RING_RADIUS_M = 10_000;
/** And every vertex within this latitude (degrees), or the caller measures otherwise. */
export const MAX_LATITUDE = 80;

const A = WGS84.a as number;
const F = WGS84.f as number;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const EP2 = E2 / (1 - E2);
const RADIANS = Math.PI / 180;

/** Snyder's q(φ) from sin φ: the authalic latitude's sin β = q(φ) / q(90°). */
function authalicQ(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - es * es) - Math.log((1 - es) / (1 + es)) / (2 * E));
}

/**
 * Area in m² of the first `n` vertices of `ring` ([lon, lat] degrees, the closing vertex not
 * among them), or undefined when the ring is too large, or too near a pole, for the bound above:
 * the caller then asks GeographicLib.
 */
export function smallRingAreaM2(ring: readonly Position[], n: number): number | undefined {
  if (n < 3) return 0;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i < n; i++) {
    const lon = ring[i][0];
    const lat = ring[i][1];
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  // A ring across the antimeridian has a box spanning the globe: the radius test below refuses it.
  // Toward a pole cos β rounds ever coarser (at 85–89° a 10 km ring drifts to 3e-3 m² from
  // GeographicLib): beyond the ±80° the tests cover, GeographicLib measures.
  if (!(north <= MAX_LATITUDE && south >= -MAX_LATITUDE)) return undefined;
  const phi0 = ((south + north) / 2) * RADIANS;
  const lon0 = ((west + east) / 2) * RADIANS;
  const sinPhi0 = Math.sin(phi0);
  const cosPhi0 = Math.cos(phi0);
  const w2 = 1 - E2 * sinPhi0 * sinPhi0;
  // Gaussian radius of curvature √(ρν) at the centre, squared.
  const radius2 = (A * A * (1 - E2)) / (w2 * w2);
  const c = Math.sqrt(1 + EP2 * cosPhi0 ** 4);
  const sinBeta0 = sinPhi0 / c;
  const cosBeta0 = Math.sqrt(1 - sinBeta0 * sinBeta0);
  const q0 = authalicQ(sinPhi0);
  const qScale = (A * A) / (2 * radius2 * c);
  // tan(ρ/2) of the farthest vertex allowed, ρ its angle from the centre on the sphere.
  const maxTanHalf = SMALL_RING_RADIUS_M / (2 * Math.sqrt(radius2));
  const maxU2 = maxTanHalf * maxTanHalf;

  let firstU = 0;
  let firstV = 0;
  let prevU = 0;
  let prevV = 0;
  let excess = 0;
  for (let i = 0; i < n; i++) {
    const sinBeta = sinBeta0 + qScale * (authalicQ(Math.sin(ring[i][1] * RADIANS)) - q0);
    const cosBeta = Math.sqrt(1 - sinBeta * sinBeta);
    const dLon = c * (ring[i][0] * RADIANS - lon0);
    const cosDLon = Math.cos(dLon);
    // Stereographic coordinates about the centre, over 2R: tan(ρ/2) in the vertex's direction.
    const k = 1 / (1 + sinBeta0 * sinBeta + cosBeta0 * cosBeta * cosDLon);
    const u = k * cosBeta * Math.sin(dLon);
    const v = k * (cosBeta0 * sinBeta - sinBeta0 * cosBeta * cosDLon);
    if (!(u * u + v * v <= maxU2)) return undefined;
    if (i === 0) {
      firstU = u;
      firstV = v;
    } else {
      excess += Math.atan2(prevU * v - u * prevV, 1 + prevU * u + prevV * v);
    }
    prevU = u;
    prevV = v;
  }
  excess += Math.atan2(prevU * firstV - firstU * prevV, 1 + prevU * firstU + prevV * firstV);
  return Math.abs(2 * radius2 * excess);
}
