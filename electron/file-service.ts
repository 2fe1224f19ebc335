import path from 'node:path';
import { createHash } from 'node:crypto';
import type { SqlJsStatic } from 'sql.js';
import type { OpenOutcome, SaveOutcome } from '../shared/host-api';
import type { ParkDocument } from '../shared/model/document';
import { atomicWriteFile, type AtomicFs, type AtomicWriteOptions } from './atomic-write';
import type { ProjectFileFns } from './project-file-port';

/** Filesystem functions of the file service (those of the atomic writer): node:fs/promises satisfies it. */
export type FileServiceFs = AtomicFs;

export interface FileServiceDeps extends ProjectFileFns {
  fs: FileServiceFs;
  /** The sql.js module, loaded once (its wasm sits next to main.cjs). */
  loadSql: () => Promise<SqlJsStatic>;
  atomicOptions?: Pick<AtomicWriteOptions, 'tempSuffix' | 'staleTempAgeMs' | 'now'>;
}

/**
 * What the file looked like when this window last read or wrote it. A save compares the file
 * on disk against it so that a change made meanwhile by another program (QGIS, a colleague on
 * a shared drive, another copy of the app) is never overwritten silently.
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  /** sha256 of the content, hex: tells a real change from a mere touch (same bytes, new mtime). */
  sha256: string;
}

export interface WriteOptions {
  /** The version this window knows; when the file on disk differs, nothing is written. */
  expected?: FileStamp | null;
}

export interface FileService {
  /** Reads and decodes a project. Read-only: a refused file is never touched. */
  open(filePath: string): Promise<OpenOutcome>;
  /** As open(), plus the stamp of the version read (null when it could not be read). */
  read(filePath: string): Promise<{ outcome: OpenOutcome; stamp: FileStamp | null }>;
  /** Encodes and writes atomically with a `.bak` of the previous version. */
  save(filePath: string, document: ParkDocument, options?: WriteOptions): Promise<SaveOutcome>;
  /** As save(), plus the stamp of the version written. */
  write(filePath: string, document: ParkDocument, options?: WriteOptions): Promise<{ outcome: SaveOutcome; stamp: FileStamp | null }>;
  /** Encodes a document to project bytes (recovery snapshots use the same format as saves). */
  encode(document: ParkDocument): Promise<Uint8Array>;
  /** Decodes project bytes; never throws. */
  decode(bytes: Uint8Array, fileName: string): Promise<OpenOutcome>;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createFileService(deps: FileServiceDeps): FileService {
  async function stampOf(filePath: string, bytes: Uint8Array): Promise<FileStamp | null> {
    try {
      const stat = await deps.fs.stat(filePath);
      return { mtimeMs: stat.mtimeMs, size: stat.size, sha256: sha256Hex(bytes) };
    } catch {
      return null;
    }
  }

  /** True when the file on disk is not the version `expected` describes. A missing file is no conflict: nothing would be overwritten. */
  async function changedOnDisk(filePath: string, expected: FileStamp): Promise<boolean> {
    let stat;
    try {
      stat = await deps.fs.stat(filePath);
    } catch {
      return false;
    }
    if (stat.mtimeMs === expected.mtimeMs && stat.size === expected.size) return false;
    if (stat.size !== expected.size) return true;
    // Same size, new time: compare the content so a touch (backup tools, sync clients) is not a conflict.
    try {
      return sha256Hex(await deps.fs.readFile(filePath)) !== expected.sha256;
    } catch {
      return true;
    }
  }

  async function decode(bytes: Uint8Array, fileName: string, filePath?: string): Promise<OpenOutcome> {
    let result;
    try {
      result = deps.readProject(await deps.loadSql(), bytes);
    } catch (error) {
      // readProject promises not to throw on bad bytes; if it does anyway, the file is still
      // only a refused file, not a crashed main process.
      return { ok: false, reason: 'corrupt', detail: `Could not decode ${fileName} (${describe(error)}).`, fileName };
    }
    if (result.ok) return { ok: true, document: result.document, fileName, ...(filePath !== undefined ? { filePath } : {}) };
    return {
      ok: false,
      reason: result.reason,
      detail: result.detail,
      fileName,
      ...(result.reason === 'foreign_geopackage' && result.importable ? { importable: result.importable } : {}),
      ...(result.limit ? { limit: result.limit } : {}),
    };
  }

  async function read(filePath: string): Promise<{ outcome: OpenOutcome; stamp: FileStamp | null }> {
    const fileName = path.basename(filePath);
    let bytes: Uint8Array;
    try {
      bytes = await deps.fs.readFile(filePath);
    } catch (error) {
      return { outcome: { ok: false, reason: 'io_error', detail: `Could not read ${fileName} (${describe(error)}).`, fileName }, stamp: null };
    }
    const outcome = await decode(bytes, fileName, filePath);
    return { outcome, stamp: outcome.ok ? await stampOf(filePath, bytes) : null };
  }

  async function write(filePath: string, document: ParkDocument, options: WriteOptions = {}): Promise<{ outcome: SaveOutcome; stamp: FileStamp | null }> {
    const fileName = path.basename(filePath);
    let bytes: Uint8Array;
    try {
      bytes = deps.writeProject(await deps.loadSql(), document);
    } catch (error) {
      return { outcome: { ok: false, reason: 'invalid_document', detail: `Could not encode the project (${describe(error)}).` }, stamp: null };
    }
    if (options.expected && (await changedOnDisk(filePath, options.expected))) {
      return {
        outcome: {
          ok: false,
          reason: 'changed_on_disk',
          fileName,
          detail: `${fileName} was changed on disk by another program or window since it was opened or last saved here. Nothing was written.`,
        },
        stamp: null,
      };
    }
    try {
      await atomicWriteFile(deps.fs, filePath, bytes, { backup: true, ...deps.atomicOptions });
    } catch (error) {
      return { outcome: { ok: false, reason: 'io_error', detail: `Could not save ${fileName} (${describe(error)}). The previous file is unchanged.` }, stamp: null };
    }
    return { outcome: { ok: true, fileName, filePath, bytes: bytes.length }, stamp: await stampOf(filePath, bytes) };
  }

  return {
    read,
    write,
    async open(filePath) {
      return (await read(filePath)).outcome;
    },
    async save(filePath, document, options) {
      return (await write(filePath, document, options)).outcome;
    },
    async encode(document) {
      return deps.writeProject(await deps.loadSql(), document);
    },
    decode: (bytes, fileName) => decode(bytes, fileName),
  };
}
