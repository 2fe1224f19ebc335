import { describe, expect, it } from 'vitest';
import {
  attributeEditCommand,
  COMMAND_LABELS,
  deleteCommand,
  deleteVertexCommand,
  duplicateCommand,
  insertVertexCommand,
  mergeCommand,
  moveCommand,
  pieceSuffix,
  repairCommand,
  rotateCommand,
  scaleCommand,
  setLandUseCommand,
  splitAlongLineCommand,
  splitCommand,
  subdivideCommand,
  type CommandResult,
} from '../../../shared/editing/commands';
import { geodesicAreaM2 } from '../../../shared/geometry/geodesic';
import { applyCommand, parkDocumentSchema, type EditCommand, type ParkDocument, type ParkFeature, type Position } from '../../../shared/model';

const rectRing = (x0: number, x1: number, y0: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

// The 300 m × 200 m block of the subdivision tests (corners from python3-geographiclib Direct).
const BLOCK_RING: Position[] = [[106.05, 21.05], [106.05288639893821, 21.049999975485488], [106.05288643375745, 21.05180637156137], [106.05, 21.051806396076174], [106.05, 21.05]];
const BLOCK_M2 = 60000.000001509216;

const FEATURES: ParkFeature[] = [
  { id: 'boundary', kind: 'boundary', name: 'Park', geometry: { type: 'Polygon', coordinates: [rectRing(106.04, 106.07, 21.04, 21.06)] } },
  { id: 'block', kind: 'landuse', landUse: 'industrial', code: 'CN-05', maxDensity: 0.7, maxFloors: 5, geometry: { type: 'Polygon', coordinates: [BLOCK_RING] } },
  { id: 'a', kind: 'landuse', landUse: 'green', name: 'Park A', geometry: { type: 'Polygon', coordinates: [rectRing(106.06, 106.061, 21.05, 21.051)] } },
  { id: 'b', kind: 'landuse', landUse: 'green', geometry: { type: 'Polygon', coordinates: [rectRing(106.061, 106.062, 21.05, 21.051)] } },
  { id: 'bow', kind: 'landuse', landUse: 'water', geometry: { type: 'Polygon', coordinates: [[[106.045, 21.045], [106.046, 21.046], [106.046, 21.045], [106.045, 21.046], [106.045, 21.045]]] } },
  { id: 'road', kind: 'road', widthM: 12, name: 'D1', geometry: { type: 'LineString', coordinates: [[106.041, 21.049], [106.069, 21.049]] } },
  { id: 'gate', kind: 'point', facilityType: 'gate', geometry: { type: 'Point', coordinates: [106.041, 21.041] } },
  { id: 'factory', kind: 'building', heightM: 12, floors: 2, roofType: 'flat', geometry: { type: 'Polygon', coordinates: [rectRing(106.051, 106.052, 21.0505, 21.0510)] } },
];

function makeDoc(): ParkDocument {
  return {
    formatVersion: 1,
    project: { id: 'p', name: 'Test', province: 'Bắc Ninh', location: { lon: 106.05, lat: 21.05 }, createdAt: '2026-01-01T00:00:00Z', modifiedAt: '2026-01-01T00:00:00Z' },
    scenarios: [{ id: 'A', name: 'A', features: FEATURES }],
    activeScenarioId: 'A',
    settings: {},
  };
}

function ids(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

function unwrap<E>(r: CommandResult<E>): EditCommand & { extra: E } {
  if (!r.ok) throw new Error(`command refused: ${r.reason}`);
  const { command, ok: _ok, ...extra } = r as { ok: true; command: EditCommand } & E;
  return { ...command, extra: extra as E };
}

const featuresOf = (d: ParkDocument) => d.scenarios[0].features;
const byId = (d: ParkDocument, id: string) => featuresOf(d).find((f) => f.id === id);

/**
 * Applies the command, checks the document is still valid, undoes it and checks the original
 * comes back. applyCommand re-inserts deleted features at the end of the list, so the
 * comparison is exact for edits that only replace and up to feature order for the others.
 */
function roundTrip(command: EditCommand): ParkDocument {
  const original = makeDoc();
  const applied = applyCommand(original, command);
  expect(parkDocumentSchema.safeParse(applied.document).success).toBe(true);
  const undone = applyCommand(applied.document, applied.inverse).document;
  if (command.delete.length === 0) expect(undone).toEqual(original);
  const sorted = (d: ParkDocument) => ({ ...d, scenarios: d.scenarios.map((s) => ({ ...s, features: [...s.features].sort((x, y) => x.id.localeCompare(y.id)) })) });
  expect(sorted(undone)).toEqual(sorted(original));
  return applied.document;
}

describe('edit commands: effect, label and undo', () => {
  it('Split polygon: the block becomes two parts CN-05a/b that keep its attributes and area', () => {
    const c = unwrap(splitCommand(makeDoc(), 'A', 'block', { type: 'LineString', coordinates: [[106.0514, 21.049], [106.0514, 21.053]] }, { newId: ids() }));
    expect(c.label).toBe('Split polygon');
    const after = roundTrip(c);
    expect(byId(after, 'block')).toBeUndefined();
    const parts = c.extra.partIds.map((id) => byId(after, id));
    expect(parts.map((p) => p?.code)).toEqual(['CN-05a', 'CN-05b']);
    expect(parts.every((p) => p?.kind === 'landuse' && p.maxDensity === 0.7)).toBe(true);
    const sum = parts.reduce((s, p) => s + geodesicAreaM2(p?.geometry as never), 0);
    expect(Math.abs(sum / BLOCK_M2 - 1)).toBeLessThan(1e-6);
  });

  it('Split along a line: the selected polygon, else the first land use the line cuts', () => {
    const line = { type: 'LineString' as const, coordinates: [[106.0514, 21.049], [106.0514, 21.053]] };
    // Nothing selected: `block` is the first land use the line cuts (the boundary is never split).
    const first = unwrap(splitAlongLineCommand(makeDoc(), 'A', line, [], { newId: ids() }));
    expect(first.delete).toEqual(['block']);
    // The line also crosses the building inside the block: selected, it is the one split.
    const selected = unwrap(splitAlongLineCommand(makeDoc(), 'A', line, ['factory'], { newId: ids() }));
    expect(selected.delete).toEqual(['factory']);
    expect(selected.extra.partIds).toEqual(['new-1', 'new-2']);
    const elsewhere = { type: 'LineString' as const, coordinates: [[106.0405, 21.0405], [106.0406, 21.0406]] };
    expect(splitAlongLineCommand(makeDoc(), 'A', elsewhere, [])).toEqual({ ok: false, reason: 'missed' });
  });

  it('Subdivide block: 6 plots CN-05a…f and 5 traffic strips replace the block', () => {
    const c = unwrap(subdivideCommand(makeDoc(), 'A', 'block', { count: 6, roadWidthM: 12, newId: ids() }));
    expect(c.label).toBe('Subdivide block');
    expect(c.delete).toEqual(['block']);
    const after = roundTrip(c);
    const plots = c.extra.plotIds.map((id) => byId(after, id));
    expect(plots.map((p) => p?.code)).toEqual(['CN-05a', 'CN-05b', 'CN-05c', 'CN-05d', 'CN-05e', 'CN-05f']);
    expect(plots.every((p) => p?.kind === 'landuse' && p.landUse === 'industrial' && p.maxFloors === 5)).toBe(true);
    const roads = c.extra.roadIds.map((id) => byId(after, id));
    expect(roads).toHaveLength(5);
    expect(roads.every((r) => r?.kind === 'landuse' && r.landUse === 'traffic' && r.subtype === 'road')).toBe(true);
    for (const p of plots) expect(Math.abs(geodesicAreaM2(p?.geometry as never) / 8000 - 1)).toBeLessThan(1e-3);
  });

  it('Subdivide accepts a one-part MultiPolygon block (as read from a GeoPackage)', () => {
    const doc = makeDoc();
    const multi = applyCommand(doc, { label: 'x', scenarioId: 'A', put: [{ ...FEATURES[1], geometry: { type: 'MultiPolygon', coordinates: [[BLOCK_RING]] } } as ParkFeature], delete: [] }).document;
    const r = subdivideCommand(multi, 'A', 'block', { count: 3 });
    expect(r.ok && r.plotIds.length).toBe(3);
    expect(subdivideCommand(doc, 'A', 'road', { count: 3 })).toEqual({ ok: false, reason: 'wrong_kind' });
    expect(subdivideCommand(doc, 'A', 'nope', { count: 3 })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('Merge polygons: a and b become a (its attributes), b deleted', () => {
    const c = unwrap(mergeCommand(makeDoc(), 'A', ['a', 'b']));
    expect(c.label).toBe('Merge polygons');
    const after = roundTrip(c);
    expect(byId(after, 'b')).toBeUndefined();
    expect(byId(after, 'a')?.name).toBe('Park A');
    expect(mergeCommand(makeDoc(), 'A', ['a', 'road'])).toEqual({ ok: false, reason: 'wrong_kind' });
    // Land use of two categories is never merged: the category of the result would be a guess.
    expect(mergeCommand(makeDoc(), 'A', ['a', 'block'])).toEqual({ ok: false, reason: 'different_land_use' });
    const bothGreen = applyCommand(makeDoc(), { label: 'x', scenarioId: 'A', put: [{ ...FEATURES[1], landUse: 'green' } as ParkFeature], delete: [] }).document;
    expect(mergeCommand(bothGreen, 'A', ['a', 'block'])).toEqual({ ok: false, reason: 'not_adjacent' });
  });

  it('Move, Rotate, Scale, Duplicate', () => {
    const move = unwrap(moveCommand(makeDoc(), 'A', ['gate', 'factory'], 10, -5));
    expect(move.label).toBe('Move');
    expect(roundTrip(move)).not.toEqual(makeDoc());
    const rotate = unwrap(rotateCommand(makeDoc(), 'A', ['factory'], 90, [106.0515, 21.05075]));
    expect(rotate.label).toBe('Rotate');
    roundTrip(rotate);
    const scale = unwrap(scaleCommand(makeDoc(), 'A', ['factory'], 1.5, [106.0515, 21.05075]));
    expect(scale.label).toBe('Scale');
    const scaled = roundTrip(scale);
    expect(geodesicAreaM2(byId(scaled, 'factory')?.geometry as never) / geodesicAreaM2(FEATURES[7].geometry as never)).toBeCloseTo(2.25, 6);
    expect(scaleCommand(makeDoc(), 'A', ['factory'], 0, [106, 21])).toEqual({ ok: false, reason: 'invalid_value' });
    const dup = unwrap(duplicateCommand(makeDoc(), 'A', ['gate'], [5, 0], { newId: ids() }));
    expect(dup.label).toBe('Duplicate');
    expect(byId(roundTrip(dup), 'new-1')?.kind).toBe('point');
  });

  it('Delete', () => {
    const c = deleteCommand('A', ['gate', 'road']);
    expect(c.label).toBe('Delete');
    const after = roundTrip(c);
    expect(featuresOf(after)).toHaveLength(FEATURES.length - 2);
  });

  it('Edit attributes over a mixed selection applies only the fields each kind carries', () => {
    const c = unwrap(attributeEditCommand(makeDoc(), 'A', ['block', 'road', 'factory'], { name: 'Zone 1', heightM: 20, widthM: 16, maxDensity: 0.6 }));
    expect(c.label).toBe('Edit attributes');
    const after = roundTrip(c);
    expect(byId(after, 'block')).toMatchObject({ name: 'Zone 1', maxDensity: 0.6 });
    expect(byId(after, 'block')).not.toHaveProperty('heightM');
    expect(byId(after, 'road')).toMatchObject({ name: 'Zone 1', widthM: 16 });
    expect(byId(after, 'factory')).toMatchObject({ name: 'Zone 1', heightM: 20 });
    // Clearing a field, and refusing an invalid value for the whole edit.
    const cleared = unwrap(attributeEditCommand(makeDoc(), 'A', ['road'], { name: undefined }));
    expect(byId(roundTrip(cleared), 'road')).not.toHaveProperty('name');
    const bad = attributeEditCommand(makeDoc(), 'A', ['block', 'factory'], { maxDensity: 1.5 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toBe('invalid_value');
    expect(!bad.ok && bad.message).toContain('maxDensity');
  });

  it('Set land use', () => {
    const c = unwrap(setLandUseCommand(makeDoc(), 'A', ['a', 'b'], 'water', 'water/pond'));
    expect(c.label).toBe('Set land use');
    const after = roundTrip(c);
    expect(byId(after, 'a')).toMatchObject({ landUse: 'water', subtype: 'water/pond' });
    expect(setLandUseCommand(makeDoc(), 'A', ['road'], 'water')).toEqual({ ok: false, reason: 'wrong_kind' });
  });

  it('Insert and Delete vertex (closing vertex follows the first)', () => {
    const ring = (d: ParkDocument, id: string) => (byId(d, id)?.geometry as { coordinates: Position[][] }).coordinates[0];
    const ins = unwrap(insertVertexCommand(makeDoc(), 'A', 'a', [0], 3, [106.0595, 21.0505]));
    expect(ins.label).toBe('Insert vertex');
    expect(ring(roundTrip(ins), 'a')).toEqual([[106.06, 21.05], [106.061, 21.05], [106.061, 21.051], [106.06, 21.051], [106.0595, 21.0505], [106.06, 21.05]]);
    const del = unwrap(deleteVertexCommand(makeDoc(), 'A', 'a', [0], 0));
    expect(del.label).toBe('Delete vertex');
    expect(ring(roundTrip(del), 'a')).toEqual([[106.061, 21.05], [106.061, 21.051], [106.06, 21.051], [106.061, 21.05]]);
    // Refusals: a triangle cannot lose a vertex; bad indexes.
    const triangle = applyCommand(makeDoc(), del).document;
    expect(deleteVertexCommand(triangle, 'A', 'a', [0], 0)).toEqual({ ok: false, reason: 'too_few_vertices' });
    expect(deleteVertexCommand(makeDoc(), 'A', 'a', [1], 0)).toEqual({ ok: false, reason: 'invalid_vertex' });
    expect(insertVertexCommand(makeDoc(), 'A', 'road', [], 1, [106, 21])).toEqual({ ok: false, reason: 'invalid_vertex' });
    expect(insertVertexCommand(makeDoc(), 'A', 'nope', [0], 0, [106, 21])).toEqual({ ok: false, reason: 'not_found' });
  });

  it('Repair: a bow tie becomes two polygons', () => {
    const c = unwrap(repairCommand(makeDoc(), 'A', 'bow', 'split_bow_tie', { newId: ids() }));
    expect(c.label).toBe('Repair');
    const after = roundTrip(c);
    expect(c.extra.featureIds).toEqual(['bow', 'new-1']);
    expect(byId(after, 'new-1')?.kind).toBe('landuse');
    expect(repairCommand(makeDoc(), 'A', 'block', 'split_bow_tie')).toEqual({ ok: false, reason: 'not_a_bow_tie' });
  });

  it('has an English label for every edit kind', () => {
    expect(Object.values(COMMAND_LABELS)).toEqual([
      'Draw polygon', 'Draw rectangle', 'Draw road', 'Draw building', 'Add point', 'Split polygon', 'Subdivide block',
      'Merge polygons', 'Move', 'Rotate', 'Scale', 'Duplicate', 'Delete', 'Edit attributes', 'Move vertex',
      'Insert vertex', 'Delete vertex', 'Set land use', 'Repair',
    ]);
    expect([0, 1, 25, 26, 27, 701, 702].map(pieceSuffix)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'zz', 'aaa']);
  });
});
