/**
 * Decides what happens when a window with a document is asked to close (window close button,
 * Quit, Cmd+W on macOS), so "never lose work" is tested without Electron. The owner wires it:
 * `requestClose()` from the window's 'close' event (preventDefault when it returns false),
 * `documentStateChanged()` from setDocumentState, `saveFinished()` from the save handler.
 */

import type { UnsavedChoice } from '../shared/host-api';

/** Answer to the "unsaved changes" question (the page's dialog, or the native box). */
export type CloseChoice = UnsavedChoice;

export interface CloseGuardDeps {
  /** Asks Save / Don't save / Cancel (electron/page-close-asker.ts: in the page, else natively). */
  ask(): Promise<CloseChoice>;
  /**
   * Close was asked again while the question is up: the asker checks the page still answers
   * (a page that hung after showing its question must not leave the window unclosable).
   */
  askedAgain?(): void;
  /** Sends the 'save' MenuCommand to the renderer, which saves through HostApi. */
  requestSave(): void;
  /** Really closes the window (the guard lets the next close event through). */
  close(): void;
  /** The user cancelled: a pending app quit must stop too. */
  cancelled?(): void;
}

export interface CloseGuard {
  /** Returns true when the window may close now; false means the guard took over. */
  requestClose(): boolean;
  documentStateChanged(state: { dirty: boolean }): void;
  /** Result of a save the renderer made; a failed or cancelled save aborts a pending close. */
  saveFinished(ok: boolean): void;
  /**
   * The page is gone (renderer crash): no answer will ever come back from it. Forgets the
   * document (clean), leaves any phase, and a close or quit that was waiting is given up.
   */
  reset(): void;
  readonly phase: 'idle' | 'asking' | 'saving-then-close' | 'closing';
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  let dirty = false;
  let phase: CloseGuard['phase'] = 'idle';

  const closeNow = (): void => {
    phase = 'closing';
    deps.close();
  };

  return {
    get phase() {
      return phase;
    },
    requestClose() {
      if (phase === 'closing' || !dirty) {
        phase = 'closing';
        return true;
      }
      // A second click while the box is up or a save is running must not stack dialogs.
      if (phase === 'asking') deps.askedAgain?.();
      if (phase === 'asking' || phase === 'saving-then-close') return false;
      phase = 'asking';
      deps.ask().then(
        (choice) => {
          if (phase !== 'asking') return;
          if (choice === 'discard') return closeNow();
          if (choice === 'save') {
            phase = 'saving-then-close';
            deps.requestSave();
            return;
          }
          phase = 'idle';
          deps.cancelled?.();
        },
        () => {
          // The dialog itself failed: keep the window (and the work) open.
          phase = 'idle';
          deps.cancelled?.();
        },
      );
      return false;
    },
    documentStateChanged(state) {
      dirty = state.dirty;
      // Close only once the renderer says the document is clean, i.e. the save really landed.
      if (phase === 'saving-then-close' && !dirty) closeNow();
    },
    saveFinished(ok) {
      if (phase !== 'saving-then-close' || ok) return;
      phase = 'idle';
      deps.cancelled?.();
    },
    reset() {
      dirty = false;
      const waiting = phase === 'asking' || phase === 'saving-then-close';
      // A box still up answers into 'idle' and is ignored (its handler checks for 'asking').
      if (phase !== 'closing') phase = 'idle';
      if (waiting) deps.cancelled?.();
    },
  };
}
