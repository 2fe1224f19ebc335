import { describe, expect, it } from 'vitest';
import { documentToGeoJson, geoJsonToDocument, GEOJSON_IMPORT_FAILURES } from '../../../shared/io/geojson';
import { FORMAT_VERSION } from '../../../shared/model';
import { describeImportNote } from '../../../shared/io/import-notes';
import { readProject, writeProject } from '../../../shared/project-file';
import { loadSqlJs } from '../../helpers/sqljs';
import { sampleDocument, VI_NAME } from '../project-file/sample-document';

const square = [[[106, 21], [106.01, 21], [106.01, 21.01], [106, 21.01], [106, 21]]];

describe('documentToGeoJson', () => {
  it('exports every scenario with profile properties and the ecopark member', () => {
    const doc = sampleDocument();
    const fc = documentToGeoJson(doc);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(10);
    expect(fc.features[1]).toEqual({
      type: 'Feature',
      id: 'l1',
      properties: {
        kind: 'landuse',
        scenario: 'Phương án A',
        scenarioId: 's-a',
        name: 'Lô CN-01',
        code: 'CN-01',
        landUse: 'industrial',
        subtype: 'factory',
        maxDensity: 0.6,
        maxFloors: 5,
        minGreenRatio: 0.2,
        maxFar: 2.5,
        notes: 'ghi chú',
        props: { owner: 'Công ty Ánh Dương', area_ha: 12.5, leased: true, empty: null },
      },
      geometry: doc.scenarios[0].features[1].geometry,
    });
    expect(fc.features[8].properties).toEqual({ kind: 'boundary', scenario: 'Phương án B', scenarioId: 's-b' });
    expect(fc.ecopark).toEqual({
      formatVersion: FORMAT_VERSION,
      project: doc.project,
      scenarios: [
        { id: 's-a', name: 'Phương án A', description: 'Nhiều cây xanh' },
        { id: 's-b', name: 'Phương án B' },
        { id: 's-c', name: 'Trống' },
      ],
      activeScenarioId: 's-b',
      settings: doc.settings,
    });
  });
});

