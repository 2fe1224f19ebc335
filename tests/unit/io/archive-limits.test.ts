import { describe, expect, it } from 'vitest';
import { importKmz } from '../../../shared/io/kmz';
import { importShapefileZip } from '../../../shared/io/shapefile';
import { openZip } from '../../../shared/io/zip';
import { DEFAULT_LIMITS, LimitExceededError, type Limits } from '../../../shared/limits';
import { buildShp, buildZip, deflated, MiB, polyContent, SMALL_KML, WGS84_PRJ, zeroDeflate } from './hostile-archive-inputs';

/** The archive limits of shared/limits.ts as the zip, KMZ and Shapefile readers apply them (issue 11). */

const small: Limits = { ...DEFAULT_LIMITS, 'archive-entry-inflated-bytes': 4 * MiB, 'archive-inflated-bytes': 20 * MiB };

describe('zip limits', () => {
  it('an entry whose declared size lies stops once its inflated bytes pass the limit', () => {
    const kmz = buildZip([{ name: 'doc.kml', data: zeroDeflate(64), method: 8, declaredSize: 100 }]);
    const result = importKmz(kmz, 'lying.kmz', small);
    expect(result).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit: 'archive-entry-inflated-bytes', max: 4 * MiB } });
    // Reading stops within one 16 KiB step of compressed input (deflate expands at most 1,032:1).
    if (!result.ok) expect(result.limit?.value).toBeLessThan(4 * MiB + 1032 * 16 * 1024 + 1);
  });

  it('entries sharing one compressed stream count towards one archive total', () => {
    const shared = Array.from({ length: 10 }, (_, i) => ({ name: `part${i}.bin`, data: zeroDeflate(3), method: 8, declaredSize: 3 * MiB, ...(i > 0 ? { sameDataAs: 0 } : {}) }));
    const opened = openZip(buildZip(shared), small);
    if (!opened.ok) throw new Error(opened.detail);
    // 20 MiB ÷ 3 MiB: six entries fit (18 MiB), the seventh would make 21 MiB.
    for (let i = 0; i < 6; i++) expect(opened.archive.read(`part${i}.bin`)).toMatchObject({ ok: true });
    expect(() => opened.archive.read('part6.bin')).toThrow(LimitExceededError);
  });

  it('an archive with more entries than the limit is refused before any is read', () => {
    const zip = buildZip(Array.from({ length: 5 }, (_, i) => deflated(`f${i}.kml`, SMALL_KML)));
    expect(importKmz(zip, 'many.kmz', { ...DEFAULT_LIMITS, 'archive-entries': 4 })).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit: 'archive-entries', value: 5 } });
  });

  it('lists names without inflating, skips folders, and reads stored entries', () => {
    const opened = openZip(buildZip([deflated('doc.kml', SMALL_KML), { name: 'files/', data: new Uint8Array(0), method: 0, declaredSize: 0 }, { name: 'a.txt', data: new TextEncoder().encode('stored'), method: 0, declaredSize: 6 }]));
    if (!opened.ok) throw new Error(opened.detail);
    expect(opened.archive.names).toEqual(['doc.kml', 'a.txt']);
    const stored = opened.archive.read('a.txt');
    expect(stored.ok && new TextDecoder().decode(stored.data)).toBe('stored');
  });
});

describe('Shapefile limits', () => {
  it('applies the vertex limits to Shapefile records', () => {
    const ring: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const zip = buildZip([deflated('park.shp', buildShp([{ content: polyContent(5, [0], ring) }])), deflated('park.prj', WGS84_PRJ)]);
    const result = importShapefileZip(zip, { limits: { ...DEFAULT_LIMITS, 'vertices-per-feature': 3 } });
    expect(result).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit: 'vertices-per-feature', value: 4, where: 'record 1 at byte 100' } });
  });
});
