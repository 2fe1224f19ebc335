import type { CloseChoice } from './close-guard';
import type { CloseAnswer } from './ipc-channels';

/**
 * Asks "Save your changes?" for a closing window in the page's own dialog (the same question,
 * look and language as Open, New or the sample), through the close-request IPC round:
 * main sends a request id, the page answers 'asking' at once and the user's choice later.
 * A page that does not acknowledge within `ackTimeoutMs` (hung, crashed, not loaded yet) is
 * not waited for: the native box asks instead, so work can never be lost and the window never
 * becomes unclosable. Written against injected dependencies: tested without Electron.
 */

/** Long enough for a busy page (a large park being drawn), short enough that a hung one does not feel stuck. */
export const PAGE_ACK_TIMEOUT_MS = 3000;

export interface PageCloseAskerDeps {
  /** Sends the close request to the page (webContents.send on the closeRequest channel). */
  sendRequest(requestId: number): void;
  /**
   * Tells the page main no longer waits for that request (closeWithdrawn): a page that was only
   * slow must not show, later, a question nobody listens to.
   */
  withdraw(requestId: number): void;
  /** The native Save / Don't save / Cancel box: the fallback when the page does not answer. */
  askNative(): Promise<CloseChoice>;
  /** setTimeout; returns the function that cancels it. */
  setTimer(run: () => void, ms: number): () => void;
  ackTimeoutMs?: number;
  log?(message: string): void;
}

export interface PageCloseAsker {
  /** One question round; resolves with the page's answer, or the native box's. */
  ask(): Promise<CloseChoice>;
  /** Close was asked again meanwhile: the request is sent again and must be acknowledged again. */
  askedAgain(): void;
  /** A (validated) message from the page; answers to other or finished rounds are ignored. */
  pageAnswered(answer: CloseAnswer): void;
  /** The page navigated or crashed: its question is gone with it; a waiting round ends as Cancel. */
  reset(): void;
}

interface Round {
  requestId: number;
  resolve(choice: CloseChoice): void;
  reject(error: unknown): void;
  cancelTimer: (() => void) | null;
}

export function createPageCloseAsker(deps: PageCloseAskerDeps): PageCloseAsker {
  const timeout = deps.ackTimeoutMs ?? PAGE_ACK_TIMEOUT_MS;
  let lastId = 0;
  let round: Round | null = null;

  const finish = (choice: CloseChoice): void => {
    const current = round;
    if (!current) return;
    round = null;
    current.cancelTimer?.();
    current.resolve(choice);
  };

  /** (Re)sends the request and waits for its acknowledgement, falling back to the native box. */
  const request = (current: Round): void => {
    current.cancelTimer?.();
    current.cancelTimer = deps.setTimer(() => {
      if (round !== current) return;
      round = null;
      deps.log?.(`the page did not answer close request ${current.requestId} within ${timeout} ms: asking with the native box`);
      deps.withdraw(current.requestId);
      deps.askNative().then(current.resolve, current.reject);
    }, timeout);
    deps.sendRequest(current.requestId);
  };

  return {
    ask() {
      // The guard never asks twice at once; should it, the older round is answered Cancel.
      finish('cancel');
      return new Promise<CloseChoice>((resolve, reject) => {
        lastId += 1;
        round = { requestId: lastId, resolve, reject, cancelTimer: null };
        request(round);
      });
    },
    askedAgain() {
      if (round) request(round);
    },
    pageAnswered(answer) {
      if (!round || answer.requestId !== round.requestId) return;
      if (answer.answer !== 'asking') return finish(answer.answer);
      // The page shows its question: wait for the user, however long they take.
      round.cancelTimer?.();
      round.cancelTimer = null;
    },
    reset() {
      finish('cancel');
    },
  };
}
