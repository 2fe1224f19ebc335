import { describe, expect, it } from 'vitest';
import { subdivideBlock } from '../../../shared/geometry/subdivide';
import { intersectAreas } from '../../../shared/geometry/boolean';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { AreaGeometry, PolygonGeometry } from '../../../shared/model';

// A 300 m (east) × 200 m (north) block at (106.05, 21.05), corners computed independently with
// python3-geographiclib (Debian, /usr/bin/python3):
//   a = (21.05, 106.05); b = g.Direct(a, 90, 300); c = g.Direct(b, b.azi2 - 90, 200); d = g.Direct(a, 0, 200)
//   p = g.Polygon(False); AddPoint each corner; BLOCK_M2 = abs(p.Compute(False, True)[2])
const block: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [[[106.05, 21.05], [106.05288639893821, 21.049999975485488], [106.05288643375745, 21.05180637156137], [106.05, 21.051806396076174], [106.05, 21.05]]],
};
const BLOCK_M2 = 60000.000001509216;
// By hand: 6 plots without roads: BLOCK_M2 / 6 = 10,000.0000003 m².
// With 12 m roads on the 5 cuts (perpendicular to the 300 m long axis, so 200 m long):
// roads 5 × 12 × 200 = 12,000 m²; plots (BLOCK_M2 − 12,000) / 6 = 8,000.0000003 m².
const PLOT_NO_ROADS_M2 = 10000.000000251535;
const PLOT_WITH_ROADS_M2 = 8000.000000251536;

const rel = (a: number, b: number) => Math.abs(a - b) / b;

function expectTiling(pieces: AreaGeometry[], blockM2: number) {
  const sum = pieces.reduce((s, p) => s + geodesicAreaM2(p), 0);
  expect(rel(sum, blockM2)).toBeLessThan(1e-6);
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const common = intersectAreas(pieces[i], pieces[j]);
      expect(common === null ? 0 : geodesicAreaM2(common)).toBeLessThan(1e-4);
    }
  }
}

describe('subdivideBlock', () => {
  it('cuts a 300 m × 200 m block into 6 equal plots across its long axis', () => {
    // Within GeographicLib's own rounding of a polygon's area (small-ring-area.ts).
    expect(Math.abs(geodesicAreaM2(block) - BLOCK_M2)).toBeLessThan(2e-4);
    const r = subdivideBlock(block, { count: 6 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plots).toHaveLength(6);
    expect(r.roads).toHaveLength(0);
    expect(Math.abs(r.directionDeg - 90)).toBeLessThan(0.01);
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), PLOT_NO_ROADS_M2)).toBeLessThan(1e-3);
    // In fact far tighter than the 0.1 % promised.
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), PLOT_NO_ROADS_M2)).toBeLessThan(1e-6);
    expectTiling(r.plots, BLOCK_M2);
    // Neighbours share both ends of their cut bit for bit, and the block's corners are kept.
    const vertices = (g: AreaGeometry) => (g.type === 'Polygon' ? g.coordinates[0] : []).map((p) => p.join(','));
    for (let i = 0; i + 1 < r.plots.length; i++) {
      const next = new Set(vertices(r.plots[i + 1]));
      expect(new Set(vertices(r.plots[i]).filter((v) => next.has(v))).size).toBe(2);
    }
    const all = new Set(r.plots.flatMap(vertices));
    for (const corner of block.coordinates[0]) expect(all.has(corner.join(','))).toBe(true);
  });

  it('with 12 m road strips on the cuts: 5 roads of 2,400 m² and 6 plots of 8,000 m²', () => {
    const r = subdivideBlock(block, { count: 6, roadWidthM: 12 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plots).toHaveLength(6);
    expect(r.roads).toHaveLength(5);
    for (const road of r.roads) expect(rel(geodesicAreaM2(road), 2400)).toBeLessThan(1e-3);
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), PLOT_WITH_ROADS_M2)).toBeLessThan(1e-3);
    const roadsM2 = r.roads.reduce((s, p) => s + geodesicAreaM2(p), 0);
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), (BLOCK_M2 - roadsM2) / 6)).toBeLessThan(1e-6);
    expectTiling([...r.plots, ...r.roads], BLOCK_M2);
  });

  it('follows a given direction: cuts across the 200 m side give 300 m-long plots', () => {
    const r = subdivideBlock(block, { count: 4, directionDeg: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plots).toHaveLength(4);
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), BLOCK_M2 / 4)).toBeLessThan(1e-6);
    expectTiling(r.plots, BLOCK_M2);
  });

  it('target area: 25,000 m² plots and the remainder (10,000 m²) as the last plot', () => {
    const r = subdivideBlock(block, { targetAreaM2: 25000 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plots.map((p) => Math.round(geodesicAreaM2(p) * 1000) / 1000)).toEqual([25000, 25000, 10000]);
    expectTiling(r.plots, BLOCK_M2);
  });

  it('works on a concave L-shaped block with roads', () => {
    // An L of lon/lat rectangles: [106.05, 106.053] × [21.05, 21.051] plus [106.05, 106.051] × [21.051, 21.053].
    const l: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[[106.05, 21.05], [106.053, 21.05], [106.053, 21.051], [106.051, 21.051], [106.051, 21.053], [106.05, 21.053], [106.05, 21.05]]],
    };
    const lM2 = geodesicAreaM2(l);
    const r = subdivideBlock(l, { count: 5, roadWidthM: 8 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plots).toHaveLength(5);
    expect(r.roads).toHaveLength(4);
    const roadsM2 = r.roads.reduce((s, p) => s + geodesicAreaM2(p), 0);
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), (lM2 - roadsM2) / 5)).toBeLessThan(1e-3);
    expectTiling([...r.plots, ...r.roads], lM2);
  });

  it('keeps a hole out of every plot', () => {
    const hole = [[106.051, 21.0505], [106.051, 21.0510], [106.0515, 21.0510], [106.0515, 21.0505], [106.051, 21.0505]];
    const holed: PolygonGeometry = { type: 'Polygon', coordinates: [block.coordinates[0], hole] };
    const m2 = geodesicAreaM2(holed);
    const r = subdivideBlock(holed, { count: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const p of r.plots) expect(rel(geodesicAreaM2(p), m2 / 3)).toBeLessThan(1e-3);
    expectTiling(r.plots, m2);
  });

  it('makes 50 equal plots', () => {
    const r = subdivideBlock(block, { count: 50, roadWidthM: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plots).toHaveLength(50);
    const areas = r.plots.map(geodesicAreaM2);
    for (const a of areas) expect(rel(a, areas[0])).toBeLessThan(1e-3);
  });

  it('refuses impossible requests with a reason', () => {
    expect(subdivideBlock(block, { count: 0 })).toEqual({ ok: false, reason: 'invalid_options' });
    expect(subdivideBlock(block, {})).toEqual({ ok: false, reason: 'invalid_options' });
    expect(subdivideBlock(block, { targetAreaM2: 70000 })).toEqual({ ok: false, reason: 'target_too_large' });
    // 5 roads of 60 m take the whole 300 m (plots of a few cm² would be left); 70 m is more than the block.
    expect(subdivideBlock(block, { count: 6, roadWidthM: 60 })).toEqual({ ok: false, reason: 'roads_too_wide' });
    expect(subdivideBlock(block, { count: 6, roadWidthM: 70 })).toEqual({ ok: false, reason: 'roads_too_wide' });
    expect(subdivideBlock({ type: 'Polygon', coordinates: [[[106, 21], [106.001, 21], [106, 21]]] }, { count: 2 })).toEqual({ ok: false, reason: 'invalid_block' });
  });
});
