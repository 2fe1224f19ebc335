import { describe, expect, it } from 'vitest';
import { ringAreaM2 } from '../../../shared/geometry/geodesic';
import { SMALL_RING_RADIUS_M, smallRingAreaM2 } from '../../../shared/geometry/small-ring-area';
import { WGS84 } from '../../../shared/geometry/wgs84';

// Expected areas computed independently with Debian's python3-geographiclib 2.x:
//   from geographiclib.geodesic import Geodesic
//   p = Geodesic.WGS84.Polygon(False); [p.AddPoint(lat, lon) for lon, lat in ring]
//   abs(p.Compute(False, True)[2])
const REFERENCE: Record<string, { ring: number[][]; m2: number }> = {
  buildingBacNinh: { ring: [[106.05, 21.07], [106.05058, 21.07], [106.05058, 21.07036], [106.05, 21.07036]], m2: 2402.4526411890984 },
  plotHcmcLShape: {
    ring: [[106.7, 10.8], [106.703, 10.8], [106.703, 10.801], [106.7015, 10.801], [106.7015, 10.8025], [106.7, 10.8025]],
    m2: 63507.55635997653,
  },
  triangleOneSquareMetre: { ring: [[105.8, 21.0], [105.8000137, 21.0], [105.8, 21.0000131]], m2: 1.0329561703838408 },
  park9kmAt60North: { ring: [[10.0, 60.0], [10.08, 60.0], [10.1, 60.04], [10.0, 60.05]], m2: 25472102.31559372 },
  south40: { ring: [[-70.0, -40.0], [-69.99, -40.0], [-69.99, -39.995], [-70.0, -39.99]], m2: 711159.72838974 },
};
// Rings the small-ring measure leaves to GeographicLib (same python3-geographiclib command).
const LEFT_TO_GEOGRAPHICLIB: Record<string, { ring: number[][]; m2: number }> = {
  acrossAntimeridian: { ring: [[179.999, 10.0], [-179.999, 10.0], [-179.999, 10.001], [179.999, 10.001]], m2: 24253.89370292425 },
  nearPole: { ring: [[0.0, 89.5], [0.5, 89.5], [0.5, 89.505], [0.0, 89.505]], m2: 270806.1858520508 },
  at85North: { ring: [[10.0, 85.0], [10.1, 85.0], [10.1, 85.05], [10.0, 85.05]], m2: 5408911.407821655 },
  square20km: { ring: [[106.0, 21.0], [106.2, 21.0], [106.2, 21.2], [106.0, 21.2]], m2: 460149833.35591125 },
};

/** GeographicLib's polygon area (the JavaScript port of the library the reference values come from). */
function geographicLibM2(ring: number[][]): number {
  const polygon = WGS84.Polygon(false);
  for (const [lon, lat] of ring) polygon.AddPoint(lat, lon);
  return Math.abs(polygon.Compute(false, true).area as number);
}

/** Each edge replaced by `k` pieces along its geodesic (GeographicLib's Direct problem). */
function densified(ring: number[][], k: number): number[][] {
  const out: number[][] = [];
  ring.forEach(([lon1, lat1], i) => {
    const [lon2, lat2] = ring[(i + 1) % ring.length];
    const line = WGS84.InverseLine(lat1, lon1, lat2, lon2);
    for (let j = 0; j < k; j++) {
      const at = line.Position(((line.s13 as number) * j) / k);
      out.push([at.lon2 as number, at.lat2 as number]);
    }
  });
  return out;
}

/** A random star-shaped ring of 3–10 vertices within `radiusM` of (lon, lat). */
function randomRing(random: () => number, lon: number, lat: number, radiusM: number): number[][] {
  const count = 3 + Math.floor(random() * 8);
  const angles = Array.from({ length: count }, () => random() * 2 * Math.PI).sort((a, b) => a - b);
  const metresPerDegLat = 110_600;
  const metresPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  return angles.map((angle) => {
    const r = radiusM * (0.3 + 0.6 * random());
    return [lon + (r * Math.cos(angle)) / metresPerDegLon, lat + (r * Math.sin(angle)) / metresPerDegLat];
  });
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('small-ring area on an equal-area sphere', () => {
  it('matches python GeographicLib for buildings, plots and parks at several latitudes', () => {
    for (const [name, { ring, m2 }] of Object.entries(REFERENCE)) {
      const fast = smallRingAreaM2(ring, ring.length);
      expect(fast, name).toBeDefined();
      expect(Math.abs(fast! - m2), name).toBeLessThan(2e-4);
      expect(Math.abs(ringAreaM2([...ring, ring[0]]) - m2), name).toBeLessThan(2e-4);
    }
  });

  it('leaves rings across the antimeridian, beyond 80° of latitude or beyond its radius to GeographicLib', () => {
    for (const [name, { ring, m2 }] of Object.entries(LEFT_TO_GEOGRAPHICLIB)) {
      expect(smallRingAreaM2(ring, ring.length), name).toBeUndefined();
      expect(Math.abs(ringAreaM2([...ring, ring[0]]) - m2) / m2, name).toBeLessThan(1e-9);
    }
  });

  it('stays within GeographicLib’s own rounding on random rings at every latitude and size it takes', () => {
    const random = seeded(20261205);
    let worstM2 = 0;
    let measured = 0;
    for (let i = 0; i < 3000; i++) {
      const lat = -80 + 160 * random();
      const lon = -179 + 358 * random();
      const ring = randomRing(random, lon, lat, 10 + random() ** 2 * SMALL_RING_RADIUS_M);
      const fast = smallRingAreaM2(ring, ring.length);
      if (fast === undefined) continue;
      measured++;
      worstM2 = Math.max(worstM2, Math.abs(fast - geographicLibM2(ring)));
    }
    expect(measured).toBeGreaterThan(2900);
    expect(worstM2).toBeLessThan(4e-4);
  });

  it('agrees with the same ring densified along its geodesics, so edges are geodesics, not chords', () => {
    // Densifying leaves the measure nothing to bend: the difference is what the undensified
    // ring loses to edges that are not great circles on the sphere.
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      const ring = randomRing(random, 100 + 10 * random(), -30 + 60 * random(), 200 + 5000 * random());
      const dense = densified(ring, 16);
      expect(Math.abs(smallRingAreaM2(ring, ring.length)! - smallRingAreaM2(dense, dense.length)!)).toBeLessThan(1e-4);
    }
  });

  it('ignores winding, reads two vertices as empty and three on a parallel as the lens between geodesics', () => {
    const { ring, m2 } = REFERENCE.buildingBacNinh;
    expect(Math.abs(smallRingAreaM2([...ring].reverse(), ring.length)! - m2)).toBeLessThan(2e-4);
    expect(smallRingAreaM2([[106, 21], [106.001, 21]], 2)).toBe(0);
    // Three points along a parallel are no straight line on the ellipsoid: the geodesic from the
    // first to the last passes poleward of the middle one (GeographicLib: 0.0338060 m²).
    const onParallel = [[106, 21], [106.001, 21], [106.002, 21]];
    expect(Math.abs(smallRingAreaM2(onParallel, 3)! - geographicLibM2(onParallel))).toBeLessThan(1e-6);
    expect(smallRingAreaM2(onParallel, 3)).toBeGreaterThan(0.03);
  });
});
