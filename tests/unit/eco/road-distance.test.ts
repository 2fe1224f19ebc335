import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../shared/project-file';
import { analyzeEco } from '../../../shared/eco';
import type { Position } from 'geojson';
import { createTangentPlane, fromPlane } from '../../../shared/geometry/tangent-plane';
import { roadDistances, symbiosisExchanges, type PlotPlace, type RoadLine } from '../../../shared/eco';
import { distanceM } from '../../../shared/geometry/geodesic';

// A hand-built grid, drawn in metres east/north of plot A's interior point in the same tangent
// plane road-distance.ts works in (its origin is the first plot's interior point), so every
// length below is exact arithmetic on these coordinates:
//
//            (400,300)
//                |  V            [B]  x 405..500, y 150..250, interior (450,200)
//      [C]       |
//   (200,100)    |                                 D (1000,0)→(1000,200)  [E] x 1005..1100
//      |  X      |
//  ----+----+----+  H  y = −20, x 0..400           (no road reaches D: E is disconnected)
//  [A] |    | T (300,−20.5)→(300,−80): ends 0.5 m short of H, a T-junction within 1 m
//   (200,−100)  [F] x 305..350, y −100..−60, interior (330,−80)
//
// Every road is 10 m wide, so a plot edge within 5 m + 1 m of a centre line fronts it.
const plane = createTangentPlane(106.3, 21.0);
const ll = (x: number, y: number): Position => fromPlane(plane, x, y);
const line = (...pts: [number, number][]): RoadLine => ({ geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => ll(x, y)) }, widthM: 10 });
const plot = (id: string, x0: number, y0: number, x1: number, y1: number, interior: [number, number]): PlotPlace => ({
  id,
  geometry: { type: 'Polygon', coordinates: [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]] },
  interior: ll(...interior),
});

const roads = [
  line([0, -20], [400, -20]), // H
  line([400, -20], [400, 300]), // V, joined end to end: the L
  line([200, -100], [200, 100]), // X, crossing H at (200, −20)
  line([300, -20.5], [300, -80]), // T
  line([1000, 0], [1000, 200]), // D, on its own
];
const plots = [
  plot('A', -50, -15, 50, 50, [0, 0]), // south edge 5 m from H: fronts H, joins at (0, −20)
  plot('B', 405, 150, 500, 250, [450, 200]), // fronts V, joins at (400, 200)
  plot('C', 190, 150, 230, 190, [210, 170]), // 50 m from X's end: no frontage
  plot('E', 1005, 50, 1100, 150, [1050, 100]), // fronts D only
  plot('F', 305, -100, 350, -60, [330, -80]), // fronts T, joins at (300, −80)
];

describe('distances between plots along the roads', () => {
  const d = roadDistances(roads, plots);

  it('follows the L: along H then up V', () => {
    // (0,−20) → (400,−20) is 400 m, → (400,200) is 220 m: 620 m (the straight line is 492.4 m).
    expect(d.between('A', 'B')).toBeCloseTo(620, 6);
    expect(d.between('B', 'A')).toBeCloseTo(620, 6);
  });

  it('turns at a crossing and adds the straight access leg of a plot with no frontage', () => {
    // (0,−20) → (200,−20) 200 m, up X to its end (200,100) 120 m, then the leg to C's interior
    // point (210,170): √(10² + 70²) = 70.7107 m. Total 390.7107 m.
    expect(d.between('A', 'C')).toBeCloseTo(390.7107, 3);
  });

  it('nodes a road ending within the tolerance of another (T-junction)', () => {
    // (0,−20) → (300,−20) 300 m; T's end (300,−20.5) is merged into that node, then T from its
    // end to (300,−80): 59.5 m. 359.5 m. (Without the tolerance, F would not be reachable.)
    expect(d.between('A', 'F')).toBeCloseTo(359.5, 6);
  });

  it('returns nothing for plots the roads do not connect, and the exchange falls back to the straight line, flagged', () => {
    expect(d.between('A', 'E')).toBeNull();
    const resources = [
      { id: 'A', byProducts: [{ resource: 'metal-scrap', quantity: 10, unit: 't' }] },
      { id: 'E', sector: '2410', byProducts: [] },
    ];
    const locations = new Map(plots.map((p) => [p.id, p.interior]));
    // A steel works (2410) takes scrap metal; see data/eco/symbiosis.json.
    const [x] = symbiosisExchanges(resources as never, locations, [], d);
    expect(x.alongRoads).toBe(false);
    expect(x.distanceM).toBeCloseTo(distanceM(plots[0].interior, plots[3].interior), 6);
    // 1050 m east, 100 m north in the plane: √(1050² + 100²) = 1054.75 m (the tangent plane's
    // scale error at 1 km is ~4 cm).
    expect(x.distanceM).toBeCloseTo(1054.75, 0);
  });

  it('gives nothing without roads', () => {
    expect(roadDistances([], plots).between('A', 'B')).toBeNull();
  });
});

describe('road distances on the sample park', () => {
  it('match an independent shapely + Dijkstra computation', async () => {
    const SQL = await initSqlJs();
    const read = readProject(SQL, new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
    if (!read.ok) throw new Error('the sample did not open');
    const r = analyzeEco(read.document);
    // Reference: the active scenario's roads {geometry, widthM} and industrial plots {id,
    // geometry, interior (interiorPoint of shared/analysis/measure)} written to sample.json, then
    //   /usr/bin/python3 tests/unit/eco/reference/road_distance.py sample.json \
    //     5e2b88c4-7910-5bb3-a3d9-58ec40c00e80 27b0f2e1-4e54-5cae-a033-aff75f6eb35a \
    //     5e2b88c4-7910-5bb3-a3d9-58ec40c00e80 c8d845f1-6428-5383-94cb-2fcd5a52085d \
    //     09f12acb-b99c-58f6-8ff9-c860499870fa ab5a2188-31ae-50e7-802c-69a86aabbc4d \
    //     75dcbbe9-dcbb-5516-a8ce-c02c85a28531 ab5a2188-31ae-50e7-802c-69a86aabbc4d
    //   → 503.391, 2327.32, 2477.965, 822.002 (python3-shapely 1.8.5)
    const expected: [string, string, number][] = [
      ['5e2b88c4-7910-5bb3-a3d9-58ec40c00e80', '27b0f2e1-4e54-5cae-a033-aff75f6eb35a', 503.391],
      ['5e2b88c4-7910-5bb3-a3d9-58ec40c00e80', 'c8d845f1-6428-5383-94cb-2fcd5a52085d', 2327.32],
      ['09f12acb-b99c-58f6-8ff9-c860499870fa', 'ab5a2188-31ae-50e7-802c-69a86aabbc4d', 2477.965],
      ['75dcbbe9-dcbb-5516-a8ce-c02c85a28531', 'ab5a2188-31ae-50e7-802c-69a86aabbc4d', 822.002],
    ];
    for (const [from, to, metres] of expected) {
      const x = r.symbiosis.find((e) => e.fromPlotId === from && e.toPlotId === to);
      expect(x?.alongRoads).toBe(true);
      expect(x?.distanceM).toBeCloseTo(metres, 1);
    }
    // Every candidate of the sample is reachable by road.
    expect(r.symbiosis.every((e) => e.alongRoads)).toBe(true);
  });
});
