import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { TileFileOutcome } from '../shared/host-api';
import { describeLimitExceeded } from '../shared/limits';
import { openTileArchive, type TileArchive, type TileFileAccess } from '../shared/tile-archive';
import { atomicWriteFile, type AtomicFs } from './atomic-write';
import { validateNoPayload, validateSender, validateTileRequest } from './ipc-validation';
import type { IpcSender } from './ipc-handlers';

/**
 * The desktop side of the offline basemap: the user picks a .pmtiles/.mbtiles file in a native
 * dialog, the main process opens it, remembers its path in the user-data folder and answers
 * the page's tile requests (z/x/y only: the page never names a path). PMTiles are read by byte
 * ranges from an open file handle, never whole; MBTiles go through sql.js, whole in memory,
 * within MBTILES_MAX_BYTES. Every inflate here runs in the main process, so it runs under the
 * tile limits of shared/limits.ts (a gzip bomb tile is a logged gap, a bomb directory or
 * metadata a refused file). Written against injected fs and dialog so it is unit-tested
 * without Electron.
 */

/** Extensions the dialog offers (the content, not the name, decides what a file is). */
export const TILE_FILE_EXTENSIONS = ['pmtiles', 'mbtiles'];

/** The subset of node:fs/promises that reads the tile file and the remembered choice. */
export interface TileFileFs {
  open(
    filePath: string,
    flags: 'r',
  ): Promise<{
    stat(): Promise<{ size: number }>;
    read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
    close(): Promise<void>;
  }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export interface TileFileServiceDeps {
  fs: TileFileFs;
  /** Writes the remembered choice, through the one atomic writer (node:fs/promises in main). */
  storeFs: AtomicFs;
  loadSql: () => Promise<SqlJsStatic>;
  /** JSON file in app.getPath('userData') holding the remembered path. */
  storePath: string;
  /** Native open dialog filtered to .pmtiles/.mbtiles; null when cancelled. */
  chooseTilePath(windowId: number): Promise<string | null>;
  log?(message: string): void;
}

interface OpenFile {
  path: string;
  archive: TileArchive;
  close(): Promise<void>;
}

export function createTileFileService(deps: TileFileServiceDeps) {
  const log = deps.log ?? (() => undefined);
  let current: OpenFile | null = null;
  /** Bumped by every choose/forget, so a slow start-up open can tell it was overtaken. */
  let changes = 0;

  async function openAt(filePath: string): Promise<{ ok: true; file: OpenFile } | Extract<TileFileOutcome, { detail: string }>> {
    const fileName = path.basename(filePath);
    let handle: Awaited<ReturnType<TileFileFs['open']>>;
    try {
      handle = await deps.fs.open(filePath, 'r');
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'ENOENT'
        ? { ok: false, reason: 'missing', cause: { code: 'missing' }, detail: `${filePath} does not exist any more (moved, renamed, or on a drive that is not connected).`, fileName }
        : { ok: false, reason: 'io_error', cause: { code: 'read_failed' }, detail: `${filePath} cannot be read (${String(error)}).`, fileName };
    }
    const { size } = await handle.stat();
    const access: TileFileAccess = {
      name: fileName,
      size,
      async read(offset, length) {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        let filled = 0;
        while (filled < buffer.length) {
          const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return buffer.subarray(0, filled);
      },
      readAll: () => deps.fs.readFile(filePath),
    };
    const result = await openTileArchive(access, deps.loadSql, {
      onTileRefused: (exceeded) => log(`offline basemap tile left out: ${describeLimitExceeded(exceeded, 'en')}`),
    });
    if (!result.ok) {
      await handle.close().catch(() => undefined);
      return { ok: false, reason: result.reason, cause: result.cause, detail: result.detail, fileName };
    }
    // An MBTiles archive lives in memory from here on: its handle is not needed.
    if (result.archive.info.format === 'mbtiles') await handle.close().catch(() => undefined);
    const archive = result.archive;
    return {
      ok: true,
      file: {
        path: filePath,
        archive,
        async close() {
          archive.close();
          if (archive.info.format === 'pmtiles') await handle.close().catch(() => undefined);
        },
      },
    };
  }

  async function remember(filePath: string | null): Promise<void> {
    // A crash leaves the old choice or the new, never half of one.
    await atomicWriteFile(deps.storeFs, deps.storePath, new TextEncoder().encode(JSON.stringify({ path: filePath })));
  }

  async function rememberedPath(): Promise<string | null> {
    try {
      const stored = JSON.parse(new TextDecoder().decode(await deps.fs.readFile(deps.storePath))) as { path?: unknown };
      return typeof stored.path === 'string' && path.isAbsolute(stored.path) ? stored.path : null;
    } catch {
      return null; // no choice yet, or an unreadable store: start without an offline file
    }
  }

  async function replaceCurrent(next: OpenFile | null): Promise<void> {
    changes += 1;
    const previous = current;
    current = next;
    if (previous && previous !== next) await previous.close();
  }

  return {
    /** Dialog → open → remember. A refused file leaves the current one in place. */
    async choose(windowId: number): Promise<TileFileOutcome> {
      const chosen = await deps.chooseTilePath(windowId);
      if (chosen === null) return { ok: false, reason: 'cancelled' };
      if (!path.isAbsolute(chosen)) return { ok: false, reason: 'io_error', cause: { code: 'read_failed' }, detail: 'The chosen path is not absolute.' };
      const opened = await openAt(chosen);
      if (!opened.ok) {
        log(`offline basemap refused: ${opened.detail}`);
        return opened;
      }
      await replaceCurrent(opened.file);
      await remember(chosen).catch((error: unknown) => log(`offline basemap choice not saved: ${String(error)}`));
      return { ok: true, info: opened.file.archive.info };
    },

    /** The remembered file (opened on first ask), or reason 'none'. */
    async current(): Promise<TileFileOutcome> {
      if (current) return { ok: true, info: current.archive.info };
      const seen = changes;
      const remembered = await rememberedPath();
      if (!remembered) return { ok: false, reason: 'none' };
      const opened = await openAt(remembered);
      // A choose or forget (or another current()) finished while this file was opening: theirs
      // is newer. Close the one just opened rather than replace (and leak) theirs.
      const newer = current as OpenFile | null; // may have changed during the awaits above
      if (changes !== seen || newer) {
        if (opened.ok) await opened.file.close();
        return newer ? { ok: true, info: newer.archive.info } : { ok: false, reason: 'none' };
      }
      if (!opened.ok) {
        log(`offline basemap not reopened: ${opened.detail}`);
        return opened; // still remembered: the drive may come back
      }
      await replaceCurrent(opened.file);
      return { ok: true, info: opened.file.archive.info };
    },

    async forget(): Promise<void> {
      await replaceCurrent(null);
      await remember(null).catch((error: unknown) => log(`offline basemap choice not cleared: ${String(error)}`));
    },

    async readTile(z: number, x: number, y: number): Promise<Uint8Array | null> {
      return current ? current.archive.getTile(z, x, y) : null;
    },

    /** Path of the open file, for logs and tests (never sent to the page). */
    currentPath(): string | null {
      return current?.path ?? null;
    },

    /** Closes the open file (at quit); the choice stays remembered for the next start. */
    close: () => replaceCurrent(null),
  };
}

export type TileFileService = ReturnType<typeof createTileFileService>;

/**
 * IPC handlers over the service: sender checked, payloads validated (electron/ipc-validation.ts).
 * The file is one per app, so after a window chose or forgot it `onChanged(windowId)` lets main
 * tell every other window to reload it.
 */
export function createTileFileIpc(
  service: TileFileService,
  log: (message: string) => void = () => undefined,
  onChanged: (windowId: number) => void = () => undefined,
) {
  const refused = (detail: string): TileFileOutcome => {
    log(detail);
    return { ok: false, reason: 'io_error', cause: { code: 'request_refused' }, detail };
  };
  return {
    async chooseTileFile(sender: IpcSender, payload: unknown): Promise<TileFileOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return refused(from.detail);
      const none = validateNoPayload(payload);
      if (!none.ok) return refused(none.detail);
      const outcome = await service.choose(sender.windowId);
      if (outcome.ok) onChanged(sender.windowId);
      return outcome;
    },
    async currentTileFile(sender: IpcSender, payload: unknown): Promise<TileFileOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return refused(from.detail);
      const none = validateNoPayload(payload);
      if (!none.ok) return refused(none.detail);
      return service.current();
    },
    async forgetTileFile(sender: IpcSender, payload: unknown): Promise<void> {
      const from = validateSender(sender.frameUrl);
      const none = from.ok ? validateNoPayload(payload) : from;
      if (!none.ok) {
        log(none.detail);
        return;
      }
      await service.forget();
      onChanged(sender.windowId);
    },
    async readTile(sender: IpcSender, payload: unknown): Promise<Uint8Array | null> {
      const from = validateSender(sender.frameUrl);
      const request = from.ok ? validateTileRequest(payload) : from;
      if (!request.ok) {
        log(request.detail);
        return null;
      }
      const { z, x, y } = request.value;
      return service.readTile(z, x, y);
    },
  };
}
