import type { CliIo } from '../../../cli/io';

/** An in-memory CliIo: files in a Map, output captured line by line. */
export function memoryIo(files: Record<string, Uint8Array> = {}) {
  const store = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    readFile: async (path) => {
      const bytes = store.get(path);
      if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return bytes;
    },
    writeFile: async (path, bytes) => {
      if (path.startsWith('/missing-folder/')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      store.set(path, bytes);
    },
  };
  return { io, out, err, store };
}

export const CONTEXT = { version: '9.9.9-test', now: () => '2026-02-01T00:00:00.000Z' };
