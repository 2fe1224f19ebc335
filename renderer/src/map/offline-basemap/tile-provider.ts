import type { HostApi, TileFileOutcome } from '../../../../shared/host-api';
import { openTileArchive, type TileArchive, type TileFileAccess } from '../../../../shared/tile-archive';
import { loadSqlJs } from '../../host/sqljs';
import { translate, type Lang } from '../../i18n/strings';
import { useUiStore } from '../../state/ui-store';
import { createHandleStore, type HandleStore } from './handle-store';

/**
 * Where the offline basemap file lives. Desktop: in the main process, which chose it in a native
 * dialog, remembers its path and answers z/x/y requests. Browser: in the page, from a File
 * System Access handle kept in IndexedDB (or, without that API, a file input, for this session).
 */

export type RestoreOutcome = TileFileOutcome | { ok: false; reason: 'needs_permission'; fileName: string };

export interface TileFileProvider {
  readonly kind: 'desktop' | 'browser';
  choose(): Promise<TileFileOutcome & { remembered?: boolean }>;
  /** The remembered file at start-up. */
  restore(): Promise<RestoreOutcome>;
  /** Browser: asks for read permission again (needs a user gesture), then opens. */
  reconnect(): Promise<TileFileOutcome>;
  forget(): Promise<void>;
  readTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
}

export function desktopProvider(host: Required<Pick<HostApi, 'chooseTileFile' | 'currentTileFile' | 'forgetTileFile' | 'readTile'>>): TileFileProvider {
  return {
    kind: 'desktop',
    choose: () => host.chooseTileFile(),
    restore: () => host.currentTileFile(),
    reconnect: () => host.currentTileFile(),
    forget: () => host.forgetTileFile(),
    readTile: (z, x, y) => host.readTile({ z, x, y }),
  };
}

/** The parts of FileSystemFileHandle used here (typed structurally: not in every DOM lib). */
export interface FileHandleLike {
  readonly name: string;
  getFile(): Promise<File>;
  queryPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
}

export interface BrowserProviderDeps {
  /** The File System Access picker, looked up at each use (absent outside Chromium). */
  filePicker: () => ((options: object) => Promise<FileHandleLike[]>) | undefined;
  pickWithInput: () => Promise<File | null>;
  handles: HandleStore;
  /** UI language at the moment of asking (the picker's file-type description). */
  lang?: () => Lang;
}

/** A File read by Blob slices: a PMTiles archive never enters memory whole. */
export function fileAccess(file: File): TileFileAccess {
  return {
    name: file.name,
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
    readAll: async () => new Uint8Array(await file.arrayBuffer()),
  };
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

export function browserProvider(deps: BrowserProviderDeps): TileFileProvider {
  let archive: TileArchive | null = null;
  let waiting: FileHandleLike | null = null;

  async function open(file: File): Promise<TileFileOutcome> {
    const result = await openTileArchive(fileAccess(file), loadSqlJs);
    if (!result.ok) return { ok: false, reason: result.reason, cause: result.cause, detail: result.detail, fileName: file.name };
    archive?.close();
    archive = result.archive;
    return { ok: true, info: archive.info };
  }

  async function openHandle(handle: FileHandleLike): Promise<TileFileOutcome> {
    let file: File;
    try {
      file = await handle.getFile();
    } catch (error) {
      const missing = error instanceof DOMException && error.name === 'NotFoundError';
      return { ok: false, reason: missing ? 'missing' : 'io_error', cause: { code: missing ? 'missing' : 'read_failed' }, detail: error instanceof Error ? error.message : String(error), fileName: handle.name };
    }
    return open(file);
  }

  return {
    kind: 'browser',
    async choose() {
      try {
        const picker = deps.filePicker();
        if (picker) {
          const [handle] = await picker({
            types: [{ description: translate(deps.lang?.() ?? 'en', 'basemap.file.pickerDescription'), accept: { 'application/octet-stream': ['.pmtiles', '.mbtiles'] } }],
          });
          const outcome = await openHandle(handle);
          if (!outcome.ok) return outcome;
          waiting = null;
          const remembered = await deps.handles.put(handle).then(
            () => true,
            () => false,
          );
          return { ...outcome, remembered };
        }
        const file = await deps.pickWithInput();
        if (!file) return { ok: false, reason: 'cancelled' };
        const outcome = await open(file);
        if (outcome.ok) await deps.handles.clear().catch(() => undefined); // an older remembered handle would come back on restart
        return { ...outcome, remembered: false };
      } catch (error) {
        if (isAbort(error)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'io_error', cause: { code: 'read_failed' }, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async restore() {
      const handle = await deps.handles.get().catch(() => null);
      if (!handle) return { ok: false, reason: 'none' };
      const permission = (await handle.queryPermission?.({ mode: 'read' }).catch(() => 'prompt' as const)) ?? 'granted';
      if (permission !== 'granted') {
        waiting = handle;
        return { ok: false, reason: 'needs_permission', fileName: handle.name };
      }
      return openHandle(handle);
    },
    async reconnect() {
      const handle = waiting ?? (await deps.handles.get().catch(() => null));
      if (!handle) return { ok: false, reason: 'none' };
      const permission = (await handle.requestPermission?.({ mode: 'read' }).catch(() => 'denied' as const)) ?? 'granted';
      if (permission !== 'granted') {
        return { ok: false, reason: 'io_error', cause: { code: 'permission_denied' }, detail: 'Permission to read the file was not given.', fileName: handle.name };
      }
      waiting = null;
      return openHandle(handle);
    },
    async forget() {
      archive?.close();
      archive = null;
      waiting = null;
      await deps.handles.clear().catch(() => undefined);
    },
    async readTile(z, x, y) {
      return archive ? archive.getTile(z, x, y) : null;
    },
  };
}

function pickWithInput(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.pmtiles,.mbtiles';
    input.dataset.testid = 'offline-basemap-input';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

let provider: TileFileProvider | null = null;

/** The provider for this host (desktop when the preload offers the tile calls). */
export function getTileFileProvider(host: HostApi): TileFileProvider {
  if (provider) return provider;
  const { chooseTileFile, currentTileFile, forgetTileFile, readTile } = host;
  provider =
    chooseTileFile && currentTileFile && forgetTileFile && readTile
      ? desktopProvider({ chooseTileFile, currentTileFile, forgetTileFile, readTile })
      : browserProvider({
          filePicker: () => (window as unknown as { showOpenFilePicker?: ReturnType<BrowserProviderDeps['filePicker']> }).showOpenFilePicker?.bind(window),
          pickWithInput,
          handles: createHandleStore(),
          lang: () => useUiStore.getState().lang,
        });
  return provider;
}
