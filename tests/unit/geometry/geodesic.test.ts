import { describe, expect, it } from 'vitest';
import { distanceM, geodesicAreaM2, geodesicLengthM, geodesicPerimeterM } from '../../../shared/geometry/geodesic';

// Expected values computed independently with Debian's python3-geographiclib 2.x:
//   from geographiclib.geodesic import Geodesic; p = Geodesic.WGS84.Polygon(False)
//   p.AddPoint(lat, lon) for each vertex; p.Compute(False, True) -> (n, perimeter, area)
// and Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)['s12'].
const SQUARE_BAC_NINH_M2 = 1150336.6026554108;
const SQUARE_BAC_NINH_PERIMETER_M = 4292.318176565289;
const HOLE_M2 = 46014.06953585148;
const L_SHAPE_HCMC_M2 = 4838476.361257315;
const DIST_M = 15181.195686891431;

const square = [[106.0, 21.1], [106.01, 21.1], [106.01, 21.11], [106.0, 21.11], [106.0, 21.1]];
const hole = [[106.002, 21.102], [106.002, 21.104], [106.004, 21.104], [106.004, 21.102], [106.002, 21.102]];
const lShape = [[106.7, 10.8], [106.72, 10.8], [106.72, 10.81], [106.71, 10.81], [106.71, 10.83], [106.7, 10.83], [106.7, 10.8]];

const within = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThan(relative);

describe('geodesic measurement (WGS84, GeographicLib)', () => {
  it('matches GeographicLib for a square at Bac Ninh, in either winding', () => {
    within(geodesicAreaM2({ type: 'Polygon', coordinates: [square] }), SQUARE_BAC_NINH_M2, 1e-9);
    within(geodesicAreaM2({ type: 'Polygon', coordinates: [[...square].reverse()] }), SQUARE_BAC_NINH_M2, 1e-9);
    within(geodesicPerimeterM({ type: 'Polygon', coordinates: [square] }), SQUARE_BAC_NINH_PERIMETER_M, 1e-9);
  });

  it('subtracts holes and sums multipolygon parts', () => {
    within(geodesicAreaM2({ type: 'Polygon', coordinates: [square, hole] }), SQUARE_BAC_NINH_M2 - HOLE_M2, 1e-9);
    within(
      geodesicAreaM2({ type: 'MultiPolygon', coordinates: [[square, hole], [lShape]] }),
      SQUARE_BAC_NINH_M2 - HOLE_M2 + L_SHAPE_HCMC_M2,
      1e-9,
    );
  });

  it('matches GeographicLib for an L-shape at Ho Chi Minh City', () => {
    within(geodesicAreaM2({ type: 'Polygon', coordinates: [lShape] }), L_SHAPE_HCMC_M2, 1e-9);
  });

  it('measures distances and line lengths', () => {
    within(distanceM([106.0, 21.1], [106.1, 21.2]), DIST_M, 1e-9);
    within(geodesicLengthM({ type: 'LineString', coordinates: [[106.0, 21.1], [106.1, 21.2]] }), DIST_M, 1e-9);
    within(
      geodesicLengthM({ type: 'MultiLineString', coordinates: [[[106.0, 21.1], [106.1, 21.2]], [[106.1, 21.2], [106.0, 21.1]]] }),
      2 * DIST_M,
      1e-9,
    );
  });
});
