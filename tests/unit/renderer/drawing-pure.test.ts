import { describe, expect, it } from 'vitest';
import { parseRectangleEntry, parseSegmentEntry } from '../../../renderer/src/drawing/numeric-entry';
import { handlesOf } from '../../../shared/editing/vertex-edit';
import { commonValue, sharedFields } from '../../../renderer/src/drawing/attribute-edit';
import { draftPreview } from '../../../renderer/src/drawing/draft-geometry';
import { diffFeatures } from '../../../renderer/src/map/park-geojson';
import type { ParkFeature } from '../../../shared/model';

const square = (id: string, x0: number, y0: number, d: number): ParkFeature => ({
  id,
  kind: 'landuse',
  landUse: 'industrial',
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] },
});

describe('numeric entry', () => {
  it('reads a length, a length with a CAD angle, and rejects garbage', () => {
    expect(parseSegmentEntry('120')).toEqual({ lengthM: 120, angleDeg: null });
    expect(parseSegmentEntry(' 45.5 < 90 ')).toEqual({ lengthM: 45.5, angleDeg: 90 });
    expect(parseSegmentEntry('12,5<-30')).toEqual({ lengthM: 12.5, angleDeg: -30 });
    expect(parseSegmentEntry('0')).toBeNull();
    expect(parseSegmentEntry('abc')).toBeNull();
  });
  it('reads rectangle sizes as width,depth or width x depth', () => {
    expect(parseRectangleEntry('120,80')).toEqual({ widthM: 120, depthM: 80 });
    expect(parseRectangleEntry('60 x -40')).toEqual({ widthM: 60, depthM: -40 });
    expect(parseRectangleEntry('60')).toBeNull();
    expect(parseRectangleEntry('0,10')).toBeNull();
  });
});

describe('vertex handles', () => {
  it('lists vertex and midpoint handles without the closing duplicate', () => {
    const { vertices, midpoints } = handlesOf(square('a', 0, 0, 2));
    expect(vertices.map((v) => v.at)).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
    expect(midpoints.map((m) => m.at)).toEqual([[1, 0], [2, 1], [1, 2], [0, 1]]);
  });
});

describe('inspector fields', () => {
  const building = { id: 'k', kind: 'building', heightM: 12, geometry: square('x', 0, 0, 1).geometry } as ParkFeature;
  it('offers only the fields every selected kind has, and marks differing values as mixed', () => {
    expect(sharedFields([square('a', 0, 0, 1), building])).toEqual(['name', 'code', 'notes']);
    expect(sharedFields([building])).toEqual(['name', 'code', 'heightM', 'floors', 'roofType', 'notes']);
    expect(commonValue([square('a', 0, 0, 1), { ...square('b', 0, 0, 1), name: 'x' }], 'name')).toBe('mixed');
    expect(commonValue([square('a', 0, 0, 1), square('b', 0, 0, 1)], 'landUse')).toBe('industrial');
  });
});

describe('draft preview', () => {
  it('measures the open polygon with the cursor as its last vertex', () => {
    const preview = draftPreview(
      'polygon',
      { vertices: [[106, 21.1], [106.01, 21.1], [106.01, 21.11]], cursor: [106, 21.11], cursorScreen: null, snap: null },
      { rectangleMode: 'rotated', buildingShape: 'rectangle' },
    );
    // The same square as in geodesic.test.ts, from python3-geographiclib: 1150336.6026554108 m².
    expect(Math.abs(preview.areaM2! - 1150336.6026554108)).toBeLessThan(1e-3);
    expect(preview.segmentM).toBeGreaterThan(1000);
  });
});

describe('map source diff', () => {
  it('finds changed, added and removed features by identity, without comparing geometry', () => {
    const a = square('a', 0, 0, 1);
    const b = square('b', 1, 0, 1);
    const c = square('c', 2, 0, 1);
    const b2 = { ...b, name: 'edited' } as ParkFeature;
    const d = square('d', 3, 0, 1);
    const diff = diffFeatures([a, b, c], [a, b2, d]);
    expect(diff.put.map((f) => f.id)).toEqual(['b', 'd']);
    expect(diff.removedIds).toEqual(['c']);
    expect(diffFeatures([a, b], [a, b])).toEqual({ put: [], removedIds: [] });
  });
});
