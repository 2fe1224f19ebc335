import { createDocumentStateHandlers, type DocumentStateHandlerDeps } from './ipc-handlers/document-state-handlers';
import { createProjectHandlers, type ProjectHandlerDeps } from './ipc-handlers/project-handlers';
import { createRecentHandlers, type RecentHandlerDeps } from './ipc-handlers/recent-handlers';
import { createRecoveryHandlers, type RecoveryHandlerDeps } from './ipc-handlers/recovery-handlers';
import { createWindowSessions } from './ipc-handlers/window-sessions';

/**
 * The main-process side of HostApi, written against injected services so it is unit-tested
 * without Electron. main.ts adapts Electron's IPC events to `IpcSender` and registers each
 * handler on its channel (electron/ipc-routes.ts). One module per concern in
 * electron/ipc-handlers/, sharing one store of window sessions; this file composes them.
 */

export { IpcRefusedError, type IpcSender } from './ipc-handlers/ipc-sender';
export type { DialogDeps } from './ipc-handlers/project-handlers';

/** Everything the handlers of all concerns need (each factory takes only its own part). */
export type IpcHandlerDeps = ProjectHandlerDeps & RecoveryHandlerDeps & RecentHandlerDeps & DocumentStateHandlerDeps;

export function createIpcHandlers(deps: IpcHandlerDeps) {
  const sessions = createWindowSessions();
  return {
    ...createProjectHandlers(sessions, deps),
    ...createRecoveryHandlers(sessions, deps),
    ...createRecentHandlers(deps),
    ...createDocumentStateHandlers(deps),
    forgetWindow: sessions.forgetWindow,
  };
}

export type IpcHandlers = ReturnType<typeof createIpcHandlers>;
