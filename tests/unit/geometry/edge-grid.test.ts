import { describe, expect, it } from 'vitest';
import { edgesInBox, edgesNear, type EdgeRef } from '../../../shared/geometry/edge-grid';
import { EPS_DEG } from '../../../shared/analysis/planar';
import type { AreaGeometry, Position } from '../../../shared/model';
import { seededRandom } from '../../helpers/seeded-random';

// planar.ts's vertex searches (onBoundary, wedgesAt) keep an edge only when p lies in its box
// widened by eps; they now look at edgesNear's edges instead of every edge. edgesNear must
// therefore return each edge that passes that test, for any point: checked against the plain
// scan of all edges on random big polygons and points on, near and away from their outlines.

/** The plain scan the searches did before: every edge whose eps-widened box holds p. */
function edgesByScan(p: Position, g: AreaGeometry, eps: number): string[] {
  const out: string[] = [];
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).forEach((rings, part) =>
    rings.forEach((ring, r) => {
      for (let i = 0; i < ring.length - 1; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (p[0] < Math.min(a[0], b[0]) - eps || p[0] > Math.max(a[0], b[0]) + eps) continue;
        if (p[1] < Math.min(a[1], b[1]) - eps || p[1] > Math.max(a[1], b[1]) + eps) continue;
        out.push(`${part}|${r}|${i}`);
      }
    }),
  );
  return out.sort();
}

