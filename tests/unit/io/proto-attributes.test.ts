import { describe, expect, it } from 'vitest';
import { applyMapping, defaultMapping } from '../../../shared/io/apply-mapping';
import { writeDbf } from '../../../shared/io/dbf';
import { documentToGeoJson, geoJsonToDocument } from '../../../shared/io/geojson';
import { importGeoJsonLayers } from '../../../shared/io/geojson-layers';
import { importGeoPackageLayers } from '../../../shared/io/geopackage-layers';
import type { ImportResult } from '../../../shared/io/imported-layer';
import { importKml } from '../../../shared/io/kml';
import { importShapefileZip } from '../../../shared/io/shapefile';
import { createEmptyDocument } from '../../../shared/model/document';
import { readProject } from '../../../shared/project-file/read-project';
import { writeProject } from '../../../shared/project-file/write-project';
import { loadSqlJs } from '../../helpers/sqljs';
import { buildShp, buildZip, deflated, pointContent, WGS84_PRJ } from './hostile-archive-inputs';

/**
 * Issue 11, finding 11: an attribute named "__proto__" was dropped (a plain assignment calls the
 * prototype setter), and a DBF field named "toString" became "function toString() { [native
 * code] }". Every reader keeps such names as ordinary attributes, through the mapping step and
 * the project file, and no prototype is touched.
 */

/** The own attributes of the first feature of an import, as JSON (JSON.stringify sees own properties only). */
function firstAttributes(result: ImportResult): Record<string, unknown> {
  if (!result.ok) throw new Error(result.detail);
  return JSON.parse(JSON.stringify(result.layers[0].features[0].properties)) as Record<string, unknown>;
}

/** A zipped Shapefile of one point whose DBF has the fields `__proto__` and `toString`. */
function shapefileWithOddFields(): Uint8Array {
  const dbf = writeDbf([{ name: '__proto__', type: 'C', length: 10, decimals: 0 }, { name: 'toString', type: 'C', length: 10, decimals: 0 }], [['polluted', 'text']]);
  return buildZip([deflated('odd.shp', buildShp([{ content: pointContent(106.1, 21.1) }])), deflated('odd.prj', WGS84_PRJ), deflated('odd.dbf', dbf)]);
}

// As JSON text: an object literal `{ __proto__: … }` would itself set the prototype.
const oddJson = '{"__proto__":"polluted","toString":"text"}';

describe('attributes named __proto__ and toString', () => {
  it('survive the Shapefile reader as own attributes', () => {
    const result = importShapefileZip(shapefileWithOddFields());
    expect(JSON.stringify(firstAttributes(result))).toBe(oddJson);
    expect(result.ok && result.layers[0].attributeNames).toEqual(['__proto__', 'toString']);
  });

  it('survive the KML, GeoJSON and foreign GeoPackage readers', async () => {
    const kml = `<kml><Document><Placemark><ExtendedData><Data name="__proto__"><value>polluted</value></Data><Data name="toString"><value>text</value></Data></ExtendedData><Point><coordinates>106.1,21.1</coordinates></Point></Placemark></Document></kml>`;
    expect(JSON.stringify(firstAttributes(importKml(kml, 'odd.kml')))).toBe(oddJson);
    const geojson = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":${oddJson},"geometry":{"type":"Point","coordinates":[106.1,21.1]}}]}`;
    expect(JSON.stringify(firstAttributes(importGeoJsonLayers(geojson, 'odd.geojson')))).toBe(oddJson);

    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    // A minimal GeoPackage (OGC 12-128r18 §1.1.2, §2.1.5): one point table with the two odd columns.
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
      INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]');
      CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
      INSERT INTO gpkg_contents VALUES ('odd', 'features', 'odd', 4326);
      CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
      INSERT INTO gpkg_geometry_columns VALUES ('odd', 'geom', 'POINT', 4326, 0, 0);
      CREATE TABLE odd (fid INTEGER PRIMARY KEY, geom BLOB, "__proto__" TEXT, "toString" TEXT);`);
    // GeoPackage binary header (GP, version 0, flags 1 = little-endian, no envelope, srs 4326) + WKB point.
    const blob = new Uint8Array(8 + 21);
    const view = new DataView(blob.buffer);
    blob.set([0x47, 0x50, 0, 1]);
    view.setInt32(4, 4326, true);
    blob[8] = 1;
    view.setUint32(9, 1, true);
    view.setFloat64(13, 106.1, true);
    view.setFloat64(21, 21.1, true);
    db.run('INSERT INTO odd VALUES (1, ?, ?, ?)', [blob, 'polluted', 'text']);
    const bytes = db.export();
    db.close();
    expect(JSON.stringify(firstAttributes(importGeoPackageLayers(SQL, bytes)))).toBe(oddJson);
  });

  it('reach the model, the project file and the GeoJSON export, with Object.prototype untouched', async () => {
    const imported = importShapefileZip(shapefileWithOddFields());
    if (!imported.ok) throw new Error(imported.detail);
    const mapping = defaultMapping(imported.layers);
    const { features } = applyMapping(imported.layers, mapping);
    expect(JSON.stringify(features[0].props)).toBe(oddJson);
    expect(Object.getPrototypeOf(features[0].props)).toBe(Object.prototype);
    expect(JSON.stringify(structuredClone(features[0]).props)).toBe(oddJson);

    const doc = createEmptyDocument('Odd', { now: '2026-01-01T00:00:00.000Z' });
    doc.scenarios[0].features = features;
    const SQL = await loadSqlJs();
    const reopened = readProject(SQL, writeProject(SQL, doc));
    if (!reopened.ok) throw new Error(reopened.detail);
    expect(JSON.stringify(reopened.document.scenarios[0].features[0].props)).toBe(oddJson);

    const roundTrip = geoJsonToDocument(JSON.parse(JSON.stringify(documentToGeoJson(reopened.document))));
    if (!roundTrip.ok) throw new Error(roundTrip.detail);
    expect(JSON.stringify(roundTrip.document.scenarios[0].features[0].props)).toBe(oddJson);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });

  it('a layer named __proto__ is mapped like any other and does not replace the mapping’s prototype', () => {
    const imported = importKml(`<kml><Document><Folder><name>__proto__</name><Placemark><Point><coordinates>106.1,21.1</coordinates></Point></Placemark></Folder></Document></kml>`, 'odd.kml');
    if (!imported.ok) throw new Error(imported.detail);
    const mapping = defaultMapping(imported.layers);
    expect(Object.keys(mapping.layers)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(mapping.layers)).toBe(Object.prototype);
    expect(applyMapping(imported.layers, mapping).features).toHaveLength(1);
  });
});
