import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { importDxf } from '../../../shared/io/dxf';
import { importFile } from '../../../shared/io/exchange';
import { geoJsonToDocument } from '../../../shared/io/geojson';
import { importGeoJsonLayers } from '../../../shared/io/geojson-layers';
import { importGeoPackageLayers } from '../../../shared/io/geopackage-layers';
import { rawBbox, type ImportResult } from '../../../shared/io/imported-layer';
import { importKml } from '../../../shared/io/kml';
import type { LimitId, Limits } from '../../../shared/limits';
import { loadSqlJs } from '../../helpers/sqljs';

// Imported at run time so this file also runs (and fails case by case) on the code before issue 11, which had no limits module.
const { DEFAULT_LIMITS } = (await import('../../../shared/limits').catch(() => ({ DEFAULT_LIMITS: {} }))) as { DEFAULT_LIMITS: Limits };

/**
 * Hostile input for the GeoJSON, KML/XML, DXF and foreign GeoPackage readers (issue 11, findings
 * 4, 5, 10 and 11): every file is made here at test time. Each case must end in bounded time
 * with a refusal that names the problem, never a thrown error ("internal error" in the app).
 */

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const lowered = (changes: Partial<Record<LimitId, number>>): Limits => ({ ...DEFAULT_LIMITS, ...changes });
const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};
const refusedFor = (r: ImportResult, limit: LimitId) => expect(r).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit } });

/** Runs a case of hostile-parser-cases.ts in a child process, stopped after `timeoutMs`; undefined when it did not finish. */
function runBounded(name: string, n: number, timeoutMs: number): Record<string, unknown> | undefined {
  const tsx = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [join(import.meta.dirname, 'hostile-parser-cases.ts'), name, String(n)], { timeout: timeoutMs, encoding: 'utf8', killSignal: 'SIGKILL' });
  if (run.status !== 0) return undefined;
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
}

const dxfOf = (entities: string): Uint8Array => bytes(`0\nSECTION\n2\nENTITIES\n${entities}0\nENDSEC\n0\nEOF\n`);

describe('DXF import is linear per layer (finding 4)', () => {
  // Measured on 2 shared cores at load average ~23: 50,000 entities 1.5 s, 200,000 2.1-4.5 s
  // (linear); the bounds leave room for a loaded machine. The quadratic reader needed > 20 s for 50,000.
  for (const [n, boundMs] of [[50_000, 5_000], [200_000, 15_000]]) {
    it(`${n.toLocaleString('en')} entities on one layer import in linear time`, () => {
      const outcome = runBounded('dxf-one-layer', n, 4 * boundMs);
      expect(outcome, 'the import did not finish').toBeDefined();
      // The count is n by construction: one POINT per entity, all on layer SURVEY.
      expect(outcome?.layers).toEqual([['SURVEY', n]]);
      console.log(`DXF ${n} entities on one layer: ${Number(outcome?.ms).toFixed(0)} ms`);
      expect(outcome?.ms).toBeLessThan(boundMs);
    }, 90_000);
  }
});

