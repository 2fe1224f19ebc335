import path from 'node:path';
import type { OpenOutcome, RevertOutcome, SaveOutcome } from '../../shared/host-api';
import type { FileService } from '../file-service';
import {
  gpkgPathSchema,
  sanitizeSuggestedName,
  validateDroppedPath,
  validateNoPayload,
  validateOpenRequest,
  validateSaveRequest,
  validateSender,
} from '../ipc-validation';
import type { RecentFiles } from '../recent-files';
import { acceptOrRefuse, type IpcSender, validateCall } from './ipc-sender';
import type { WindowSessions } from './window-sessions';

export interface DialogDeps {
  /** Native open dialog filtered to .gpkg; null when cancelled. */
  chooseOpenPath(windowId: number): Promise<string | null>;
  /** Native save dialog filtered to .gpkg; null when cancelled. */
  chooseSavePath(windowId: number, defaultPath: string): Promise<string | null>;
}

/** What the project-file handlers (open, save, revert, drop, queued open) need. */
export interface ProjectHandlerDeps {
  files: Pick<FileService, 'read' | 'write'>;
  recent: Pick<RecentFiles, 'add' | 'has'>;
  dialogs: DialogDeps;
  /** Every finished save attempt (the close guard waits on it). */
  onSaveFinished?(windowId: number, outcome: SaveOutcome): void;
  /** Brings a window to the front: asked to open a file another window already has open. */
  focusWindow?(windowId: number): void;
  /** True when `filePath` names an existing regular file (a dropped path is checked before opening). */
  isFile?(filePath: string): Promise<boolean>;
  log?(message: string): void;
}

/** The window's project file: which one it has, reading and writing it, one window per file. */
export function createProjectHandlers(sessions: WindowSessions, deps: ProjectHandlerDeps) {
  const { session, windowWithFile } = sessions;
  const log = deps.log ?? (() => undefined);

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
      const request = validateCall(sender, payload, validateOpenRequest);
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
      acceptOrRefuse(sender, payload, validateNoPayload);
      const s = session(sender.windowId);
      s.currentPath = null;
      s.pendingOpenPath = null;
      s.stamp = null;
      s.suggestedPath = null;
    },

    /** Re-reads the window's own file; the page cannot name another one. */
    async revertProject(sender: IpcSender, payload: unknown): Promise<RevertOutcome> {
      const request = validateCall(sender, payload, validateNoPayload);
      if (!request.ok) return { ok: false, reason: 'io_error', detail: request.detail };
      const s = session(sender.windowId);
      if (s.currentPath === null) return { ok: false, reason: 'no_saved_file' };
      const { outcome, stamp } = await deps.files.read(s.currentPath);
      // A file that no longer opens leaves the document (and the known version) as they were.
      if (outcome.ok) s.stamp = stamp;
      return outcome;
    },

    /**
     * A .gpkg dropped on the window. The preload reads its path with webUtils.getPathForFile, so
     * only files the user dragged from the file system have one; still, the path must be
     * absolute, .gpkg and an existing file before it goes through the normal open (one window
     * per file, recent list, disk stamp).
     */
    async openDroppedPath(sender: IpcSender, payload: unknown): Promise<OpenOutcome> {
      const request = validateCall(sender, payload, validateDroppedPath);
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
      return sessions.existing(windowId)?.currentPath ?? null;
    },
  };
}
