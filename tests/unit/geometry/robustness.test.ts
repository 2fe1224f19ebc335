import { describe, expect, it } from 'vitest';
import { splitPolygon } from '../../../shared/geometry/split';
import { subdivideBlock } from '../../../shared/geometry/subdivide';
import { intersectAreas } from '../../../shared/geometry/boolean';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { PolygonGeometry } from '../../../shared/model';
import { seededRandom as random } from '../../helpers/seeded-random';

// Conservation checks over deterministic pseudo-random shapes: whatever the shape, the pieces
// must add up to the whole (the answer is the input's own geodesic area).

/** A star-shaped (often concave) polygon of n vertices around (106.05, 21.05), ~100–300 m. */
function star(rnd: () => number, n: number): PolygonGeometry {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = 0.001 + rnd() * 0.002;
    ring.push([106.05 + r * Math.cos(angle), 21.05 + r * Math.sin(angle)]);
  }
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('conservation on random shapes', () => {
  it('split parts always sum to the polygon (20 star polygons × random lines through them)', () => {
    const rnd = random(7);
    let splits = 0;
    for (let k = 0; k < 20; k++) {
      const poly = star(rnd, 5 + Math.floor(rnd() * 8));
      const whole = geodesicAreaM2(poly);
      const angle = rnd() * Math.PI;
      const off = (rnd() - 0.5) * 0.001;
      const [cx, cy] = [106.05 - off * Math.sin(angle), 21.05 + off * Math.cos(angle)];
      const line = { type: 'LineString' as const, coordinates: [[cx - 0.01 * Math.cos(angle), cy - 0.01 * Math.sin(angle)], [cx + 0.01 * Math.cos(angle), cy + 0.01 * Math.sin(angle)]] };
      const r = splitPolygon(poly, line);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      splits++;
      expect(r.parts.length).toBeGreaterThanOrEqual(2);
      expect(rel(r.parts.reduce((s, p) => s + geodesicAreaM2(p), 0), whole)).toBeLessThan(1e-6);
    }
    expect(splits).toBe(20);
  });

  it('subdivision tiles random star blocks into equal plots and roads', () => {
    const rnd = random(11);
    for (let k = 0; k < 6; k++) {
      const block = star(rnd, 6 + Math.floor(rnd() * 6));
      const whole = geodesicAreaM2(block);
      const count = 2 + Math.floor(rnd() * 6);
      const roadWidthM = k % 2 === 0 ? 0 : 6;
      const r = subdivideBlock(block, { count, roadWidthM });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.plots).toHaveLength(count);
      const roads = r.roads.reduce((s, p) => s + geodesicAreaM2(p), 0);
      for (const p of r.plots) expect(rel(geodesicAreaM2(p), (whole - roads) / count)).toBeLessThan(1e-3);
      const pieces = [...r.plots, ...r.roads];
      expect(rel(pieces.reduce((s, p) => s + geodesicAreaM2(p), 0), whole)).toBeLessThan(1e-6);
      for (let i = 0; i < pieces.length; i++) {
        for (let j = i + 1; j < pieces.length; j++) {
          const common = intersectAreas(pieces[i], pieces[j]);
          expect(common === null ? 0 : geodesicAreaM2(common)).toBeLessThan(1e-3);
        }
      }
    }
  });
});
