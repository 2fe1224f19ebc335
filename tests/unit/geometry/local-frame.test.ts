import { describe, expect, it } from 'vitest';
import {
  createLocalFrame,
  geodesicRingAreaM2,
  localToLonLat,
  lonLatToLocal,
} from '../../../shared/geometry/local-frame';
import { clipSegmentToRing, insertTJunctions, insetRing, planarRingAreaM2 } from '../../../shared/geometry/planar-ring';

// Expected values computed independently with python3-geographiclib 2.0 (Debian package):
//   from geographiclib.geodesic import Geodesic; g = Geodesic.WGS84
//   Direct: s = hypot(e, n); az = degrees(atan2(e, n)); r = g.Direct(21.10, 106.00, az, s)
//   Inverse: r = g.Inverse(21.10, 106.00, lat, lon); e = s12*sin(azi1); n = s12*cos(azi1)
//   Area: p = g.Polygon(); p.AddPoint(lat, lon) for each corner; p.Compute(False, True)[2]
const DIRECT_CASES: [east: number, north: number, lon: number, lat: number][] = [
  [1000, 0, 106.0096245470588, 21.099999726909374],
  [0, 1000, 106.0, 21.10903192337471],
  [-1500, 2500, 105.98556099579206, 21.122579175652906],
  [1800, -1200, 106.01732292779576, 21.08916079465705],
  [-2000, -2000, 105.98075323311032, 21.081935032483162],
  [15000, 8000, 106.14443811843232, 21.172193576017698],
];
const INVERSE_CASES: [lon: number, lat: number, east: number, north: number][] = [
  [106.01, 21.11, 1038.9403553066184, 1107.2165908441807],
  [105.98, 21.09, -2078.1589695579714, -1107.052088642987],
];
const SQUARE_AREA_M2 = 1150336.6026554108;

const frame = createLocalFrame(106.0, 21.1);

describe('local east/north frame', () => {
  it('places local metres where GeographicLib Direct does', () => {
    for (const [e, n, lon, lat] of DIRECT_CASES) {
      const [gotLon, gotLat] = localToLonLat(frame, e, n);
      // 1e-9 degrees is about 0.1 mm on the ground.
      expect(Math.abs(gotLon - lon)).toBeLessThan(1e-9);
      expect(Math.abs(gotLat - lat)).toBeLessThan(1e-9);
    }
  });

  it('reads lon/lat back to local metres as GeographicLib Inverse does', () => {
    for (const [lon, lat, e, n] of INVERSE_CASES) {
      const [gotE, gotN] = lonLatToLocal(frame, lon, lat);
      expect(Math.abs(gotE - e)).toBeLessThan(1e-6);
      expect(Math.abs(gotN - n)).toBeLessThan(1e-6);
    }
  });

  it('round-trips local → lon/lat → local to well under a millimetre', () => {
    for (const [e, n] of DIRECT_CASES) {
      const [lon, lat] = localToLonLat(frame, e, n);
      const [e2, n2] = lonLatToLocal(frame, lon, lat);
      expect(Math.hypot(e2 - e, n2 - n)).toBeLessThan(1e-6);
    }
  });

  it('maps the origin to itself', () => {
    expect(localToLonLat(frame, 0, 0)).toEqual([106.0, 21.1]);
    expect(lonLatToLocal(frame, 106.0, 21.1)).toEqual([0, 0]);
  });

  it('computes geodesic ring area as GeographicLib PolygonArea does, either orientation', () => {
    const ring = [[106.0, 21.1], [106.01, 21.1], [106.01, 21.11], [106.0, 21.11], [106.0, 21.1]];
    expect(geodesicRingAreaM2(ring)).toBeCloseTo(SQUARE_AREA_M2, 3);
    expect(geodesicRingAreaM2(ring.slice().reverse())).toBeCloseTo(SQUARE_AREA_M2, 3);
  });
});

// The planar helpers used with the frame to lay out the sample park (shared/geometry/planar-ring.ts).
// Known answers by hand: squares, and points on an edge.
describe('planar ring helpers (local metres)', () => {
  const square: [number, number][] = [[0, 0], [100, 0], [100, 100], [0, 100]];

  it('insets a square by 10 m to the 80 m square inside it, either orientation', () => {
    const expected = [[10, 10], [90, 10], [90, 90], [10, 90]];
    const inset = insetRing(square, 10).map((p) => p.map((v) => Math.round(v * 1e9) / 1e9));
    expect(new Set(inset.map(String))).toEqual(new Set(expected.map(String)));
    const insetCw = insetRing(square.slice().reverse(), 10).map((p) => p.map((v) => Math.round(v * 1e9) / 1e9));
    expect(new Set(insetCw.map(String))).toEqual(new Set(expected.map(String)));
    expect(planarRingAreaM2(insetRing(square, 10))).toBeCloseTo(6400, 9);
  });

  it('clips a segment to the part inside a ring', () => {
    expect(clipSegmentToRing([-50, 50], [150, 50], square)).toEqual([[[0, 50], [100, 50]]]);
    expect(clipSegmentToRing([-50, 150], [150, 150], square)).toEqual([]);
  });

  it('adds a neighbour’s corner lying on an edge as a shared vertex', () => {
    const big: [number, number][] = [[0, 0], [100, 0], [100, 10], [0, 10], [0, 0]];
    const small: [number, number][] = [[30, 10], [60, 10], [60, 40], [30, 40], [30, 10]];
    const [bigNoded, smallNoded] = insertTJunctions([big, small]);
    expect(bigNoded).toEqual([[0, 0], [100, 0], [100, 10], [60, 10], [30, 10], [0, 10], [0, 0]]);
    expect(smallNoded).toEqual(small);
  });
});
