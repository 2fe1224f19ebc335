import { describe, expect, it } from 'vitest';
import { duplicateFeatures, rotateFeatures, scaleFeatures, translateFeature } from '../../../shared/geometry/transform';
import { distanceM, geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import type { LandUseFeature, PointFeature } from '../../../shared/model';

// Positions computed independently with python3-geographiclib (Debian):
//   g.Direct(21, 106, 90, 100) -> EAST_100; g.Direct(21, 106, 180, 100) -> SOUTH_100
const PIVOT: [number, number] = [106.0, 21.0];
const EAST_100: [number, number] = [106.0009618121968, 20.999999997283236];
const SOUTH_100: [number, number] = [106.0, 20.99909679651245];

const gate: PointFeature = { id: 'g', kind: 'point', name: 'Gate', geometry: { type: 'Point', coordinates: PIVOT } };
const plot: LandUseFeature = {
  id: 'p',
  kind: 'landuse',
  landUse: 'industrial',
  code: 'CN-01',
  geometry: { type: 'Polygon', coordinates: [[[106.0, 21.0], [106.001, 21.0], [106.001, 21.001], [106.0, 21.001], [106.0, 21.0]]] },
};

describe('transform', () => {
  it('translates by metres east and north', () => {
    const moved = translateFeature(gate, 100, 0);
    expect(distanceM(moved.geometry.coordinates, EAST_100)).toBeLessThan(1e-6);
    expect(moved.name).toBe('Gate');
    expect(translateFeature(gate, 0, -100).geometry.coordinates[1]).toBeCloseTo(SOUTH_100[1], 11);
    // A polygon keeps its area and stays closed.
    const p = translateFeature(plot, 250, -120);
    const ring = p.geometry.type === 'Polygon' ? p.geometry.coordinates[0] : [];
    expect(ring[0]).toEqual(ring[4]);
    expect(Math.abs(geodesicAreaM2(p.geometry) / geodesicAreaM2(plot.geometry) - 1)).toBeLessThan(1e-5);
  });

  it('rotates clockwise about a pivot: east becomes south after 90°', () => {
    const east: PointFeature = { ...gate, geometry: { type: 'Point', coordinates: EAST_100 } };
    const [r] = rotateFeatures([east], 90, PIVOT);
    expect(distanceM(r.geometry.coordinates, SOUTH_100)).toBeLessThan(1e-6);
    const [rp] = rotateFeatures([plot], 37, [106.0005, 21.0005]);
    expect(Math.abs(geodesicAreaM2(rp.geometry) / geodesicAreaM2(plot.geometry) - 1)).toBeLessThan(1e-6);
  });

  it('scales lengths by the factor and areas by its square', () => {
    const [s] = scaleFeatures([plot], 2, [106.0005, 21.0005]);
    expect(Math.abs(geodesicAreaM2(s.geometry) / (4 * geodesicAreaM2(plot.geometry)) - 1)).toBeLessThan(1e-6);
    const east: PointFeature = { ...gate, geometry: { type: 'Point', coordinates: EAST_100 } };
    const [half] = scaleFeatures([east], 0.5, PIVOT);
    expect(distanceM(half.geometry.coordinates, PIVOT)).toBeCloseTo(50, 6);
  });

  it('duplicates with new ids and an offset, leaving the originals untouched', () => {
    let n = 0;
    const copies = duplicateFeatures([gate, plot], [100, 0], () => `copy-${++n}`);
    expect(copies.map((c) => c.id)).toEqual(['copy-1', 'copy-2']);
    expect(distanceM(copies[0].geometry.coordinates as number[], EAST_100)).toBeLessThan(1e-6);
    expect(copies[1].kind === 'landuse' && copies[1].code).toBe('CN-01');
    expect(gate.geometry.coordinates).toEqual(PIVOT);
    // A single number d means d east and d south.
    const [diag] = duplicateFeatures([gate], 10, () => 'x');
    const c = diag.geometry.coordinates as number[];
    expect(c[0]).toBeGreaterThan(PIVOT[0]);
    expect(c[1]).toBeLessThan(PIVOT[1]);
    expect(distanceM(c, PIVOT)).toBeCloseTo(Math.SQRT2 * 10, 6);
  });
});
