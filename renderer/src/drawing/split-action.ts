import { activeScenario } from '../../../shared/model';
import { splitCommand } from '../../../shared/editing/commands';
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
  const features = activeScenario(doc).features;
  const selected = features.filter((f) => ui.selectedIds.includes(f.id) && (f.kind === 'landuse' || f.kind === 'building'));
  const candidates = selected.length > 0 ? selected : features.filter((f) => f.kind === 'landuse');
  for (const target of candidates) {
    const result = splitCommand(doc, doc.activeScenarioId, target.id, { type: 'LineString', coordinates: line }, { label: t('command.split') });
    if (!result.ok) continue;
    store.apply(result.command);
    ui.select(result.partIds);
    return;
  }
  ui.notify({ tone: 'error', text: t('draw.splitMissed') });
}
