import { describe, expect, it } from 'vitest';
import { createFeatureCommand, type CreatePolicies, type NewFeature } from '../../../shared/editing/create-feature';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { applyCommand, type AreaGeometry, type ParkDocument, type ParkFeature, type PolygonGeometry } from '../../../shared/model';

const rect = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

const FEATURES: ParkFeature[] = [
  { id: 'boundary', kind: 'boundary', geometry: rect(106.04, 106.07, 21.04, 21.06) },
  { id: 'a', kind: 'landuse', landUse: 'green', geometry: rect(106.06, 106.061, 21.05, 21.051) },
  { id: 'tri', kind: 'landuse', landUse: 'water', geometry: { type: 'Polygon', coordinates: [[[106.064, 21.05], [106.066, 21.05], [106.065, 21.0505], [106.064, 21.05]]] } },
  // A building is not land use: it never cuts a new plot.
  { id: 'factory', kind: 'building', heightM: 10, geometry: rect(106.062, 106.0625, 21.0503, 21.0506) },
];

const DOC: ParkDocument = {
  formatVersion: 1,
  project: { id: 'p', name: 'Test', province: 'Bắc Ninh', location: { lon: 106.05, lat: 21.05 }, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' },
  scenarios: [{ id: 'A', name: 'A', features: FEATURES }],
  activeScenarioId: 'A',
  settings: {},
};

// The drawn plot crosses the boundary's east edge (106.07) and overlaps `a` and `tri`.
const DRAWN: NewFeature = { kind: 'landuse', landUse: 'industrial', geometry: rect(106.0605, 106.0725, 21.0502, 21.0508) };

// Reference areas: the boolean operations by shapely 1.8.5 (GEOS), the geodesic area of the
// result by GeographicLib (Debian python3-shapely, python3-geographiclib), script:
//   from shapely.geometry import box, Polygon; from geographiclib.geodesic import Geodesic
//   def geod(poly): p = Geodesic.WGS84.Polygon(False); [p.AddPoint(y, x) for x, y in list(poly.exterior.coords)[:-1]]
//                   return abs(p.Compute(False, True)[2])   (minus the holes, none here)
//   boundary = box(106.04, 21.04, 106.07, 21.06); a = box(106.060, 21.050, 106.061, 21.051)
//   tri = Polygon([(106.064, 21.050), (106.066, 21.050), (106.065, 21.0505)]); drawn = box(106.0605, 21.0502, 106.0725, 21.0508)
//   geod(drawn.intersection(boundary).difference(a).difference(tri)); geod(drawn.intersection(boundary)); geod(drawn.difference(a).difference(tri))
const PREVENT_CLIP_M2 = 60072.48020994663;
const FLAG_CLIP_M2 = 65592.668343544;
const PREVENT_NO_CLIP_M2 = 77336.80449283123;

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

function create(drawn: NewFeature, policies: CreatePolicies, doc: ParkDocument = DOC) {
  const outcome = createFeatureCommand(doc, 'A', drawn, policies, { newId: ids() });
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
}

const areaOf = (f: ParkFeature) => geodesicAreaM2(f.geometry as AreaGeometry);

describe('createFeatureCommand: the overlap and clip policies', () => {
  it('prevent + clip: the plot is clipped to the boundary and cut by the land use already there', () => {
    const outcome = create(DRAWN, { overlapPolicy: 'prevent', clipToBoundary: true });
    expect(outcome.command).toMatchObject({ label: 'Draw polygon', scenarioId: 'A', delete: [] });
    expect(outcome.createdIds).toEqual(['new-1']);
    expect(outcome.cutBy.sort()).toEqual(['a', 'tri']);
    const [plot] = outcome.command.put;
    expect(plot).toMatchObject({ id: 'new-1', kind: 'landuse', landUse: 'industrial' });
    expect(Math.abs(areaOf(plot) / PREVENT_CLIP_M2 - 1)).toBeLessThan(1e-9);
    expect(outcome.issues).toEqual([]);
    // Undoing the command restores the document exactly.
    const applied = applyCommand(DOC, outcome.command);
    expect(applyCommand(applied.document, applied.inverse).document).toEqual(DOC);
  });

  it('flag: the plot keeps its overlaps, and each comes back as an issue', () => {
    const outcome = create(DRAWN, { overlapPolicy: 'flag', clipToBoundary: true });
    expect(outcome.cutBy).toEqual([]);
    expect(Math.abs(areaOf(outcome.command.put[0]) / FLAG_CLIP_M2 - 1)).toBeLessThan(1e-9);
    const overlaps = outcome.issues.filter((i) => i.reason === 'overlap');
    expect(overlaps.map((i) => i.otherId).sort()).toEqual(['a', 'tri']);
    expect(overlaps.every((i) => i.featureId === 'new-1')).toBe(true);
  });

  it('no clip: the plot reaches past the boundary and says so', () => {
    const outcome = create(DRAWN, { overlapPolicy: 'prevent', clipToBoundary: false });
    expect(Math.abs(areaOf(outcome.command.put[0]) / PREVENT_NO_CLIP_M2 - 1)).toBeLessThan(1e-9);
    expect(outcome.issues.map((i) => i.reason)).toEqual(['outside_boundary']);
  });

  it('refuses a plot outside the boundary, one covered by existing land use, and too few points', () => {
    const policies: CreatePolicies = { overlapPolicy: 'prevent', clipToBoundary: true };
    const outside: NewFeature = { kind: 'landuse', landUse: 'green', geometry: rect(106.08, 106.09, 21.05, 21.051) };
    expect(createFeatureCommand(DOC, 'A', outside, policies)).toEqual({ ok: false, reason: 'outside_boundary' });
    const insideA: NewFeature = { kind: 'landuse', landUse: 'green', geometry: rect(106.0602, 106.0608, 21.0502, 21.0508) };
    expect(createFeatureCommand(DOC, 'A', insideA, policies)).toEqual({ ok: false, reason: 'covered_by_existing' });
    // Under the flag policy the same plot is kept, overlapping.
    expect(createFeatureCommand(DOC, 'A', insideA, { overlapPolicy: 'flag', clipToBoundary: true }).ok).toBe(true);
    const line: NewFeature = { kind: 'road', widthM: 12, geometry: { type: 'LineString', coordinates: [[106.05, 21.05]] } };
    expect(createFeatureCommand(DOC, 'A', line, policies)).toEqual({ ok: false, reason: 'too_few_points' });
    expect(createFeatureCommand(DOC, 'Z', DRAWN, policies)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('keeps a bow-tie as drawn, flagged, so the user sees it and its repair', () => {
    const bowTie: NewFeature = {
      kind: 'landuse',
      landUse: 'green',
      geometry: { type: 'Polygon', coordinates: [[[106.045, 21.045], [106.046, 21.046], [106.046, 21.045], [106.045, 21.046], [106.045, 21.045]]] },
    };
    const outcome = create(bowTie, { overlapPolicy: 'prevent', clipToBoundary: true });
    expect(outcome.command.put[0].geometry).toEqual(bowTie.geometry);
    expect(outcome.issues.map((i) => i.reason)).toContain('self_intersection');
  });
});

describe('createFeatureCommand: boundary replacement and the other kinds', () => {
  it('a new boundary replaces the old one in the same step: one boundary per scenario', () => {
    const outcome = create({ kind: 'boundary', geometry: rect(106.03, 106.08, 21.03, 21.07) }, { overlapPolicy: 'prevent', clipToBoundary: true });
    expect(outcome.command.delete).toEqual(['boundary']);
    const after = applyCommand(DOC, outcome.command).document.scenarios[0].features;
    expect(after.filter((f) => f.kind === 'boundary').map((f) => f.id)).toEqual(['new-1']);
    // The first boundary of a scenario deletes nothing.
    const empty = { ...DOC, scenarios: [{ id: 'A', name: 'A', features: [] }] };
    expect(create({ kind: 'boundary', geometry: rect(106.03, 106.08, 21.03, 21.07) }, { overlapPolicy: 'prevent', clipToBoundary: true }, empty).command.delete).toEqual([]);
  });

  it('buildings, roads and points are added as drawn, with their attributes', () => {
    const policies: CreatePolicies = { overlapPolicy: 'prevent', clipToBoundary: true };
    // The building overlaps plot `a` and leaves the boundary: neither cuts nor clips it.
    const building: NewFeature = { kind: 'building', heightM: 9, floors: 2, roofType: 'flat', geometry: rect(106.0605, 106.0725, 21.0502, 21.0508) };
    const b = create(building, policies);
    expect(b.command.put).toEqual([{ ...building, id: 'new-1' }]);
    expect(b.command.label).toBe('Draw building');
    const road: NewFeature = { kind: 'road', widthM: 24, geometry: { type: 'LineString', coordinates: [[106.05, 21.045], [106.06, 21.045]] } };
    expect(create(road, policies).command).toMatchObject({ label: 'Draw road', put: [{ ...road, id: 'new-1' }], delete: [] });
    const gate: NewFeature = { kind: 'point', facilityType: 'gate', geometry: { type: 'Point', coordinates: [106.05, 21.04] } };
    expect(createFeatureCommand(DOC, 'A', gate, policies, { newId: ids(), label: 'Thêm điểm' })).toMatchObject({ ok: true, command: { label: 'Thêm điểm', put: [{ ...gate, id: 'new-1' }] } });
  });
});
