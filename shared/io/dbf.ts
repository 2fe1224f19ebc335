import { decodeText, encodeUtf8 } from './text-codec';
import { checkLimit, DEFAULT_LIMITS, type Limits } from '../limits';
import { setOwn } from '../own-property';

/**
 * dBASE III tables of Shapefiles. Written in UTF-8 (announced by the .cpg next to it) so
 * Vietnamese text survives; read in the code page the .cpg names, else UTF-8 when valid,
 * else windows-1258.
 */

export interface DbfField {
  /** At most 10 ASCII characters. */
  name: string;
  type: 'C' | 'N';
  /** Width in bytes (C ≤ 254). */
  length: number;
  decimals: number;
}

export type DbfValue = string | number | null;

/** A text value cut to its column's width: `row` counts from 1. */
export interface DbfCut {
  row: number;
  field: string;
  maxBytes: number;
}

/** `cuts` receives every text value cut to fit its column. */
export function writeDbf(fields: DbfField[], rows: DbfValue[][], cuts: DbfCut[] = []): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  // A fixed date keeps exports byte-for-byte reproducible.
  out[1] = 126;
  out[2] = 1;
  out[3] = 1;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const base = 32 + 32 * i;
    for (let c = 0; c < Math.min(10, f.name.length); c++) out[base + c] = f.name.charCodeAt(c);
    out[base + 11] = f.type.charCodeAt(0);
    out[base + 16] = f.length;
    out[base + 17] = f.decimals;
  });
  out[headerLength - 1] = 0x0d;
  let pos = headerLength;
  rows.forEach((row, r) => {
    out[pos++] = 0x20;
    fields.forEach((f, i) => {
      const value = row[i];
      out.fill(0x20, pos, pos + f.length);
      if (value !== null && value !== undefined) {
        if (f.type === 'N') {
          const text = typeof value === 'number' ? formatNumber(value, f) : String(value);
          const bytes = encodeUtf8(text.slice(-f.length));
          out.set(bytes, pos + f.length - bytes.length);
        } else {
          let bytes = encodeUtf8(String(value));
          if (bytes.length > f.length) {
            bytes = truncateUtf8(bytes, f.length);
            cuts.push({ row: r + 1, field: f.name, maxBytes: f.length });
          }
          out.set(bytes, pos);
        }
      }
      pos += f.length;
    });
  });
  out[pos] = 0x1a;
  return out;
}

function formatNumber(v: number, f: DbfField): string {
  if (f.decimals === 0) return String(Math.round(v));
  // Enough decimals to round-trip the value, never more than the field allows.
  const text = String(Number(v.toFixed(f.decimals)));
  return text.length <= f.length ? text : v.toExponential(Math.max(0, f.length - 7));
}

/** Cuts at a character boundary so the last character is never half a UTF-8 sequence. */
function truncateUtf8(bytes: Uint8Array, max: number): Uint8Array {
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.slice(0, end);
}

export type DbfReadResult =
  | { ok: true; fields: DbfField[]; rows: Record<string, DbfValue>[]; encoding: string; usedFallback: boolean }
  | { ok: false; detail: string };

/**
 * Reads a dBASE table. The header length, the record length, the field descriptors and the
 * record count are checked against the bytes before any record is read, so a hostile header
 * can neither read out of bounds nor loop over records that are not there.
 */
export function readDbf(bytes: Uint8Array, encoding = 'utf-8', limits: Limits = DEFAULT_LIMITS): DbfReadResult {
  if (bytes.length < 33) return { ok: false, detail: 'the .dbf file is too short' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) return { ok: false, detail: `the header length of ${headerLength} bytes is not between 33 and the file's ${bytes.length}` };
  const fields: DbfField[] = [];
  for (let base = 32; base + 32 <= headerLength && bytes[base] !== 0x0d; base += 32) {
    let name = '';
    for (let c = 0; c < 11 && bytes[base + c] !== 0; c++) name += String.fromCharCode(bytes[base + c]);
    fields.push({ name: name.trim(), type: String.fromCharCode(bytes[base + 11]) as 'C' | 'N', length: bytes[base + 16], decimals: bytes[base + 17] });
  }
  checkLimit(limits, 'attributes-per-feature', fields.length);
  // One deletion-flag byte, then the fields; a record shorter than that would overlap the next.
  const fieldBytes = 1 + fields.reduce((n, f) => n + f.length, 0);
  if (recordLength < fieldBytes) return { ok: false, detail: `the record length of ${recordLength} bytes is shorter than the ${fieldBytes} bytes its ${fields.length === 1 ? 'field needs' : `${fields.length} fields need`}` };
  // The end-of-file marker after the last record is optional.
  if (headerLength + count * recordLength > bytes.length) return { ok: false, detail: `the header announces ${count} records of ${recordLength} bytes, more than the file's ${bytes.length - headerLength} bytes of records` };
  const rows: Record<string, DbfValue>[] = [];
  let usedFallback = false;
  let usedLabel = encoding;
  for (let r = 0; r < count; r++) {
    let pos = headerLength + r * recordLength;
    if (bytes[pos] === 0x2a) continue;
    pos += 1;
    const row: Record<string, DbfValue> = {};
    for (const f of fields) {
      const raw = bytes.subarray(pos, pos + f.length);
      pos += f.length;
      const decoded = decodeText(raw, encoding);
      usedFallback ||= decoded.usedFallback;
      if (decoded.usedFallback) usedLabel = decoded.label;
      const text = decoded.text.replace(/\0+$/, '').trim();
      const type = f.type.toUpperCase();
      if (type === 'N' || type === 'F') setOwn(row, f.name, text === '' || Number.isNaN(Number(text)) ? null : Number(text));
      else if (type === 'L') setOwn(row, f.name, /^[yt]/i.test(text) ? 'true' : /^[nf]/i.test(text) ? 'false' : null);
      else setOwn(row, f.name, text === '' ? null : text);
    }
    rows.push(row);
  }
  return { ok: true, fields, rows, encoding: usedLabel, usedFallback };
}
