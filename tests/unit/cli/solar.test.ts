import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import { createEmptyDocument, type ParkDocument } from '../../../shared/model';
import { readProject, writeProject } from '../../../shared/project-file';
import { makeEpw } from '../solar/helpers';
import { CONTEXT, memoryIo } from './helpers';

const SAMPLE = 'data/samples/bac-ninh-demo.gpkg';
const sampleBytes = new Uint8Array(readFileSync(SAMPLE));
let oneRoof: Uint8Array;
let sample: ParkDocument;

beforeAll(async () => {
  const SQL = await initSqlJs();
  const opened = readProject(SQL, sampleBytes);
  if (!opened.ok) throw new Error(opened.detail);
  sample = opened.document;
  // One 40 m × 40 m flat roof, 8 m high, at 21.0° N 106.0° E (nearest station: Hà Nội).
  const doc = createEmptyDocument('One roof', { location: { lon: 106.0, lat: 21.0 }, now: CONTEXT.now() });
  const frame = createLocalFrame(106.0, 21.0);
  const ring = [[0, 0], [40, 0], [40, 40], [0, 40], [0, 0]].map(([x, y]) => localToLonLat(frame, x, y));
  doc.scenarios[0].features.push({ id: 'roof-1', kind: 'building', heightM: 8, roofType: 'flat', geometry: { type: 'Polygon', coordinates: [ring] } });
  oneRoof = writeProject(SQL, doc);
});

describe('ecopark solar', () => {
  it('prints the JSON of the issue for one roof, with the hand-computed layout', async () => {
    const { io, out, err } = memoryIo({ 'one.gpkg': oneRoof });
    expect(await run(['solar', 'one.gpkg', '--json'], io, CONTEXT)).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join('\n'));
    // Usable: (40 − 2·1.2)² · 0.9 = 1,272.384 m²; GCR at 21° N, 10° tilt = 0.865730 →
    // 1,101.54 m² of modules → 550 modules of 2 m² at 210 W/m² = 231.0 kWp.
    expect(json.buildings).toHaveLength(1);
    const b = json.buildings[0];
    expect(b.id).toBe('roof-1');
    expect(b.roofAreaM2).toBeCloseTo(1600, 0);
    expect(b.usableAreaM2).toBeCloseTo(1272.4, 0);
    expect(b.kwp).toBeCloseTo(231.0, 3);
    expect(json.totalKwp).toBeCloseTo(231.0, 3);
    expect(b.monthlyKwh).toHaveLength(12);
    expect(b.monthlyKwh.reduce((a: number, v: number) => a + v, 0)).toBeCloseTo(b.annualKwh, -1);
    expect(b.specificYield).toBeCloseTo(b.annualKwh / b.kwp, 0);
    expect(b.shadingLossPercent).toBe(0);
    expect(json.weatherSource).toMatch(/^Hà Nội \(Láng\).*nearest station/);
    // CO₂ = MWh × 0.6592 t/MWh (MONRE 2023 grid factor), no demand given: all used on site.
    expect(json.co2AvoidedT).toBeCloseTo((json.annualKwh / 1000) * 0.6592, 1);
    expect(Object.keys(json)).toEqual(['totalKwp', 'annualKwh', 'specificYieldKwhPerKwp', 'co2AvoidedT', 'weatherSource', 'shadingSunPositions', 'buildings']);
  });

  it('covers every building of the sample', async () => {
    const { io, out } = memoryIo({ [SAMPLE]: sampleBytes });
    expect(await run(['solar', SAMPLE, '--json'], io, CONTEXT)).toBe(0);
    const json = JSON.parse(out.join('\n'));
    const buildings = sample.scenarios.find((s) => s.id === sample.activeScenarioId)!.features.filter((f) => f.kind === 'building');
    expect(json.buildings.map((b: { id: string }) => b.id).sort()).toEqual(buildings.map((f) => f.id).sort());
    expect(json.totalKwp).toBeGreaterThan(0);
    expect(json.shadingSunPositions).toBeGreaterThan(100);
  });

  it('uses an hourly EPW file given with --weather and names it', async () => {
    const epw = new TextEncoder().encode(makeEpw(21.0, 106.0, 7));
    const { io, out } = memoryIo({ 'one.gpkg': oneRoof, 'site.epw': epw });
    expect(await run(['solar', 'one.gpkg', '--weather', 'site.epw', '--json'], io, CONTEXT)).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.weatherSource).toBe('site.epw (EPW, Test Site)');
    expect(json.annualKwh).toBeGreaterThan(0);
  });

  it('prints a readable summary without --json', async () => {
    const { io, out } = memoryIo({ 'one.gpkg': oneRoof });
    expect(await run(['solar', 'one.gpkg'], io, CONTEXT)).toBe(0);
    expect(out[0]).toMatch(/^Weather: /);
    expect(out.join('\n')).toMatch(/Installed: +231\.0 kWp/);
  });

  it('fails in one line on a missing scenario, a bad weather file or a missing value', async () => {
    const { io, err } = memoryIo({ 'one.gpkg': oneRoof, 'bad.csv': new TextEncoder().encode('x') });
    expect(await run(['solar', 'one.gpkg', '--scenario', 'Z'], io, CONTEXT)).toBe(2);
    expect(await run(['solar', 'one.gpkg', '--weather', 'bad.csv'], io, CONTEXT)).toBe(1);
    expect(await run(['solar', 'one.gpkg', '--weather'], io, CONTEXT)).toBe(2);
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(/^ecopark: no scenario "Z"/);
    expect(err[1]).toMatch(/^ecopark: cannot read weather bad\.csv: not an EPW or PVGIS hourly file \(/);
  });
});
