/** Hostile project files (GeoPackage, read by `readProject`) and careless command lines (cli/run.ts). */
import type { SqlJsStatic } from 'sql.js';
import type { HostileCase } from './corpus-types';
import { genericCases } from './cases-vector';
import { nested, patched, utf8 } from './bytes';

/** The seed project with SQL applied to a copy (sql.js, so the file stays a real SQLite database). */
function withSql(SQL: SqlJsStatic, seed: Uint8Array, edit: (run: (sql: string, params?: (string | number | Uint8Array | null)[]) => void) => void): Uint8Array {
  const db = new SQL.Database(seed.slice());
  try {
    edit((sql, params) => db.run(sql, params));
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * A GeoPackage geometry blob (OGC 12-128r18 §2.1.3: 'GP', version 0, flags little-endian without
 * envelope, srs_id 4326) holding a WKB MultiPolygon of one ring of `n` vertices on a circle.
 */
function bigPolygonBlob(n: number): Uint8Array {
  const out = new Uint8Array(8 + 9 + 9 + 4 + n * 16);
  const v = new DataView(out.buffer);
  out.set([0x47, 0x50, 0, 1]);
  v.setInt32(4, 4326, true);
  out.set([1], 8);
  v.setUint32(9, 6, true); // MultiPolygon
  v.setUint32(13, 1, true);
  out.set([1], 17);
  v.setUint32(18, 3, true); // Polygon
  v.setUint32(22, 1, true);
  v.setUint32(26, n, true);
  // The last vertex repeats the first exactly (a closed ring).
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * (i % (n - 1))) / (n - 1);
    v.setFloat64(30 + i * 16, 106.05 + 0.01 * Math.cos(a), true);
    v.setFloat64(38 + i * 16, 21.1 + 0.01 * Math.sin(a), true);
  }
  return out;
}

/** WKB of a MultiPolygon whose counts say more than the blob holds. */
function lyingWkbBlob(numPolygons: number, numRings: number, type = 6): Uint8Array {
  const out = new Uint8Array(8 + 9 + 9 + 4);
  const v = new DataView(out.buffer);
  out.set([0x47, 0x50, 0, 1]);
  v.setInt32(4, 4326, true);
  out[8] = 1;
  v.setUint32(9, type, true);
  v.setUint32(13, numPolygons, true);
  out[17] = 1;
  v.setUint32(18, 3, true);
  v.setUint32(22, numRings, true);
  v.setUint32(26, 0xffffffff, true);
  return out;
}

const FIRST = (table: string) => `WHERE fid = (SELECT MIN(fid) FROM ${table})`;
const TEN_MIB = 10 * 1024 * 1024;

