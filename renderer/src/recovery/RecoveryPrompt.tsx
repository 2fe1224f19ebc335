import { useEffect, useState } from 'react';
import type { RecoveryEntry } from '../../../shared/host-api';
import { getHost } from '../host/get-host';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { formatBytes } from '../i18n/strings';
import { useT } from '../i18n/use-t';
import { ModalDialog } from '../components/ModalDialog';
import { discardEntry, entryName, formatSavedAt, recoverEntry } from './session';

/** The start-up document (sample park or a launch file) gets this long to load before the prompt shows anyway. */
const WAIT_FOR_START_DOCUMENT_MS = 3000;

/**
 * At start, offers the work of sessions that ended without saving (a crash, a killed process,
 * a power cut): Recover / Discard per copy, or decide later (Esc) — kept copies are offered
 * again at the next start.
 */
export function RecoveryPrompt() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const [entries, setEntries] = useState<RecoveryEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(() => useDocumentStore.getState().loadSeq > 0);

  useEffect(() => {
    let alive = true;
    getHost()
      .listRecoveries()
      .then((list) => alive && setEntries(list))
      .catch(() => undefined);
    // Recovering must not race the start-up document, which would replace the recovered work.
    const timer = window.setTimeout(() => setReady(true), WAIT_FOR_START_DOCUMENT_MS);
    const unsubscribe = useDocumentStore.subscribe((s) => {
      if (s.loadSeq > 0) setReady(true);
    });
    return () => {
      alive = false;
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  if (!ready || entries.length === 0) return null;

  const later = () => setEntries([]);
  const run = async (task: () => Promise<boolean>, onDone: () => void) => {
    setBusy(true);
    try {
      if (await task()) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog look="question" title={t('recovery.title')} description={<p>{t('recovery.intro')}</p>} onClose={later} className="recovery-dialog">
      <ul className="recovery-list">
        {entries.map((entry, index) => {
          const name = entryName(entry);
          return (
            <li key={entry.id} className="recovery-item" aria-label={name}>
              <div className="recovery-item-text">
                <div className="recovery-item-name">{name}</div>
                {entry.fileName && entry.projectName && <div className="recovery-item-meta">{entry.projectName}</div>}
                {entry.filePath && <div className="recovery-item-meta">{entry.filePath}</div>}
                <div className="recovery-item-meta">
                  {t('recovery.savedAt', { time: formatSavedAt(lang, entry.savedAt) })} · {formatBytes(lang, entry.bytes)}
                </div>
              </div>
              <div className="recovery-item-actions">
                <button
                  type="button"
                  className={index === 0 ? 'primary' : undefined}
                  disabled={busy}
                  onClick={() => void run(() => recoverEntry(entry), later)}
                >
                  {t('recovery.recover')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void run(() => discardEntry(entry), () => setEntries((list) => list.filter((e) => e.id !== entry.id)))}
                >
                  {t('recovery.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="recovery-hint">{t('recovery.laterHint')}</p>
      <div className="modal-actions">
        <button type="button" onClick={later}>
          {t('recovery.later')}
        </button>
      </div>
    </ModalDialog>
  );
}
