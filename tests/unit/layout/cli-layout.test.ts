import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { readProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo } from '../cli/helpers';
import { ogrLayers } from './judge';
import { rectangleProject } from './sites';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import { distanceM } from '../../../shared/geometry/geodesic';


/** `ecopark layout` end to end on a 50 ha rotated site, in memory, then the file through GDAL. */
describe('ecopark layout', () => {
  it('writes the variants as scenarios, the best active, and GDAL reads the file', { timeout: 600_000 }, async () => {
    const input = await rectangleProject();
    const { io, out, err, store } = memoryIo({ 'in.gpkg': input });
    const code = await run(['layout', 'in.gpkg', '-o', 'out.gpkg', '--variants', '2', '--seed', '3', '--json'], io, CONTEXT);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { activeScenarioId: string; variants: { scenarioId: string; name: string; plotCount: number; rulesFailed: number; saleableShare: number; greenShare: number; trafficShare: number; roadLengthM: number; pvKwp: number }[] };
    expect(report.variants).toHaveLength(2);
    for (const v of report.variants) {
      for (const key of ['plotCount', 'saleableShare', 'greenShare', 'trafficShare', 'roadLengthM', 'rulesFailed', 'pvKwp']) expect(typeof (v as Record<string, unknown>)[key]).toBe('number');
      expect(v.rulesFailed).toBe(0);
    }
    const written = readProject(await initSqlJs(), store.get('out.gpkg')!);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(written.document.scenarios.map((s) => s.name)).toEqual(['A', 'Layout 1', 'Layout 2']);
    expect(written.document.activeScenarioId).toBe(report.activeScenarioId);
    expect(report.activeScenarioId).toBe(report.variants[0].scenarioId);
    const best = written.document.scenarios.find((s) => s.id === report.activeScenarioId)!;
    expect(best.features.filter((f) => f.kind === 'landuse' && f.landUse === 'industrial')).toHaveLength(report.variants[0].plotCount);
    // The input is untouched.
    expect(store.get('in.gpkg')).toBe(input);

    const dir = mkdtempSync(join(tmpdir(), 'layout-cli-'));
    try {
      const file = join(dir, 'out.gpkg');
      writeFileSync(file, store.get('out.gpkg')!);
      const layers = ogrLayers(file);
      const total = Object.values(layers).reduce((s, n) => s + n, 0);
      // Every feature of the three scenarios is a row GDAL can read.
      expect(total).toBeGreaterThanOrEqual(written.document.scenarios.reduce((s, sc) => s + sc.features.length, 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes --sme-share and --entrance: SME plots, the main gate at the given point', { timeout: 600_000 }, async () => {
    const input = await rectangleProject();
    // The middle of the rectangle's first side (0,0)→(800,0) before its 30° turn: (400, 0) → (346.41, −200) m
    // from the origin (x·cos30 + y·sin30, −x·sin30 + y·cos30), picked as a click would be.
    const entrance = localToLonLat(createLocalFrame(106.07, 21.18), 346.41, -200);
    const { io, out, err, store } = memoryIo({ 'in.gpkg': input });
    const code = await run(['layout', 'in.gpkg', '-o', 'out.gpkg', '--variants', '1', '--sme-share', '30', '--entrance', `${entrance[0]},${entrance[1]}`, '--json'], io, CONTEXT);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { activeScenarioId: string; variants: { plotCount: number; smePlotCount: number; plotsOutOfRange: number }[] };
    expect(report.variants[0].smePlotCount).toBeGreaterThan(0);
    expect(report.variants[0].smePlotCount).toBeLessThan(report.variants[0].plotCount);
    expect(report.variants[0].plotsOutOfRange).toBe(0);
    const written = readProject(await initSqlJs(), store.get('out.gpkg')!);
    if (!written.ok) throw new Error('unreadable output');
    const best = written.document.scenarios.find((s) => s.id === report.activeScenarioId)!;
    const gate = best.features.find((f) => f.kind === 'point' && f.name === 'Main entrance')!;
    expect(distanceM(gate.geometry.coordinates as [number, number], entrance)).toBeLessThan(0.05);
    const sme = best.features.filter((f) => f.kind === 'landuse' && f.props?.plotBand === 'sme');
    expect(sme).toHaveLength(report.variants[0].smePlotCount);
  });

  it('never replaces an existing output unasked, and refuses bad options', async () => {
    const { io, err, store } = memoryIo({ 'in.gpkg': new Uint8Array([1]), 'out.gpkg': new Uint8Array([2]) });
    expect(await run(['layout', 'in.gpkg', '-o', 'out.gpkg'], io, CONTEXT)).toBe(1);
    expect(err.join('\n')).toContain('out.gpkg already exists');
    expect(store.get('out.gpkg')).toEqual(new Uint8Array([2]));
    const bad = memoryIo({ 'in.gpkg': new Uint8Array([1]) });
    expect(await run(['layout', 'in.gpkg', '-o', 'x.gpkg', '--plot-size', '5-1'], bad.io, CONTEXT)).toBe(2);
    expect(await run(['layout', 'in.gpkg', '-o', 'x.gpkg', '--variants', '0'], bad.io, CONTEXT)).toBe(2);
    expect(await run(['layout', 'in.gpkg'], bad.io, CONTEXT)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--plot-size takes MIN-MAX[\s\S]*--variants takes a whole number from 1 to 12[\s\S]*layout needs an output project/);
    const worse = memoryIo({ 'in.gpkg': new Uint8Array([1]) });
    expect(await run(['layout', 'in.gpkg', '-o', 'x.gpkg', '--sme-share', '120'], worse.io, CONTEXT)).toBe(2);
    expect(await run(['layout', 'in.gpkg', '-o', 'x.gpkg', '--entrance', '106.07'], worse.io, CONTEXT)).toBe(2);
    expect(await run(['layout', 'in.gpkg', '-o', 'x.gpkg', '--entrance', '106.07,95'], worse.io, CONTEXT)).toBe(2);
    expect(await run(['layout', 'in.gpkg', '-o', 'x.gpkg', '--wind-from', 'NE'], worse.io, CONTEXT)).toBe(2);
    expect(worse.err.join('\n')).toMatch(/--sme-share takes the percentage[\s\S]*--entrance takes LON,LAT[\s\S]*--entrance takes LON,LAT[\s\S]*--wind-from takes the degrees/);
  });
});
