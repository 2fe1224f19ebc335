import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { run } from '../../../cli/run';
import { readProject, writeProject } from '../../../shared/project-file';
import type { ParkDocument, ParkFeature } from '../../../shared/model';
import { scenarioProblems, type Problem } from '../../../shared/analysis';
import { readZip, writeZip } from '../../../shared/io/zip';
import { distanceM } from '../../../shared/geometry/geodesic';
import { loadSqlJs } from '../../helpers/sqljs';
import { sampleDocument } from '../project-file/sample-document';
import { gdal, ogrLayers, positions, tempDir } from '../io/exchange-helpers';
import { CONTEXT, memoryIo } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exchange');
const dir = tempDir('ecopark-convert-');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
let SQL: SqlJsStatic;
let sampleBytes: Uint8Array;
beforeAll(async () => {
  SQL = await loadSqlJs();
  // Flat formats write the active scenario: make it A, the one with every kind.
  sampleBytes = writeProject(SQL, { ...sampleDocument(), activeScenarioId: 's-a' });
});

/** Runs convert in-process; returns the exit code, output lines and the written file. */
async function convert(args: string[], files: Record<string, Uint8Array>) {
  const { io, out, err, store } = memoryIo(files);
  const code = await run(['convert', ...args], io, CONTEXT);
  return { code, out, err, store };
}

/** "near 21.195000° N, 105.940000° E": the position of a problem as the English CLI words it. */
function nearEn(p: Problem): string {
  const [lon, lat] = p.at as [number, number];
  return `near ${lat.toFixed(6)}° N, ${lon.toFixed(6)}° E`;
}

/** Kind and land use by id, sorted: what a round trip must keep. */
function kindsById(features: ParkFeature[]): [string, string, string | null][] {
  return features.map((f): [string, string, string | null] => [f.id, f.kind, f.kind === 'landuse' ? f.landUse : null]).sort((a, b) => a[0].localeCompare(b[0]));
}

function readDoc(bytes: Uint8Array | undefined): ParkDocument {
  const read = readProject(SQL, bytes as Uint8Array);
  if (!read.ok) throw new Error(read.detail);
  return read.document;
}

