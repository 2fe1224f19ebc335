/// <reference lib="webworker" />
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { readProject, writeProject } from '../../../shared/project-file';
import type { ProjectFileRequest, ProjectFileResponse } from './project-file-encoder';

/**
 * Reads and writes projects as GeoPackage bytes off the page's main thread: a save or an
 * autosave snapshot of a 5,000-feature park takes tens of milliseconds of SQLite work, and
 * reading it back (SQLite, geometry decoding, schema checks) half a second, which would
 * otherwise freeze the page every autosave interval and on every open.
 */
let sql: Promise<SqlJsStatic> | null = null;

self.onmessage = async (event: MessageEvent<ProjectFileRequest>) => {
  const request = event.data;
  try {
    sql ??= initSqlJs({ locateFile: () => wasmUrl });
    if (request.op === 'decode') {
      self.postMessage({ id: request.id, ok: true, read: readProject(await sql, request.bytes) } satisfies ProjectFileResponse);
      return;
    }
    const bytes = writeProject(await sql, request.document);
    self.postMessage({ id: request.id, ok: true, bytes } satisfies ProjectFileResponse, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ProjectFileResponse);
  }
};
