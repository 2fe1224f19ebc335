/// <reference lib="webworker" />
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { writeProject } from '../../../shared/project-file';
import type { EncodeRequest, EncodeResponse } from './project-file-encoder';

/**
 * Writes projects as GeoPackage bytes off the page's main thread: a save or an autosave
 * snapshot of a 5,000-feature park takes tens of milliseconds of SQLite work, which would
 * otherwise freeze drawing every autosave interval.
 */
let sql: Promise<SqlJsStatic> | null = null;

self.onmessage = async (event: MessageEvent<EncodeRequest>) => {
  const { id, document } = event.data;
  try {
    sql ??= initSqlJs({ locateFile: () => wasmUrl });
    const bytes = writeProject(await sql, document);
    self.postMessage({ id, ok: true, bytes } satisfies EncodeResponse, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies EncodeResponse);
  }
};
