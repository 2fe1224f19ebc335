import path from 'node:path';

/**
 * Subset of node:fs/promises the writer needs, injected so tests can make any step fail.
 * Real code passes `fs/promises` itself. Node only (no Electron): the desktop shell and the CLI
 * (cli/io.ts) write every file through this one module.
 */
export interface WritableFileHandle {
  write(buffer: Uint8Array, offset?: number, length?: number, position?: number | null): Promise<{ bytesWritten: number }>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The facts of a file the writer reads: whether it is one, its age and size, what a replacement keeps. */
export interface AtomicStat {
  isFile(): boolean;
  mtimeMs: number;
  size: number;
  mode: number;
  uid: number;
  gid: number;
}

export interface AtomicFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableFileHandle>;
  readFile(filePath: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<AtomicStat>;
  realpath(filePath: string): Promise<string>;
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

/** What a replacement keeps of the file it replaces: permission bits and owner. */
interface KeptMetadata {
  mode: number;
  uid: number;
  gid: number;
}

/** Permissions of a file with no previous version (before the umask), as before this writer kept modes. */
const NEW_FILE_MODE = 0o644;

/** The version about to be replaced, or null when there is none. */
async function previousVersion(fs: AtomicFs, filePath: string): Promise<KeptMetadata | null> {
  try {
    const stat = await fs.stat(filePath);
    // Permission bits only: a set-uid bit has no business on a data file.
    return stat.isFile() ? { mode: stat.mode & 0o777, uid: stat.uid, gid: stat.gid } : null;
  } catch (error) {
    // Only "not there" means no previous version; any other failure must stop the save rather
    // than quietly skip the .bak or widen the permissions.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The file a save must replace: a symlink is followed so the save writes its target and the
 * link stays a link (renaming over the link itself would turn it into a plain file).
 */
async function resolveLinks(fs: AtomicFs, target: string): Promise<string> {
  try {
    return await fs.realpath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return target;
    throw error;
  }
}

/** Errors of chown that mean "not permitted here" (not root, FAT, some network shares): the owner is then the saver. */
const OWNER_NOT_KEPT = new Set(['EPERM', 'EINVAL', 'ENOSYS', 'ENOTSUP', 'EOPNOTSUPP']);

async function keepMetadata(handle: WritableFileHandle, kept: KeptMetadata): Promise<void> {
  // Explicitly, not only through open's mode: the umask would strip bits such as group write.
  await handle.chmod(kept.mode);
  try {
    await handle.chown(kept.uid, kept.gid);
  } catch (error) {
    if (!OWNER_NOT_KEPT.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

/** Writes a new file completely and durably, with the permissions and owner of the version it will replace. */
async function writeAll(fs: AtomicFs, filePath: string, bytes: Uint8Array, kept: KeptMetadata | null): Promise<void> {
  // 'wx': never reuse a file someone else created with the same temp name. Created with the
  // kept mode at once, so a private (0600) project is never readable by others, even as a temp.
  const handle = await fs.open(filePath, 'wx', kept?.mode ?? NEW_FILE_MODE);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (bytesWritten <= 0) throw new Error(`short write to ${filePath}`);
      offset += bytesWritten;
    }
    if (kept) await keepMetadata(handle, kept);
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
 * Twelve random hex digits. From Web Crypto, which Node loads only when it is first used: the
 * crypto module loaded with this file cost every `ecopark` command 5 ms at start, write or not.
 */
function randomSuffix(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Replaces `target` with `bytes` so that at every instant the target is either the complete
 * old content or the complete new content: temp file in the same directory (same filesystem,
 * so rename is atomic), fsync, optional `.bak` of the old version (itself written and fsynced
 * through a temp + rename), rename over the target, fsync the directory. The new file and the
 * `.bak` keep the old file's mode (and owner where permitted); a symlinked target is written
 * where the link points, its `.bak` beside that file, and the link is kept. On failure the old
 * file is untouched and no temp file is left behind; the error is rethrown for the caller.
 */
export async function atomicWriteFile(fs: AtomicFs, target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const file = await resolveLinks(fs, target);
  const dir = path.dirname(file);
  const base = path.basename(file);
  const suffix = options.tempSuffix ?? randomSuffix;
  const temp = path.join(dir, `.${base}.${suffix()}.tmp`);
  const backupTemp = path.join(dir, `.${base}.bak.${suffix()}.tmp`);
  try {
    const previous = await previousVersion(fs, file);
    await writeAll(fs, temp, bytes, previous);
    if (options.backup && previous) {
      // A copy written like any save (not a rename): the target must stay in place until the
      // final rename replaces it, and the .bak must be on disk before the old version goes.
      await writeAll(fs, backupTemp, await fs.readFile(file), previous);
      await fs.rename(backupTemp, `${file}.bak`);
    }
    await fs.rename(temp, file);
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
