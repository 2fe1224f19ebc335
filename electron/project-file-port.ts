import type { SqlJsStatic } from 'sql.js';
import type { ParkDocument } from '../shared/model/document';
import type { LimitExceeded } from '../shared/limits';
import type { ProjectReadFailure } from '../shared/project-file/read-project';

/**
 * The shape of shared/project-file that the shell depends on. Services take these functions
 * as arguments (main.ts passes the real ones), so unit tests inject fakes and the shell
 * compiles against a stable contract.
 */
export type ReadProjectResult =
  | { ok: true; document: ParkDocument; migratedFrom?: number }
  | {
      ok: false;
      reason: ProjectReadFailure;
      detail: string;
      importable?: ParkDocument;
      /** For limit_exceeded: the limit met, for the UI's wording. */
      limit?: LimitExceeded;
    };

export type ReadProjectFn = (SQL: SqlJsStatic, bytes: Uint8Array) => ReadProjectResult;
/** Throws only on programmer error. */
export type WriteProjectFn = (SQL: SqlJsStatic, doc: ParkDocument) => Uint8Array;

export interface ProjectFileFns {
  readProject: ReadProjectFn;
  writeProject: WriteProjectFn;
}
