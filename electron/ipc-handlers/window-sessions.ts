import type { FileStamp } from '../file-service';
import { pathKey } from '../path-key';

/** What the main process knows of one window's page; every IPC concern reads and updates it. */
export interface WindowSession {
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

/** The sessions of all windows, shared by the handlers of every concern (one store per createIpcHandlers). */
export function createWindowSessions() {
  const sessions = new Map<number, WindowSession>();
  /** Left-over snapshots offered to a window: another window must not offer (or recover) the same one meanwhile. */
  const claims = new Map<string, number>();

  /** The window's session, created empty on first use. */
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

  return {
    session,
    /** The window's session if it has one (never creates it). */
    existing: (windowId: number): WindowSession | undefined => sessions.get(windowId),
    /** Recovery ids of the snapshots live windows own. */
    liveRecoveryIds: (): Set<string | null> => new Set([...sessions.values()].map((s) => s.recoveryId)),
    claims,
    windowWithFile,
    forgetWindow,
  };
}

export type WindowSessions = ReturnType<typeof createWindowSessions>;
