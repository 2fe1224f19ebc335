import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/** The sql.js module for tests, loaded once per worker (the wasm file resolves from node_modules in Node). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs();
  return loading;
}

/** Runs SQL on a copy of a project file, as a user's other tool (or a bug) might have; the bytes given are not changed. */
export function mutateFile(SQL: SqlJsStatic, bytes: Uint8Array, sql: string): Uint8Array {
  const db = new SQL.Database(bytes);
  db.run(sql);
  const out = db.export();
  db.close();
  return out;
}