describe('ecopark convert: exports checked by GDAL', () => {
  const cases: [string, string[], Record<string, number>][] = [
    ['park.kml', [], { Boundary: 1, Industrial: 1, 'Green space': 1, Buildings: 2, Roads: 2, Facilities: 1 }],
    ['park.kmz', [], { Boundary: 1, Industrial: 1, 'Green space': 1, Buildings: 2, Roads: 2, Facilities: 1 }],
    ['park.dxf', ['--crs', 'VN2000:105.5'], { entities: 12 }],
    ['park.csv', [], { park: 8 }],
    ['park.xlsx', [], { 'Phương án A': 8 }],
  ];
  for (const [name, extra, layers] of cases) {
    it(`writes ${name} that ogrinfo reads with the expected layers and counts`, async () => {
      const { code, out, err, store } = await convert(['in.gpkg', name, ...extra], { 'in.gpkg': sampleBytes });
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out[0]).toMatch(new RegExp(`in.gpkg -> ${name.replace('.', '\\.')}: scenario “Phương án A”, 8 features`));
      const file = join(dir, name);
      writeFileSync(file, store.get(name) as Uint8Array);
      const got = ogrLayers(file);
      const kmlNames = Object.keys(got).map((k) => k.split(' ')[0]);
      if (name.startsWith('park.km')) expect(kmlNames).toEqual(Object.keys(layers).map((k) => k.split(' ')[0]));
      expect(Object.values(got)).toEqual(Object.values(layers));
    });
  }

  it('writes the attribute table with id, kind, attributes, geodesic area/length and centroid (ogrinfo on the CSV)', async () => {
    const { store } = await convert(['in.gpkg', 't.csv'], { 'in.gpkg': sampleBytes });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(store.get('t.csv'));
    expect(text.startsWith('\uFEFFid,kind,name,code,landUse')).toBe(true);
    const file = join(dir, 't.csv');
    writeFileSync(file, store.get('t.csv') as Uint8Array);
    const info = gdal('ogrinfo', ['-q', file, 't', '-where', "id = 'l1'"]);
    expect(info).toContain('name (String) = Lô CN-01');
    expect(info).toMatch(/areaM2 \(String\) = 2\d{5}\.\d+/);
    expect(info).toMatch(/centroidLon \(String\) = 105\.94/);
  });

  it('GeoPackage copy of the active scenario and the shapefile in VN-2000 read back within 1 cm', async () => {
    const shp = await convert(['in.gpkg', 'park.shp.zip', '--crs', 'VN2000:105.5'], { 'in.gpkg': sampleBytes });
    expect(shp.code).toBe(0);
    const file = join(dir, 'park.shp.zip');
    writeFileSync(file, shp.store.get('park.shp.zip') as Uint8Array);
    const layers = ogrLayers(`/vsizip/${file}`);
    expect(Object.values(layers)).toEqual([5, 2, 1]);
    const back = await convert(['park.shp.zip', 'back.gpkg'], { 'park.shp.zip': shp.store.get('park.shp.zip') as Uint8Array });
    expect(back.code).toBe(0);
    const doc = readDoc(back.store.get('back.gpkg'));
    const source = sampleDocument().scenarios[0].features;
    // Every feature comes back as what it was: the boundary as the boundary, buildings as buildings,
    // the green area as green. (The layers are named after the project, "Khu_cong_nghiep_…", which
    // once read as "industrial" and made every polygon an industrial plot.)
    expect(kindsById(doc.scenarios[0].features)).toEqual(kindsById(source));
    // Scenario A has no geometry problem; read back, road r2, whose end lies on the boundary's
    // edge, is a fraction of a millimetre outside it after two reprojections (VN-2000 and back).
    // The validator has no tolerance for vertices on the boundary: the map shows the same.
    expect(scenarioProblems(source)).toEqual([]);
    const problems = scenarioProblems(doc.scenarios[0].features);
    expect(problems.map((p) => [p.featureId, p.reason])).toEqual([['r2', 'outside_boundary']]);
    expect(back.err.filter((l) => !l.includes('no road width'))).toEqual([
      'ecopark: VN-2000 → WGS 84 transformation used: EPSG:6960 "VN-2000 to WGS 84 (2)"',
      'ecopark: warning: scenario "A" has 1 geometry problem (the map shows the same):',
      `  Road r2: it lies outside the park boundary ${nearEn(problems[0])}.`,
    ]);
    expect(doc.scenarios[0].features.map((f) => f.id).sort()).toEqual(source.map((f) => f.id).sort());
    for (const f of source) {
      const got = doc.scenarios[0].features.find((x) => x.id === f.id);
      const pts = positions(got?.geometry ?? { coordinates: [] });
      for (const p of positions(f.geometry)) expect(Math.min(...pts.map((q) => distanceM(p, q)))).toBeLessThan(0.01);
    }
  });
});

