import { difference } from '@turf/difference';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GridIndex } from '../../../shared/analysis/grid-index';
import { bboxOf, clearlyWithin, edgesProperlyCross, EPS_DEG, interiorsMayOverlap, isWithin, withinByVertices, type BBox } from '../../../shared/analysis/planar';
import { pointInArea } from '../../../shared/geometry/point-in-area';
import { subtractAreas } from '../../../shared/geometry/boolean';
import type { AreaGeometry, Position } from '../../../shared/model/geometry-schema';
import { poly, rect } from './fixtures';

/**
 * The analysis's fast paths (issue 12) must give the answers of the slow paths they skip, to the
 * last bit: each is checked here against its slow path on ordinary and degenerate geometry.
 */

const boundary = poly(rect(106.0, 21.0, 106.01, 21.01));
// An L-shaped boundary with collinear vertices along its edges and a hole (a pond outside the park).
const lShape = poly(
  [[106.0, 21.0], [106.005, 21.0], [106.01, 21.0], [106.01, 21.005], [106.005, 21.005], [106.005, 21.01], [106.0, 21.01], [106.0, 21.005], [106.0, 21.0]],
  rect(106.001, 21.001, 106.002, 21.002).reverse(),
);
const twoParts: AreaGeometry = { type: 'MultiPolygon', coordinates: [[rect(106.0, 21.0, 106.004, 21.004)], [rect(106.006, 21.006, 106.01, 21.01)]] };

/** Deterministic pseudo-random numbers (Park–Miller), so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Rectangles, triangles and collinear-vertex rectangles of every size around and across the outlines. */
function candidates(count: number, seed: number): AreaGeometry[] {
  const next = random(seed);
  const out: AreaGeometry[] = [];
  for (let i = 0; i < count; i++) {
    // Snapped to 0.0005° half the time, so many candidates share edges and corners with the outlines.
    const snap = (v: number) => (i % 2 === 0 ? Math.round(v / 0.0005) * 0.0005 : v);
    const x0 = snap(105.999 + next() * 0.012), y0 = snap(20.999 + next() * 0.012);
    const x1 = snap(x0 + 0.0002 + next() * 0.004), y1 = snap(y0 + 0.0002 + next() * 0.004);
    if (x1 <= x0 || y1 <= y0) continue;
    if (i % 3 === 0) out.push(poly([[x0, y0], [x1, y0], [x0, y1], [x0, y0]]));
    else if (i % 3 === 1) out.push(poly([[x0, y0], [(x0 + x1) / 2, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]));
    else out.push(poly(rect(x0, y0, x1, y1)));
  }
  return out;
}

/**
 * `g` with a vertex every `step` degrees along each edge of its outer rings: the same area, on the
 * same straight edges (they run along a parallel or a meridian, where the added vertices lie
 * exactly), with enough edges for the edge grid and the latitude bands (a drawn boundary's size).
 */
function densified(g: AreaGeometry, step: number): AreaGeometry {
  const dense = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i], ring[i + 1]];
      const n = Math.max(1, Math.round(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / step));
      for (let k = 0; k < n; k++) out.push(k === 0 ? a : [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
    }
    return [...out, out[0]];
  };
  const part = (rings: Position[][]) => rings.map((r, i) => (i === 0 ? dense(r) : r));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: part(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(part) };
}

