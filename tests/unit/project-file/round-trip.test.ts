import { describe, expect, it } from 'vitest';
import { readProject, writeProject } from '../../../shared/project-file';
import { parkDocumentSchema, type ParkDocument } from '../../../shared/model';
import { loadSqlJs } from '../../helpers/sqljs';
import { sampleDocument, VI_NAME } from './sample-document';

/** What a read gives back: single-part multis come back as the single type (documented normalisation). */
function expectedAfterRead(doc: ParkDocument): ParkDocument {
  const copy = structuredClone(doc);
  for (const s of copy.scenarios) {
    for (const f of s.features) {
      const g = f.geometry;
      if (g.type === 'MultiPolygon' && g.coordinates.length === 1) f.geometry = { type: 'Polygon', coordinates: g.coordinates[0] };
      if (g.type === 'MultiLineString' && g.coordinates.length === 1) f.geometry = { type: 'LineString', coordinates: g.coordinates[0] };
    }
  }
  return copy;
}

describe('writeProject → readProject', () => {
  it('round-trips every field, geometry type, scenario and setting of the sample', async () => {
    const SQL = await loadSqlJs();
    const doc = sampleDocument();
    expect(parkDocumentSchema.safeParse(doc).success).toBe(true);
    const result = readProject(SQL, writeProject(SQL, doc));
    expect(result).toEqual({ ok: true, document: doc });
  });

  it('keeps Vietnamese text byte-exact', async () => {
    const SQL = await loadSqlJs();
    const result = readProject(SQL, writeProject(SQL, sampleDocument()));
    if (!result.ok) throw new Error(result.detail);
    expect(result.document.project.name).toBe(VI_NAME);
    expect(result.document.project.name.normalize('NFC')).toBe('Khu c\u00f4ng nghi\u1ec7p sinh th\u00e1i Y\u00ean Phong \u2014 B\u1eafc Ninh');
    expect(result.document.scenarios[0].features[1].props).toEqual({ owner: 'Công ty Ánh Dương', area_ha: 12.5, leased: true, empty: null });
  });

  it('reads a one-part MultiPolygon and MultiLineString back as Polygon and LineString', async () => {
    const SQL = await loadSqlJs();
    const doc = sampleDocument();
    const ring = [[106, 21], [106.001, 21], [106.001, 21.001], [106, 21]];
    doc.scenarios[2].features = [
      { id: 'm1', kind: 'building', geometry: { type: 'MultiPolygon', coordinates: [[ring]] } },
      { id: 'm2', kind: 'road', widthM: 6, geometry: { type: 'MultiLineString', coordinates: [[[106, 21], [106.01, 21]]] } },
    ];
    const result = readProject(SQL, writeProject(SQL, doc));
    if (!result.ok) throw new Error(result.detail);
    expect(result.document.scenarios[2].features.map((f) => f.geometry.type)).toEqual(['Polygon', 'LineString']);
    expect(result.document).toEqual(expectedAfterRead(doc));
  });

  it('keeps the feature order of each scenario across layers', async () => {
    const SQL = await loadSqlJs();
    const doc = sampleDocument();
    doc.scenarios[0].features.reverse();
    const result = readProject(SQL, writeProject(SQL, doc));
    if (!result.ok) throw new Error(result.detail);
    expect(result.document.scenarios[0].features.map((f) => f.id)).toEqual(['pt1', 'r2', 'r1', 'bd2', 'bd1', 'l2', 'l1', 'b1']);
  });

  it('keeps elevations when every position has one', async () => {
    const SQL = await loadSqlJs();
    const doc = sampleDocument();
    doc.scenarios[2].features = [{ id: 'z', kind: 'point', geometry: { type: 'Point', coordinates: [106.1, 21.1, 12.25] } }];
    const result = readProject(SQL, writeProject(SQL, doc));
    if (!result.ok) throw new Error(result.detail);
    expect(result.document.scenarios[2].features[0].geometry.coordinates).toEqual([106.1, 21.1, 12.25]);
  });

  it('writes the same bytes for the same document', async () => {
    const SQL = await loadSqlJs();
    expect(writeProject(SQL, sampleDocument())).toEqual(writeProject(SQL, sampleDocument()));
  });

  it('throws (programmer error) for an invalid document', async () => {
    const SQL = await loadSqlJs();
    const doc = sampleDocument();
    doc.activeScenarioId = 'nope';
    expect(() => writeProject(SQL, doc)).toThrow(/activeScenarioId/);
  });
});
