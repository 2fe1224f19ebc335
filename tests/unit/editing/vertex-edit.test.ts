import { describe, expect, it } from 'vitest';
import { insertVertex, removeVertex } from '../../../shared/editing/vertex-edit';
import { moveSharedVertexCommand } from '../../../shared/editing/shared-vertex';
import { createSnapIndex, snap } from '../../../shared/geometry/snapping';
import { createEmptyDocument, type MultiLineStringGeometry, type MultiPolygonGeometry, type ParkFeature } from '../../../shared/model';

const DOC = createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' });

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
  it('a snapped hole vertex of a MultiPolygon is dragged through the shared-vertex move', () => {
    const plot: ParkFeature = { id: 'm', kind: 'landuse', landUse: 'green', geometry: multi };
    // 0.00001° north-east of the hole's third vertex (106.0115, 21.0015): ~1.5 m away.
    const hit = snap(createSnapIndex([plot]), [106.01151, 21.00151], 3);
    expect(hit?.kind).toBe('vertex');
    const r = moveSharedVertexCommand({ ...DOC, scenarios: [{ id: 'A', name: 'A', features: [plot] }] }, 'A', hit?.position ?? [0, 0], [106.0116, 21.0016]);
    if (!r.ok) throw new Error(r.reason);
    const moved = r.command.put[0].geometry as MultiPolygonGeometry;
    expect(moved.coordinates[1][1][2]).toEqual([106.0116, 21.0016]);
    expect(moved.coordinates[0]).toEqual(multi.coordinates[0]);
    expect(multi.coordinates[1][1][2]).toEqual([106.0115, 21.0015]); // input not mutated
  });

  it('inserts and removes on MultiLineStrings; refuses bad addresses', () => {
    const lines: MultiLineStringGeometry = { type: 'MultiLineString', coordinates: [[[106, 21], [106.001, 21]], [[106, 21.001], [106.001, 21.001]]] };
    const inserted = insertVertex(lines, [1], 0, [106.0005, 21.0012]) as MultiLineStringGeometry;
    expect(inserted.coordinates[1]).toEqual([[106, 21.001], [106.0005, 21.0012], [106.001, 21.001]]);
    expect(removeVertex(inserted, [1], 1)).toEqual(lines);
    expect(removeVertex(lines, [0], 0)).toBe('too_few_vertices');
    expect(removeVertex(lines, [2], 0)).toBe('invalid_vertex');
    expect(insertVertex(lines, [0], 1, [106, 21])).toBeNull(); // a 2-vertex line has one edge
    expect(insertVertex(multi, [0, 1], 0, [106, 21])).toBeNull(); // no hole in the first part
    expect(removeVertex(multi, [1, 1], 4)).toBe('invalid_vertex'); // the closing duplicate is not addressable
  });
});