describe('isWithin: the clear-of-edges screen gives the vertex-by-vertex answer', () => {
  const outers: [string, AreaGeometry][] = [
    ['a rectangle', boundary],
    ['an L with collinear vertices and a hole', lShape],
    ['a multipolygon', twoParts],
    ['a rectangle of 400 vertices (edge grid and bands)', densified(boundary, 0.0001)],
    ['an L with a hole, of 400 vertices', densified(lShape, 0.0001)],
    ['a multipolygon of 320 vertices', densified(twoParts, 0.0001)],
  ];

  it.each([
    ['a rectangle', boundary],
    ['an L with a hole', lShape],
    ['a multipolygon', twoParts],
  ])('gives for %s with a vertex every 0.0001° (the edge grid and the bands) the answers of its plain outline', (_name, outer) => {
    const dense = densified(outer, 0.0001);
    expect((dense.type === 'Polygon' ? dense.coordinates[0] : dense.coordinates[0][0]).length).toBeGreaterThan(150);
    let within = 0;
    for (const inner of candidates(600, 11)) {
      const plain = isWithin(inner, outer);
      expect(isWithin(inner, dense)).toBe(plain);
      expect(withinByVertices(inner, dense)).toBe(withinByVertices(inner, outer));
      if (plain) within++;
    }
    expect(within).toBeGreaterThan(20);
    expect(within).toBeLessThan(550);
  });

  it.each(outers)('random candidates in %s', (_name, outer) => {
    let screened = 0;
    let within = 0;
    for (const inner of candidates(600, 7)) {
      const slow = withinByVertices(inner, outer);
      if (clearlyWithin(inner, outer)) {
        screened++;
        expect(slow).toBe(true);
      }
      if (slow) within++;
      // isWithin adds only the box test in front of the two.
      const box = bboxOf(inner);
      const outerBox = bboxOf(outer);
      const boxOk = box[0] >= outerBox[0] - 1e-7 && box[1] >= outerBox[1] - 1e-7 && box[2] <= outerBox[2] + 1e-7 && box[3] <= outerBox[3] + 1e-7;
      expect(isWithin(inner, outer)).toBe(boxOk && slow);
    }
    // The screen answered for a good share of the polygons inside, and some were outside.
    expect(screened).toBeGreaterThan(20);
    expect(within).toBeGreaterThan(screened);
    expect(within).toBeLessThan(600);
  });

  it.each([
    ['exactly the boundary', boundary, boundary, true],
    ['sharing one edge with the boundary', poly(rect(106.0, 21.002, 106.003, 21.004)), boundary, true],
    ['touching the boundary at one vertex (a triangle)', poly([[106.0, 21.0], [106.003, 21.001], [106.001, 21.003], [106.0, 21.0]]), boundary, true],
    ['within 1 cm of the edge, inside', poly(rect(106.00000005, 21.002, 106.003, 21.004)), boundary, true],
    ['1 mm outside the edge (within EPS_DEG: counts as touching)', poly(rect(105.99999999, 21.002, 106.003, 21.004)), boundary, true],
    ['around the hole of the L', poly(rect(106.0005, 21.0005, 106.0025, 21.0025)), lShape, false],
    ['in the hole of the L', poly(rect(106.0012, 21.0012, 106.0018, 21.0018)), lShape, false],
    ['beside the hole of the L', poly(rect(106.003, 21.001, 106.004, 21.002)), lShape, true],
    ['in the notch of the L', poly(rect(106.006, 21.006, 106.008, 21.008)), lShape, false],
    ['between the parts of a multipolygon', poly(rect(106.0045, 21.0045, 106.0055, 21.0055)), twoParts, false],
    ['inside the second part of a multipolygon', poly(rect(106.007, 21.007, 106.008, 21.008)), twoParts, true],
    ['a polygon with a hole, inside', poly(rect(106.002, 21.002, 106.006, 21.006), rect(106.003, 21.003, 106.004, 21.004).reverse()), boundary, true],
  ])('%s', (_name, inner, outer, expected) => {
    // Expected values by hand from the drawings the names describe.
    expect(withinByVertices(inner, outer)).toBe(expected);
    expect(isWithin(inner, outer)).toBe(expected);
    if (clearlyWithin(inner, outer)) expect(expected).toBe(true);
  });

  it('the screen does answer for a polygon well inside, and not for one on the outline', () => {
    expect(clearlyWithin(poly(rect(106.002, 21.002, 106.003, 21.003)), boundary)).toBe(true);
    expect(clearlyWithin(poly(rect(106.0, 21.002, 106.003, 21.003)), boundary)).toBe(false);
    // Inside the box of the L's hole but not in the hole: the hole's edges are near, so no screen.
    expect(clearlyWithin(poly(rect(106.0011, 21.0011, 106.0012, 21.0012)), lShape)).toBe(false);
  });
});

