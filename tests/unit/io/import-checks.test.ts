import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { applyMapping, defaultMapping } from '../../../shared/io/apply-mapping';
import { importFile } from '../../../shared/io/exchange';
import { checkImport } from '../../../shared/io/import-checks';
import { latLonSwapSuspected, makeLayer, swapLatLon } from '../../../shared/io/imported-layer';
import { validateLayout } from '../../../shared/geometry/validate';
import type { ParkFeature, PolygonGeometry } from '../../../shared/model';

const rect = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
// Corners visited crosswise: the outline crosses itself at (106.005, 21.005).
const BOW_TIE: PolygonGeometry = { type: 'Polygon', coordinates: [[[106, 21], [106.01, 21.01], [106.01, 21], [106, 21.01], [106, 21]]] };

const plot = (id: string, geometry: PolygonGeometry): ParkFeature => ({ id, kind: 'landuse', landUse: 'industrial', geometry });

describe('import checks', () => {
  it('imports a bow-tie with its mapped land use, flags it, and the Problems list names it', () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { LOAI: 'CN' }, geometry: BOW_TIE }] };
    const read = importFile(new TextEncoder().encode(JSON.stringify(collection)), 'cong_nghiep.geojson');
    if (!read.ok) throw new Error(read.detail);
    const { features } = applyMapping(read.layers, defaultMapping(read.layers));
    expect(features).toHaveLength(1);
    expect(features[0]).toMatchObject({ kind: 'landuse', landUse: 'industrial' });
    expect(checkImport(features, [])).toEqual({ selfIntersecting: [features[0].id], overlappingExisting: [] });
    expect(validateLayout(features).map((issue) => [issue.featureId, issue.reason])).toContainEqual([features[0].id, 'self_intersection']);
  });

  it('counts imported land use overlapping the land use already there, not overlaps among imports', () => {
    const existing = [plot('old', rect(106.0, 106.01, 21.0, 21.01)), { id: 'shed', kind: 'building', heightM: 8, geometry: rect(106.05, 106.06, 21.0, 21.01) } as ParkFeature];
    const imported = [
      plot('across', rect(106.005, 106.015, 21.0, 21.01)), // half over "old"
      plot('inside', rect(106.002, 106.004, 21.002, 21.004)), // wholly within "old"
      plot('touching', rect(106.01, 106.02, 21.0, 21.01)), // shares only the edge x = 106.01
      plot('on-shed', rect(106.05, 106.06, 21.0, 21.01)), // over a building, not land use
      plot('twin-a', rect(106.1, 106.11, 21.0, 21.01)), // overlaps only the next import
      plot('twin-b', rect(106.105, 106.115, 21.0, 21.01)),
      plot('bow', { type: 'Polygon', coordinates: [[[106.0, 21.0], [106.01, 21.01], [106.01, 21.0], [106.0, 21.01], [106.0, 21.0]]] }),
    ];
    // By construction: "across" and "inside" overlap "old"; the bow-tie is flagged, not measured.
    expect(checkImport(imported, existing)).toEqual({ selfIntersecting: ['bow'], overlappingExisting: ['across', 'inside'] });
  });

  it('suspects latitude/longitude written the wrong way round only when the swap lands in Viet Nam', () => {
    const layer = (...points: number[][]) => makeLayer('L', points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } as Geometry })));
    // Bắc Ninh written lat, lon: read as lon 21.05, lat 106.07 it is nowhere; swapped it is in Viet Nam.
    expect(latLonSwapSuspected([layer([21.05, 106.07], [21.06, 106.08])])).toBe(true);
    expect(latLonSwapSuspected([layer([106.07, 21.05])])).toBe(false);
    // Paris swapped (48.85 N… as longitude 2.35) is not in Viet Nam either way.
    expect(latLonSwapSuspected([layer([48.85, 2.35])])).toBe(false);
    // One point read correctly among swapped ones: the swapped reading no longer fits, no offer.
    expect(latLonSwapSuspected([layer([21.05, 106.07], [106.07, 21.05])])).toBe(false);
    expect(latLonSwapSuspected([makeLayer('empty', [])])).toBe(false);
    const [swapped] = swapLatLon([layer([21.05, 106.07, 12])]);
    expect(swapped.features[0].geometry).toEqual({ type: 'Point', coordinates: [106.07, 21.05, 12] });
  });
});
