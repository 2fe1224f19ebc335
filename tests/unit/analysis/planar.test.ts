import { describe, expect, it } from 'vitest';
import { clipConvex, isConvexRing } from '../../../shared/geometry/convex-clip';
import { interiorsMayOverlap, isWithin } from '../../../shared/analysis/planar';
import { ringsApart } from '../../../shared/geometry/rings-apart';
import { poly, rect } from './fixtures';

// Planar predicates decide only *whether* Turf must clip; the answers here are by hand.
const square = poly(rect(106.0, 21.0, 106.002, 21.002));

describe('interiorsMayOverlap', () => {
  it.each([
    ['a neighbour sharing an edge', rect(106.002, 21.0, 106.004, 21.002), false],
    ['a neighbour touching at a corner', rect(106.002, 21.002, 106.004, 21.004), false],
    ['a polygon inside', rect(106.0005, 21.0005, 106.001, 21.001), true],
    ['the same square', rect(106.0, 21.0, 106.002, 21.002), true],
    ['a partial overlap along shared lines', rect(106.001, 21.0, 106.003, 21.002), true],
    ['a crossing', rect(106.001, 20.999, 106.0015, 21.003), true],
    ['a T-junction neighbour whose corner pokes in by 1 mm (a sliver, ignored)', rect(106.00199999, 21.0005, 106.004, 21.001), false],
    ['far away', rect(106.01, 21.01, 106.02, 21.02), false],
  ])('%s', (_name, ring, expected) => {
    expect(interiorsMayOverlap(square, poly(ring))).toBe(expected);
  });

  it('convex neighbours along an edge computed, not copied, are apart; pushed 0.5 m into each other they overlap', () => {
    // A row of skewed quadrilaterals sharing edges whose ends are computed in two ways (rounded
    // differently in the last bits); then each cell's right neighbour moved 0.5 m west, into it.
    const cell = (i: number, shiftDeg = 0) => {
      const x0 = 106 + i * 0.001 + shiftDeg;
      const x1 = 106 + (i + 1) * 0.001 + shiftDeg;
      const lean = 0.0003 * Math.sin(i);
      const leanNext = 0.0003 * Math.sin(i + 1);
      return poly([[x0, 21.0], [x1, 21.0], [x1 + leanNext, 21.001], [x0 + lean, 21.001], [x0, 21.0]]);
    };
    let rounded = 0;
    for (let i = 0; i < 20; i++) {
      const left = cell(i);
      // The shared edge's ends again, as 106.001 + i * 0.001 instead of 106 + (i + 1) * 0.001.
      const shared = (x: number) => (Math.abs(x - left.coordinates[0][1][0]) < 1e-9 ? 106.001 + i * 0.001 : x);
      const right = poly(cell(i + 1).coordinates[0].map(([x, y]) => [y === 21.0 ? shared(x) : x, y]));
      if (right.coordinates[0][0][0] !== left.coordinates[0][1][0]) rounded++;
      expect(interiorsMayOverlap(left, right), `cells ${i}, ${i + 1}`).toBe(false);
      expect(interiorsMayOverlap(left, cell(i + 1, -0.5 / 104_000)), `cells ${i}, ${i + 1} pushed together`).toBe(true);
    }
    expect(rounded).toBeGreaterThan(0);
  });

  it('a polygon lying in the hole of another does not overlap it', () => {
    const holed = poly(rect(106.0, 21.0, 106.002, 21.002), rect(106.0005, 21.0005, 106.0015, 21.0015));
    expect(interiorsMayOverlap(holed, poly(rect(106.0006, 21.0006, 106.0014, 21.0014)))).toBe(false);
    expect(interiorsMayOverlap(holed, poly(rect(106.0004, 21.0006, 106.0014, 21.0014)))).toBe(true);
  });
});