describe('edgesProperlyCross: searching only the edges of b near a\'s box finds the same crossings', () => {
  // A long strip with T-junction vertices along both long edges, as road land is drawn.
  const stripRing: Position[] = [];
  for (let i = 0; i <= 40; i++) stripRing.push([106.0 + i * 0.00025, 21.005]);
  for (let i = 40; i >= 0; i--) stripRing.push([106.0 + i * 0.00025, 21.0052]);
  stripRing.push([106.0, 21.005]);
  const strip = poly(stripRing);
  const shapes: AreaGeometry[] = [strip, lShape, twoParts, ...candidates(300, 23)];

  it('random pairs, both ways, and the overlap test built on it', () => {
    let crossings = 0;
    for (let i = 0; i < shapes.length; i++) {
      for (const j of [0, 1, 2, (i * 7) % shapes.length, (i * 13 + 5) % shapes.length]) {
        const a = shapes[i];
        const b = shapes[j];
        const boxA = bboxOf(a);
        const boxB = bboxOf(b);
        const slow = edgesProperlyCross(a, b, EPS_DEG, boxB);
        expect(edgesProperlyCross(a, b, EPS_DEG, boxB, boxA)).toBe(slow);
        if (slow) crossings++;
      }
    }
    // Enough crossings and non-crossings for the comparison to mean something.
    expect(crossings).toBeGreaterThan(50);
    expect(crossings).toBeLessThan(shapes.length * 5 - 50);
  });

  it.each<[string, AreaGeometry, boolean]>([
    // By hand: a plot sharing the strip's long edge between two T vertices touches, crosses nothing.
    ['a neighbour sharing a stretch of the long edge', poly(rect(106.001, 21.0052, 106.002, 21.006)), false],
    // Its sides cross both long edges between T vertices (those are at multiples of 0.00025°).
    ['a rectangle across the strip', poly(rect(106.00305, 21.004, 106.00345, 21.006)), true],
    ['a rectangle across the strip through two T vertices (touches there, crosses nowhere)', poly(rect(106.003, 21.004, 106.0035, 21.006)), false],
    ['a rectangle inside the strip', poly(rect(106.003, 21.0051, 106.0035, 21.00515)), false],
    ['a triangle poking a vertex into the strip', poly([[106.004, 21.0051], [106.005, 21.006], [106.003, 21.006], [106.004, 21.0051]]), true],
  ])('%s', (_name, other, expected) => {
    expect(edgesProperlyCross(other, strip, EPS_DEG, bboxOf(strip), bboxOf(other))).toBe(expected);
    expect(edgesProperlyCross(other, strip)).toBe(expected);
    // Every case but the neighbour shares area with the strip.
    expect(interiorsMayOverlap(other, strip)).toBe(!_name.startsWith('a neighbour'));
  });
});

/** subtractAreas before the pre-filter: every subtrahend handed to the clipper. */
function subtractAll(a: AreaGeometry, bs: AreaGeometry[]): AreaGeometry | null {
  const feature = (g: AreaGeometry): Feature<Polygon | MultiPolygon> => (g.type === 'Polygon' ? polygon(g.coordinates) : multiPolygon(g.coordinates));
  const result = difference(featureCollection<Polygon | MultiPolygon>([feature(a), ...bs.map(feature)]));
  if (!result) return null;
  const g = result.geometry;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates as Position[][] };
  return g.coordinates.length === 1 ? { type: 'Polygon', coordinates: g.coordinates[0] as Position[][] } : { type: 'MultiPolygon', coordinates: g.coordinates as Position[][][] };
}

describe('subtractAreas: dropping subtrahends whose boxes are apart changes nothing', () => {
  const corridor = poly([[106.0, 21.0], [106.002, 21.0], [106.004, 21.0], [106.004, 21.0002], [106.0, 21.0002], [106.0, 21.0]]);

  it.each<[string, AreaGeometry[]]>([
    ['one far away', [poly(rect(106.01, 21.01, 106.02, 21.02))]],
    ['only far away ones (the subject still goes through the clipper)', [poly(rect(106.01, 21.01, 106.02, 21.02)), poly(rect(105.9, 20.9, 105.95, 20.95))]],
    ['one overlapping among far ones', [poly(rect(106.01, 21.01, 106.02, 21.02)), poly(rect(106.001, 20.9999, 106.003, 21.0001)), poly(rect(105.9, 20.9, 105.95, 20.95))]],
    ['one touching the box at a corner only', [poly(rect(106.004, 21.0002, 106.005, 21.001)), poly(rect(106.001, 21.0001, 106.002, 21.001))]],
    ['one sharing an edge', [poly(rect(106.0, 21.0002, 106.004, 21.001))]],
    ['a polygon with a hole over it', [poly(rect(105.999, 20.999, 106.005, 21.001), rect(106.001, 20.9995, 106.003, 21.0005).reverse())]],
    ['a multipolygon with one part far', [{ type: 'MultiPolygon', coordinates: [[rect(106.003, 20.9999, 106.0035, 21.0001)], [rect(106.01, 21.01, 106.02, 21.02)]] }]],
    ['nothing left', [poly(rect(105.999, 20.999, 106.005, 21.001)), poly(rect(106.01, 21.01, 106.02, 21.02))]],
  ])('%s', (_name, bs) => {
    expect(subtractAreas(corridor, bs)).toStrictEqual(subtractAll(corridor, bs));
  });

  it('random rectangles around a long strip give the same rings, vertex for vertex', () => {
    const strip = poly(rect(106.0, 21.0, 106.01, 21.0003));
    const next = random(11);
    for (let trial = 0; trial < 40; trial++) {
      const bs = candidates(8, 1000 + trial).filter(() => next() < 0.7);
      expect(subtractAreas(strip, bs)).toStrictEqual(subtractAll(strip, bs));
    }
  });
});

