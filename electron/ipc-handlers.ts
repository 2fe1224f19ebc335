import path from 'node:path';
import type { DocumentState, OpenOutcome, RecentFile, SaveOutcome } from '../shared/host-api';
import type { FileService } from './file-service';
import {
  gpkgPathSchema,
  sanitizeSuggestedName,
  validateDocumentState,
  validateNoPayload,
  validateOpenRequest,
  validateSaveRequest,
  validateSender,
} from './ipc-validation';
import type { RecentFiles } from './recent-files';

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
  log?(message: string): void;
}

/** Thrown (rejecting the renderer's promise) only by calls whose result type has no error variant. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

interface WindowSession {
  /** File that Save writes to; null while untitled. */
  currentPath: string | null;
  /** Chosen from the Open Recent menu; the next openProject() without a path uses it. */
  pendingOpenPath: string | null;
}

export function createIpcHandlers(deps: IpcHandlerDeps) {
  const sessions = new Map<number, WindowSession>();
  const log = deps.log ?? (() => undefined);

  const session = (windowId: number): WindowSession => {
    let s = sessions.get(windowId);
    if (!s) {
      s = { currentPath: null, pendingOpenPath: null };
      sessions.set(windowId, s);
    }
    return s;
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

  async function resolveOpenPath(windowId: number, requested: string | undefined): Promise<string | { refused: string } | null> {
    const s = session(windowId);
    if (requested !== undefined) {
      // The page may only name files the user already opened here (the recent list): a
      // compromised page cannot make main read arbitrary files.
      return (await deps.recent.has(requested)) ? requested : { refused: 'This file is not in the recent files list.' };
    }
    if (s.pendingOpenPath) {
      const pending = s.pendingOpenPath;
      s.pendingOpenPath = null;
      return pending;
    }
    const chosen = await deps.dialogs.chooseOpenPath(windowId);
    if (chosen === null) return null;
    return path.isAbsolute(chosen) ? chosen : { refused: 'The chosen path is not absolute.' };
  }

  return {
    async openProject(sender: IpcSender, payload: unknown): Promise<OpenOutcome> {
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, reason: 'io_error', detail: from.detail };
      const request = validateOpenRequest(payload);
      if (!request.ok) return { ok: false, reason: 'io_error', detail: request.detail };
      const target = await resolveOpenPath(sender.windowId, request.value.path);
      if (target === null) return { ok: false, reason: 'cancelled' };
      if (typeof target !== 'string') return { ok: false, reason: 'io_error', detail: target.refused };
      const outcome = await deps.files.open(target);
      if (outcome.ok) {
        session(sender.windowId).currentPath = target;
        await rememberRecent(target);
      }
      // On refusal the current file stays as it was; a foreign GeoPackage's importable
      // document is a new untitled project, so Save will ask rather than overwrite that file.
      return outcome;
    },

    async saveProject(sender: IpcSender, payload: unknown): Promise<SaveOutcome> {
      const finish = (outcome: SaveOutcome): SaveOutcome => {
        deps.onSaveFinished?.(sender.windowId, outcome);
        return outcome;
      };
      const from = validateSender(sender.frameUrl);
      if (!from.ok) return { ok: false, reason: 'io_error', detail: from.detail };
      const request = validateSaveRequest(payload);
      if (!request.ok) return finish({ ok: false, reason: 'invalid_document', detail: request.detail });
      const s = session(sender.windowId);
      let target = request.value.saveAs ? null : s.currentPath;
      if (target === null) {
        const suggested = sanitizeSuggestedName(request.value.suggestedName);
        const defaultPath = s.currentPath ? path.join(path.dirname(s.currentPath), suggested) : suggested;
        const chosen = await deps.dialogs.chooseSavePath(sender.windowId, defaultPath);
        if (chosen === null) return finish({ ok: false, reason: 'cancelled' });
        target = normaliseChosenPath(chosen);
        if (target === null) return finish({ ok: false, reason: 'io_error', detail: 'The chosen path is not a valid .gpkg path.' });
      }
      const outcome = await deps.files.save(target, request.value.document);
      if (outcome.ok) {
        s.currentPath = target;
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

    /** Open Recent menu: remember the path; main then sends the 'open' MenuCommand. */
    queueOpen(windowId: number, filePath: string): void {
      session(windowId).pendingOpenPath = filePath;
    },

    currentPath(windowId: number): string | null {
      return sessions.get(windowId)?.currentPath ?? null;
    },

    forgetWindow(windowId: number): void {
      sessions.delete(windowId);
    },
  };
}

export type IpcHandlers = ReturnType<typeof createIpcHandlers>;
