/**
 * GeoPackage project files over sql.js (DESIGN.md §1, §2). The caller hands in the sql.js
 * module (`SqlJsStatic`), so this code runs the same in Node, Electron's main process and the
 * browser. Format: docs/project-file-format.md.
 */
export { writeProject, APP_NAME, METADATA_KEYS, type WriteProjectOptions } from './write-project';
export {
  readProject,
  PROJECT_READ_FAILURES,
  type ProjectReadFailure,
  type ReadProjectResult,
  type ReadProjectOptions,
} from './read-project';
export { importForeignGeoPackage, projectNameFromFileName, type ImportForeignResult } from './import-foreign';
export { MIGRATIONS, applyMigrations, type Migration, type MigrationResult } from './migrations';
export {
  encodeGpkgGeometry,
  decodeGpkgGeometry,
  geometryEnvelope,
  geometryHasZ,
  type GpkgGeometry,
  type DecodedGpkgGeometry,
  type DecodeResult,
} from './gpkg-geometry';
export { GPKG_APPLICATION_ID, GPKG_USER_VERSION, LAYERS, type LayerDefinition } from './schema';