describe('nesting and references are refused with a reason, not a stack overflow (finding 5)', () => {
  const DEPTH = 100_000;

  it('GeoJSON nested 100,000 deep: refused for its nesting depth before parsing', () => {
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}]}`;
    const r = importFile(bytes(text), 'deep.geojson');
    refusedFor(r, 'nesting-depth');
    // The scan stops at the first level past the limit: 256 + 1.
    expect(r.ok ? 0 : r.limit?.value).toBe(DEFAULT_LIMITS['nesting-depth'] + 1);
  });

  it('brackets inside strings do not count as nesting', () => {
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106,21]},"properties":{"note":"${'['.repeat(1000)}\\"{{{"}}]}`;
    const r = importGeoJsonLayers(text, 'brackets.geojson');
    expect(r.ok && r.layers[0].features[0].properties.note).toBe(`${'['.repeat(1000)}"{{{`);
  });

  it('an already-parsed GeoJSON value nested 100,000 deep (the CLI path) is refused too', () => {
    let deep: unknown = [];
    for (let i = 0; i < DEPTH; i++) deep = [deep];
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: deep }, geometry: { type: 'Point', coordinates: [106, 21] } }] };
    expect(geoJsonToDocument(fc)).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit: 'nesting-depth' } });
  });

  it('KML folders or MultiGeometry nested 100,000 deep: refused for nesting depth', () => {
    const folders = `<kml><Document>${'<Folder>'.repeat(DEPTH)}${'</Folder>'.repeat(DEPTH)}</Document></kml>`;
    refusedFor(importFile(bytes(folders), 'deep.kml'), 'nesting-depth');
    const multi = `<kml><Placemark>${'<MultiGeometry>'.repeat(DEPTH)}${'</MultiGeometry>'.repeat(DEPTH)}</Placemark></kml>`;
    refusedFor(importKml(multi, 'deep.kml'), 'nesting-depth');
  });

  it('character references to no XML character are refused naming the reference', () => {
    const kmlWith = (name: string) => `<kml><Placemark><name>${name}</name><Point><coordinates>106,21</coordinates></Point></Placemark></kml>`;
    for (const ref of ['&#99999999;', '&#0;', '&#xD800;', '&#xDFFF;', '&#x110000;', '&#xFFFE;', `&#${'9'.repeat(400)};`]) {
      const r = importKml(kmlWith(ref), 'refs.kml');
      expect(r, ref).toMatchObject({ ok: false, reason: 'invalid_kml', detail: expect.stringContaining('names no XML character') });
    }
    // Valid references still decode: é (U+00E9), 😀 (U+1F600), the predefined &amp;.
    const good = importKml(kmlWith('Caf&#233; &#x1F600; &amp; co'), 'refs.kml');
    expect(good.ok && good.layers[0].features[0].properties.name).toBe('Café 😀 & co');
  });

  it('200,000 unterminated comment openers end at once, not after a rescan per opener', () => {
    const outcome = runBounded('kml-comment-openers', 200_000, 20_000);
    expect(outcome, 'the import did not finish').toBeDefined();
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid_kml', detail: expect.stringContaining('comment') });
    expect(outcome?.ms).toBeLessThan(2000);
  }, 30_000);

  it('raw coordinate walks (bounding box) do not recurse', () => {
    let deep: unknown = [106, 21];
    for (let i = 0; i < DEPTH; i++) deep = [deep];
    expect(rawBbox([{ type: 'MultiPolygon', coordinates: deep } as Geometry])).toEqual([106, 21, 106, 21]);
  });

  it('malformed GeoJSON geometries in a projected file are skipped with a note, not thrown on', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:32648' } },
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point' } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection' } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[1, 2]] } },
        { type: 'Feature', properties: { ok: 1 }, geometry: { type: 'Point', coordinates: [600000, 2300000] } },
      ],
    });
    const r = importGeoJsonLayers(text, 'odd.geojson');
    if (!r.ok) throw new Error(r.detail);
    expect(r.layers[0].features).toHaveLength(1);
    expect(r.notes).toEqual([
      { code: 'invalid_geometry', layer: 'odd', feature: 1, problem: 'bad_coordinate' },
      { code: 'invalid_geometry', layer: 'odd', feature: 2, problem: 'empty' },
      { code: 'invalid_geometry', layer: 'odd', feature: 3, problem: 'bad_coordinate' },
    ]);
  });
});

