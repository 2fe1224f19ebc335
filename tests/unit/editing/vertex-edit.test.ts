import { describe, expect, it } from 'vitest';
import { insertVertex, moveVertex, removeVertex } from '../../../shared/editing/vertex-edit';
import { createSnapIndex, snap } from '../../../shared/geometry/snapping';
import type { MultiLineStringGeometry, MultiPolygonGeometry, ParkFeature } from '../../../shared/model';

const multi: MultiPolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [[[106.0, 21.0], [106.001, 21.0], [106.001, 21.001], [106.0, 21.001], [106.0, 21.0]]],
    [
      [[106.01, 21.0], [106.012, 21.0], [106.012, 21.002], [106.01, 21.002], [106.01, 21.0]],
      [[106.0105, 21.0005], [106.0105, 21.0015], [106.0115, 21.0015], [106.0115, 21.0005], [106.0105, 21.0005]],
    ],
  ],
};

describe('vertex edits addressed like snap results', () => {
  it('a snapped hole vertex of a MultiPolygon is moved through the same ringPath/vertexIndex', () => {
    const plot: ParkFeature = { id: 'm', kind: 'landuse', landUse: 'green', geometry: multi };
    // 0.00001° north-east of the hole's third vertex (106.0115, 21.0015): ~1.5 m away.
    const r = snap(createSnapIndex([plot]), [106.01151, 21.00151], 3);
    expect(r?.kind).toBe('vertex');
    expect(r?.ringPath).toEqual([1, 1]);
    expect(r?.vertexIndex).toBe(2);
    const moved = moveVertex(multi, r?.ringPath ?? [], r?.vertexIndex ?? -1, [106.0116, 21.0016]) as MultiPolygonGeometry;
    expect(moved.coordinates[1][1][2]).toEqual([106.0116, 21.0016]);
    expect(moved.coordinates[0]).toBe(multi.coordinates[0]); // untouched parts are shared, not copied
    expect(multi.coordinates[1][1][2]).toEqual([106.0115, 21.0015]); // input not mutated
  });

  it('moving the first vertex of a ring moves its closing vertex too', () => {
    const moved = moveVertex(multi, [1, 0], 0, [106.0099, 21.0]) as MultiPolygonGeometry;
    const ring = moved.coordinates[1][0];
    expect(ring[0]).toEqual([106.0099, 21.0]);
    expect(ring[ring.length - 1]).toEqual([106.0099, 21.0]);
  });

  it('inserts and removes on MultiLineStrings; refuses bad addresses', () => {
    const lines: MultiLineStringGeometry = { type: 'MultiLineString', coordinates: [[[106, 21], [106.001, 21]], [[106, 21.001], [106.001, 21.001]]] };
    const inserted = insertVertex(lines, [1], 0, [106.0005, 21.0012]) as MultiLineStringGeometry;
    expect(inserted.coordinates[1]).toEqual([[106, 21.001], [106.0005, 21.0012], [106.001, 21.001]]);
    expect(removeVertex(inserted, [1], 1)).toEqual(lines);
    expect(removeVertex(lines, [0], 0)).toBe('too_few_vertices');
    expect(removeVertex(lines, [2], 0)).toBe('invalid_vertex');
    expect(insertVertex(lines, [0], 1, [106, 21])).toBeNull(); // a 2-vertex line has one edge
    expect(moveVertex(multi, [0, 1], 0, [106, 21])).toBeNull(); // no hole in the first part
  });
});
