import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../../shared/analysis';
import { greenSpaceRatioOf } from '../../../shared/eco/green-ratio';
import { readProject } from '../../../shared/project-file';
import { park } from './eco-park';

describe('the green-space ratio of the eco criteria, without the whole analysis', () => {
  it('is green land outside plots ÷ park area', () => {
    const doc = park();
    const rect = (x0: number, x1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, 21.1], [x1, 21.1], [x1, 21.102], [x0, 21.102], [x0, 21.1]]] });
    doc.scenarios[0].features.push({ id: 'b', kind: 'boundary', geometry: rect(106, 106.022) });
    doc.scenarios[0].features.push({ id: 'g', kind: 'landuse', landUse: 'green', geometry: rect(106.015, 106.017) });
    // python3-geographiclib, Geodesic.WGS84.Polygon over the corners: boundary 506 161.42797 m²,
    // green 46 014.67492 m² → 0.0909090902.
    expect(greenSpaceRatioOf(doc)).toBeCloseTo(0.0909090902, 9);
    expect(greenSpaceRatioOf(doc)).toBe(analyzeScenario(doc).green.greenSpaceRatio);
  });

  it('equals the land-use analysis on the sample park', async () => {
    const SQL = await initSqlJs();
    const read = readProject(SQL, new Uint8Array(readFileSync('data/samples/bac-ninh-demo.gpkg')));
    if (!read.ok) throw new Error(read.detail);
    for (const s of read.document.scenarios) expect(greenSpaceRatioOf(read.document, s.id)).toBe(analyzeScenario(read.document, s.id).green.greenSpaceRatio);
  }, 30_000);
});
