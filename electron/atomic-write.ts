import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Subset of node:fs/promises the writer needs, injected so tests can make any step fail.
 * Real code passes `fs/promises` itself.
 */
export interface WritableFileHandle {
  write(buffer: Uint8Array, offset?: number, length?: number, position?: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface AtomicFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ isFile(): boolean; mtimeMs: number; size: number }>;
  readdir(dir: string): Promise<string[]>;
}

export interface AtomicWriteOptions {
  /** Keep the previous content as `<target>.bak` before replacing it. */
  backup?: boolean;
  /** Suffix generator for temp names; injected for deterministic tests. */
  tempSuffix?: () => string;
  /**
   * Temp files of this target older than this (ms) are left-overs of a save that was killed
   * (power cut, SIGKILL) and are removed after the next successful save. Younger ones may be
   * another process's save in flight, so they are left alone. Default one minute.
   */
  staleTempAgeMs?: number;
  /** Clock for the age above; injected for tests. */
  now?: () => number;
}

const DEFAULT_STALE_TEMP_AGE_MS = 60_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names of the temp files atomicWriteFile makes for `base` (see the naming below). */
export function tempNamePattern(base: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(base)}\\.(bak\\.)?[A-Za-z0-9_-]+\\.tmp$`);
}

async function exists(fs: AtomicFs, filePath: string): Promise<boolean> {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch (error) {
    // Only "not there" means no previous version; any other failure must stop the save rather
    // than quietly skip the .bak.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function writeAll(fs: AtomicFs, filePath: string, bytes: Uint8Array): Promise<void> {
  // 'wx': never reuse a file someone else created with the same temp name.
  const handle = await fs.open(filePath, 'wx', 0o644);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (bytesWritten <= 0) throw new Error(`short write to ${filePath}`);
      offset += bytesWritten;
    }
    // Data must be on disk before the rename publishes it, or a crash could leave an empty file.
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(fs: AtomicFs, filePath: string): Promise<void> {
  try {
    await fs.unlink(filePath);
  } catch {
    // Already gone, or never created.
  }
}

/** Best effort: makes the rename itself durable. Not possible on Windows, which is fine. */
async function syncDirectory(fs: AtomicFs, dir: string): Promise<void> {
  let handle: WritableFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on some platforms: the data itself is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Replaces `target` with `bytes` so that at every instant the target is either the complete
 * old content or the complete new content: temp file in the same directory (same filesystem,
 * so rename is atomic), fsync, optional `.bak` of the old version (itself written through a
 * temp + rename), rename over the target, fsync the directory. On failure the old file is
 * untouched and no temp file is left behind; the error is rethrown for the caller to report.
 */
export async function atomicWriteFile(fs: AtomicFs, target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const suffix = options.tempSuffix ?? (() => randomBytes(6).toString('hex'));
  const temp = path.join(dir, `.${base}.${suffix()}.tmp`);
  const backupTemp = path.join(dir, `.${base}.bak.${suffix()}.tmp`);
  try {
    await writeAll(fs, temp, bytes);
    if (options.backup && (await exists(fs, target))) {
      // Copy, not rename: the target must stay in place until the final rename replaces it.
      await fs.copyFile(target, backupTemp);
      await fs.rename(backupTemp, `${target}.bak`);
    }
    await fs.rename(temp, target);
  } catch (error) {
    await removeQuietly(fs, temp);
    await removeQuietly(fs, backupTemp);
    throw error;
  }
  await syncDirectory(fs, dir);
  await removeStaleTemps(fs, dir, base, options);
}

/**
 * Best effort: a save killed between creating its temp file and renaming it leaves that temp
 * behind (the target itself is intact). Never fails the save that already succeeded.
 */
async function removeStaleTemps(fs: AtomicFs, dir: string, base: string, options: AtomicWriteOptions): Promise<void> {
  const maxAge = options.staleTempAgeMs ?? DEFAULT_STALE_TEMP_AGE_MS;
  const now = (options.now ?? Date.now)();
  const pattern = tempNamePattern(base);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names.filter((n) => pattern.test(n))) {
    const file = path.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (stat.isFile() && now - stat.mtimeMs >= maxAge) await fs.unlink(file);
    } catch {
      // Gone meanwhile (another save finished it) or not ours to remove: leave it.
    }
  }
}
