import { useEffect, useRef, useState } from 'react';
import type { RecoveryEntry } from '../../../shared/host-api';
import { getHost } from '../host/get-host';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { formatBytes, translate } from '../i18n/strings';
import { useT } from '../i18n/use-t';
import { ModalDialog } from '../components/ModalDialog';
import { discardEntry, entryName, formatSavedAt, recoverEntry } from './session';
import { recoverInNewTab, takeRequestedRecovery } from './recover-in-tab';

/** The start-up document (sample park or a launch file) gets this long to load before the prompt shows anyway. */
const WAIT_FOR_START_DOCUMENT_MS = 3000;

/**
 * At start, offers the work of sessions that ended without saving (a crash, a killed process,
 * a power cut, a closed tab): Recover / Discard per copy, or decide later (Esc) — kept copies
 * are offered again at the next start. In the browser, once one copy is recovered the others
 * stay offered and open in new tabs, so nothing replaces the work just recovered; a tab opened
 * that way recovers its copy at once and shows no dialog.
 */
export function RecoveryPrompt() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const [entries, setEntries] = useState<RecoveryEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [recoveredHere, setRecoveredHere] = useState(false);
  const [requested] = useState(takeRequestedRecovery);
  const [ready, setReady] = useState(() => useDocumentStore.getState().loadSeq > 0);

  useEffect(() => {
    let alive = true;
    getHost()
      .listRecoveries()
      .then((list) => alive && setEntries(list))
      .catch((error: unknown) => {
        // Never silent: the user must know that left-over work may exist.
        console.error('Listing recovery copies failed', error);
        const ui = useUiStore.getState();
        ui.notify({ tone: 'error', text: `${translate(ui.lang, 'recovery.listFailed')} ${String(error)}` });
      });
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

  // A tab opened by "Recover in a new tab": recover that copy, leave the others to the opener.
  const requestedEntry = requested === null ? undefined : entries.find((e) => e.id === requested);
  const requestHandled = useRef(false);
  useEffect(() => {
    if (!ready || !requestedEntry || requestHandled.current) return;
    requestHandled.current = true;
    setEntries([]);
    void recoverEntry(requestedEntry);
  }, [ready, requestedEntry]);

  if (!ready || entries.length === 0 || requestedEntry) return null;

  const later = () => setEntries([]);
  const drop = (entry: RecoveryEntry) => setEntries((list) => list.filter((e) => e.id !== entry.id));
  const run = async (task: () => Promise<boolean>, onDone: () => void) => {
    setBusy(true);
    try {
      if (await task()) onDone();
    } finally {
      setBusy(false);
    }
  };
  // A desktop window recovers one copy; the others wait for the next start or a new window.
  const browser = getHost().kind === 'browser';
  const inNewTab = recoveredHere && browser;
  const primaryId = entries.find((e) => e.damagedField === undefined)?.id;

  return (
    <ModalDialog look="question" title={t('recovery.title')} description={<p>{t('recovery.intro')}</p>} onClose={later} className="recovery-dialog">
      {inNewTab && <p className="recovery-hint">{t('recovery.restHint')}</p>}
      <ul className="recovery-list">
        {entries.map((entry) => {
          const name = entryName(entry);
          const damaged = entry.damagedField !== undefined;
          return (
            <li key={entry.id} className="recovery-item" aria-label={name}>
              <div className="recovery-item-text">
                <div className="recovery-item-name">{name}</div>
                {damaged ? (
                  <div className="recovery-error">{t('recovery.damagedDetail', { field: entry.damagedField ?? '' })}</div>
                ) : (
                  <>
                    {entry.fileName && entry.projectName && <div className="recovery-item-meta">{entry.projectName}</div>}
                    {entry.filePath && <div className="recovery-item-meta">{entry.filePath}</div>}
                    {entry.featureCount !== undefined && (
                      <div className="recovery-item-meta">{t('recovery.contents', { scenario: entry.scenarioName ?? '', count: entry.featureCount })}</div>
                    )}
                    <div className="recovery-item-meta">
                      {t('recovery.savedAt', { time: formatSavedAt(lang, entry.savedAt) })} · {formatBytes(lang, entry.bytes)}
                    </div>
                  </>
                )}
              </div>
              <div className="recovery-item-actions">
                {!damaged && !inNewTab && (
                  <button
                    type="button"
                    className={entry.id === primaryId ? 'primary' : undefined}
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => recoverEntry(entry),
                        () => {
                          if (!browser) return later();
                          drop(entry);
                          setRecoveredHere(true);
                        },
                      )
                    }
                  >
                    {t('recovery.recover')}
                  </button>
                )}
                {!damaged && inNewTab && (
                  <button type="button" disabled={busy} onClick={() => recoverInNewTab(entry) && drop(entry)}>
                    {t('recovery.recoverInNewTab')}
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => void run(() => discardEntry(entry), () => drop(entry))}>
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
