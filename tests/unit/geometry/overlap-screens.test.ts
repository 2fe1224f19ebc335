import { describe, expect, it } from 'vitest';
import { bboxOf, intersectAreas } from '../../../shared/geometry/boolean';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { areaInsideConvex, clipByEdge, findOverlaps, SLIVER_OVERLAP_M2, type Overlap } from '../../../shared/geometry/overlap';
import { signedArea2 } from '../../../shared/geometry/ring';
import type { AreaGeometry, ParkFeature } from '../../../shared/model';
import { seededRandom } from '../../helpers/seeded-random';
import { at, largeParkFeatures, ring, sampleFeatures } from './screen-parks';

type Item = { id: string; geometry: AreaGeometry };

/**
 * The exact answer without any screen: every pair whose boxes meet, intersected and measured
 * (what findOverlaps computes for the pairs its screens do not settle).
 */
function exactOverlaps(items: Item[]): Overlap[] {
  const boxes = items.map((f) => bboxOf(f.geometry.coordinates));
  const out: Overlap[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [p, q] = [boxes[i], boxes[j]];
      if (p[2] < q[0] || q[2] < p[0] || p[3] < q[1] || q[3] < p[1]) continue;
      const common = intersectAreas(items[i].geometry, items[j].geometry);
      if (!common) continue;
      const areaM2 = geodesicAreaM2(common);
      if (areaM2 < SLIVER_OVERLAP_M2) continue;
      const first = common.type === 'Polygon' ? common.coordinates[0][0] : common.coordinates[0][0][0];
      const [a, b] = items[i].id < items[j].id ? [items[i].id, items[j].id] : [items[j].id, items[i].id];
      out.push({ a, b, areaM2, at: [first[0], first[1]] });
    }
  }
  return out;
}

const byPair = (list: Overlap[]) => [...list].sort((x, y) => (x.a + '|' + x.b < y.a + '|' + y.b ? -1 : 1));

function expectSameAsExact(items: Item[]): number {
  const found = findOverlaps(items);
  expect(byPair(found)).toEqual(byPair(exactOverlaps(items)));
  return found.length;
}


describe('findOverlaps with its screens gives the exact intersections’ answer', () => {
  it('on random neighbours: shared edges, T-junctions, holes, two parts, L shapes, bow ties, hairline overlaps', () => {
    const next = seededRandom(12);
    const items: Item[] = [];
    // Quarter-grid corners (neighbours share edges and T-junctions), some nudged by a hair
    // (±5e-10°, ≈ 0.05 mm: overlaps of about 0.01 m² along a 200 m edge).
    const coord = () => Math.floor(next() * 40) / 4 + (next() < 0.25 ? (next() - 0.5) * 1e-6 : 0);
    for (let n = 0; n < 160; n++) {
      const x = coord();
      const y = coord();
      const w = 0.25 + Math.floor(next() * 6) / 4;
      const h = 0.25 + Math.floor(next() * 6) / 4;
      const box = ring([[x, y], [x + w / 2, y], [x + w, y], [x + w, y + h], [x, y + h]]);
      const shape = next();
      let geometry: AreaGeometry;
      if (shape < 0.4) geometry = { type: 'Polygon', coordinates: [box] };
      else if (shape < 0.55) geometry = { type: 'Polygon', coordinates: [ring([[x, y], [x + w, y], [x + w, y + h / 2], [x + w / 2, y + h / 2], [x + w / 2, y + h], [x, y + h]])] };
      else if (shape < 0.7) geometry = { type: 'Polygon', coordinates: [box, ring([[x + w / 4, y + h / 4], [x + w / 4, y + (3 * h) / 4], [x + (3 * w) / 4, y + (3 * h) / 4], [x + (3 * w) / 4, y + h / 4]])] };
      else if (shape < 0.85) geometry = { type: 'MultiPolygon', coordinates: [[box], [ring([[x + w, y + h], [x + 2 * w, y + h], [x + 2 * w, y + 2 * h], [x + w, y + 2 * h]])]] };
      else geometry = { type: 'Polygon', coordinates: [ring([[x, y], [x + w, y + h], [x + w, y], [x, y + h]])] };
      items.push({ id: `f${String(n).padStart(3, '0')}`, geometry });
    }
    expect(expectSameAsExact(items)).toBeGreaterThan(50);
  }, 120_000);

  // Two plots side by side, the second's west edge moved west by d degrees of longitude: they
  // overlap by a strip d · 103,960 m wide and 0.002° · 110,700 = 221.4 m long; 0.01 m² at d = 4.34e-10.
  it('on neighbours overlapping by a strip just under and just over 0.01 m²', () => {
    for (const d of [0, 1e-12, 4.0e-10, 4.3e-10, 4.4e-10, 4.8e-10, -4.4e-10]) {
      const west: Item = { id: 'w', geometry: { type: 'Polygon', coordinates: [ring([[0, 0], [1, 0], [1, 1], [1, 2], [0, 2]])] } };
      const east: Item = { id: 'e', geometry: { type: 'Polygon', coordinates: [[[106.001 - d, 21], at(2, 0), at(2, 2), [106.001 - d, 21.002], [106.001 - d, 21]]] } };
      expectSameAsExact([west, east]);
    }
    const strip = (d: number): Item[] => [
      { id: 'w', geometry: { type: 'Polygon', coordinates: [ring([[0, 0], [1, 0], [1, 2], [0, 2]])] } },
      { id: 'e', geometry: { type: 'Polygon', coordinates: [[[106.001 - d, 21], at(2, 0), at(2, 2), [106.001 - d, 21.002], [106.001 - d, 21]]] } },
    ];
    expect(findOverlaps(strip(4.0e-10))).toEqual([]);
    expect(findOverlaps(strip(4.8e-10))).toHaveLength(1);
  });

  it('on the land use of the sample park and of the generated 5,113-feature park', async () => {
    for (const features of [await sampleFeatures(), largeParkFeatures()]) {
      const landUse = features.filter((f): f is ParkFeature & Item => f.kind === 'landuse');
      expectSameAsExact(landUse);
    }
  }, 300_000);
});