export function projectCases(SQL: SqlJsStatic, seed: Uint8Array): HostileCase[] {
  const c = (what: string, bytes: Uint8Array, mustRefuse = false): HostileCase => ({ name: `gpkg/${what}`, format: 'gpkg', reader: 'project', fileName: 'input.gpkg', bytes, mustRefuse });
  const sql = (what: string, statements: string | [string, (string | number | Uint8Array | null)[]][], mustRefuse = false) =>
    c(what, withSql(SQL, seed, (run) => (typeof statements === 'string' ? run(statements) : statements.forEach(([s, p]) => run(s, p)))), mustRefuse);
  const meta = (key: string, value: string) => `UPDATE ecopark_metadata SET value = '${value}' WHERE key = '${key}'`;
  return [
    // Byte flips start past the 100-byte SQLite header so SQLite itself meets the damage.
    ...genericCases('gpkg', 'project', 'input.gpkg', seed, 100),
    c('header-page-size-1', patched(seed, (v) => v.setUint16(16, 1))),
    c('header-page-size-odd', patched(seed, (v) => v.setUint16(16, 1000)), true),
    c('header-page-count-huge', patched(seed, (v) => v.setUint32(28, 0x7fffffff))),
    c('header-reserved-255', patched(seed, (_, out) => { out[20] = 255; })),
    c('header-wal-mode', patched(seed, (_, out) => { out[18] = 2; out[19] = 2; })),
    c('sqlite-header-only', seed.slice(0, 100), true),
    sql('newer-format-version', meta('format_version', '999'), true),
    sql('format-version-text', meta('format_version', 'abc'), true),
    sql('format-version-negative', meta('format_version', '-1'), true),
    sql('format-version-1e308', meta('format_version', '1e308'), true),
    sql('format-version-fraction', meta('format_version', '1.5'), true),
    sql('foreign-geopackage', "DROP TABLE ecopark_metadata; DELETE FROM gpkg_contents WHERE table_name = 'ecopark_metadata'", true),
    sql('foreign-contents-missing-table', "DROP TABLE ecopark_metadata; DELETE FROM gpkg_contents WHERE table_name = 'ecopark_metadata'; INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('ghost', 'features', 'ghost'); INSERT INTO gpkg_geometry_columns VALUES ('ghost', 'geom', 'POINT', 4326, 0, 0)", true),
    sql('foreign-quoted-table-name', `DROP TABLE ecopark_metadata; DELETE FROM gpkg_contents WHERE table_name = 'ecopark_metadata'; ALTER TABLE roads RENAME TO "r"";DROP TABLE land_use;--"; UPDATE gpkg_contents SET table_name = 'r";DROP TABLE land_use;--' WHERE table_name = 'roads'; UPDATE gpkg_geometry_columns SET table_name = 'r";DROP TABLE land_use;--' WHERE table_name = 'roads'`, true),
    sql('not-geopackage-sqlite', 'DROP TABLE gpkg_contents', true),
    sql('application-id-wrong', 'PRAGMA application_id = 305419896'),
    sql('user-version-huge', 'PRAGMA user_version = 99999999'),
    sql('no-scenarios', 'DELETE FROM ecopark_scenarios'),
    sql('features-of-unknown-scenario', "UPDATE land_use SET scenario_id = 'nope'"),
    sql('duplicate-feature-ids', 'UPDATE buildings SET feature_id = (SELECT feature_id FROM land_use LIMIT 1)'),
    sql('roads-is-a-view', 'DROP TABLE roads; CREATE VIEW roads AS SELECT * FROM points'),
    sql('geometry-truncated', `UPDATE land_use SET geom = substr(geom, 1, 12) ${FIRST('land_use')}`),
    sql('geometry-is-text', `UPDATE land_use SET geom = 'POLYGON((0 0,1 0,1 1,0 0))' ${FIRST('land_use')}`),
    sql('geometry-envelope-flag-no-envelope', [[`UPDATE land_use SET geom = ? ${FIRST('land_use')}`, [patched(lyingWkbBlob(1, 1), (_, out) => { out[3] = 0b1001; })]]]),
    sql('geometry-ring-count-huge', [[`UPDATE land_use SET geom = ? ${FIRST('land_use')}`, [lyingWkbBlob(1, 0xffffffff)]]]),
    sql('geometry-polygon-count-huge', [[`UPDATE land_use SET geom = ? ${FIRST('land_use')}`, [lyingWkbBlob(0x7fffffff, 1)]]]),
    sql('geometry-wkb-type-99', [[`UPDATE land_use SET geom = ? ${FIRST('land_use')}`, [lyingWkbBlob(1, 1, 99)]]]),
    sql('vertices-1.5M-one-plot', [[`UPDATE land_use SET geom = ? ${FIRST('land_use')}`, [bigPolygonBlob(1_500_000)]]]),
    sql('features-100k', "INSERT INTO points (geom, feature_id, scenario_id, sort_order) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT (SELECT geom FROM points LIMIT 1), 'bulk-' || i, (SELECT scenario_id FROM points LIMIT 1), i FROM n"),
    sql('name-10MiB', [[`UPDATE buildings SET name = ? ${FIRST('buildings')}`, ['n'.repeat(TEN_MIB)]]]),
    sql('props-deep-100k', [[`UPDATE land_use SET props = ? ${FIRST('land_use')}`, [nested('{"a":', '}', 100_000, '1')]]]),
    sql('props-not-json', `UPDATE land_use SET props = '{"a":' ${FIRST('land_use')}`),
    sql('props-proto', `UPDATE land_use SET props = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"p":1}}}' ${FIRST('land_use')}`),
    sql('project-json-deep-100k', [["UPDATE ecopark_metadata SET value = ? WHERE key = 'project'", [nested('{"a":', '}', 100_000, '1')]]]),
    sql('project-json-not-object', meta('project', '[]')),
    sql('settings-json-huge', [["INSERT OR REPLACE INTO ecopark_settings (key, value) VALUES ('overlays', ?)", [`[${new Array(200_000).fill('{"id":"x"}').join(',')}]`]]]),
    sql('numbers-out-of-range', `UPDATE buildings SET height_m = 1e308, floors = 9223372036854775807 ${FIRST('buildings')}; UPDATE land_use SET max_density = -1e308, max_floors = -5`),
    sql('unknown-land-use-codes', "UPDATE land_use SET land_use = '__proto__', subtype = 'constructor'"),
    sql('trigger-and-junk-tables', "CREATE TABLE junk (x); CREATE TRIGGER t AFTER INSERT ON junk BEGIN DELETE FROM land_use; END; INSERT INTO junk VALUES (zeroblob(1000000))"),
  ];
}

/** The seed GeoJSON with two features, for `convert` onto existing files. */
const TWO_FEATURES = utf8(
  JSON.stringify({
    type: 'FeatureCollection',
    features: [0, 1].map((i) => ({ type: 'Feature', properties: { kind: 'landuse', landUse: 'green', name: `g${i}` }, geometry: { type: 'Polygon', coordinates: [[[106 + i / 100, 21], [106.005 + i / 100, 21], [106.005 + i / 100, 21.005], [106 + i / 100, 21]]] } })),
  }),
);

