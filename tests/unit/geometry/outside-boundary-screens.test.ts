import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import type { AreaGeometry, ParkFeature, Position } from '../../../shared/model';
import { seededRandom } from '../../helpers/seeded-random';
import { at, largeParkFeatures, ring, sampleFeatures } from './screen-parks';

// Count the polygon clippings, to show how many polygons the screens settle without one.
const clipping = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../../shared/geometry/boolean', async (importOriginal) =>
  (await import('./clipping-spy')).countingSubtract(await importOriginal<typeof import('../../../shared/geometry/boolean')>(), clipping),
);
const { clippedOutside, outsideBoundary } = await import('../../../shared/geometry/outside-boundary');

/**
 * The screens of outsideBoundary may only skip a clipping whose answer is "nothing outside":
 * on every polygon below, the answer with screens equals the clipping's alone (clippedOutside,
 * what checkOutside computed before any screen), place included.
 */
function expectSameAsClipping(g: AreaGeometry, boundary: AreaGeometry): boolean {
  clipping.calls = 0;
  const screened = outsideBoundary(g, boundary);
  const settled = clipping.calls === 0;
  expect(screened).toEqual(clippedOutside(g, boundary));
  return settled;
}


// Boundaries: convex; concave (a notch in its south side); many vertices (a jittered 240-gon,
// so the near-edge search has many edges to skip); with a hole; of two parts.
const rectangle: AreaGeometry = { type: 'Polygon', coordinates: [ring([[0, 0], [10, 0], [10, 6], [0, 6]])] };
const notched: AreaGeometry = { type: 'Polygon', coordinates: [ring([[0, 0], [4, 0], [4, 2], [6, 2], [6, 0], [10, 0], [10, 6], [0, 6]])] };
const jitter = seededRandom(7);
const manySided: AreaGeometry = {
  type: 'Polygon',
  coordinates: [ring(Array.from({ length: 240 }, (_, i): [number, number] => {
    const a = (2 * Math.PI * i) / 240;
    const r = 4.5 + (jitter() - 0.5) * 0.4;
    return [5 + r * Math.cos(a), 3 + r * Math.sin(a) * 0.75];
  }))],
};
const holed: AreaGeometry = { type: 'Polygon', coordinates: [ring([[0, 0], [10, 0], [10, 6], [0, 6]]), ring([[4, 2], [4, 4], [6, 4], [6, 2]])] };
const twoParts: AreaGeometry = { type: 'MultiPolygon', coordinates: [[ring([[0, 0], [4, 0], [4, 6], [0, 6]])], [ring([[6, 0], [10, 0], [10, 6], [6, 6]])]] };
// The rectangle with a vertex every eighth of a unit along its edges (256 vertices, on the
// quarter grid the polygons below are drawn on): edges shared and T-junctions on the boundary, as
// a drawn park's, searched through the edge grid and the latitude bands.
const eighths = (from: [number, number], to: [number, number]): [number, number][] => {
  const n = Math.round(Math.max(Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1])) * 8);
  return Array.from({ length: n }, (_, k): [number, number] => [from[0] + ((to[0] - from[0]) * k) / n, from[1] + ((to[1] - from[1]) * k) / n]);
};
const denseRectangle: AreaGeometry = { type: 'Polygon', coordinates: [ring([...eighths([0, 0], [10, 0]), ...eighths([10, 0], [10, 6]), ...eighths([10, 6], [0, 6]), ...eighths([0, 6], [0, 0])])] };
const boundaries = { rectangle, notched, manySided, denseRectangle, holed, twoParts };

/** Random polygons on a quarter grid (on the boundaries' vertices and edges), some corners nudged by a hair. */
function randomPolygons(seed: number, count: number): AreaGeometry[] {
  const next = seededRandom(seed);
  const coord = () => Math.floor(next() * 44) / 4 - 0.5 + (next() < 0.2 ? (next() - 0.5) * 1e-6 : 0);
  const out: AreaGeometry[] = [];
  for (let n = 0; n < count; n++) {
    const x = coord();
    const y = Math.min(coord(), 6.5);
    const w = 0.25 + Math.floor(next() * 8) / 4;
    const h = 0.25 + Math.floor(next() * 8) / 4;
    const shape = next();
    const box = ring([[x, y], [x + w / 2, y], [x + w, y], [x + w, y + h], [x, y + h]]);
    if (shape < 0.4) out.push({ type: 'Polygon', coordinates: [box] });
    else if (shape < 0.6) out.push({ type: 'Polygon', coordinates: [ring([[x, y], [x + w, y], [x + w / 2, y + h]])] });
    else if (shape < 0.75) out.push({ type: 'Polygon', coordinates: [box, ring([[x + w / 4, y + h / 4], [x + w / 4, y + (3 * h) / 4], [x + (3 * w) / 4, y + (3 * h) / 4], [x + (3 * w) / 4, y + h / 4]])] });
    else if (shape < 0.9) out.push({ type: 'MultiPolygon', coordinates: [[box], [ring([[x + w + 0.5, y], [x + w + 1, y], [x + w + 1, y + h], [x + w + 0.5, y + h]])]] });
    // A bow tie: its own outline crosses itself.
    else out.push({ type: 'Polygon', coordinates: [ring([[x, y], [x + w, y + h], [x + w, y], [x, y + h]])] });
  }
  return out;
}

