import path from 'node:path';
import type {
  DocumentState,
  OpenOutcome,
  RecentFile,
  RecoverOutcome,
  RecoveryEntry,
  RecoveryWriteOutcome,
  RevertOutcome,
  SaveOutcome,
} from '../shared/host-api';
import type { FileService, FileStamp } from './file-service';
import {
  gpkgPathSchema,
  sanitizeSuggestedName,
  validateDocumentState,
  validateDroppedPath,
  validateNoPayload,
  validateOpenRequest,
  validateRecoveryId,
  validateRecoveryWrite,
  validateSaveRequest,
  validateSender,
} from './ipc-validation';
import { pathKey } from './path-key';
import type { RecentFiles } from './recent-files';
import type { RecoveryStore } from './recovery-store';

/**
 * The main-process side of HostApi, written against injected services so it is unit-tested
 * without Electron. main.ts adapts Electron's IPC events to `IpcSender` and registers each
 * handler on its channel (electron/ipc-channels.ts).
 */

/** Who sent a message: the window's id (webContents id) and the sending frame's URL. */
export interface IpcSender {
  windowId: number;
  frameUrl: string | null | undefined;
}

export interface DialogDeps {
  /** Native open dialog filtered to .gpkg; null when cancelled. */
  chooseOpenPath(windowId: number): Promise<string | null>;
  /** Native save dialog filtered to .gpkg; null when cancelled. */
  chooseSavePath(windowId: number, defaultPath: string): Promise<string | null>;
}

export interface IpcHandlerDeps {
  files: FileService;
  recent: RecentFiles;
  dialogs: DialogDeps;
  /** Title, menu and close guard follow the document. */
  onDocumentState?(windowId: number, state: DocumentState): void;
  /** Every finished save attempt (the close guard waits on it). */
  onSaveFinished?(windowId: number, outcome: SaveOutcome): void;
  /** Recovery snapshots of unsaved work (electron/recovery-store.ts); without it none are kept. */
  recovery?: RecoveryStore;
  /** Brings a window to the front: asked to open a file another window already has open. */
  focusWindow?(windowId: number): void;
  /** True when `filePath` names an existing regular file (a dropped path is checked before opening). */
  isFile?(filePath: string): Promise<boolean>;
  log?(message: string): void;
}

/** Thrown (rejecting the renderer's promise) only by calls whose result type has no error variant. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

interface WindowSession {
  /** File that Save writes to; null while untitled. */
  currentPath: string | null;
  /**
   * Queued by main (Open Recent, second instance, open-file, launch argument); only an
   * openProject({ queued: true }) opens it, and any other open forgets it.
   */
  pendingOpenPath: string | null;
  /** The version of currentPath this window last read or wrote; a save checks the disk still has it. */
  stamp: FileStamp | null;
  /** Recovered work: the file it came from, proposed (never overwritten unasked) by the first Save. */
  suggestedPath: string | null;
  /** This page's recovery snapshot, issued on its first autosave. */
  recoveryId: string | null;
}

/** A recovery read failure as the UI sees it (decode never yields cancelled/already_open). */
function recoverFailure(outcome: Exclude<OpenOutcome, { ok: true }>): RecoverOutcome {
  if (outcome.reason === 'cancelled' || outcome.reason === 'already_open') return { ok: false, reason: 'corrupt', detail: 'The recovery file could not be read.' };
  return { ok: false, reason: outcome.reason, detail: outcome.detail };
}