describe('ringsApart (the separating-axis screen, on convex hulls)', () => {
  // A long curved strip (an arc of 200 vertices, concave on its inner side) and a plot: by hand,
  // a plot beside its outer edge is apart; one in the bay of the arc lies inside the strip's hull
  // without touching the strip, which the screen cannot tell (it answers "not apart", and the
  // exact tests decide); one across it is not apart.
  const arc = (r0: number, r1: number) => {
    const outer = Array.from({ length: 100 }, (_, i) => [106 + r1 * Math.cos((Math.PI * i) / 99), 21 + r1 * Math.sin((Math.PI * i) / 99)]);
    const inner = Array.from({ length: 100 }, (_, i) => [106 + r0 * Math.cos((Math.PI * (99 - i)) / 99), 21 + r0 * Math.sin((Math.PI * (99 - i)) / 99)]);
    const ring = [...outer, ...inner];
    return poly([...ring, ring[0]].reverse());
  };
  const strip = arc(0.004, 0.005);

  it('separates a plot beyond the strip’s outer edge, and a row of plots along a shared edge', () => {
    expect(ringsApart(strip, poly(rect(105.998, 21.0051, 106.002, 21.006)))).toBe(true);
    expect(interiorsMayOverlap(strip, poly(rect(105.998, 21.0051, 106.002, 21.006)))).toBe(false);
    expect(ringsApart(square, poly(rect(106.002, 21.0, 106.004, 21.002)))).toBe(true);
    // Either way round: a ring drawn clockwise is not its own hull, and is taken through it.
    const clockwise = poly([...rect(106.002, 21.0, 106.004, 21.002)].reverse());
    expect(ringsApart(square, clockwise)).toBe(true);
    expect(ringsApart(clockwise, poly(rect(106.003, 21.001, 106.005, 21.003)))).toBe(false);
  });

  it('does not separate a plot in the bay (hulls meet) or across the strip; the exact tests then decide', () => {
    const inBay = poly(rect(105.999, 21.001, 106.001, 21.002));
    expect(ringsApart(strip, inBay)).toBe(false);
    expect(interiorsMayOverlap(strip, inBay)).toBe(false);
    const across = poly(rect(105.9995, 21.0035, 106.0005, 21.0055));
    expect(ringsApart(strip, across)).toBe(false);
    expect(interiorsMayOverlap(strip, across)).toBe(true);
  });

  it('does not take a star that turns left at every vertex for its own hull', () => {
    // A pentagram (the vertices of a regular pentagon taken two apart) turns left at each vertex
    // but winds twice; a small square in its top spike shares area with it. By hand: the spike
    // around (106, 21.0009) lies between the two edges meeting at the top vertex.
    const star = Array.from({ length: 5 }, (_, i) => {
      const angle = Math.PI / 2 + (4 * Math.PI * i) / 5;
      return [106 + 0.001 * Math.cos(angle), 21 + 0.001 * Math.sin(angle)];
    });
    const pentagram = poly([...star, star[0]]);
    const inSpike = poly(rect(105.99998, 21.00088, 106.00002, 21.00092));
    expect(ringsApart(pentagram, inSpike)).toBe(false);
    expect(interiorsMayOverlap(pentagram, inSpike)).toBe(true);
  });

  it('leaves polygons with holes or parts to the exact tests', () => {
    const holed = poly(rect(106.0, 21.0, 106.002, 21.002), rect(106.0005, 21.0005, 106.0015, 21.0015));
    expect(ringsApart(holed, poly(rect(106.01, 21.01, 106.02, 21.02)))).toBe(false);
  });
});

describe('isWithin', () => {
  it('inside, touching the edge, poking out, and around a hole', () => {
    expect(isWithin(poly(rect(106.0, 21.0, 106.001, 21.001)), square)).toBe(true);
    expect(isWithin(poly(rect(106.001, 21.001, 106.003, 21.0015)), square)).toBe(false);
    const holed = poly(rect(106.0, 21.0, 106.002, 21.002), rect(106.0005, 21.0005, 106.0015, 21.0015));
    expect(isWithin(poly(rect(106.0001, 21.0001, 106.0019, 21.0019)), holed)).toBe(false);
  });
});

describe('convex clipping', () => {
  it('clips a triangle by a square (by hand: the square keeps the triangle corner 0..1)', () => {
    const tri = [[0, 0], [2, 0], [0, 2], [0, 0]];
    const sq = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const out = clipConvex(tri, sq)!;
    // Triangle x + y ≤ 2 inside the unit square covers all of it: the square itself.
    let area = 0;
    for (let i = 1; i < out.length; i++) area += out[i - 1][0] * out[i][1] - out[i][0] * out[i - 1][1];
    expect(Math.abs(area / 2)).toBeCloseTo(1, 12);
    expect(clipConvex(sq, [[2, 2], [3, 2], [3, 3], [2, 3], [2, 2]])).toBeNull();
  });
  it('clips a concave L by a convex square with the right area (by hand)', () => {
    // L = [0,2]² minus [1,2]²: area 3. Clip square [0.5, 1.5]²: L keeps 3 of its 4 quarter cells: 0.75.
    const L = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    const out = clipConvex(L, [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5], [0.5, 0.5]])!;
    let area = 0;
    for (let i = 1; i < out.length; i++) area += out[i - 1][0] * out[i][1] - out[i][0] * out[i - 1][1];
    expect(Math.abs(area / 2)).toBeCloseTo(0.75, 12);
  });

  it('tells convex from concave rings, whatever the orientation', () => {
    expect(isConvexRing([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toBe(true);
    expect(isConvexRing([[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]])).toBe(true);
    expect(isConvexRing([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]])).toBe(false);
    expect(isConvexRing([[0, 0], [1, 0], [2, 0], [2, 1], [0, 1], [0, 0]])).toBe(true); // colinear vertex
    // A pentagram turns the same way at every vertex but winds twice: not convex.
    const star = Array.from({ length: 5 }, (_, i) => [Math.cos(Math.PI / 2 + (4 * Math.PI * i) / 5), Math.sin(Math.PI / 2 + (4 * Math.PI * i) / 5)]);
    expect(isConvexRing([...star, star[0]])).toBe(false);
    const pentagon = Array.from({ length: 5 }, (_, i) => [Math.cos(Math.PI / 2 + (2 * Math.PI * i) / 5), Math.sin(Math.PI / 2 + (2 * Math.PI * i) / 5)]);
    expect(isConvexRing([...pentagon, pentagon[0]])).toBe(true);
  });
});