describe('areaInsideConvex (Sutherland–Hodgman)', () => {
  // An L of two arms, [0,6]×[0,2] and [0,2]×[2,6], against the square [1,5]²: by hand the part
  // inside is [1,5]×[1,2] (4 m²) and [1,2]×[2,5] (3 m²), 7 m², whichever way the L turns.
  const l: [number, number][] = [[0, 0], [6, 0], [6, 2], [2, 2], [2, 6], [0, 6]];
  const square: [number, number][] = [[1, 1], [5, 1], [5, 5], [1, 5]];

  it('measures the part of a concave ring inside a convex one exactly', () => {
    expect(areaInsideConvex(l, square)).toBeCloseTo(7, 12);
    expect(areaInsideConvex(l.slice().reverse(), square)).toBeCloseTo(7, 12);
    expect(areaInsideConvex(square, square)).toBe(16);
    expect(areaInsideConvex(l, [[10, 10], [11, 10], [11, 11]])).toBe(0);
  });

  it('cuts the edges crossing the clip line at the crossing, in the order of the ring', () => {
    // The triangle (0,0) (2,0) (0,2) against the line x = 1. Going up it, the left is x < 1: the
    // triangle's corner (0,0), the cuts (1,0) and (1,1), its corner (0,2). Going down, x > 1: the
    // cut (1,0), the corner (2,0), the cut (1,1).
    expect(clipByEdge([[0, 0], [2, 0], [0, 2]], [1, -5], [1, 5])).toEqual([[0, 0], [1, 0], [1, 1], [0, 2]]);
    expect(clipByEdge([[0, 0], [2, 0], [0, 2]], [1, 5], [1, -5])).toEqual([[1, 0], [2, 0], [1, 1]]);
    expect(clipByEdge([], [0, 0], [1, 0])).toEqual([]);
  });

  it('gives, to the last bit, the area of clipping step by step with clipByEdge, on random concave rings of up to 400 points', () => {
    // areaInsideConvex clips on two flat buffers; clipByEdge returns the points of each step.
    const next = seededRandom(31);
    let nonZero = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = 3 + Math.floor(next() * (trial % 10 === 0 ? 400 : 30));
      const star: [number, number][] = Array.from({ length: n }, (_, k) => {
        const angle = (2 * Math.PI * (k + next() * 0.9)) / n;
        const r = 20 + next() * 80;
        return [200 + next() * 40 + r * Math.cos(angle), 300 + r * Math.sin(angle)];
      });
      const m = 3 + Math.floor(next() * 8);
      const cx = 150 + next() * 100, cy = 250 + next() * 100, radius = 10 + next() * 120;
      const convex: [number, number][] = Array.from({ length: m }, (_, k) => [cx + radius * Math.cos((2 * Math.PI * k) / m), cy + radius * Math.sin((2 * Math.PI * k) / m)]);
      let stepwise = star;
      for (let k = 0; k < convex.length && stepwise.length > 0; k++) stepwise = clipByEdge(stepwise, convex[k], convex[(k + 1) % convex.length]);
      const expected = Math.abs(signedArea2(stepwise)) / 2;
      expect(areaInsideConvex(star, convex)).toBe(expected);
      if (expected > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(200);
  });
});