describe('outside_boundary with the screens gives the clipping’s answer', () => {
  for (const [name, boundary] of Object.entries(boundaries)) {
    it(`on random polygons, with holes, of two parts and crossing themselves, against a ${name} boundary`, () => {
      let settled = 0;
      let reported = 0;
      for (const g of randomPolygons(name.length * 101, 250)) {
        if (expectSameAsClipping(g, boundary)) settled++;
        if (clippedOutside(g, boundary)) reported++;
      }
      // Both answers are common, and the screens settle a good share of the polygons inside.
      expect(reported).toBeGreaterThan(25);
      expect(settled).toBeGreaterThan(40);
    });
  }

  it('on polygons exactly on the boundary, sharing its edges, or just inside and outside it', () => {
    for (const boundary of Object.values(boundaries)) {
      const outline = boundary.type === 'Polygon' ? boundary : { type: 'Polygon' as const, coordinates: boundary.coordinates[0] };
      expectSameAsClipping(outline, boundary);
      expectSameAsClipping({ type: 'Polygon', coordinates: [outline.coordinates[0]] }, boundary);
      for (const d of [0, 1e-7, -1e-7, 1e-4, -1e-4]) {
        expectSameAsClipping({ type: 'Polygon', coordinates: [ring([[d, d], [2, d], [2, 1], [d, 1]])] }, boundary);
        expectSameAsClipping({ type: 'Polygon', coordinates: [ring([[3, 1], [4 + d, 1], [4 + d, 3], [3, 3]])] }, boundary);
      }
    }
  });

  // A plot on the rectangle's south edge (y = 0) with a T-junction vertex at its middle nudged
  // south by d degrees of latitude leaves outside a triangle of ½ · 207.9 m · (d · 110,700 m)
  // (1° of longitude is 103.96 km and of latitude 110.70 km at 21° N): 0.01 m² at d = 8.69e-10.
  it('on slivers just under and just over the 0.01 m² limit along the edge, and collinear T-junctions on it', () => {
    const plot = (d: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[at(2, 0), [106.003, 21 - d], at(4, 0), at(4, 1), at(2, 1), at(2, 0)]] });
    expect(outsideBoundary(plot(8.0e-10), rectangle)).toBeNull();
    expect(outsideBoundary(plot(9.5e-10), rectangle)).not.toBeNull();
    for (const d of [0, 1e-12, -1e-12, 4e-10, 8.0e-10, 8.6e-10, 8.8e-10, 9.5e-10, 2e-9, -2e-9]) {
      for (const boundary of Object.values(boundaries)) expectSameAsClipping(plot(d), boundary);
    }
  });

  it('on every polygon of the sample park and of the generated 5,113-feature park, with its boundary of 333 vertices and with one of four corners', async () => {
    for (const features of [await sampleFeatures(), largeParkFeatures(), largeParkFeatures({ boundaryJunctions: false })]) {
      const boundary = features.find((f) => f.kind === 'boundary')!.geometry as AreaGeometry;
      let settled = 0;
      const polygons = features.filter((f): f is ParkFeature & { geometry: AreaGeometry } => f.kind !== 'boundary' && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
      for (const f of polygons) if (expectSameAsClipping(f.geometry, boundary)) settled++;
      expect(settled).toBeGreaterThan(polygons.length * 0.9);
    }
  }, 120_000);
});

