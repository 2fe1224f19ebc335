import { posix } from 'node:path';
import type { CliIo } from '../../../cli/io';

/**
 * An in-memory CliIo: files in a Map, output captured line by line. Paths are normalised
 * ('./a.gpkg' is 'a.gpkg'); a file's identity is its normalised path (no links in memory; the
 * real writer and links are tested on disk in output-safety.test.ts).
 */
export function memoryIo(files: Record<string, Uint8Array> = {}) {
  const store = new Map(Object.entries(files).map(([path, bytes]) => [posix.normalize(path), bytes]));
  const inodes = new Map<string, bigint>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    readFile: async (path) => {
      const bytes = store.get(posix.normalize(path));
      if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return bytes;
    },
    writeFile: async (path, bytes, options = {}) => {
      if (path.startsWith('/missing-folder/')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      const key = posix.normalize(path);
      const previous = store.get(key);
      if (options.backup && previous) store.set(`${key}.bak`, previous);
      store.set(key, bytes);
    },
    identify: async (path) => {
      const key = posix.normalize(path);
      if (!store.has(key)) return null;
      if (!inodes.has(key)) inodes.set(key, BigInt(inodes.size + 1));
      return { dev: 1n, ino: inodes.get(key)! };
    },
  };
  return { io, out, err, store };
}

export const CONTEXT = { version: '9.9.9-test', now: () => '2026-02-01T00:00:00.000Z' };
