import path from 'node:path';
import type { OpenOutcome, RecoverOutcome, RecoveryEntry, RecoveryWriteOutcome } from '../../shared/host-api';
import type { FileService } from '../file-service';
import { validateNoPayload, validateRecoveryId, validateRecoveryWrite } from '../ipc-validation';
import type { RecoveryStore } from '../recovery-store';
import { acceptOrRefuse, IpcRefusedError, type IpcSender, validateCall } from './ipc-sender';
import type { WindowSessions } from './window-sessions';

/** What the recovery-snapshot handlers need. */
export interface RecoveryHandlerDeps {
  files: Pick<FileService, 'encode' | 'decode'>;
  /** Recovery snapshots of unsaved work (electron/recovery-store.ts); without it none are kept. */
  recovery?: RecoveryStore;
  log?(message: string): void;
}

/** A recovery read failure as the UI sees it (decode never yields cancelled/already_open). */
function recoverFailure(outcome: Exclude<OpenOutcome, { ok: true }>): RecoverOutcome {
  if (outcome.reason === 'cancelled' || outcome.reason === 'already_open') return { ok: false, reason: 'corrupt', detail: 'The recovery file could not be read.' };
  return { ok: false, reason: outcome.reason, detail: outcome.detail };
}

/** Recovery snapshots of unsaved work: autosave, left-over work offered after a crash, recover, discard. */
export function createRecoveryHandlers(sessions: WindowSessions, deps: RecoveryHandlerDeps) {
  const { session, claims, forgetWindow } = sessions;
  const log = deps.log ?? (() => undefined);

  /** Snapshots that no live window owns and no other window was offered: work of a session that crashed. */
  const leftOverRecoveries = async (windowId: number): Promise<RecoveryEntry[]> => {
    if (!deps.recovery) return [];
    const live = sessions.liveRecoveryIds();
    const all = await deps.recovery.list();
    return all.filter((e) => !live.has(e.id) && (claims.get(e.id) ?? windowId) === windowId);
  };

  return {
    async writeRecovery(sender: IpcSender, payload: unknown): Promise<RecoveryWriteOutcome> {
      const request = validateCall(sender, payload, validateRecoveryWrite);
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
      acceptOrRefuse(sender, payload, validateNoPayload);
      const id = sessions.existing(sender.windowId)?.recoveryId;
      if (id && deps.recovery) await deps.recovery.remove(id);
    },

    async listRecoveries(sender: IpcSender, payload: unknown): Promise<RecoveryEntry[]> {
      acceptOrRefuse(sender, payload, validateNoPayload);
      const entries = await leftOverRecoveries(sender.windowId);
      session(sender.windowId);
      for (const entry of entries) claims.set(entry.id, sender.windowId);
      return entries;
    },

    async recoverProject(sender: IpcSender, payload: unknown): Promise<RecoverOutcome> {
      const request = validateCall(sender, payload, validateRecoveryId);
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
      const id = acceptOrRefuse(sender, payload, validateRecoveryId);
      if (!deps.recovery || !(await leftOverRecoveries(sender.windowId)).some((e) => e.id === id)) {
        throw new IpcRefusedError('This recovery copy is not one offered to this window.');
      }
      claims.delete(id);
      await deps.recovery.remove(id);
    },

    /** The window closed normally (after "Don't save" if it had changes): its snapshot goes. */
    async windowClosed(windowId: number): Promise<void> {
      const id = sessions.existing(windowId)?.recoveryId;
      forgetWindow(windowId);
      if (id && deps.recovery) await deps.recovery.remove(id).catch((error: unknown) => log(`recovery not removed: ${String(error)}`));
    },
  };
}
