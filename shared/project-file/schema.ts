import type { AttributeName, FeatureKind } from '../model/feature';

/**
 * The tables of a project file (docs/project-file-format.md). Core tables follow OGC
 * GeoPackage 1.3 (OGC 12-128r18) Annex C word for word, so GDAL and QGIS accept them.
 */

/** 'GPKG' as a 32-bit big-endian integer: the SQLite application_id of GeoPackage 1.2+. */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** GeoPackage 1.3.0 as PRAGMA user_version (major·10000 + minor·100 + patch). */
export const GPKG_USER_VERSION = 10300;
/** Application ids of GeoPackage 1.0 ('GP10') and 1.1 ('GP11'), still met in foreign files. */
export const LEGACY_GPKG_APPLICATION_IDS = [0x47503130, 0x47503131];

export const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/**
 * Our attribute tables carry an INTEGER PRIMARY KEY AUTOINCREMENT `fid` because GeoPackage
 * requires one in every attributes table (1.3 Req 119); their natural keys are UNIQUE instead.
 */
export const CORE_DDL = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
CREATE TABLE ecopark_metadata (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  value TEXT
);
CREATE TABLE ecopark_scenarios (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  position INTEGER NOT NULL
);
CREATE TABLE ecopark_settings (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);
`;

/** The three rows GeoPackage requires in gpkg_spatial_ref_sys (Req 11): srs_id 4326, -1 and 0. */
export const REQUIRED_SRS_ROWS: [string, number, string, number, string, string][] = [
  ['WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'],
  ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'],
];

/** Our attribute tables, registered in gpkg_contents as data_type 'attributes'. */
export const ATTRIBUTE_TABLES = [
  { table: 'ecopark_metadata', identifier: 'EcoPark metadata', description: 'Project metadata and format version (key/value)' },
  { table: 'ecopark_scenarios', identifier: 'EcoPark scenarios', description: 'Alternative layouts; feature rows refer to them by scenario_id' },
  { table: 'ecopark_settings', identifier: 'EcoPark settings', description: 'Project settings, JSON by key' },
] as const;

/** One attribute column: model field name, SQLite column (snake_case for QGIS users), storage type. */
export interface AttributeColumn {
  field: AttributeName;
  column: string;
  sqlType: 'TEXT' | 'REAL' | 'INTEGER';
}

const col = (field: AttributeName, column: string, sqlType: AttributeColumn['sqlType']): AttributeColumn => ({ field, column, sqlType });
const NAME = col('name', 'name', 'TEXT');
const CODE = col('code', 'code', 'TEXT');
const NOTES = col('notes', 'notes', 'TEXT');

/** A feature layer: every feature of one kind, all scenarios together (rows carry scenario_id). */
export interface LayerDefinition {
  kind: FeatureKind;
  table: string;
  /** Stored geometry type; single parts are promoted to the multi type on write. */
  geometryType: 'MULTIPOLYGON' | 'MULTILINESTRING' | 'POINT';
  identifier: string;
  description: string;
  columns: AttributeColumn[];
}

/** In the order they appear in QGIS's layer list and in which features are read back. */
export const LAYERS: LayerDefinition[] = [
  { kind: 'boundary', table: 'boundary', geometryType: 'MULTIPOLYGON', identifier: 'Park boundary', description: 'Park limit, one per scenario', columns: [NAME, CODE, NOTES] },
  {
    kind: 'landuse',
    table: 'land_use',
    geometryType: 'MULTIPOLYGON',
    identifier: 'Land use',
    description: 'Land-use polygons (plots, green, water, traffic...) with planned plot indicators',
    columns: [
      NAME,
      CODE,
      col('landUse', 'land_use', 'TEXT'),
      col('subtype', 'subtype', 'TEXT'),
      col('maxDensity', 'max_density', 'REAL'),
      col('maxFloors', 'max_floors', 'INTEGER'),
      col('minGreenRatio', 'min_green_ratio', 'REAL'),
      col('maxFar', 'max_far', 'REAL'),
      col('sector', 'sector', 'TEXT'),
      col('sectorScheme', 'sector_scheme', 'TEXT'),
      col('tenant', 'tenant', 'TEXT'),
      col('employees', 'employees', 'INTEGER'),
      col('measuredElectricityMwhPerYear', 'measured_electricity_mwh_per_year', 'REAL'),
      col('measuredWaterM3PerDay', 'measured_water_m3_per_day', 'REAL'),
      NOTES,
    ],
  },
  {
    kind: 'building',
    table: 'buildings',
    geometryType: 'MULTIPOLYGON',
    identifier: 'Buildings',
    description: 'Building footprints with height (m), floors and roof type',
    columns: [NAME, CODE, col('heightM', 'height_m', 'REAL'), col('floors', 'floors', 'INTEGER'), col('roofType', 'roof_type', 'TEXT'), NOTES],
  },
  { kind: 'road', table: 'roads', geometryType: 'MULTILINESTRING', identifier: 'Roads', description: 'Road centre lines with corridor width (m)', columns: [NAME, CODE, col('widthM', 'width_m', 'REAL'), NOTES] },
  { kind: 'point', table: 'points', geometryType: 'POINT', identifier: 'Facilities', description: 'Facility points (substation, gate, well...)', columns: [NAME, CODE, col('facilityType', 'facility_type', 'TEXT'), NOTES] },
];

export function layerDdl(layer: LayerDefinition): string {
  const attributes = layer.columns.map((c) => `  ${c.column} ${c.sqlType},`).join('\n');
  return `CREATE TABLE ${layer.table} (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom ${layer.geometryType},
  feature_id TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
${attributes}
  props TEXT
);`;
}
