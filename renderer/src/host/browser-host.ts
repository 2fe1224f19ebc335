import type { DocumentState, HostApi, OpenOutcome, SaveOutcome } from '../../../shared/host-api';
import { readProject, writeProject } from '../../../shared/project-file';
import { parkDocumentSchema } from '../../../shared/model';
import { loadSqlJs } from './sqljs';

/**
 * The browser host: the same HostApi as the desktop shell, running the shared project-file
 * code in the page. Opening uses the File System Access API where Chromium offers it (so Save
 * writes back to the same file) and a file input elsewhere; saving writes through the file
 * handle, or a save picker, or falls back to a download.
 */

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
    const SQL = await loadSqlJs();
    const result = readProject(SQL, bytes);
    if (result.ok) return { ok: true, document: result.document, fileName };
    return { ok: false, reason: result.reason, detail: result.detail, fileName, importable: result.importable };
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
  let state: DocumentState = { fileName: null, dirty: false };

  window.addEventListener('beforeunload', (event) => {
    if (state.dirty) event.preventDefault();
  });

  return {
    kind: 'browser',
    async openProject() {
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
      if (outcome.ok) handle = picked;
      return outcome;
    },
    async openBytes(bytes, fileName) {
      const outcome = await openProjectBytes(bytes, fileName);
      if (outcome.ok) handle = null;
      return outcome;
    },
    async saveProject({ document: doc, saveAs, suggestedName }): Promise<SaveOutcome> {
      const checked = parkDocumentSchema.safeParse(doc);
      if (!checked.success) return { ok: false, reason: 'invalid_document', detail: checked.error.message };
      const bytes = writeProject(await loadSqlJs(), checked.data);
      try {
        if (saveAs || !handle) {
          if (!fileAccess.showSaveFilePicker) {
            download(bytes, suggestedName);
            return { ok: true, fileName: suggestedName, bytes: bytes.byteLength };
          }
          handle = await fileAccess.showSaveFilePicker({ types: GPKG_TYPES, suggestedName });
        }
        const writable = await handle.createWritable();
        await writable.write(bytes);
        await writable.close();
        return { ok: true, fileName: handle.name, bytes: bytes.byteLength };
      } catch (error) {
        if (isAbort(error)) return { ok: false, reason: 'cancelled' };
        return { ok: false, reason: 'io_error', detail: String(error) };
      }
    },
    async resetFile() {
      handle = null;
    },
    async listRecent() {
      return [];
    },
    setDocumentState(next) {
      state = next;
      document.title = `${next.fileName ?? 'Untitled'}${next.dirty ? ' •' : ''} — EcoPark Planner`;
    },
    onMenuCommand() {
      return () => {};
    },
  };
}
