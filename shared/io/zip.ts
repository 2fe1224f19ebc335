import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Zip archives for KMZ and zipped Shapefiles, through fflate (pure JS, runs in Node and the browser). */

export type ZipEntries = Record<string, Uint8Array>;

export type UnzipResult = { ok: true; entries: ZipEntries } | { ok: false; detail: string };

/** Entries of a zip (folders dropped); a damaged archive is reported, never thrown. */
export function readZip(bytes: Uint8Array): UnzipResult {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, detail: 'the file is not a zip archive (no PK signature)' };
  try {
    const raw = unzipSync(bytes);
    const entries: ZipEntries = {};
    for (const [name, data] of Object.entries(raw)) if (!name.endsWith('/')) entries[name] = data;
    return { ok: true, entries };
  } catch (error) {
    return { ok: false, detail: `the zip archive is damaged (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** A deterministic zip: fixed timestamps, so the same input gives the same bytes. */
export function writeZip(entries: ZipEntries): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(entries)) files[name] = [data, { mtime: new Date(Date.UTC(2000, 0, 1)) }];
  return zipSync(files, { level: 6 });
}

export const utf8 = (text: string): Uint8Array => strToU8(text);
export const fromUtf8 = (bytes: Uint8Array): string => strFromU8(bytes);
