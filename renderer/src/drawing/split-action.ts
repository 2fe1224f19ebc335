import { splitAlongLineCommand } from '../../../shared/editing/commands';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import type { LonLat } from './tool-store';

function t(key: MessageKey, params?: Record<string, string | number>) {
  return translate(useUiStore.getState().lang, key, params);
}

/**
 * Splits the selected polygon (or, with nothing selected, the first land-use polygon the line
 * crosses) along a drawn line. The parts keep the original's attributes; codes get a, b, c….
 */
export function splitSelected(line: LonLat[]): void {
  const store = useDocumentStore.getState();
  const doc = store.document;
  const ui = useUiStore.getState();
  if (!doc) return;
  const result = splitAlongLineCommand(doc, doc.activeScenarioId, { type: 'LineString', coordinates: line }, ui.selectedIds, { label: t('command.split') });
  if (!result.ok) {
    ui.notify({ tone: 'error', text: t('draw.splitMissed') });
    return;
  }
  store.apply(result.command);
  ui.select(result.partIds);
}