export function createIpcHandlers(deps: IpcHandlerDeps) {
  const sessions = new Map<number, WindowSession>();
  /** Left-over snapshots offered to a window: another window must not offer (or recover) the same one meanwhile. */
  const claims = new Map<string, number>();
  const log = deps.log ?? (() => undefined);

  const session = (windowId: number): WindowSession => {
    let s = sessions.get(windowId);
    if (!s) {
      s = { currentPath: null, pendingOpenPath: null, stamp: null, suggestedPath: null, recoveryId: null };
      sessions.set(windowId, s);
    }
    return s;
  };

  /** Another window that has `filePath` open, or null. */
  const windowWithFile = (filePath: string, except: number): number | null => {
    const key = pathKey(filePath);
    for (const [id, s] of sessions) {
      if (id !== except && s.currentPath !== null && pathKey(s.currentPath) === key) return id;
    }
    return null;
  };

  /**
   * The page was reloaded or navigated: its state is gone. Its snapshot stays on disk and is
   * offered as left-over work (a renderer crash followed by a reload lands here).
   */
  const forgetWindow = (windowId: number): void => {
    sessions.delete(windowId);
    for (const [id, owner] of claims) if (owner === windowId) claims.delete(id);
  };

  /** Snapshots that no live window owns and no other window was offered: work of a session that crashed. */
  const leftOverRecoveries = async (windowId: number): Promise<RecoveryEntry[]> => {
    if (!deps.recovery) return [];
    const live = new Set([...sessions.values()].map((s) => s.recoveryId));
    const all = await deps.recovery.list();
    return all.filter((e) => !live.has(e.id) && (claims.get(e.id) ?? windowId) === windowId);
  };

  const rememberRecent = async (filePath: string): Promise<void> => {
    // A failing recent list must never turn a successful open/save into an error.
    await deps.recent.add(filePath).catch((error: unknown) => log(`recent files not updated: ${String(error)}`));
  };

  /** Dialog results are the user's choice, but still must be absolute .gpkg paths. */
  const normaliseChosenPath = (chosen: string): string | null => {
    const withExt = chosen.toLowerCase().endsWith('.gpkg') ? chosen : `${chosen}.gpkg`;
    return gpkgPathSchema.safeParse(withExt).success ? withExt : null;
  };

  async function resolveOpenPath(windowId: number, request: { path?: string; queued?: true }): Promise<string | { refused: string } | null> {
    const s = session(windowId);
    // Whatever this request is, a queued file is used at most once: a queued open the user
    // declined in the page must not resurface on a later plain Open.
    const pending = s.pendingOpenPath;
    s.pendingOpenPath = null;
    if (request.queued) return pending;
    if (request.path !== undefined) {
      const requested = request.path;
      // The page may only name files the user already opened here (the recent list): a
      // compromised page cannot make main read arbitrary files.
      return (await deps.recent.has(requested)) ? requested : { refused: 'This file is not in the recent files list.' };
    }
    const chosen = await deps.dialogs.chooseOpenPath(windowId);
    if (chosen === null) return null;
    return path.isAbsolute(chosen) ? chosen : { refused: 'The chosen path is not absolute.' };
  }

  /** Reads `target` into window `windowId`: one window per file, recent list, disk stamp. */
  async function openTarget(windowId: number, target: string): Promise<OpenOutcome> {
    const other = windowWithFile(target, windowId);
    if (other !== null) {
      // Two windows editing one file would overwrite each other's work: show the one that has it.
      deps.focusWindow?.(other);
      const fileName = path.basename(target);
      return { ok: false, reason: 'already_open', fileName, detail: `${fileName} is already open in another window, which was brought to the front.` };
    }
    const { outcome, stamp } = await deps.files.read(target);
    if (outcome.ok) {
      const s = session(windowId);
      s.currentPath = target;
      s.stamp = stamp;
      s.suggestedPath = null;
      await rememberRecent(target);
    }
    // On refusal the current file stays as it was; a foreign GeoPackage's importable
    // document is a new untitled project, so Save will ask rather than overwrite that file.
    return outcome;
  }

  return {
    async openProject(sender: IpcSender, payload: unknown): Promise<OpenOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, reason: 'io_error', detail: from.detail };
      const request = validateOpenRequest(payload);
      if (!request.ok) return { ok: false, reason: 'io_error', detail: request.detail };
      const target = await resolveOpenPath(sender.windowId, request.value);
      if (target === null) return { ok: false, reason: 'cancelled' };
      if (typeof target !== 'string') return { ok: false, reason: 'io_error', detail: target.refused };
      return openTarget(sender.windowId, target);
    },

    async saveProject(sender: IpcSender, payload: unknown): Promise<SaveOutcome> {
      const finish = (outcome: SaveOutcome): SaveOutcome => {
        deps.onSaveFinished?.(sender.windowId, outcome);
        return outcome;
      };
      const from = validateSender(sender.frameUrl);
      // Even a refused save is a finished one: a close waiting on it must hear that it failed.
      if (!from.ok) return finish({ ok: false, reason: 'io_error', detail: from.detail });
      const request = validateSaveRequest(payload);
      if (!request.ok) return finish({ ok: false, reason: 'invalid_document', detail: request.detail });
      const s = session(sender.windowId);
      let target = request.value.saveAs ? null : s.currentPath;
      // The dialog itself confirms replacing an existing file; saving in place checks the disk instead.
      const inPlace = target !== null;
      if (target === null) {
        const suggested = sanitizeSuggestedName(request.value.suggestedName);
        // Recovered work proposes the folder of the file it came from.
        const near = s.currentPath ?? s.suggestedPath;
        const defaultPath = near ? path.join(path.dirname(near), suggested) : suggested;
        const chosen = await deps.dialogs.chooseSavePath(sender.windowId, defaultPath);
        if (chosen === null) return finish({ ok: false, reason: 'cancelled' });
        target = normaliseChosenPath(chosen);
        if (target === null) return finish({ ok: false, reason: 'io_error', detail: 'The chosen path is not a valid .gpkg path.' });
      }
      if (windowWithFile(target, sender.windowId) !== null) {
        const fileName = path.basename(target);
        return finish({ ok: false, reason: 'open_elsewhere', fileName, detail: `${fileName} is open in another window. Close it there first, or save under another name.` });
      }
      const expected = inPlace && !request.value.overwrite ? s.stamp : null;
      const { outcome, stamp } = await deps.files.write(target, request.value.document, { expected });
      if (outcome.ok) {
        s.currentPath = target;
        s.stamp = stamp;
        s.suggestedPath = null;
        await rememberRecent(target);
      }
      return finish(outcome);
    },

    async resetFile(sender: IpcSender, payload: unknown): Promise<void> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) throw new IpcRefusedError(from.detail);
      const request = validateNoPayload(payload);
      if (!request.ok) throw new IpcRefusedError(request.detail);
      const s = session(sender.windowId);
      s.currentPath = null;
      s.pendingOpenPath = null;
      s.stamp = null;
      s.suggestedPath = null;
    },

    /** Re-reads the window's own file; the page cannot name another one. */
    async revertProject(sender: IpcSender, payload: unknown): Promise<RevertOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, reason: 'io_error', detail: from.detail };
      const request = validateNoPayload(payload);
      if (!request.ok) return { ok: false, reason: 'io_error', detail: request.detail };
      const s = session(sender.windowId);
      if (s.currentPath === null) return { ok: false, reason: 'no_saved_file' };
      const { outcome, stamp } = await deps.files.read(s.currentPath);
      // A file that no longer opens leaves the document (and the known version) as they were.
      if (outcome.ok) s.stamp = stamp;
      return outcome;
    },

    async writeRecovery(sender: IpcSender, payload: unknown): Promise<RecoveryWriteOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, detail: from.detail };
      const request = validateRecoveryWrite(payload);
      if (!request.ok) return { ok: false, detail: request.detail };
      if (!deps.recovery) return { ok: false, detail: 'Recovery snapshots are not available.' };
      const s = session(sender.windowId);
      s.recoveryId ??= deps.recovery.newId();
      // The path is the main process's own knowledge; the page only names untitled work.
      const filePath = s.currentPath ?? s.suggestedPath;
      try {
        const bytes = await deps.files.encode(request.value.document);
        await deps.recovery.write(s.recoveryId, bytes, {
          fileName: filePath ? path.basename(filePath) : request.value.fileName,
          filePath,
          projectName: request.value.document.project.name,
        });
        return { ok: true, bytes: bytes.length };
      } catch (error) {
        log(`recovery snapshot not written: ${String(error)}`);
        return { ok: false, detail: `The recovery copy could not be written (${error instanceof Error ? error.message : String(error)}).` };
      }
    },

    async clearRecovery(sender: IpcSender, payload: unknown): Promise<void> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) throw new IpcRefusedError(from.detail);
      const request = validateNoPayload(payload);
      if (!request.ok) throw new IpcRefusedError(request.detail);
      const id = sessions.get(sender.windowId)?.recoveryId;
      if (id && deps.recovery) await deps.recovery.remove(id);
    },

    async listRecoveries(sender: IpcSender, payload: unknown): Promise<RecoveryEntry[]> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) throw new IpcRefusedError(from.detail);
      const request = validateNoPayload(payload);
      if (!request.ok) throw new IpcRefusedError(request.detail);
      const entries = await leftOverRecoveries(sender.windowId);
      session(sender.windowId);
      for (const entry of entries) claims.set(entry.id, sender.windowId);
      return entries;
    },

    async recoverProject(sender: IpcSender, payload: unknown): Promise<RecoverOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, reason: 'io_error', detail: from.detail };
      const request = validateRecoveryId(payload);
      if (!request.ok) return { ok: false, reason: 'io_error', detail: request.detail };
      const id = request.value;
      const notFound: RecoverOutcome = { ok: false, reason: 'not_found', detail: 'This recovery copy no longer exists.' };
      if (!deps.recovery || !(await leftOverRecoveries(sender.windowId)).some((e) => e.id === id)) return notFound;
      const stored = await deps.recovery.read(id);
      if (!stored) return notFound;
      const outcome = await deps.files.decode(stored.bytes, stored.entry.fileName ?? `${id}.gpkg`);
      // A damaged snapshot is kept: the user may still want it examined; only Discard deletes it.
      if (!outcome.ok) return recoverFailure(outcome);
      const s = session(sender.windowId);
      if (s.recoveryId && s.recoveryId !== id) await deps.recovery.remove(s.recoveryId);
      // Adopt it: autosave now replaces it and a successful save deletes it, so the work is never
      // without a copy in between.
      s.recoveryId = id;
      claims.delete(id);
      s.currentPath = null;
      s.stamp = null;
      s.suggestedPath = stored.entry.filePath;
      return { ok: true, document: outcome.document, entry: stored.entry };
    },

    async discardRecovery(sender: IpcSender, payload: unknown): Promise<void> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) throw new IpcRefusedError(from.detail);
      const request = validateRecoveryId(payload);
      if (!request.ok) throw new IpcRefusedError(request.detail);
      if (!deps.recovery || !(await leftOverRecoveries(sender.windowId)).some((e) => e.id === request.value)) {
        throw new IpcRefusedError('This recovery copy is not one offered to this window.');
      }
      claims.delete(request.value);
      await deps.recovery.remove(request.value);
    },

    async listRecent(sender: IpcSender, payload: unknown): Promise<RecentFile[]> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) throw new IpcRefusedError(from.detail);
      const request = validateNoPayload(payload);
      if (!request.ok) throw new IpcRefusedError(request.detail);
      return deps.recent.list();
    },

    /** Fire-and-forget channel: a bad message is logged and dropped. */
    setDocumentState(sender: IpcSender, payload: unknown): boolean {
      const from = validateSender(sender.frameUrl);
      const state = from.ok ? validateDocumentState(payload) : from;
      if (!state.ok) {
        log(state.detail);
        return false;
      }
      deps.onDocumentState?.(sender.windowId, state.value);
      return true;
    },

    /**
     * A .gpkg dropped on the window. The preload reads its path with webUtils.getPathForFile, so
     * only files the user dragged from the file system have one; still, the path must be
     * absolute, .gpkg and an existing file before it goes through the normal open (one window
     * per file, recent list, disk stamp).
     */
    async openDroppedPath(sender: IpcSender, payload: unknown): Promise<OpenOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, reason: 'io_error', detail: from.detail };
      const request = validateDroppedPath(payload);
      if (!request.ok) return { ok: false, reason: 'io_error', detail: request.detail };
      const fileName = path.basename(request.value);
      if (deps.isFile && !(await deps.isFile(request.value))) {
        return { ok: false, reason: 'io_error', fileName, detail: `${fileName} does not exist or is not a file.` };
      }
      // Like any open that is not the queued one, a drop forgets a queued file.
      session(sender.windowId).pendingOpenPath = null;
      return openTarget(sender.windowId, request.value);
    },

    /** Open Recent, second instance, open-file: remember the path; main then sends the 'open-queued' MenuCommand. */
    queueOpen(windowId: number, filePath: string): void {
      session(windowId).pendingOpenPath = filePath;
    },

    currentPath(windowId: number): string | null {
      return sessions.get(windowId)?.currentPath ?? null;
    },

    forgetWindow,

    /** The window closed normally (after "Don't save" if it had changes): its snapshot goes. */
    async windowClosed(windowId: number): Promise<void> {
      const id = sessions.get(windowId)?.recoveryId;
      forgetWindow(windowId);
      if (id && deps.recovery) await deps.recovery.remove(id).catch((error: unknown) => log(`recovery not removed: ${String(error)}`));
    },
  };
}

export type IpcHandlers = ReturnType<typeof createIpcHandlers>;
