import type { RecoveryEntry } from '../../../shared/host-api';
import { getHost } from '../host/get-host';
import { selectDirty, useDocumentStore } from '../state/document-store';
import { useSettingsStore } from '../state/settings-store';
import { useUiStore } from '../state/ui-store';
import { translate, type MessageKey } from '../i18n/strings';
import { settleUnsavedWork } from '../actions';
import { createAutosave } from './autosave';
import { confirmDestructive } from './question-store';
import { formatDateTime } from '../i18n/format';

/**
 * The page's autosave, wired to the stores and the host. One per page: the recovery snapshot
 * belongs to the page session (desktop: the window; browser: the tab).
 */

/**
 * Browser tabs write a snapshot once the document has been still this long (besides the
 * interval): a closed, reloaded or crashed tab gets no chance to write, so at most the edits of
 * the last couple of seconds can be lost (docs/never-losing-work.md). The desktop keeps only the
 * interval: its snapshots are encoded in the main process.
 */
export const BROWSER_SETTLE_SECONDS = 2;

function t(key: MessageKey, params?: Record<string, string | number>) {
  return translate(useUiStore.getState().lang, key, params);
}

export const autosave = createAutosave({
  read() {
    const state = useDocumentStore.getState();
    return { document: state.document, fileName: state.fileName, revision: state.revision, dirty: selectDirty(state) };
  },
  settings() {
    const { autosaveEnabled, autosaveIntervalSeconds } = useSettingsStore.getState();
    const settle = getHost().kind === 'browser' ? { settleSeconds: BROWSER_SETTLE_SECONDS } : {};
    return { enabled: autosaveEnabled, intervalSeconds: autosaveIntervalSeconds, ...settle };
  },
  write: (document, fileName) => getHost().writeRecovery({ document, fileName }),
  clear: () => getHost().clearRecovery(),
  onError(detail) {
    useUiStore.getState().notify({ tone: 'error', text: `${t('recovery.autosaveFailed')} ${detail}` });
  },
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  clearTimer: (handle) => window.clearTimeout(handle as number),
});

/** Starts autosave for this page; returns the stop function (React effect cleanup). */
export function startAutosave(): () => void {
  const unsubscribeDocument = useDocumentStore.subscribe(() => autosave.documentChanged());
  const unsubscribeSettings = useSettingsStore.subscribe(() => autosave.settingsChanged());
  // Leaving the page (tab closed, app quit, laptop lid): write what is due without waiting.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void autosave.flush();
  };
  document.addEventListener('visibilitychange', onHidden);
  autosave.documentChanged();
  return () => {
    unsubscribeDocument();
    unsubscribeSettings();
    document.removeEventListener('visibilitychange', onHidden);
    autosave.stop();
  };
}

/**
 * When a snapshot was taken, in the UI language's date convention, to the second (vi
 * "05/01/2026 14:03:27"): copies of two tabs are often minutes apart or less.
 */
export function formatSavedAt(lang: 'en' | 'vi', iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? iso : formatDateTime(lang, iso, { seconds: true });
}

export function entryName(entry: RecoveryEntry): string {
  if (entry.damagedField !== undefined) return t('recovery.damaged');
  return entry.fileName ?? (entry.projectName || t('recovery.untitled'));
}

/**
 * Loads a left-over snapshot as unsaved work under its original file name. The host makes the
 * next Save ask where, so the original file is never overwritten without asking.
 */
export async function recoverEntry(entry: RecoveryEntry): Promise<boolean> {
  if (!(await settleUnsavedWork())) return false;
  const outcome = await getHost().recoverProject(entry.id);
  const ui = useUiStore.getState();
  const name = entryName(entry);
  if (!outcome.ok) {
    ui.notify({ tone: 'error', title: t('recovery.failed', { name }), text: `${outcome.detail} ${t('recovery.kept')}` });
    return false;
  }
  useDocumentStore.getState().load(outcome.document, entry.fileName, { dirty: true });
  ui.select([]);
  autosave.adopted();
  const time = formatSavedAt(ui.lang, entry.savedAt);
  ui.notify({ tone: 'info', text: t(entry.fileName ? 'recovery.recovered' : 'recovery.recoveredUntitled', { name, time }) });
  return true;
}

export async function discardEntry(entry: RecoveryEntry): Promise<boolean> {
  const confirmed = await confirmDestructive({
    title: t('recovery.discardConfirm', { name: entryName(entry) }),
    text: t('recovery.discardText'),
    confirmLabel: t('recovery.discardAction'),
    cancelLabel: t('recovery.cancel'),
  });
  if (!confirmed) return false;
  await getHost().discardRecovery(entry.id);
  return true;
}