/** Random simple polygons of one ring: stars (concave, up to 12 points) and boxes with a T-junction vertex. */
function randomSimplePolygons(seed: number, count: number): AreaGeometry[] {
  const next = seededRandom(seed);
  const out: AreaGeometry[] = [];
  for (let n = 0; n < count; n++) {
    const cx = Math.floor(next() * 44) / 4 - 0.5;
    const cy = Math.min(Math.floor(next() * 30) / 4 - 0.5, 6.5);
    if (next() < 0.3) {
      const w = 0.25 + Math.floor(next() * 8) / 4;
      const h = 0.25 + Math.floor(next() * 8) / 4;
      out.push({ type: 'Polygon', coordinates: [ring([[cx, cy], [cx + w / 2, cy], [cx + w, cy], [cx + w, cy + h], [cx, cy + h]])] });
      continue;
    }
    // Angles strictly increasing around the centre: a star-shaped ring, simple by construction.
    const k = 3 + Math.floor(next() * 10);
    const points: [number, number][] = [];
    for (let i = 0; i < k; i++) {
      const a = ((i + 0.2 + 0.6 * next()) / k) * 2 * Math.PI;
      const r = 0.1 + 1.5 * next();
      points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
    out.push({ type: 'Polygon', coordinates: [ring(points)] });
  }
  return out;
}

describe('outside_boundary by subtraction (simple polygons, validate.ts) gives the clipping’s answer', () => {
  const singleRing = { rectangle, notched, manySided, denseRectangle };
  for (const [name, boundary] of Object.entries(singleRing)) {
    it(`on random stars and boxes against a ${name} boundary: the same polygons reported, each at a vertex clearly outside`, () => {
      let bySubtraction = 0;
      let reported = 0;
      for (const g of randomSimplePolygons(name.length * 37, 300)) {
        clipping.calls = 0;
        const measured = outsideBoundary(g, boundary, { simple: true });
        const decidedWithoutClipping = clipping.calls === 0;
        const expected = clippedOutside(g, boundary);
        expect(measured === null).toBe(expected === null);
        if (!measured) continue;
        reported++;
        if (!decidedWithoutClipping) {
          expect(measured).toEqual(expected);
          continue;
        }
        bySubtraction++;
        expect(measured.vertexOutside).toBe(false);
        expect((g.coordinates[0] as Position[]).some((v) => v[0] === measured.at[0] && v[1] === measured.at[1])).toBe(true);
        expect(booleanPointInPolygon(measured.at, boundary as Polygon)).toBe(false);
      }
      expect(reported).toBeGreaterThan(60);
      expect(bySubtraction).toBeGreaterThan(50);
    });
  }

  it('leaves to the clipping the boundaries it cannot triangulate as one simple ring (a hole, two parts, a bow tie)', () => {
    const bowTie: AreaGeometry = { type: 'Polygon', coordinates: [ring([[0, 0], [10, 6], [10, 0], [0, 6]])] };
    for (const boundary of [holed, twoParts, bowTie]) {
      for (const g of randomSimplePolygons(5, 60)) {
        clipping.calls = 0;
        const measured = outsideBoundary(g, boundary, { simple: true });
        const expected = clippedOutside(g, boundary);
        expect(measured).toEqual(expected);
      }
    }
  });

  it('on every polygon of the generated 5,113-feature park with a four-corner boundary, past which the traffic corridors stick out by centimetres', () => {
    const features = largeParkFeatures({ boundaryJunctions: false });
    const boundary = features.find((f) => f.kind === 'boundary')!.geometry as AreaGeometry;
    let bySubtraction = 0;
    let reported = 0;
    for (const f of features) {
      if (f.kind === 'boundary' || f.geometry.type !== 'Polygon') continue;
      clipping.calls = 0;
      const measured = outsideBoundary(f.geometry, boundary, { simple: true });
      if (measured && clipping.calls === 0) bySubtraction++;
      const expected = clippedOutside(f.geometry, boundary);
      expect(measured === null).toBe(expected === null);
      if (expected) reported++;
    }
    // Every one reported is decided without the clipping.
    expect(reported).toBeGreaterThan(20);
    expect(bySubtraction).toBe(reported);
  }, 120_000);
});

describe('outside_boundary by subtraction on polygons of hostile size', () => {
  it('leaves a 5,000-vertex polygon across a 240-vertex boundary to the clipping, with its answer', () => {
    const points: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const a = (2 * Math.PI * i) / 5000;
      points.push([9 + (i % 2 === 0 ? 2 : 1.5) * Math.cos(a), 3 + (i % 2 === 0 ? 2 : 1.5) * Math.sin(a)]);
    }
    const star: AreaGeometry = { type: 'Polygon', coordinates: [ring(points)] };
    clipping.calls = 0;
    const measured = outsideBoundary(star, manySided, { simple: true });
    expect(clipping.calls).toBe(1);
    expect(measured).not.toBeNull();
    expect(measured).toEqual(clippedOutside(star, manySided));
  });
});
