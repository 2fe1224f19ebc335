import type { DocumentState } from '../../shared/host-api';
import type { CloseAnswer } from '../ipc-channels';
import type { Validated } from '../ipc-validation';
import { validateCloseAnswer, validateDocumentState } from '../ipc-validation';
import { type IpcSender, validateCall } from './ipc-sender';

/** What the document-state handlers need. */
export interface DocumentStateHandlerDeps {
  /** Title, menu and close guard follow the document. */
  onDocumentState?(windowId: number, state: DocumentState): void;
  /** The page's answer to a close request (electron/page-close-asker.ts). */
  onCloseAnswer?(windowId: number, answer: CloseAnswer): void;
  log?(message: string): void;
}

/**
 * The page reports its document's state (name, unsaved changes) for the title, menu and close
 * guard, and answers close requests. Both are fire-and-forget channels: a bad message is logged
 * and dropped (the result says whether it was accepted, for tests).
 */
export function createDocumentStateHandlers(deps: DocumentStateHandlerDeps) {
  const log = deps.log ?? (() => undefined);
  const accept =
    <T>(validate: (payload: unknown) => Validated<T>, deliver: (windowId: number, value: T) => void) =>
    (sender: IpcSender, payload: unknown): boolean => {
      const message = validateCall(sender, payload, validate);
      if (!message.ok) {
        log(message.detail);
        return false;
      }
      deliver(sender.windowId, message.value);
      return true;
    };
  return {
    setDocumentState: accept(validateDocumentState, (windowId, state) => deps.onDocumentState?.(windowId, state)),
    /** 'asking', then Save / Don't save / Cancel for the window closing. */
    closeAnswer: accept(validateCloseAnswer, (windowId, answer) => deps.onCloseAnswer?.(windowId, answer)),
  };
}