describe('GridIndex with numeric cell keys', () => {
  it('finds exactly the items whose boxes touch, in both hemispheres and across cells', () => {
    const index = new GridIndex<number>();
    const boxes: BBox[] = [];
    const next = random(3);
    for (let i = 0; i < 400; i++) {
      const x = -180 + next() * 360, y = -85 + next() * 170;
      // Some boxes tiny, some several cells wide; some exactly on cell lines (multiples of 0.002°).
      const w = i % 4 === 0 ? 0.01 * next() : 0.0001;
      const x0 = i % 5 === 0 ? Math.round(x / 0.002) * 0.002 : x;
      boxes.push([x0, y, x0 + w, y + w]);
      index.insert(i, boxes[i]);
    }
    for (let i = 0; i < 400; i += 7) index.remove(i);
    const touches = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    for (let i = 0; i < 400; i++) {
      const q = boxes[i];
      const expected = boxes.flatMap((b, j) => (j % 7 !== 0 && touches(b, q) ? [j] : []));
      expect(index.query(q).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe('GridIndex on hostile boxes', () => {
  it('keeps huge and non-finite boxes out of the grid, still answers every query exactly, and removes them', () => {
    const index = new GridIndex<string>();
    const boxes: Record<string, BBox> = {
      plot: [106.0, 21.0, 106.001, 21.001],
      // 10° across: 5,000 × 5,000 cells of 0.002° if it were spread over the grid.
      country: [100, 15, 110, 25],
      infinite: [106.0, 21.0, Infinity, 21.001],
      nan: [Number.NaN, 21.0, 106.001, 21.001],
      far: [-70, -30, -69.999, -29.999],
    };
    for (const [id, box] of Object.entries(boxes)) index.insert(id, box);
    // By hand: the plot's box lies inside the country's and starts the infinite one; NaN compares false with everything.
    expect(index.query([106.0005, 21.0005, 106.0006, 21.0006]).sort()).toEqual(['country', 'infinite', 'plot']);
    expect(index.query([-70, -30, -69.9995, -29.9995])).toEqual(['far']);
    // A query box too large for the grid sees every item it touches.
    expect(index.query([-180, -90, 180, 90]).sort()).toEqual(['country', 'far', 'infinite', 'plot']);
    index.remove('country');
    index.remove('infinite');
    expect(index.query([106.0005, 21.0005, 106.0006, 21.0006])).toEqual(['plot']);
    expect(index.size).toBe(3);
  });
});

describe('pointInArea over memoised ring lists', () => {
  it('answers the same for a geometry asked twice and for an equal copy (holes, parts)', () => {
    const holed = poly(rect(106.0, 21.0, 106.002, 21.002), rect(106.0005, 21.0005, 106.0015, 21.0015));
    // By hand: the first point is in the ring, the second in the hole, the third outside.
    const points = [[106.0002, 21.0002], [106.001, 21.001], [106.003, 21.001]];
    const expected = [true, false, false];
    for (let round = 0; round < 2; round++) {
      expect(points.map((p) => pointInArea(p, holed))).toEqual(expected);
      expect(points.map((p) => pointInArea(p, structuredClone(holed)))).toEqual(expected);
    }
    expect(pointInArea([106.007, 21.007], twoParts)).toBe(true);
    expect(pointInArea([106.005, 21.005], twoParts)).toBe(false);
  });
});
