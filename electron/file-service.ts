import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { OpenOutcome, SaveOutcome } from '../shared/host-api';
import type { ParkDocument } from '../shared/model/document';
import { atomicWriteFile, type AtomicFs, type AtomicWriteOptions } from './atomic-write';
import type { ProjectFileFns } from './project-file-port';

/** Filesystem functions of the file service: node:fs/promises satisfies it. */
export interface FileServiceFs extends AtomicFs {
  readFile(filePath: string): Promise<Uint8Array>;
}

export interface FileServiceDeps extends ProjectFileFns {
  fs: FileServiceFs;
  /** The sql.js module, loaded once (its wasm sits next to main.cjs). */
  loadSql: () => Promise<SqlJsStatic>;
  atomicOptions?: Pick<AtomicWriteOptions, 'tempSuffix'>;
}

export interface FileService {
  /** Reads and decodes a project. Read-only: a refused file is never touched. */
  open(filePath: string): Promise<OpenOutcome>;
  /** Encodes and writes atomically with a `.bak` of the previous version. */
  save(filePath: string, document: ParkDocument): Promise<SaveOutcome>;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

export function createFileService(deps: FileServiceDeps): FileService {
  return {
    async open(filePath) {
      const fileName = path.basename(filePath);
      let bytes: Uint8Array;
      try {
        bytes = await deps.fs.readFile(filePath);
      } catch (error) {
        return { ok: false, reason: 'io_error', detail: `Could not read ${fileName} (${describe(error)}).`, fileName };
      }
      let result;
      try {
        result = deps.readProject(await deps.loadSql(), bytes);
      } catch (error) {
        // readProject promises not to throw on bad bytes; if it does anyway, the file is still
        // only a refused file, not a crashed main process.
        return { ok: false, reason: 'corrupt', detail: `Could not decode ${fileName} (${describe(error)}).`, fileName };
      }
      if (result.ok) return { ok: true, document: result.document, fileName, filePath };
      return {
        ok: false,
        reason: result.reason,
        detail: result.detail,
        fileName,
        ...(result.reason === 'foreign_geopackage' && result.importable ? { importable: result.importable } : {}),
      };
    },

    async save(filePath, document) {
      const fileName = path.basename(filePath);
      let bytes: Uint8Array;
      try {
        bytes = deps.writeProject(await deps.loadSql(), document);
      } catch (error) {
        return { ok: false, reason: 'invalid_document', detail: `Could not encode the project (${describe(error)}).` };
      }
      try {
        await atomicWriteFile(deps.fs, filePath, bytes, { backup: true, ...deps.atomicOptions });
      } catch (error) {
        return { ok: false, reason: 'io_error', detail: `Could not save ${fileName} (${describe(error)}). The previous file is unchanged.` };
      }
      return { ok: true, fileName, filePath, bytes: bytes.length };
    },
  };
}
