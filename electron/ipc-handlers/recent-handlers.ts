import type { RecentFile } from '../../shared/host-api';
import { validateNoPayload } from '../ipc-validation';
import type { RecentFiles } from '../recent-files';
import { acceptOrRefuse, type IpcSender } from './ipc-sender';

/** What the recent-files handler needs. */
export interface RecentHandlerDeps {
  recent: Pick<RecentFiles, 'list'>;
}

/** The recent files list as the page shows it (open and save add to it: project-handlers.ts). */
export function createRecentHandlers(deps: RecentHandlerDeps) {
  return {
    async listRecent(sender: IpcSender, payload: unknown): Promise<RecentFile[]> {
      acceptOrRefuse(sender, payload, validateNoPayload);
      return deps.recent.list();
    },
  };
}
