import type { Database } from 'sql.js';
import { setOwn } from '../own-property';

/**
 * Checks on raw bytes before SQLite sees them. sql.js opens almost anything lazily and fails
 * later with vague errors, so the header (https://www.sqlite.org/fileformat.html §1.3) is
 * checked first to tell "not a database at all" from "a damaged database".
 */

const MAGIC = 'SQLite format 3\u0000';

export type HeaderCheck = { ok: true } | { ok: false; reason: 'not_sqlite' | 'corrupt'; detail: string };

export function hasSqliteMagic(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

export function checkSqliteHeader(bytes: Uint8Array): HeaderCheck {
  if (bytes.length === 0) return { ok: false, reason: 'not_sqlite', detail: 'the file is empty' };
  if (!hasSqliteMagic(bytes)) {
    return { ok: false, reason: 'not_sqlite', detail: 'the file does not start with the SQLite header ("SQLite format 3")' };
  }
  if (bytes.length < 100) return { ok: false, reason: 'corrupt', detail: `the file is truncated: ${bytes.length} bytes, shorter than the 100-byte SQLite header` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16, false);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return { ok: false, reason: 'corrupt', detail: `the SQLite header has an invalid page size (${rawPageSize})` };
  }
  // The in-header page count is only trustworthy when the two change counters agree.
  const pageCount = view.getUint32(28, false);
  const countValid = view.getUint32(24, false) === view.getUint32(92, false) && pageCount > 0;
  const expected = countValid ? pageCount * pageSize : undefined;
  if ((expected !== undefined && bytes.length < expected) || bytes.length % pageSize !== 0) {
    const want = expected !== undefined ? `${expected}` : `a multiple of ${pageSize}`;
    return { ok: false, reason: 'corrupt', detail: `the file is truncated: ${bytes.length} bytes where ${want} were expected` };
  }
  return { ok: true };
}

/** Rows of a query as objects; values are sql.js values (number, string, Uint8Array, null). */
export function queryRows(db: Database, sql: string, params: (string | number | null)[] = []): Record<string, unknown>[] {
  const statement = db.prepare(sql, params);
  const rows: Record<string, unknown>[] = [];
  try {
    const names = statement.getColumnNames();
    // Not getAsObject, so a column named "__proto__" is kept like any other: setOwn stores it.
    // Plain assignment does the same for every other name and is several times faster.
    const plain = !names.includes('__proto__');
    while (statement.step()) {
      const values = statement.get();
      const row: Record<string, unknown> = {};
      if (plain) for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
      else names.forEach((name, i) => setOwn(row, name, values[i]));
      rows.push(row);
    }
  } finally {
    statement.free();
  }
  return rows;
}

/**
 * Rows of a query as arrays in column order, with the column names: for tables of thousands of
 * rows, where building an object per row cost more than reading it (the project's feature layers).
 */
export function queryArrays(db: Database, sql: string): { names: string[]; rows: unknown[][] } {
  const statement = db.prepare(sql);
  const rows: unknown[][] = [];
  try {
    const names = statement.getColumnNames();
    while (statement.step()) rows.push(statement.get());
    return { names, rows };
  } finally {
    statement.free();
  }
}

export function tableNames(db: Database): Set<string> {
  return new Set(queryRows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));
}

/** Double quotes an identifier for SQL (foreign files have table names with spaces, quotes...). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
