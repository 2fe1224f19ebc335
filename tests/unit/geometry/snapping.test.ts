import { describe, expect, it } from 'vitest';
import { createSnapIndex, snap } from '../../../shared/geometry/snapping';
import type { ParkFeature } from '../../../shared/model';
import { distanceM } from '../../../shared/geometry/geodesic';

// Cursor positions computed independently with python3-geographiclib (Debian, /usr/bin/python3):
//   from geographiclib.geodesic import Geodesic; g = Geodesic.WGS84
//   g.Direct(21.0, 106.0, 45, 3.0)   -> 3 m north-east of the vertex (106.0, 21.0)
//   g.Direct(21.005, 106.0, 90, 4.0) -> 4 m east of the meridian edge lon = 106.0 at lat 21.005
//   (check: g.Inverse back to (21.005, 106.0) gives s12 = 4.0000000004)
const CURSOR_3M_NE_OF_VERTEX: [number, number] = [106.0000204031204, 21.000019159837063];
const CURSOR_4M_E_OF_EDGE: [number, number] = [106.00003847376931, 21.004999999995654];
const ROAD_GAP_M = 11.071728677269213;

// A plot whose west edge runs along lon 106.0 from lat 21.0 to 21.01.
const plot: ParkFeature = {
  id: 'plot',
  kind: 'landuse',
  landUse: 'industrial',
  geometry: { type: 'Polygon', coordinates: [[[106.0, 21.0], [106.002, 21.0], [106.002, 21.01], [106.0, 21.01], [106.0, 21.0]]] },
};
const road: ParkFeature = {
  id: 'road',
  kind: 'road',
  widthM: 12,
  geometry: { type: 'LineString', coordinates: [[105.99, 21.02], [106.01, 21.02]] },
};
const gate: ParkFeature = { id: 'gate', kind: 'point', geometry: { type: 'Point', coordinates: [106.005, 21.03] } };

describe('snapping', () => {
  const index = createSnapIndex([plot, road, gate]);

  it('snaps to a vertex 3 m away and reports the geodesic distance', () => {
    const r = snap(index, CURSOR_3M_NE_OF_VERTEX, 5);
    expect(r).not.toBeNull();
    expect(r?.kind).toBe('vertex');
    expect(r?.featureId).toBe('plot');
    expect(r?.position).toEqual([106.0, 21.0]);
    expect(r?.vertexIndex).toBe(0);
    expect(r?.ringPath).toEqual([0]);
    expect(r?.distanceM).toBeCloseTo(3.0, 6);
  });

  it('snaps to the foot of the perpendicular on an edge 4 m away', () => {
    const r = snap(index, CURSOR_4M_E_OF_EDGE, 5);
    expect(r?.kind).toBe('edge');
    expect(r?.featureId).toBe('plot');
    expect(r?.edgeIndex).toBe(3); // (106.0, 21.01) → (106.0, 21.0)
    expect(r?.distanceM).toBeCloseTo(4.0, 4);
    // On the meridian (1e-9° ≈ 0.1 mm), at the cursor's latitude.
    expect(Math.abs((r?.position[0] ?? 0) - 106.0)).toBeLessThan(1e-9);
    expect(Math.abs((r?.position[1] ?? 0) - 21.005)).toBeLessThan(1e-8);
  });

  it('returns null beyond the tolerance, and respects the edge/vertex switches', () => {
    expect(snap(index, CURSOR_4M_E_OF_EDGE, 3.9)).toBeNull();
    expect(snap(index, CURSOR_4M_E_OF_EDGE, 5, { edges: false })).toBeNull();
    expect(snap(index, CURSOR_3M_NE_OF_VERTEX, 5, { vertices: false })?.kind).toBe('edge');
    expect(snap(index, CURSOR_3M_NE_OF_VERTEX, 2.9)?.kind).toBe('edge'); // edges ~2.1 m away
  });

  it('prefers a vertex within tolerance over a nearer edge', () => {
    // 3 m NE of the corner the two edges are ~2.12 m away, the vertex 3 m: the vertex wins.
    const r = snap(index, CURSOR_3M_NE_OF_VERTEX, 5);
    expect(r?.kind).toBe('vertex');
  });

  it('excludes features being edited', () => {
    expect(snap(index, CURSOR_3M_NE_OF_VERTEX, 5, { excludeIds: ['plot'] })).toBeNull();
  });

  it('snaps to road lines and facility points', () => {
    // The road runs along the parallel 21.02; g.Inverse(21.0199, 106, 21.02, 106) -> s12 = ROAD_GAP_M.
    const onRoad = snap(index, [106.0, 21.0199], 15);
    expect(onRoad?.kind).toBe('edge');
    expect(onRoad?.featureId).toBe('road');
    expect(onRoad?.ringPath).toEqual([]);
    expect(onRoad?.position[1]).toBeCloseTo(21.02, 12);
    expect(onRoad?.distanceM).toBeCloseTo(ROAD_GAP_M, 5);
    const atGate = snap(index, [106.00502, 21.03], 5);
    expect(atGate?.featureId).toBe('gate');
    expect(atGate?.kind).toBe('vertex');
  });

  it('updates incrementally: moved, added and deleted features', () => {
    const idx = createSnapIndex([plot, road]);
    expect(idx.size).toBe(2);
    const moved: ParkFeature = { ...gate, geometry: { type: 'Point', coordinates: [106.0, 21.0] } };
    idx.update([moved], ['plot']);
    expect(idx.size).toBe(2);
    const r = snap(idx, CURSOR_3M_NE_OF_VERTEX, 5);
    expect(r?.featureId).toBe('gate');
    idx.update([{ ...gate }], []);
    expect(snap(idx, CURSOR_3M_NE_OF_VERTEX, 5)).toBeNull();
    expect(snap(idx, [106.005, 21.03], 1)?.featureId).toBe('gate');
  });

  it('finds long diagonal edges through the cells they cross', () => {
    const diagonal: ParkFeature = {
      id: 'diag',
      kind: 'road',
      widthM: 10,
      geometry: { type: 'LineString', coordinates: [[106.0, 21.0], [106.05, 21.05]] },
    };
    const idx = createSnapIndex([diagonal]);
    // Near the middle of the chord, nudged 0.00001° east (1.04 m): the snapped point lies on the
    // chord as drawn (lon − 106 = lat − 21) and is nearer than the nudge.
    const cursor: [number, number] = [106.02501, 21.025];
    const r = snap(idx, cursor, 2);
    expect(r?.kind).toBe('edge');
    expect(Math.abs((r?.position[0] ?? 0) - 106 - ((r?.position[1] ?? 0) - 21))).toBeLessThan(1e-12);
    expect(r?.distanceM).toBeCloseTo(distanceM(cursor, r?.position ?? cursor), 9);
    expect(r?.distanceM).toBeLessThan(1.04);
    expect(r?.distanceM).toBeGreaterThan(0.5);
  });
});
