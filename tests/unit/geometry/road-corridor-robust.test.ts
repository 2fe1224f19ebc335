import { describe, expect, it } from 'vitest';
import { mergeCorridors, roadCorridorOutcome } from '../../../shared/geometry/road-corridor';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import type { Position } from '../../../shared/model';

// Shapes the polygon clipper (polyclip) used to reject with "Unable to complete output ring".
// Built in a local metric frame; reference areas from python3-shapely (Debian) in that frame,
// flat ends and a 2× mitre limit as the corridor code does:
//   /usr/bin/python3 -c "from shapely.geometry import LineString as L; print(L(COORDS).buffer(HALF, cap_style=2, join_style=2, mitre_limit=2).area)"
const frame = createLocalFrame(106, 21);
const at = (x: number, y: number): Position => localToLonLat(frame, x, y);
const line = (...xy: [number, number][]) => ({ type: 'LineString' as const, coordinates: xy.map(([x, y]) => at(x, y)) });
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('road corridors on shapes the clipper trips over', () => {
  it('a closed right-angle loop is a frame with mitred corners all round: 2,786 m²', () => {
    // COORDS = [(0,0),(137.3,0),(137.3,61.7),(0,61.7),(0,0)], HALF = 3.5 -> 2786.000000000001
    // By hand: outer 144.3 × 68.7 − inner 130.3 × 54.7 = 9913.41 − 7127.41 = 2786.
    const out = roadCorridorOutcome(line([0, 0], [137.3, 0], [137.3, 61.7], [0, 61.7], [0, 0]), 7);
    expect(out.problem).toBeNull();
    expect(out.corridor?.type).toBe('Polygon');
    if (out.corridor?.type !== 'Polygon') return;
    expect(out.corridor.coordinates).toHaveLength(2); // the frame and its hole
    expect(rel(geodesicAreaM2(out.corridor), 2786)).toBeLessThan(1e-3);
  });

  it('a loop that starts mid-side is the same frame: 2,786 m²', () => {
    // COORDS = [(60,0),(137.3,0),(137.3,61.7),(0,61.7),(0,0),(60,0)], HALF = 3.5 -> 2786.000000000001
    const out = roadCorridorOutcome(line([60, 0], [137.3, 0], [137.3, 61.7], [0, 61.7], [0, 0], [60, 0]), 7);
    expect(out.problem).toBeNull();
    expect(out.corridor?.type).toBe('Polygon');
    if (!out.corridor) return;
    expect(rel(geodesicAreaM2(out.corridor), 2786)).toBeLessThan(1e-3);
  });

  it('consecutive collinear segments make one straight corridor: 100 m × 10 m = 1,000 m²', () => {
    // COORDS = [(0,0),(33.3,0),(71.1,0),(100,0)], HALF = 5 -> 1000.0
    const out = roadCorridorOutcome(line([0, 0], [33.3, 0], [71.1, 0], [100, 0]), 10);
    expect(out.problem).toBeNull();
    expect(out.corridor?.type).toBe('Polygon');
    if (out.corridor?.type !== 'Polygon') return;
    expect(out.corridor.coordinates[0]).toHaveLength(5); // one rectangle, no seams
    expect(rel(geodesicAreaM2(out.corridor), 1000)).toBeLessThan(1e-3);
  });

  it('two roads touching end to end on one line merge into one 1,000 m² corridor', () => {
    // COORDS = [(0,0),(30,40),(60,80)] (the two roads together), HALF = 5 -> 1000.0 (100 m × 10 m)
    const merged = mergeCorridors([
      { geometry: line([0, 0], [30, 40]), widthM: 10 },
      { geometry: line([30, 40], [60, 80]), widthM: 10 },
    ]);
    expect(merged?.type).toBe('Polygon');
    if (!merged) return;
    expect(rel(geodesicAreaM2(merged), 1000)).toBeLessThan(1e-3);
  });
});
