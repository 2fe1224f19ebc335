import type { DocumentState } from '../shared/host-api';

export const APP_NAME = 'EcoPark Planner';

/** Window title: `<fileName or "Untitled"><" •" when dirty> — EcoPark Planner`. */
export function formatWindowTitle(state: Pick<DocumentState, 'fileName' | 'dirty'>): string {
  const name = state.fileName && state.fileName.trim() !== '' ? state.fileName : 'Untitled';
  return `${name}${state.dirty ? ' •' : ''} — ${APP_NAME}`;
}
