import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RecoveryEntry } from '../shared/host-api';
import { atomicWriteFile } from './atomic-write';
import type { FileServiceFs } from './file-service';

/**
 * Recovery snapshots of unsaved work (issue 7, "never losing work"), kept under the app's
 * user-data folder (`<userData>/recovery/`), never in or beside the user's own file. Each
 * snapshot is two files: `<id>.gpkg` (the project, in the same GeoPackage format as a save)
 * and `<id>.json` (what the recovery prompt shows). Both are written atomically, so a crash
 * during autosave leaves the previous snapshot whole. Ids are issued here; the renderer names
 * a snapshot only by an id the main process gave it, never by a path.
 */

/** `<base36 time>-<12 hex>`: sortable, unguessable enough, and safe as a file name. */
export const RECOVERY_ID_PATTERN = /^[a-z0-9]{6,16}-[0-9a-f]{12}$/;

export interface RecoveryFs extends FileServiceFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
}

export interface RecoveryStoreDeps {
  fs: RecoveryFs;
  /** `<userData>/recovery`. */
  dir: string;
  now: () => Date;
  appVersion: string;
  /** Recorded for diagnosis ("which process wrote this"). */
  pid: number;
  /** Random part of new ids; injected for deterministic tests. */
  randomHex?: () => string;
}

/** What the renderer tells about the work; the file path comes from the main process. */
export interface RecoveryInfo {
  fileName: string | null;
  filePath: string | null;
  projectName: string;
}

const metaSchema = z.object({
  id: z.string().regex(RECOVERY_ID_PATTERN),
  fileName: z.string().nullable(),
  filePath: z.string().nullable(),
  projectName: z.string(),
  savedAt: z.string(),
  appVersion: z.string(),
  pid: z.number().int().optional(),
  bytes: z.number().int().nonnegative(),
});

export interface RecoveryStore {
  newId(): string;
  /** Replaces snapshot `id` (project bytes first, then its description). */
  write(id: string, bytes: Uint8Array, info: RecoveryInfo): Promise<RecoveryEntry>;
  /** Every snapshot on disk, newest first. One whose description is lost is still listed. */
  list(): Promise<RecoveryEntry[]>;
  /** The project bytes and description of `id`, or null when it does not exist. */
  read(id: string): Promise<{ bytes: Uint8Array; entry: RecoveryEntry } | null>;
  remove(id: string): Promise<void>;
  /** Resolves when every write and removal started so far has finished (clean exit waits on it). */
  idle(): Promise<void>;
}

export function createRecoveryStore(deps: RecoveryStoreDeps): RecoveryStore {
  const randomHex = deps.randomHex ?? (() => randomBytes(6).toString('hex'));
  const gpkgPath = (id: string) => path.join(deps.dir, `${id}.gpkg`);
  const metaPath = (id: string) => path.join(deps.dir, `${id}.json`);
  // One queue: a removal requested while a write is running must land after it, or the
  // "deleted" snapshot would reappear.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  function assertId(id: string): void {
    // Programmer error: ids reaching here were validated by IPC and checked against list().
    if (!RECOVERY_ID_PATTERN.test(id)) throw new Error(`not a recovery id: ${id}`);
  }

  async function describe(id: string): Promise<RecoveryEntry | null> {
    let stat;
    try {
      stat = await deps.fs.stat(gpkgPath(id));
    } catch {
      return null;
    }
    try {
      const meta = metaSchema.parse(JSON.parse(new TextDecoder().decode(await deps.fs.readFile(metaPath(id)))));
      if (meta.id === id) {
        return { id, fileName: meta.fileName, filePath: meta.filePath, projectName: meta.projectName, savedAt: meta.savedAt, appVersion: meta.appVersion, bytes: stat.size };
      }
    } catch {
      // Description missing or damaged (killed between the two writes): the project may still be fine.
    }
    return { id, fileName: null, filePath: null, projectName: '', savedAt: new Date(stat.mtimeMs).toISOString(), appVersion: 'unknown', bytes: stat.size };
  }

  async function removeQuietly(filePath: string): Promise<void> {
    try {
      await deps.fs.unlink(filePath);
    } catch {
      // Already gone.
    }
  }

  return {
    newId() {
      return `${deps.now().getTime().toString(36)}-${randomHex()}`;
    },

    write(id, bytes, info) {
      assertId(id);
      return serial(async () => {
        await deps.fs.mkdir(deps.dir, { recursive: true });
        const entry: RecoveryEntry = { id, ...info, savedAt: deps.now().toISOString(), appVersion: deps.appVersion, bytes: bytes.length };
        await atomicWriteFile(deps.fs, gpkgPath(id), bytes);
        const meta = { ...entry, pid: deps.pid };
        await atomicWriteFile(deps.fs, metaPath(id), new TextEncoder().encode(JSON.stringify(meta, null, 2)));
        return entry;
      });
    },

    async list() {
      let names: string[];
      try {
        names = await deps.fs.readdir(deps.dir);
      } catch {
        return [];
      }
      const ids = names.filter((n) => n.endsWith('.gpkg')).map((n) => n.slice(0, -'.gpkg'.length)).filter((id) => RECOVERY_ID_PATTERN.test(id));
      const entries = (await Promise.all(ids.map(describe))).filter((e): e is RecoveryEntry => e !== null);
      return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },

    async read(id) {
      assertId(id);
      const entry = await describe(id);
      if (!entry) return null;
      try {
        return { bytes: await deps.fs.readFile(gpkgPath(id)), entry };
      } catch {
        return null;
      }
    },

    remove(id) {
      assertId(id);
      return serial(async () => {
        await removeQuietly(gpkgPath(id));
        await removeQuietly(metaPath(id));
      });
    },

    async idle() {
      await queue;
    },
  };
}
