import type { DocumentState, HostApi, OpenOutcome, RevertOutcome, SaveOutcome } from '../../../shared/host-api';
import { decodeProject, encodeProject } from './project-file-encoder';
import { parkDocumentSchema } from '../../../shared/model';
import { createBrowserRecovery, createIndexedDbKv, createWebLocks } from './browser-recovery';
import { translate } from '../i18n/strings';

/**
 * The browser host: the same HostApi as the desktop shell, running the shared project-file
 * code in the page. Opening uses the File System Access API where Chromium offers it (so Save
 * writes back to the same file) and a file input elsewhere; saving writes through the file
 * handle, or a save picker, or falls back to a download. Recovery snapshots live in IndexedDB
 * (browser-recovery.ts).
 */

/** Version of a file as this page last read or wrote it (File.lastModified is in ms). */
interface KnownVersion {
  lastModified: number;
  size: number;
}

const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface FileHandleLike {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void> }>;
}
type PickerOptions = { types?: { description: string; accept: Record<string, string[]> }[]; suggestedName?: string };
interface FileAccessWindow {
  showOpenFilePicker?: (options?: PickerOptions) => Promise<FileHandleLike[]>;
  showSaveFilePicker?: (options?: PickerOptions) => Promise<FileHandleLike>;
}

const GPKG_TYPES = [{ description: 'EcoPark project (GeoPackage)', accept: { 'application/geopackage+sqlite3': ['.gpkg'] } }];

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Reads the bytes of a project and turns them into an OpenOutcome; never throws. */
export async function openProjectBytes(bytes: Uint8Array, fileName: string): Promise<OpenOutcome> {
  try {
    const result = await decodeProject(bytes);
    if (result.ok) return { ok: true, document: result.document, fileName };
    return { ok: false, reason: result.reason, detail: result.detail, fileName, importable: result.importable, limit: result.limit };
  } catch (error) {
    return { ok: false, reason: 'io_error', detail: String(error), fileName };
  }
}

function pickWithInput(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.gpkg';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/geopackage+sqlite3' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createBrowserHost(): HostApi {
  const fileAccess = window as unknown as FileAccessWindow;
  let handle: FileHandleLike | null = null;
  /** What `handle` held when this page last read or wrote it; a save checks the file still does. */
  let known: KnownVersion | null = null;
  let state: DocumentState = { fileName: null, dirty: false };
  const recovery = createBrowserRecovery({
    kv: createIndexedDbKv(),
    locks: createWebLocks(),
    newId: randomId,
    now: () => new Date(),
    appVersion: APP_VERSION,
    encode: encodeProject,
    decode: openProjectBytes,
  });

  const remember = async (from: FileHandleLike | null): Promise<void> => {
    if (!from) {
      known = null;
      return;
    }
    try {
      const file = await from.getFile();
      known = { lastModified: file.lastModified, size: file.size };
    } catch {
      known = null;
    }
  };

  window.addEventListener('beforeunload', (event) => {
    if (state.dirty) event.preventDefault();
  });

  return {
    kind: 'browser',
    async openProject(request) {
      // The browser queues no files ('open-queued' is the desktop shell's): nothing to open.
      if (request?.queued) return { ok: false, reason: 'cancelled' };
      let file: File | null;
      let picked: FileHandleLike | null = null;
      try {
        if (fileAccess.showOpenFilePicker) {
          [picked] = await fileAccess.showOpenFilePicker({ types: GPKG_TYPES });
          file = await picked.getFile();
        } else {
          file = await pickWithInput();
        }
      } catch (error) {
        if (isAbort(error)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'io_error', detail: String(error) };
      }
      if (!file) return { ok: false, reason: 'cancelled' };
      const outcome = await openProjectBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      if (outcome.ok) {
        handle = picked;
        known = { lastModified: file.lastModified, size: file.size };
      }
      return outcome;
    },
    async openBytes(bytes, fileName) {
      const outcome = await openProjectBytes(bytes, fileName);
      if (outcome.ok) {
        handle = null;
        known = null;
      }
      return outcome;
    },
    async saveProject({ document: doc, saveAs, suggestedName, overwrite }): Promise<SaveOutcome> {
      const checked = parkDocumentSchema.safeParse(doc);
      if (!checked.success) return { ok: false, reason: 'invalid_document', detail: checked.error.message };
      const bytes = await encodeProject(checked.data);
      try {
        if (saveAs || !handle) {
          if (!fileAccess.showSaveFilePicker) {
            download(bytes, suggestedName);
            return { ok: true, fileName: suggestedName, bytes: bytes.byteLength, unconfirmed: true };
          }
          // The picker itself asks before replacing an existing file.
          handle = await fileAccess.showSaveFilePicker({ types: GPKG_TYPES, suggestedName });
        } else if (known && !overwrite) {
          const onDisk = await handle.getFile().catch(() => null);
          if (onDisk && (onDisk.lastModified !== known.lastModified || onDisk.size !== known.size)) {
            return {
              ok: false,
              reason: 'changed_on_disk',
              fileName: handle.name,
              detail: `${handle.name} was changed on disk by another program or tab since it was opened or last saved here. Nothing was written.`,
            };
          }
        }
        // createWritable writes to a swap file that replaces the original only on close():
        // a failure before that leaves the old file whole.
        const writable = await handle.createWritable();
        await writable.write(bytes);
        await writable.close();
        await remember(handle);
        return { ok: true, fileName: handle.name, bytes: bytes.byteLength };
      } catch (error) {
        if (isAbort(error)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'io_error', detail: String(error) };
      }
    },
    async resetFile() {
      handle = null;
      known = null;
    },
    async revertProject(): Promise<RevertOutcome> {
      if (!handle) return { ok: false, reason: 'no_saved_file' };
      let file: File;
      try {
        file = await handle.getFile();
      } catch (error) {
        return { ok: false, reason: 'io_error', detail: String(error), fileName: handle.name };
      }
      const outcome = await openProjectBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      if (outcome.ok) known = { lastModified: file.lastModified, size: file.size };
      return outcome;
    },
    writeRecovery: ({ document: doc, fileName }) => recovery.write(doc, fileName),
    clearRecovery: () => recovery.clear(),
    listRecoveries: () => recovery.list(),
    async recoverProject(id) {
      const outcome = await recovery.recover(id);
      // Recovered work has no file yet: the first Save asks where (proposing the original name).
      if (outcome.ok) {
        handle = null;
        known = null;
      }
      return outcome;
    },
    discardRecovery: (id) => recovery.discard(id),
    async listRecent() {
      return [];
    },
    setDocumentState(next) {
      state = next;
      // The sample and imports are named by their display name, saved work by its file (issue 13).
      const name = next.displayName || next.fileName || translate(next.lang ?? 'en', 'status.untitled');
      document.title = `${name}${next.dirty ? ' •' : ''} — EcoPark Planner`;
    },
    onMenuCommand() {
      return () => {};
    },
  };
}