export function cliCases(seedProject: Uint8Array, hugeName: Uint8Array, hugeVertices: Uint8Array, hostileInputs: HostileCase[]): HostileCase[] {
  const c = (what: string, argv: string[], extra: Partial<HostileCase> = {}): HostileCase => ({ name: `cli/${what}`, format: 'cli', reader: 'cli', fileName: 'input.gpkg', bytes: seedProject, argv, ...extra });
  const onto = (what: string, out: string, existing: Uint8Array, bytes = TWO_FEATURES, fileName = 'input.geojson') =>
    c(what, ['convert', '{in}', `{dir}/${out}`], { fileName, bytes, existing: [{ path: out, bytes: existing }], mustRefuse: true });
  const pick = (name: string) => hostileInputs.find((h) => h.name === name);
  const convertHostile = ['shp/record-length-minus-4', 'kmz/bomb-unused-entries-8x300MiB', 'geojson/deep-arrays-100k', 'gpkg/truncated-50pc', 'dxf/flips-seed-2', 'kml/billion-laughs']
    .map(pick)
    .filter((h): h is HostileCase => h !== undefined)
    .map((h) => c(`convert-${h.name.replace('/', '-')}`, ['convert', '{in}', '{dir}/out.gpkg'], { fileName: h.fileName, bytes: h.bytes, outputs: ['out.gpkg'] }));
  return [
    c('info-good-project', ['info', '{in}']),
    c('no-arguments', []),
    c('unknown-command', ['frobnicate', '{in}']),
    c('help-in-vietnamese', ['--lang', 'vi', '--help']),
    c('lang-bad-value', ['--lang', 'xx', 'info', '{in}']),
    c('lang-missing-value', ['info', '{in}', '--lang']),
    c('limit-missing-value', ['info', '{in}', '--limit']),
    c('limit-unknown-id', ['--limit', 'nosuch=1', 'info', '{in}']),
    c('limit-not-raisable', ['--limit', 'nesting-depth=5', 'info', '{in}']),
    c('limit-negative', ['--limit', 'vertices-per-feature=-1', 'info', '{in}']),
    c('limit-1e999', ['--limit', 'vertices-per-feature=1e999', 'info', '{in}']),
    c('info-missing-file', ['info', '{dir}/missing.gpkg']),
    c('info-a-folder', ['info', '{dir}']),
    c('info-folder-named-gpkg', ['info', '{dir}/folder.gpkg'], { symlinks: [{ path: 'folder.gpkg', target: '.' }] }),
    c('info-nul-in-path', ['info', '{dir}/in\0put.gpkg']),
    c('info-1MiB-argument', ['info', `{dir}/${'a'.repeat(1024 * 1024)}.gpkg`]),
    c('info-extra-arguments', ['info', '{in}', '{in}', '--bogus']),
    c('info-not-a-project', ['info', '{in}'], { fileName: 'input.geojson', bytes: TWO_FEATURES }),
    c('analyze-bad-date', ['analyze', '{in}', '--date', '2025-13-45']),
    c('analyze-unknown-scenario', ['analyze', '{in}', '--scenario', '__proto__']),
    c('analyze-unknown-rule', ['analyze', '{in}', '--rules', 'nope,,constructor']),
    c('solar-missing-weather', ['solar', '{in}', '--weather', '{dir}/missing.epw']),
    c('solar-weather-not-weather', ['solar', '{in}', '--weather', '{in}']),
    c('report-unsupported-extension', ['report', '{in}', '-o', '{dir}/out.txt'], { outputs: ['out.txt'] }),
    c('report-missing-output-value', ['report', '{in}', '-o']),
    c('report-into-missing-folder', ['report', '{in}', '-o', '{dir}/missing/out.pdf'], { outputs: ['missing/out.pdf'] }),
    c('report-onto-its-input', ['report', '{in}', '-o', '{in}'], { mustRefuse: true }),
    c('convert-same-file', ['convert', '{in}', '{dir}/./input.gpkg'], { mustRefuse: true }),
    c('convert-symlink-to-input', ['convert', '{in}', '{dir}/link.gpkg'], { symlinks: [{ path: 'link.gpkg', target: 'input.gpkg' }], mustRefuse: true }),
    c('convert-into-missing-folder', ['convert', '{in}', '{dir}/missing/out.geojson'], { outputs: ['missing/out.geojson'] }),
    c('convert-csv-input', ['convert', '{in}', '{dir}/out.gpkg'], { fileName: 'input.csv', bytes: utf8('a,b\n1,2\n'), outputs: ['out.gpkg'] }),
    onto('convert-onto-existing-project', 'existing.gpkg', seedProject),
    onto('convert-onto-existing-geojson', 'existing.geojson', utf8('{"type":"FeatureCollection","features":[]}')),
    c('report-onto-existing-pdf', ['report', '{in}', '-o', '{dir}/existing.pdf'], { existing: [{ path: 'existing.pdf', bytes: utf8('%PDF-1.7 someone else’s report') }], mustRefuse: true }),
    c('info-name-10MiB', ['info', '{in}'], { bytes: hugeName }),
    c('report-pdf-name-10MiB', ['report', '{in}', '-o', '{dir}/out.pdf'], { bytes: hugeName, outputs: ['out.pdf'] }),
    c('info-vertices-1.5M', ['info', '{in}'], { bytes: hugeVertices }),
    c('analyze-json-vertices-1.5M', ['analyze', '{in}', '--json'], { bytes: hugeVertices }),
    ...convertHostile,
  ];
}
