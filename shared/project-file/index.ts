/**
 * GeoPackage project files over sql.js (DESIGN.md §1, §2). The caller hands in the sql.js
 * module (`SqlJsStatic`), so this code runs the same in Node, Electron's main process and the
 * browser. Format: docs/project-file-format.md.
 *
 * Contract (implemented in this folder):
 *   writeProject(SQL, doc): Uint8Array                — a complete GeoPackage 1.3 file
 *   readProject(SQL, bytes): ReadProjectResult        — never throws on bad bytes
 */
export {};