describe('geoJsonToDocument', () => {
  it('reads our own export back losslessly, also through JSON text', () => {
    const doc = sampleDocument();
    const text = JSON.stringify(documentToGeoJson(doc));
    expect(geoJsonToDocument(JSON.parse(text))).toEqual({ ok: true, document: doc, notes: [], warnings: [] });
  });

  it('gpkg → GeoJSON → gpkg is lossless', async () => {
    const SQL = await loadSqlJs();
    const first = readProject(SQL, writeProject(SQL, sampleDocument()));
    if (!first.ok) throw new Error(first.detail);
    const viaJson = geoJsonToDocument(JSON.parse(JSON.stringify(documentToGeoJson(first.document))));
    if (!viaJson.ok) throw new Error(viaJson.detail);
    const second = readProject(SQL, writeProject(SQL, viaJson.document));
    expect(second).toEqual({ ok: true, document: sampleDocument() });
    if (second.ok) expect(second.document.project.name).toBe(VI_NAME);
  });

  it('imports a plain FeatureCollection: kinds inferred, attributes mapped, the rest in props, with warnings', () => {
    const result = geoJsonToDocument(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: 7, properties: { name: 'Lô 1', landUse: 'industrial', owner: 'Ánh', area: 2.5 }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { name: 'Đường', width: 12 }, geometry: { type: 'LineString', coordinates: [[106, 21], [106.02, 21]] } },
          { type: 'Feature', properties: null, geometry: { type: 'LineString', coordinates: [[106, 21.01], [106.02, 21.01]] } },
          { type: 'Feature', properties: { kind: 'point', facilityType: 'gate' }, geometry: { type: 'Point', coordinates: [106.005, 21.02] } },
          { type: 'Feature', properties: { landUse: 'factory', maxDensity: 1.5 }, geometry: { type: 'Polygon', coordinates: square } },
        ],
      },
      { fileName: 'C:\\data\\Khu công nghiệp.geojson', now: '2026-03-01T00:00:00.000Z' },
    );
    if (!result.ok) throw new Error(result.detail);
    const doc = result.document;
    expect(doc.project.name).toBe('Khu công nghiệp');
    expect(doc.project.createdAt).toBe('2026-03-01T00:00:00.000Z');
    // Bounding box 106–106.02 × 21–21.02: centre (106.01, 21.01).
    expect(doc.project.location.lon).toBeCloseTo(106.01, 12);
    expect(doc.project.location.lat).toBeCloseTo(21.01, 12);
    expect(doc.scenarios).toHaveLength(1);
    const [plot, road, bareRoad, gate, odd] = doc.scenarios[0].features;
    expect(plot).toMatchObject({ id: '7', kind: 'landuse', name: 'Lô 1', landUse: 'industrial', props: { owner: 'Ánh', area: 2.5 } });
    expect(road).toMatchObject({ kind: 'road', name: 'Đường', widthM: 12 });
    expect(road.props).toBeUndefined();
    expect(bareRoad).toMatchObject({ kind: 'road', widthM: 8 });
    expect(gate).toMatchObject({ kind: 'point', facilityType: 'gate' });
    expect(odd).toMatchObject({ kind: 'landuse', landUse: 'other', props: { landUse: 'factory', maxDensity: 1.5 } });
    // Notes are data (features numbered from 1), worded in the reader's language.
    const layer = 'Khu công nghiệp';
    expect(result.notes).toEqual([
      { code: 'default_road_width', layer, feature: 3, widthM: 8 },
      { code: 'attribute_kept', layer, feature: 5, key: 'landUse', value: '"factory"', field: 'landUse' },
      { code: 'attribute_kept', layer, feature: 5, key: 'maxDensity', value: '1.5', field: 'maxDensity' },
      { code: 'kind_inferred', layer, count: 4, features: [1, 2, 3, 5] },
    ]);
    expect(result.warnings).toEqual(result.notes.map((n) => describeImportNote(n, 'en')));
    expect(describeImportNote(result.notes[3], 'vi')).toBe('Lớp “Khu công nghiệp”: 4 đối tượng không có thuộc tính kind nên loại được xác định theo hình học (đối tượng 1, 2, 3, 5).');
  });

  it('splits a MultiPoint into points, with a warning', () => {
    const result = geoJsonToDocument({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[106, 21], [106.1, 21.1]] } }] });
    if (!result.ok) throw new Error(result.detail);
    expect(result.document.scenarios[0].features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [106, 21] },
      { type: 'Point', coordinates: [106.1, 21.1] },
    ]);
    expect(result.notes[0]).toEqual({ code: 'multipoint_split', layer: 'GeoJSON', feature: 1, count: 2 });
    expect(describeImportNote(result.notes[0], 'vi')).toBe('Lớp “GeoJSON”, đối tượng 1: nhóm điểm (MultiPoint) được tách thành 2 điểm.');
  });

  it('refuses invalid input, naming the feature number (from 1, as notes do) and the reason', () => {
    const fc = (feature: unknown) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106, 21] } }, feature] });
    const cases: [unknown, string, RegExp][] = [
      [null, 'not_geojson', /FeatureCollection/],
      [{ type: 'Feature' }, 'not_geojson', /FeatureCollection/],
      [fc({ type: 'Feature', properties: {}, geometry: null }), 'invalid_feature', /Feature 2: its geometry is empty, so the file was not imported/],
      [fc({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.1, 21], [106.1, 21.1], [106, 21.2]]] } }), 'invalid_feature', /Feature 2: its polygon outline does not end where it starts/],
      [fc({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [200, 21] } }), 'invalid_feature', /Feature 2: a coordinate lies outside the longitude\/latitude range/],
      [fc({ type: 'Feature', properties: { kind: 'road' }, geometry: { type: 'Polygon', coordinates: square } }), 'invalid_feature', /Feature 2: kind "road" does not fit a Polygon/],
      [fc({ type: 'Feature', properties: { kind: 'tree' }, geometry: { type: 'Point', coordinates: [106, 21] } }), 'invalid_feature', /Feature 2: unknown kind “tree”/],
      [fc({ type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [] } }), 'invalid_feature', /Feature 2 has the geometry type GeometryCollection/],
      [fc('nope'), 'invalid_feature', /Feature 2 is not a GeoJSON Feature/],
    ];
    for (const [input, reason, detail] of cases) {
      const result = geoJsonToDocument(input);
      expect(result).toMatchObject({ ok: false, reason });
      if (!result.ok) expect(result.detail).toMatch(detail);
      expect(GEOJSON_IMPORT_FAILURES).toContain(reason);
    }
  });

  it('refuses a newer export, a broken ecopark member and a feature of an unknown scenario', () => {
    const fc = documentToGeoJson(sampleDocument());
    expect(geoJsonToDocument({ ...fc, ecopark: { ...fc.ecopark, formatVersion: 9 } })).toMatchObject({ ok: false, reason: 'newer_version', detail: expect.stringMatching(new RegExp(`version 9.*up to version ${FORMAT_VERSION}`)) });
    expect(geoJsonToDocument({ ...fc, ecopark: { ...fc.ecopark, scenarios: [] } })).toMatchObject({ ok: false, reason: 'invalid_metadata', detail: expect.stringMatching(/scenarios/) });
    expect(geoJsonToDocument({ ...fc, ecopark: { ...fc.ecopark, activeScenarioId: 'x' } })).toMatchObject({ ok: false, reason: 'invalid_metadata', detail: expect.stringMatching(/activeScenarioId/) });
    const orphan = structuredClone(fc);
    orphan.features[3].properties.scenarioId = 'ghost';
    expect(geoJsonToDocument(orphan)).toMatchObject({ ok: false, reason: 'invalid_feature', detail: expect.stringMatching(/Feature 4 belongs to scenario “ghost”/) });
  });
});
