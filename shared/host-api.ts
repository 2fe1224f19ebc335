import type { ParkDocument } from './model/document';
import type { LimitExceeded } from './limits';
import type { TileArchiveInfo, TileArchiveRefusal, TileRefusalCause } from './tile-archive/types';

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
  /** Past one of shared/limits.ts's limits: not damaged, but larger than the app opens safely. */
  'limit_exceeded',
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
      /** For `limit_exceeded`: which limit, its maximum and the value met (the UI words it). */
      limit?: LimitExceeded;
    }
  /** The file is already open in another window of the app, which was brought to the front instead. */
  | { ok: false; reason: 'already_open'; detail: string; fileName: string };

export type SaveOutcome =
  | {
      ok: true;
      fileName: string;
      filePath?: string;
      bytes: number;
      /** Handed to the browser as a download (no file access API): whether it was kept is unknown. */
      unconfirmed?: true;
    }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'invalid_document' | 'io_error'; detail: string }
  /**
   * The file changed on disk since this window opened or last saved it (another program or
   * window wrote it). Nothing was written: the UI asks, then saves again with `overwrite: true`
   * or as a new file.
   */
  | { ok: false; reason: 'changed_on_disk'; detail: string; fileName: string }
  /**
   * The chosen file is open in another window of the app: nothing was written. The UI says so
   * in its own language (`detail` is English, for logs).
   */
  | { ok: false; reason: 'open_elsewhere'; detail: string; fileName: string };

/** Revert to saved: the file re-read from disk, or why not. */
export type RevertOutcome = OpenOutcome | { ok: false; reason: 'no_saved_file' };

/**
 * A recovery snapshot of unsaved work left behind by a session that is no longer running (a
 * crash). The host issues the id; the UI names a snapshot only by it.
 */
export interface RecoveryEntry {
  id: string;
  /** Name of the file the work belonged to, or null for an untitled project. */
  fileName: string | null;
  /** Full path of that file (desktop), for display only. */
  filePath: string | null;
  projectName: string;
  /** When the snapshot was written, ISO 8601. */
  savedAt: string;
  appVersion: string;
  bytes: number;
  /** Features in the scenario that was active, and its name: tells apart copies of one project. */
  featureCount?: number;
  scenarioName?: string;
  /**
   * Set when the stored copy is malformed (names the first bad field): it is listed so the user
   * knows it exists and can discard it, but it cannot be recovered.
   */
  damagedField?: string;
}

export type RecoveryWriteOutcome = { ok: true; bytes: number } | { ok: false; detail: string };

export type RecoverOutcome =
  | { ok: true; document: ParkDocument; entry: RecoveryEntry }
  | { ok: false; reason: 'not_found' | OpenFailureReason; detail: string };

export interface RecentFile {
  path: string;
  fileName: string;
  openedAt: string;
}

