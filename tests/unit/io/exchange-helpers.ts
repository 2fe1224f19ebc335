import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { ParkFeature } from '../../../shared/model';
import { scenarioExport, type ScenarioExport } from '../../../shared/io/export-input';
import { sampleDocument } from '../project-file/sample-document';

/** Scenario A of the project-file sample: every kind, holes, multi-parts, Vietnamese text, props. */
export function sampleExport(): ScenarioExport {
  return scenarioExport(sampleDocument(), 's-a');
}

/** A temporary folder removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs a GDAL tool; GDAL is installed wherever the tests run (DESIGN.md §5), so nothing is skipped. */
export function gdal(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  expect(result.error).toBeUndefined();
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** Layer name → feature count from `ogrinfo -so -al`. */
export function ogrLayers(file: string): Record<string, number> {
  const out = gdal('ogrinfo', ['-so', '-al', file]);
  const layers: Record<string, number> = {};
  for (const m of out.matchAll(/Layer name: (.+)\n(?:.*\n)*?Feature Count: (\d+)/g)) layers[m[1]] = Number(m[2]);
  return layers;
}

/** Every position of a geometry, flattened. */
export function positions(g: { coordinates: unknown }): number[][] {
  const out: number[][] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(g.coordinates);
  return out;
}

/** Features compared without geometry; geometries compared separately within a tolerance. */
export function attributesOf(f: ParkFeature): Record<string, unknown> {
  const { geometry: _geometry, ...rest } = f;
  return rest;
}

export function expectSameGeometry(a: { coordinates: unknown }, b: { coordinates: unknown }, toleranceDeg: number): void {
  const pa = positions(a);
  const pb = positions(b);
  expect(pa.length).toBe(pb.length);
  pa.forEach((p, i) => {
    expect(Math.abs(p[0] - pb[i][0])).toBeLessThanOrEqual(toleranceDeg);
    expect(Math.abs(p[1] - pb[i][1])).toBeLessThanOrEqual(toleranceDeg);
  });
}
