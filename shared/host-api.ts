import type { ParkDocument } from './model/document';

/**
 * The typed contract between the UI and its host (DESIGN.md §1). The desktop shell exposes it
 * as `window.ecopark` through the preload; the browser host implements it in the page. Every
 * payload crossing IPC is validated in the main process (electron/ipc-validation.ts).
 */

/** Why a file could not be opened; the UI turns each into a message (renderer i18n). */
export const OPEN_FAILURE_REASONS = [
  'not_sqlite',
  'not_geopackage',
  'foreign_geopackage',
  'newer_version',
  'corrupt',
  'io_error',
] as const;
export type OpenFailureReason = (typeof OPEN_FAILURE_REASONS)[number];

export type OpenOutcome =
  | { ok: true; document: ParkDocument; fileName: string; filePath?: string }
  | { ok: false; reason: 'cancelled' }
  | {
      ok: false;
      reason: OpenFailureReason;
      /** Plain-language detail for the message (English; the UI adds a translated lead). */
      detail: string;
      fileName?: string;
      /** For `foreign_geopackage`: its layers imported as a new, unsaved project to offer. */
      importable?: ParkDocument;
    };

export type SaveOutcome =
  | { ok: true; fileName: string; filePath?: string; bytes: number }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'invalid_document' | 'io_error'; detail: string };

export interface RecentFile {
  path: string;
  fileName: string;
  openedAt: string;
}

/** Commands the host's native menu sends to the UI. */
export const MENU_COMMANDS = ['new', 'open', 'open-sample', 'save', 'save-as', 'revert', 'export-report', 'import', 'export', 'close', 'undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface DocumentState {
  /** File name shown in the title, or null for an untitled project. */
  fileName: string | null;
  /** Unsaved changes exist: the title shows a marker and closing asks first. */
  dirty: boolean;
  /** Label of the next undo, for the Edit menu ("Undo Subdivide block"), or null. */
  undoLabel?: string | null;
  redoLabel?: string | null;
}

export interface HostApi {
  readonly kind: 'desktop' | 'browser';
  /** Shows an open dialog (or opens `path` from the recent list) and reads the project. */
  openProject(request?: { path?: string }): Promise<OpenOutcome>;
  /** Opens a file the user dropped or picked in the page (browser host). */
  openBytes?(bytes: Uint8Array, fileName: string): Promise<OpenOutcome>;
  /** Saves to the current file, or asks where when `saveAs` or the project is untitled. */
  saveProject(request: { document: ParkDocument; saveAs: boolean; suggestedName: string }): Promise<SaveOutcome>;
  /** Forgets the current file (New / Close), so the next save asks where. */
  resetFile(): Promise<void>;
  listRecent(): Promise<RecentFile[]>;
  /** Keeps the window title and the close confirmation in step with the document. */
  setDocumentState(state: DocumentState): void;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
