import path from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../shared/host-api';
import { atomicWriteFile } from './atomic-write';
import type { FileServiceFs } from './file-service';

export const MAX_RECENT_FILES = 10;

const recentListSchema = z.array(z.object({ path: z.string().min(1), fileName: z.string(), openedAt: z.string() }));

export interface RecentFilesDeps {
  fs: FileServiceFs;
  /** JSON file in app.getPath('userData'). */
  storePath: string;
  now: () => Date;
  /** Called after the list changed (the Open Recent submenu is rebuilt). */
  onChange?: (list: RecentFile[]) => void;
}

export interface RecentFiles {
  /** Most recent first; entries whose file is gone are pruned (and the pruning persisted). */
  list(): Promise<RecentFile[]>;
  add(filePath: string): Promise<RecentFile[]>;
  /** True when `filePath` is in the stored list (the renderer may only open these by path). */
  has(filePath: string): Promise<boolean>;
  /** File ▸ Open Recent ▸ Clear recent files: forgets every entry (the files are untouched). */
  clear(): Promise<void>;
}

/** Same file on a case-insensitive filesystem: de-duplicate by a normalised key. */
function keyOf(filePath: string): string {
  const resolved = path.resolve(filePath);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}

export function createRecentFiles(deps: RecentFilesDeps): RecentFiles {
  // Serialise read-modify-write so two quick opens don't lose an entry.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<RecentFile[]> {
    try {
      const text = new TextDecoder().decode(await deps.fs.readFile(deps.storePath));
      const parsed = recentListSchema.safeParse(JSON.parse(text));
      // A damaged list is not worth an error dialog: start afresh.
      return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
    } catch {
      return [];
    }
  }

  async function store(list: RecentFile[]): Promise<void> {
    const bytes = new TextEncoder().encode(JSON.stringify(list, null, 2));
    await atomicWriteFile(deps.fs, deps.storePath, bytes);
    deps.onChange?.(list);
  }

  async function isFile(filePath: string): Promise<boolean> {
    try {
      return (await deps.fs.stat(filePath)).isFile();
    } catch {
      return false;
    }
  }

  return {
    list: () =>
      serial(async () => {
        const list = await load();
        const present: RecentFile[] = [];
        for (const entry of list) if (await isFile(entry.path)) present.push(entry);
        if (present.length !== list.length) await store(present).catch(() => undefined);
        return present;
      }),
    add: (filePath) =>
      serial(async () => {
        const key = keyOf(filePath);
        const entry: RecentFile = { path: filePath, fileName: path.basename(filePath), openedAt: deps.now().toISOString() };
        const list = [entry, ...(await load()).filter((e) => keyOf(e.path) !== key)].slice(0, MAX_RECENT_FILES);
        await store(list);
        return list;
      }),
    has: (filePath) =>
      serial(async () => {
        const key = keyOf(filePath);
        return (await load()).some((e) => keyOf(e.path) === key);
      }),
    clear: () => serial(() => store([])),
  };
}
