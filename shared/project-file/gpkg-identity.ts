import type { Database } from 'sql.js';
import { GPKG_APPLICATION_ID, LEGACY_GPKG_APPLICATION_IDS } from './schema';
import { queryRows } from './sqlite-bytes';

/**
 * The GeoPackage identity in the SQLite header (OGC 12-128r18 Req. 2): `application_id` 'GPKG'
 * (0x47504B47) and `user_version` the GeoPackage version as major·10000 + minor·100 + patch.
 * The range accepted without a remark is GDAL's (3.6, ogrgeopackagedatasource.cpp, checked with
 * ogrinfo on edited copies of the sample): 'GP10'/'GP11' files and 'GPKG' files from 1.2.0 to
 * 1.4.0 open silently; a bad application_id, a 'GPKG' version below 1.2 or above 1.4 are warnings.
 */
export const KNOWN_USER_VERSIONS = { min: 10200, max: 10400 } as const;

export interface GeoPackageIdentity {
  applicationId: number;
  userVersion: number;
  /** Plain-English remarks, empty when the header is what GDAL accepts silently. */
  problems: string[];
}

const hex = (n: number) => `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** Reads the two header fields of an open database and says what is wrong with them, if anything. */
export function checkGeoPackageIdentity(db: Database): GeoPackageIdentity {
  const applicationId = Number(Object.values(queryRows(db, 'PRAGMA application_id')[0] ?? {})[0] ?? 0);
  const userVersion = Number(Object.values(queryRows(db, 'PRAGMA user_version')[0] ?? {})[0] ?? 0);
  const problems: string[] = [];
  const legacy = LEGACY_GPKG_APPLICATION_IDS.includes(applicationId);
  if (applicationId !== GPKG_APPLICATION_ID && !legacy) {
    problems.push(`its SQLite application_id is ${hex(applicationId)}, not ${hex(GPKG_APPLICATION_ID)} ('GPKG')`);
  } else if (!legacy && (userVersion < KNOWN_USER_VERSIONS.min || userVersion > KNOWN_USER_VERSIONS.max)) {
    problems.push(`its GeoPackage version (SQLite user_version) is ${userVersion}, outside the known 1.2–1.4 (${KNOWN_USER_VERSIONS.min}–${KNOWN_USER_VERSIONS.max})`);
  }
  return { applicationId, userVersion, problems };
}
