import { describe, expect, it } from 'vitest';
import { mergeCorridors, roadCorridor } from '../../../shared/geometry/road-corridor';
import { distanceM, geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { AreaGeometry, LineStringGeometry } from '../../../shared/model';

// Positions computed independently with python3-geographiclib (Debian):
//   g.Direct(21, 106, 90, 100) -> EAST_100; g.Direct(EAST_100, 0, 100) -> CORNER_NORTH_100
const START: [number, number] = [106.0, 21.0];
const EAST_100: [number, number] = [106.0009618121968, 20.999999997283236];
const NORTH_OF_EAST_100: [number, number] = [106.0009618121968, 21.000903200675037];
const rel = (a: number, b: number) => Math.abs(a - b) / b;
const vertices = (g: AreaGeometry) => (g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2));

describe('roadCorridor', () => {
  it('a straight 100 m road 12 m wide covers 1,200 m² with flat ends', () => {
    const line: LineStringGeometry = { type: 'LineString', coordinates: [START, EAST_100] };
    const c = roadCorridor(line, 12);
    expect(c?.type).toBe('Polygon');
    if (!c) return;
    expect(rel(geodesicAreaM2(c), 1200)).toBeLessThan(1e-3);
    // Flat ends: the corners are 6 m from the end points (geodesic), within 1 %.
    const fromStart = vertices(c).map((p) => distanceM(p, START)).sort((a, b) => a - b);
    expect(rel(fromStart[0], 6)).toBeLessThan(0.01);
  });

  it('an L-shaped road gets a square outer corner: 2 × 100 m × 10 m = 2,000 m²', () => {
    // Two 100 × 10 rectangles overlap in the inner 5 × 5 square; the mitre fills the outer
    // 5 × 5 square: 1000 + 1000 − 25 + 25 = 2000 m².
    const c = roadCorridor({ type: 'LineString', coordinates: [START, EAST_100, NORTH_OF_EAST_100] }, 10);
    expect(c?.type).toBe('Polygon');
    if (!c) return;
    expect(rel(geodesicAreaM2(c), 2000)).toBeLessThan(1e-3);
  });

  it('returns null for a zero-length line or zero width', () => {
    expect(roadCorridor({ type: 'LineString', coordinates: [START, START] }, 10)).toBeNull();
    expect(roadCorridor({ type: 'LineString', coordinates: [START, EAST_100] }, 0)).toBeNull();
  });
});

describe('mergeCorridors', () => {
  it('two crossing 10 m roads of 100 m merge into one cross: 1000 + 1000 − 100 = 1,900 m²', () => {
    // Road 1: START → EAST_100; road 2 north–south through its middle, 50 m each side.
    const mid: [number, number] = [(START[0] + EAST_100[0]) / 2, 21.0];
    const road2: LineStringGeometry = { type: 'LineString', coordinates: [[mid[0], 21.0 - 0.000451601], [mid[0], 21.0 + 0.000451601]] };
    const merged = mergeCorridors([
      { geometry: { type: 'LineString', coordinates: [START, EAST_100] }, widthM: 10 },
      { geometry: road2, widthM: 10 },
    ]);
    expect(merged?.type).toBe('Polygon');
    if (!merged) return;
    // road2 is 0.000903202° of latitude ≈ 99.99 m long (1° ≈ 110.7 km at 21° N).
    const road2M = distanceM(road2.coordinates[0], road2.coordinates[1]);
    expect(rel(geodesicAreaM2(merged), 1000 + road2M * 10 - 100)).toBeLessThan(1e-3);
  });
});