describe('edgesNear (the edge grid of big polygons)', () => {
  it('returns every edge whose widened box holds the point, as a scan of all edges finds them', () => {
    const next = seededRandom(99);
    let found = 0;
    for (let shape = 0; shape < 30; shape++) {
      // A star-shaped ring of 20–300 vertices (many get a grid), with a hole in some, and as a
      // MultiPolygon of two such parts in others.
      const ringAround = (cx: number, cy: number, n: number, radius: number): Position[] => {
        const ring = Array.from({ length: n }, (_, k): Position => {
          const angle = (2 * Math.PI * k) / n;
          const rho = radius * (0.5 + next() / 2);
          return [cx + rho * Math.cos(angle), cy + rho * Math.sin(angle)];
        });
        return [...ring, ring[0]];
      };
      const n = 20 + Math.floor(next() * 280);
      const outer = ringAround(106, 21, n, 0.01);
      const hole = ringAround(106, 21, 8, 0.002).reverse();
      const g: AreaGeometry =
        shape % 3 === 0 ? { type: 'Polygon', coordinates: [outer, hole] }
          : shape % 3 === 1 ? { type: 'MultiPolygon', coordinates: [[outer], [ringAround(106.03, 21, n, 0.01)]] }
            : { type: 'Polygon', coordinates: [outer] };
      const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const key = (e: EdgeRef) => {
        const part = parts.findIndex((rings) => rings.includes(e.ring));
        return `${part}|${e.r}|${e.i}`;
      };
      const vertices = parts.flat(2);
      for (let q = 0; q < 300; q++) {
        // Vertices, points a hair off them, points along edges, and random points around.
        const v = vertices[Math.floor(next() * vertices.length)];
        const w = vertices[Math.floor(next() * vertices.length)];
        const kind = next();
        const t = next();
        const p: Position =
          kind < 0.3 ? v
            : kind < 0.55 ? [v[0] + (next() - 0.5) * 4 * EPS_DEG, v[1] + (next() - 0.5) * 4 * EPS_DEG]
              : kind < 0.8 ? [v[0] + t * (w[0] - v[0]), v[1] + t * (w[1] - v[1])]
                : [105.98 + next() * 0.07, 20.98 + next() * 0.04];
        for (const eps of [EPS_DEG, 0]) {
          const expected = edgesByScan(p, g, eps);
          const near = new Set(edgesNear(p, g, eps).map(key));
          for (const e of expected) expect(near.has(e)).toBe(true);
          found += expected.length;
        }
      }
    }
    // The points do reach edges: the check is not of empty lists.
    expect(found).toBeGreaterThan(10_000);
  });

  it('edgesInBox returns, once each, every edge whose box widened by the margin meets the box, as a scan of all edges finds them', () => {
    const next = seededRandom(7);
    let found = 0;
    let fewer = 0;
    for (let shape = 0; shape < 20; shape++) {
      const n = 30 + Math.floor(next() * 400);
      const ring: Position[] = Array.from({ length: n }, (_, k) => {
        const angle = (2 * Math.PI * k) / n;
        const rho = 0.01 * (0.6 + 0.4 * next());
        return [106 + rho * Math.cos(angle), 21 + rho * Math.sin(angle)];
      });
      const g: AreaGeometry = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
      const closed = g.coordinates[0];
      for (let q = 0; q < 200; q++) {
        // Boxes of a few metres to the whole polygon, anywhere around it, and margins up to 1 km.
        const x = 105.985 + next() * 0.03;
        const y = 20.985 + next() * 0.03;
        const w = next() < 0.8 ? next() * 0.002 : next() * 0.03;
        const h = next() < 0.8 ? next() * 0.002 : next() * 0.03;
        const margin = [0, 1e-8, 1e-6, 1e-4, 1e-2][Math.floor(next() * 5)];
        const expected: number[] = [];
        for (let i = 0; i + 1 < closed.length; i++) {
          const a = closed[i];
          const b = closed[i + 1];
          if (Math.max(a[0], b[0]) + margin < x || Math.min(a[0], b[0]) - margin > x + w) continue;
          if (Math.max(a[1], b[1]) + margin < y || Math.min(a[1], b[1]) - margin > y + h) continue;
          expected.push(i);
        }
        const got = edgesInBox(g, x, y, x + w, y + h, margin).map((e) => e.i);
        expect(new Set(got).size).toBe(got.length);
        const gotSet = new Set(got);
        for (const i of expected) expect(gotSet.has(i)).toBe(true);
        for (const e of edgesInBox(g, x, y, x + w, y + h, margin)) expect(e.ring[e.i]).toBe(closed[e.i]);
        found += expected.length;
        if (got.length < n / 2) fewer++;
      }
    }
    expect(found).toBeGreaterThan(5_000);
    // The grid does narrow the search: most small boxes get a fraction of the edges.
    expect(fewer).toBeGreaterThan(2_000);
  });

  it('edgesInBox gives every edge of a polygon too small for a grid, and every edge for a box of NaN', () => {
    const small: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    expect(edgesInBox(small, 5, 5, 6, 6, 0).map((e) => e.i)).toEqual([0, 1, 2, 3]);
    const n = 100;
    const big: AreaGeometry = { type: 'Polygon', coordinates: [[...Array.from({ length: n }, (_, k): Position => [Math.cos((2 * Math.PI * k) / n), Math.sin((2 * Math.PI * k) / n)]), [1, 0]]] };
    expect(edgesInBox(big, 0.9, -0.05, 1.1, 0.05, 0).length).toBeLessThan(10);
    expect(edgesInBox(big, Number.NaN, 0, 1, 1, 0).length).toBe(n);
  });

  it('keeps the plain list for a zigzag whose long edges would each fill a row of cells (memory as edges × cells), and still finds every edge', () => {
    // 2,000 edges each spanning the whole width: a grid of 45 × 45 cells would hold 90,000
    // entries, 45 per edge, past the 16 allowed. Every search then gets every edge.
    const n = 1000;
    const ring: Position[] = [];
    for (let k = 0; k < n; k++) ring.push([0, k * 0.001], [1, k * 0.001 + 0.0005]);
    ring.push([1, n * 0.001], [0, n * 0.001]);
    const zigzag: AreaGeometry = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
    const edges = ring.length;
    expect(edgesNear([0.5, 0.5], zigzag, 0).length).toBe(edges);
    expect(edgesInBox(zigzag, 0.4, 0.4, 0.6, 0.6, 0).length).toBe(edges);
  });
});