describe('per-file limits on import (finding 10)', () => {
  const ring = (n: number): number[][] => {
    const points = Array.from({ length: n - 1 }, (_, i) => [106 + 0.01 * Math.cos((2 * Math.PI * i) / (n - 1)), 21 + 0.01 * Math.sin((2 * Math.PI * i) / (n - 1))]);
    return [...points, points[0]];
  };
  const geojson = (features: { properties?: Record<string, unknown>; coordinates?: number[][] }[]) =>
    JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: { type: 'Polygon', coordinates: [f.coordinates ?? ring(5)] } })) });
  const kml = (placemarks: { data?: Record<string, string>; coordinates?: number[][] }[]) =>
    `<kml><Document>${placemarks
      .map((p) => `<Placemark><ExtendedData>${Object.entries(p.data ?? {}).map(([k, v]) => `<Data name="${k}"><value>${v}</value></Data>`).join('')}</ExtendedData><LineString><coordinates>${(p.coordinates ?? ring(5)).map((c) => c.join(',')).join(' ')}</coordinates></LineString></Placemark>`)
      .join('')}</Document></kml>`;
  const dxf = (polylines: number[][][], layer = 'L') => dxfOf(polylines.map((pts) => `0\nLWPOLYLINE\n8\n${layer}\n70\n1\n${pts.map(([x, y]) => `10\n${x}\n20\n${y}\n`).join('')}`).join(''));

  it('a polygon of 1,100,000 vertices stops at the default vertices-per-feature limit, quickly', () => {
    const text = geojson([{ coordinates: ring(1_100_000) }]);
    const { value, ms } = timed(() => importGeoJsonLayers(text, 'huge.geojson'));
    refusedFor(value, 'vertices-per-feature');
    expect(value.ok ? undefined : value.limit?.where).toBe('feature 1');
    console.log(`GeoJSON 1.1 M-vertex polygon refused in ${ms.toFixed(0)} ms`);
    const kmlText = kml([{ coordinates: ring(1_100_000) }]);
    const k = timed(() => importKml(kmlText, 'huge.kml'));
    refusedFor(k.value, 'vertices-per-feature');
    console.log(`KML 1.1 M-vertex line refused in ${k.ms.toFixed(0)} ms`);
  }, 60_000);

  it('GeoJSON: vertices per feature and per file, features, attributes and attribute length', () => {
    refusedFor(importGeoJsonLayers(geojson([{ coordinates: ring(101) }]), 'a.geojson', lowered({ 'vertices-per-feature': 100 })), 'vertices-per-feature');
    expect(importGeoJsonLayers(geojson([{ coordinates: ring(100) }]), 'a.geojson', lowered({ 'vertices-per-feature': 100 })).ok).toBe(true);
    refusedFor(importGeoJsonLayers(geojson([{}, {}, {}]), 'a.geojson', lowered({ 'vertices-per-file': 14 })), 'vertices-per-file');
    refusedFor(importGeoJsonLayers(geojson([{}, {}, {}]), 'a.geojson', lowered({ 'features-per-file': 2 })), 'features-per-file');
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`a${i}`, i]));
    refusedFor(importGeoJsonLayers(geojson([{ properties: many }]), 'a.geojson'), 'attributes-per-feature');
    refusedFor(importGeoJsonLayers(geojson([{ properties: { name: 'x'.repeat(65_537) } }]), 'a.geojson'), 'attribute-chars');
    refusedFor(importGeoJsonLayers(geojson([{ properties: { nested: { deep: 'x'.repeat(65_537) } } }]), 'a.geojson'), 'attribute-chars');
    expect(geoJsonToDocument(JSON.parse(geojson([{}, {}])), { limits: lowered({ 'features-per-file': 1 }) })).toMatchObject({ ok: false, reason: 'limit_exceeded', limit: { limit: 'features-per-file' } });
  });

  it('KML: vertices, features, attributes and attribute length', () => {
    refusedFor(importKml(kml([{ coordinates: ring(101) }]), 'a.kml', lowered({ 'vertices-per-feature': 100 })), 'vertices-per-feature');
    refusedFor(importKml(kml([{}, {}, {}]), 'a.kml', lowered({ 'vertices-per-file': 14 })), 'vertices-per-file');
    refusedFor(importKml(kml([{}, {}, {}]), 'a.kml', lowered({ 'features-per-file': 2 })), 'features-per-file');
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`a${i}`, String(i)]));
    refusedFor(importKml(kml([{ data: many }]), 'a.kml'), 'attributes-per-feature');
    refusedFor(importKml(kml([{ data: { name: 'x'.repeat(65_537) } }]), 'a.kml'), 'attribute-chars');
    expect(importKml(kml([{}, {}, {}]), 'a.kml', lowered({ 'features-per-file': 3, 'vertices-per-file': 15 })).ok).toBe(true);
  });

  it('DXF: vertices, features and attribute length, counted as the file is read', () => {
    const square = [[106, 21], [106.001, 21], [106.001, 21.001], [106, 21.001]];
    refusedFor(importDxf(dxf([ring(101)]), { limits: lowered({ 'vertices-per-feature': 100 }) }), 'vertices-per-feature');
    refusedFor(importDxf(dxf([square, square, square]), { limits: lowered({ 'vertices-per-file': 11 }) }), 'vertices-per-file');
    refusedFor(importDxf(dxf([square, square, square]), { limits: lowered({ 'features-per-file': 2 }) }), 'features-per-file');
    refusedFor(importDxf(dxf([square], 'L'.repeat(65_537))), 'attribute-chars');
    expect(importDxf(dxf([square, square, square]), { limits: lowered({ 'features-per-file': 3, 'vertices-per-file': 12 }) }).ok).toBe(true);
  });

  it('foreign GeoPackage layers: features, vertices and attributes', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    // A minimal GeoPackage (OGC 12-128r18 §1.1.2, §2.1.5): one point table, three rows.
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
      INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]');
      CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
      INSERT INTO gpkg_contents VALUES ('pts', 'features', 'pts', 4326);
      CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
      INSERT INTO gpkg_geometry_columns VALUES ('pts', 'geom', 'POINT', 4326, 0, 0);
      CREATE TABLE pts (fid INTEGER PRIMARY KEY, geom BLOB, note TEXT);`);
    // GeoPackage binary header (GP, version 0, flags 1 = little-endian, no envelope, srs 4326) + WKB point.
    const point = (x: number, y: number): Uint8Array => {
      const blob = new Uint8Array(8 + 21);
      const view = new DataView(blob.buffer);
      blob.set([0x47, 0x50, 0, 1]);
      view.setInt32(4, 4326, true);
      blob[8] = 1;
      view.setUint32(9, 1, true);
      view.setFloat64(13, x, true);
      view.setFloat64(21, y, true);
      return blob;
    };
    for (let i = 0; i < 3; i++) db.run('INSERT INTO pts VALUES (?, ?, ?)', [i + 1, point(106 + i / 1000, 21), i === 2 ? 'x'.repeat(65_537) : 'short']);
    const file = db.export();
    db.close();
    refusedFor(importGeoPackageLayers(SQL, file, lowered({ 'features-per-file': 2 })), 'features-per-file');
    refusedFor(importGeoPackageLayers(SQL, file, lowered({ 'vertices-per-file': 2 })), 'vertices-per-file');
    refusedFor(importGeoPackageLayers(SQL, file), 'attribute-chars');
    expect(importGeoPackageLayers(SQL, file, lowered({ 'attribute-chars': 70_000 })).ok).toBe(true);
  });
});

describe('a DXF refusal keeps the notes that explain it (finding 11)', () => {
  it('only unsupported entities: empty, naming them, with the notes', () => {
    const r = importDxf(dxfOf('0\nCIRCLE\n8\nA\n10\n1\n20\n1\n40\n5\n0\nCIRCLE\n8\nA\n10\n2\n20\n2\n40\n5\n0\nTEXT\n8\nA\n1\nhello\n'));
    expect(r).toMatchObject({ ok: false, reason: 'empty', detail: expect.stringContaining('2 CIRCLE, 1 TEXT'), notes: [{ code: 'dxf_ignored_entities', entities: [{ type: 'CIRCLE', count: 2 }, { type: 'TEXT', count: 1 }] }] });
  });

  it('polylines with incomplete coordinates: empty, saying so, not "has no polylines"', () => {
    const r = importDxf(dxfOf('0\nLWPOLYLINE\n8\nA\n5\n2F\n10\n1\n10\n2\n20\n3\n'));
    expect(r).toMatchObject({ ok: false, reason: 'empty', detail: expect.stringContaining('incomplete coordinates') });
    expect(r.ok ? [] : r.notes).toEqual([{ code: 'dxf_incomplete_coordinates', layer: 'A', entity: 'LWPOLYLINE', handle: '2F' }]);
  });

  it('open polylines only, when polygons are required: the refusal says what there is, and keeps the notes', () => {
    const r = importDxf(dxfOf('0\nLWPOLYLINE\n8\nA\n10\n106\n20\n21\n42\n0.5\n10\n106.001\n20\n21\n0\nLINE\n8\nA\n10\n106\n20\n21\n11\n106.1\n21\n21\n0\nHATCH\n8\nA\n'), { requirePolygons: true });
    expect(r).toMatchObject({ ok: false, reason: 'no_closed_polylines', detail: expect.stringContaining('1 open polyline, 1 LINE') });
    expect(r.ok ? [] : r.notes).toEqual([{ code: 'dxf_arcs_straightened', count: 1 }, { code: 'dxf_ignored_entities', entities: [{ type: 'HATCH', count: 1 }] }]);
  });
});
