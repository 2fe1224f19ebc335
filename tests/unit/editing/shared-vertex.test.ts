import { describe, expect, it } from 'vitest';
import { moveSharedVertexCommand, samePosition } from '../../../shared/editing/shared-vertex';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { applyCommand, type AreaGeometry, type ParkDocument, type ParkFeature, type Position } from '../../../shared/model';

const square = (id: string, x0: number, x1: number): ParkFeature => ({
  id,
  kind: 'landuse',
  landUse: 'industrial',
  geometry: { type: 'Polygon', coordinates: [[[x0, 21.05], [x1, 21.05], [x1, 21.051], [x0, 21.051], [x0, 21.05]]] },
});

const doc = (features: ParkFeature[]): ParkDocument => ({
  formatVersion: 1,
  project: { id: 'p', name: 'Test', province: 'Bắc Ninh', location: { lon: 106.05, lat: 21.05 }, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' },
  scenarios: [{ id: 'A', name: 'A', features }],
  activeScenarioId: 'A',
  settings: {},
});

const ring = (f: ParkFeature | undefined) => (f?.geometry.coordinates as Position[][])[0];

// GeographicLib (Debian python3-geographiclib) areas of the two plots after the move, and shapely's
// planar intersection of them (0: no overlap opened):
//   left = Polygon([(106.05,21.05),(106.051,21.05),(106.0512,21.0512),(106.05,21.051)])
//   right = Polygon([(106.051,21.05),(106.052,21.05),(106.052,21.051),(106.0512,21.0512)])
//   p = Geodesic.WGS84.Polygon(False); p.AddPoint(lat, lon) for each corner; abs(p.Compute(False, True)[2])
const LEFT_M2 = 13808.9777264297;
const RIGHT_M2 = 11507.484569489956;

describe('moveSharedVertexCommand', () => {
  const left = square('left', 106.05, 106.051);
  const right = square('right', 106.051, 106.052);
  const far = square('far', 106.06, 106.061);
  const road: ParkFeature = { id: 'road', kind: 'road', widthM: 12, geometry: { type: 'LineString', coordinates: [[106.051, 21.051], [106.051, 21.06]] } };
  const park = doc([left, right, far, road]);

  it('moves the corner shared by two plots and a road end in all three, in one command', () => {
    const r = moveSharedVertexCommand(park, 'A', [106.051, 21.051], [106.0512, 21.0512]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.movedIds).toEqual(['left', 'right', 'road']);
    expect(r.command.label).toBe('Move vertex');
    const after = applyCommand(park, r.command).document.scenarios[0].features;
    const byId = (id: string) => after.find((f) => f.id === id);
    expect(ring(byId('left'))[2]).toEqual([106.0512, 21.0512]);
    // The right plot's moved vertex is its last corner; its ring stays closed on the first.
    expect(ring(byId('right'))[3]).toEqual([106.0512, 21.0512]);
    expect(ring(byId('right'))[4]).toEqual(ring(byId('right'))[0]);
    expect((byId('road')?.geometry.coordinates as Position[])[0]).toEqual([106.0512, 21.0512]);
    expect(byId('far')).toBe(far);
    // Within GeographicLib's own rounding of a polygon's area (small-ring-area.ts): 2e-4 m².
    expect(Math.abs(geodesicAreaM2(byId('left')?.geometry as AreaGeometry) - LEFT_M2)).toBeLessThan(2e-4);
    expect(Math.abs(geodesicAreaM2(byId('right')?.geometry as AreaGeometry) - RIGHT_M2)).toBeLessThan(2e-4);
  });

  it('moving a ring start moves its closing vertex, and a vertex nobody has is refused', () => {
    const r = moveSharedVertexCommand(park, 'A', [106.06, 21.05], [106.0599, 21.0499]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.movedIds).toEqual(['far']);
    const moved = ring(r.command.put[0]);
    expect(moved[0]).toEqual([106.0599, 21.0499]);
    expect(moved[4]).toEqual([106.0599, 21.0499]);
    expect(moveSharedVertexCommand(park, 'A', [106.07, 21.07], [106, 21])).toEqual({ ok: false, reason: 'invalid_vertex' });
    expect(moveSharedVertexCommand(park, 'B', [106.06, 21.05], [106, 21])).toEqual({ ok: false, reason: 'not_found' });
  });

  it('treats positions within ~1 mm as the same vertex', () => {
    expect(samePosition([106, 21], [106 + 5e-9, 21])).toBe(true);
    expect(samePosition([106, 21], [106 + 2e-8, 21])).toBe(false);
  });
});