describe('ecopark convert: imports', () => {
  const dxf = new Uint8Array(readFileSync(join(FIXTURES, 'plots-vn2000-105-30.dxf')));
  const linesOnly = new Uint8Array(readFileSync(join(FIXTURES, 'lines-only.dxf')));
  const layerMap = utf8(JSON.stringify({ layers: { LO_CN: { kind: 'landuse', landUse: 'industrial' }, TIEN_ICH: { kind: 'point' }, DUONG: { kind: 'road' } } }));

  it('DXF with --crs and --layer-map becomes a project with mapped land uses and DXF properties in props', async () => {
    const { code, err: stderr, store } = await convert(['plots.dxf', 'plots.gpkg', '--crs', 'VN2000:105.5', '--layer-map', 'map.json'], { 'plots.dxf': dxf, 'map.json': layerMap });
    expect(code).toBe(0);
    // Bắc Ninh lies outside the area of use of EPSG:5194, so the automatic choice (as PROJ makes it) is (2).
    const used = stderr.filter((l) => l.startsWith('ecopark: VN-2000 → WGS 84 transformation used:'));
    expect(used).toEqual(['ecopark: VN-2000 → WGS 84 transformation used: EPSG:6960 "VN-2000 to WGS 84 (2)"']);
    const err = stderr.filter((l) => !used.includes(l));
    const features = readDoc(store.get('plots.gpkg')).scenarios[0].features;
    expect(features.map((f) => (f.kind === 'landuse' ? f.landUse : f.kind))).toEqual(['boundary', 'industrial', 'industrial', 'green', 'road', 'road', 'point', 'point']);
    // stderr: one-line import warnings, then the geometry-problem block. The two roads run from
    // edge to edge of the boundary; reprojected, their ends lie a hair outside it (the validator has
    // no tolerance for vertices on the boundary), so each is reported, as the map would.
    const problems = scenarioProblems(features);
    expect(problems.map((p) => [p.featureId, p.reason])).toEqual([[features[4].id, 'outside_boundary'], [features[5].id, 'outside_boundary']]);
    const block = err.findIndex((l) => !l.startsWith('ecopark: warning:') || / geometry problems /.test(l));
    expect(block).toBeGreaterThan(0);
    expect(err.slice(0, block).every((l) => l.startsWith('ecopark: warning:') && !l.includes('\n'))).toBe(true);
    expect(err.slice(0, block)).toContain('ecopark: warning: Entities of other types were not read (1 TEXT, 1 CIRCLE): only polylines, lines, points and block inserts are imported.');
    expect(err.slice(block)).toEqual([
      'ecopark: warning: scenario "A" has 2 geometry problems (the map shows the same):',
      ...problems.map((p) => `  Road ${p.featureId.slice(0, 8)}: it lies outside the park boundary ${nearEn(p)}.`),
    ]);
    expect(features[6].props).toMatchObject({ block: 'TRAM_BIEN_AP', layer: 'TIEN_ICH' });
  });

  it('KML and GeoJSON (via --layer-map) import; a "*" entry maps every layer', async () => {
    const kml = await convert(['in.gpkg', 'a.kml'], { 'in.gpkg': sampleBytes });
    const back = await convert(['a.kml', 'a.gpkg'], { 'a.kml': kml.store.get('a.kml') as Uint8Array });
    expect(back.code).toBe(0);
    expect(readDoc(back.store.get('a.gpkg')).scenarios[0].features).toHaveLength(8);
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Lô 1' }, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.001, 21], [106.001, 21.001], [106, 21]]] } }] };
    const star = utf8(JSON.stringify({ layers: { '*': { kind: 'landuse', landUse: 'green' } } }));
    const gj = await convert(['x.geojson', 'x.gpkg', '--layer-map', 'm.json'], { 'x.geojson': utf8(JSON.stringify(fc)), 'm.json': star });
    expect(gj.code).toBe(0);
    expect(readDoc(gj.store.get('x.gpkg')).scenarios[0].features[0]).toMatchObject({ kind: 'landuse', landUse: 'green', props: { ten: 'Lô 1' } });
  });

  it('bad input gets one clear line each: CRS needed, no closed polylines, no .prj, broken zip, tables, bad layer map', async () => {
    const shp = await convert(['in.gpkg', 'p.shp.zip', '--crs', 'VN2000:105.5'], { 'in.gpkg': sampleBytes });
    const entries = readZip(shp.store.get('p.shp.zip') as Uint8Array);
    if (!entries.ok) throw new Error(entries.detail);
    const noPrj = writeZip(Object.fromEntries(Object.entries(entries.entries).filter(([n]) => !n.endsWith('.prj'))));
    const polygonsMap = utf8(JSON.stringify({ layers: { DUONG: { kind: 'landuse' } } }));
    const cases: [string[], Record<string, Uint8Array>, RegExp, number][] = [
      [['plots.dxf', 'o.gpkg'], { 'plots.dxf': dxf }, /A DXF has no coordinate system and these coordinates are in metres.*pass --crs CODE \(e\.g\. --crs EPSG:9209\)/, 1],
      [['l.dxf', 'o.gpkg', '--crs', 'VN2000:105.5', '--layer-map', 'm.json'], { 'l.dxf': linesOnly, 'm.json': polygonsMap }, /no closed polylines/, 1],
      [['p.shp.zip', 'o.gpkg'], { 'p.shp.zip': noPrj }, /has no \.prj file.*pass --crs CODE \(e\.g\. --crs EPSG:9209\)/, 1],
      [['p.shp.zip', 'o.gpkg'], { 'p.shp.zip': (shp.store.get('p.shp.zip') as Uint8Array).slice(0, 200) }, /The ZIP archive is damaged/, 1],
      [['t.csv', 'o.gpkg'], { 't.csv': utf8('id\n1\n') }, /cannot import t\.csv: attribute tables .* export-only/, 2],
      [['t.xlsx', 'o.gpkg'], {}, /cannot import t\.xlsx: attribute tables/, 2],
      [['plots.dxf', 'o.gpkg', '--crs', 'EPSG:2154'], { 'plots.dxf': dxf }, /unknown coordinate system EPSG:2154/, 2],
      [['plots.dxf', 'o.gpkg', '--crs'], { 'plots.dxf': dxf }, /--crs needs a value/, 2],
      [['plots.dxf', 'o.gpkg', '--crs', 'VN2000:105.5', '--layer-map', 'm.json'], { 'plots.dxf': dxf, 'm.json': utf8('{"layers":{"LO_CN":{"kind":"plot"}}}') }, /cannot read the layer map m\.json: at layers\.LO_CN\.kind/, 2],
    ];
    for (const [args, files, message, exit] of cases) {
      const { code, err } = await convert(args, files);
      expect(code, args.join(' ')).toBe(exit);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
    }
  });

  it('in Vietnamese, a refusal and the summary are the same sentences the dialogs show', async () => {
    const refused = await convert(['--lang', 'vi', 'l.dxf', 'o.gpkg', '--crs', 'VN2000:105.5', '--layer-map', 'm.json'], {
      'l.dxf': linesOnly,
      'm.json': utf8(JSON.stringify({ layers: { DUONG: { kind: 'landuse' } } })),
    });
    expect(refused.code).toBe(1);
    // lines-only.dxf: 2 LWPOLYLINEs, neither closed.
    expect(refused.err).toEqual([
      'ecopark: không nhập được l.dxf: Tệp DXF không có polyline khép kín (chỉ có 2 polyline hở) nên không tạo được lô đất hay vùng nào; hãy khép các đường bao trong CAD (PEDIT → Close) hoặc nhập chúng thành đường.',
    ]);
    const done = await convert(['--lang', 'vi', 'in.gpkg', 'park.kml'], { 'in.gpkg': sampleBytes });
    // Scenario A of sample-document.ts: 1 boundary, 2 land-use polygons, 2 buildings, 2 roads, 1 point.
    expect(done.out[0]).toBe('in.gpkg -> park.kml: phương án “Phương án A”, 8 đối tượng (1 ranh giới khu, 2 vùng sử dụng đất, 2 công trình, 2 đường, 1 điểm).');
  });

  it('a foreign GeoPackage in UTM 48N (made by ogr2ogr) is reprojected on import', async () => {
    const src = join(dir, 'utm.geojson');
    writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Cổng' }, geometry: { type: 'Point', coordinates: [105.8, 21.0] } }] }));
    const gpkg = join(dir, 'utm.gpkg');
    gdal('ogr2ogr', ['-f', 'GPKG', '-t_srs', 'EPSG:32648', gpkg, src, '-nln', 'cong']);
    const map = utf8(JSON.stringify({ layers: { cong: { kind: 'point' } } }));
    const { code, store } = await convert(['utm.gpkg', 'o.geojson', '--layer-map', 'm.json'], { 'utm.gpkg': new Uint8Array(readFileSync(gpkg)), 'm.json': map });
    expect(code).toBe(0);
    const fc = JSON.parse(new TextDecoder().decode(store.get('o.geojson'))) as { features: { properties: { props: { ten: string } }; geometry: { coordinates: number[] } }[] };
    expect(fc.features[0].properties.props.ten).toBe('Cổng');
    expect(distanceM(fc.features[0].geometry.coordinates, [105.8, 21.0])).toBeLessThan(0.001);
  });
});