/** Commands the host's native menu sends to the UI. */
export const MENU_COMMANDS = ['new', 'open',
  // Opens the file main queued (Open Recent, a second launch, macOS open-file, a launch argument):
  // the only request that may consume it, so a declined one never resurfaces on a later Ctrl+O.
  'open-queued',
  'open-sample', 'save', 'save-as', 'revert', 'export-report', 'import', 'export', 'close', 'undo', 'redo',
  // Desktop conventions (issue 7): Edit, View, Analysis and Help menus; the page owns what they open.
  'delete', 'settings', 'about', 'help', 'guide', 'tour',
  'toggle-legend', 'toggle-features', 'toggle-3d', 'zoom-to-park',
  'show-land-use', 'show-compliance', 'show-plots', 'show-solar', 'show-compare',
  // Another window chose or forgot the offline basemap file (one per app): reload it.
  'offline-basemap-changed'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The answer to "Save your changes?": save first, close without saving, or stay. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface DocumentState {
  /** Name of the file Save writes to, or null for an untitled project. */
  fileName: string | null;
  /**
   * Name the title and the unsaved-changes question show: the file's name, or for an untitled
   * project what it came from (the sample's park name, an imported file's name). Null or absent:
   * "Untitled". Never used to decide where Save writes.
   */
  displayName?: string | null;
  /** Unsaved changes exist: the title shows a marker and closing asks first. */
  dirty: boolean;
  /**
   * The document was read from (or saved to) a file the host can re-read, so Revert to saved
   * applies. False for recovered work and imports, even when they carry a file name.
   */
  hasFile?: boolean;
  /** Label of the next undo, for the Edit menu ("Undo Subdivide block"), or null. */
  undoLabel?: string | null;
  redoLabel?: string | null;
  /** UI language: the native menus and the main process's own dialogs follow it. */
  lang?: 'en' | 'vi';
  /** Which View panels are shown, so the View menu's checkboxes match the page. */
  view?: { legend: boolean; features: boolean; view3d: boolean };
}

/** A DOM `File` from a drop event (shared/ has no DOM types, hence the structural stand-in). */
export interface DroppedFile {
  readonly name: string;
}

/** Versions of the desktop runtime, shown in the About box (absent in the browser). */
export interface RuntimeVersions {
  electron: string;
  chrome: string;
  node: string;
}

/**
 * The offline basemap file (.pmtiles/.mbtiles): opened, or why not. `none`: nothing remembered;
 * `missing`: the remembered file is no longer there (the choice is kept for when it returns).
 */
export type TileFileOutcome =
  | { ok: true; info: TileArchiveInfo }
  | { ok: false; reason: 'cancelled' | 'none' }
  | { ok: false; reason: TileArchiveRefusal | 'missing'; cause: TileRefusalCause; /** English, for logs only. */ detail: string; fileName?: string };

export interface HostApi {
  readonly kind: 'desktop' | 'browser';
  /**
   * Shows an open dialog (or opens `path` from the recent list) and reads the project.
   * `queued`: opens the file the host queued for this window ('open-queued' menu command)
   * instead, or is cancelled when none is queued; a plain open forgets any queued file.
   */
  openProject(request?: { path?: string; queued?: boolean }): Promise<OpenOutcome>;
  /** Opens a file the user dropped or picked in the page (browser host). */
  openBytes?(bytes: Uint8Array, fileName: string): Promise<OpenOutcome>;
  /**
   * Desktop: opens a .gpkg dropped on the window by its path on disk, so Save writes back to
   * it. Resolves null when the File has no path (not from the file system): use openBytes.
   */
  openDroppedFile?(file: DroppedFile): Promise<OpenOutcome | null>;
  /** Desktop: Electron, Chromium and Node versions for the About box. */
  readonly runtimeVersions?: RuntimeVersions;
  /**
   * Saves to the current file, or asks where when `saveAs` or the project is untitled. Saving in
   * place returns `changed_on_disk` when someone else wrote the file meanwhile, unless
   * `overwrite` (the user's answer to that question) is set.
   */
  saveProject(request: { document: ParkDocument; saveAs: boolean; suggestedName: string; overwrite?: boolean }): Promise<SaveOutcome>;
  /** Re-reads the current file from disk (the host knows which; the page never names it). */
  revertProject(): Promise<RevertOutcome>;
  /** Replaces this session's recovery snapshot of unsaved work (never beside the user's file). */
  writeRecovery(request: { document: ParkDocument; fileName: string | null }): Promise<RecoveryWriteOutcome>;
  /** Deletes this session's snapshot: the work was saved or deliberately discarded. */
  clearRecovery(): Promise<void>;
  /** Snapshots of sessions that are no longer running, newest first (damaged ones last). */
  listRecoveries(): Promise<RecoveryEntry[]>;
  /**
   * Reads a listed snapshot; on success it becomes this session's own snapshot (kept until the
   * work is saved) and the next Save asks where, proposing the original file.
   */
  recoverProject(id: string): Promise<RecoverOutcome>;
  /** Deletes a listed snapshot the user chose to discard. */
  discardRecovery(id: string): Promise<void>;
  /** Forgets the current file (New / Close), so the next save asks where. */
  resetFile(): Promise<void>;
  listRecent(): Promise<RecentFile[]>;
  /** Keeps the window title and the close confirmation in step with the document. */
  setDocumentState(state: DocumentState): void;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Desktop: the window is being closed with unsaved changes. `ask` puts the page's own
   * Save / Don't save / Cancel question and resolves with the answer; the host then saves
   * (through the 'save' menu command), closes or stays. `withdraw` takes that question away
   * when the host stopped waiting for it (the page was too slow, the native box asked
   * instead). Returns the unsubscribe function.
   */
  onCloseRequest?(listener: { ask(): Promise<UnsavedChoice>; withdraw(): void }): () => void;
  /**
   * Desktop: offline basemap file. The main process shows the dialog, opens and remembers the
   * file and serves its tiles; the page only ever asks for z/x/y. (The browser host keeps its
   * own file handle in the page: renderer/src/map/offline-basemap.)
   */
  chooseTileFile?(): Promise<TileFileOutcome>;
  /** The remembered offline basemap file, reopened. */
  currentTileFile?(): Promise<TileFileOutcome>;
  forgetTileFile?(): Promise<void>;
  /** One tile (XYZ) of the current offline file, vector tiles uncompressed; null where it has none. */
  readTile?(request: { z: number; x: number; y: number }): Promise<Uint8Array | null>;
}
