import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { createLocalFrame, localToLonLat } from '../../../shared/geometry/local-frame';
import { createEmptyDocument } from '../../../shared/model';
import { writeProject } from '../../../shared/project-file';
import { CONTEXT, memoryIo } from './helpers';

let bytes: Uint8Array;

beforeAll(async () => {
  const SQL = await initSqlJs();
  // One 80 m × 40 m flat roof, 6 m high, near Hà Nội.
  const doc = createEmptyDocument('Roof use', { location: { lon: 105.8, lat: 21.0 }, now: CONTEXT.now() });
  const frame = createLocalFrame(105.8, 21.0);
  const ring = [[0, 0], [80, 0], [80, 40], [0, 40], [0, 0]].map(([x, y]) => localToLonLat(frame, x, y));
  doc.scenarios[0].features.push({ id: 'roof-80x40', kind: 'building', heightM: 6, roofType: 'flat', geometry: { type: 'Polygon', coordinates: [ring] } });
  bytes = writeProject(SQL, doc);
});

describe('ecopark solar --json: roof use', () => {
  it('adds usableSharePercent per roof and keeps the other fields', async () => {
    const { io, out, err } = memoryIo({ 'r.gpkg': bytes });
    expect(await run(['solar', 'r.gpkg', '--json'], io, CONTEXT)).toBe(0);
    expect(err).toEqual([]);
    const b = JSON.parse(out.join('\n')).buildings[0];
    // (80 − 2.4)(40 − 2.4) − 1.5 · 37.6 = 2,861.36 m²; × 0.9 = 2,575.22 m²; ÷ 3,200 m² = 80.48 %.
    expect(b.roofAreaM2).toBeCloseTo(3200, 0);
    expect(b.usableAreaM2).toBeCloseTo(2575.2, 0);
    expect(b.usableSharePercent).toBeCloseTo(80.48, 1);
    for (const k of ['id', 'roofAreaM2', 'usableAreaM2', 'kwp', 'annualKwh', 'specificYield', 'shadingLossPercent', 'monthlyKwh']) expect(b).toHaveProperty(k);
  });
});
