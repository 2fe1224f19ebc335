import type { DocumentState } from '../../shared/host-api';
import { validateDocumentState } from '../ipc-validation';
import { type IpcSender, validateCall } from './ipc-sender';

/** What the document-state handler needs. */
export interface DocumentStateHandlerDeps {
  /** Title, menu and close guard follow the document. */
  onDocumentState?(windowId: number, state: DocumentState): void;
  log?(message: string): void;
}

/** The page reports its document's state (name, unsaved changes) for the title, menu and close guard. */
export function createDocumentStateHandlers(deps: DocumentStateHandlerDeps) {
  const log = deps.log ?? (() => undefined);
  return {
    /** Fire-and-forget channel: a bad message is logged and dropped. */
    setDocumentState(sender: IpcSender, payload: unknown): boolean {
      const state = validateCall(sender, payload, validateDocumentState);
      if (!state.ok) {
        log(state.detail);
        return false;
      }
      deps.onDocumentState?.(sender.windowId, state.value);
      return true;
    },
  };
}
