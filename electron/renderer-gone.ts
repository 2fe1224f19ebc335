/**
 * What the shell does when a window's page dies under it (renderer crash, killed, out of
 * memory), so the unsaved work survives and the window does not stay stuck. Without this the
 * window kept saying "unsaved": "Don't save" then deleted the only recovery snapshot, and
 * "Save" asked a dead page to save, leaving the close guard waiting forever.
 *
 * Written against injected steps so it is unit-tested without Electron; main.ts wires them to
 * the window's record ('render-process-gone').
 */

/** Electron's RenderProcessGoneDetails['reason']; anything but 'clean-exit' lost the page. */
export type RendererGoneReason = string;

export interface RendererGoneDeps {
  /**
   * Forgets the window's IPC session but keeps its recovery snapshot on disk, so it is a
   * left-over that the reloaded page offers (never deleted as a normal close would).
   */
  forgetSession(): void;
  /** The close guard lets go of any pending close/save and knows the document is clean. */
  resetCloseGuard(): void;
  /** Title, unsaved dot and menus go back to an untitled, clean window. */
  markClean(): void;
  /** True while the window is already closing or destroyed: nothing to reload then. */
  isClosing(): boolean;
  /** Loads the app again; its start-up offers the snapshot. */
  reload(): void;
  log?(message: string): void;
}

/** Returns true when the window was recovered (reloaded or left to close), false for a clean exit. */
export function handleRendererGone(reason: RendererGoneReason, deps: RendererGoneDeps): boolean {
  if (reason === 'clean-exit') return false;
  deps.log?.(`the page stopped (${reason}); its unsaved work is kept for recovery`);
  // Order matters: the session goes first, so a close that follows cannot delete the snapshot.
  deps.forgetSession();
  deps.resetCloseGuard();
  deps.markClean();
  if (!deps.isClosing()) deps.reload();
  return true;
}
