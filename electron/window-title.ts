import type { DocumentState } from '../shared/host-api';

export const APP_NAME = 'EcoPark Planner';

/** The name a person knows the document by: its display name, else its file name, else null (untitled). */
export function documentTitleName(state: Pick<DocumentState, 'fileName' | 'displayName'>): string | null {
  for (const name of [state.displayName, state.fileName]) if (name && name.trim() !== '') return name;
  return null;
}

/** Window title: `<display name, file name or `untitled` (in the UI language)><" •" when dirty> — EcoPark Planner`. */
export function formatWindowTitle(state: Pick<DocumentState, 'fileName' | 'displayName' | 'dirty'>, untitled = 'Untitled'): string {
  return `${documentTitleName(state) ?? untitled}${state.dirty ? ' •' : ''} — ${APP_NAME}`;
}
