import { useState } from 'react';
import { AUTOSAVE_INTERVAL_RANGE, useSettingsStore } from '../state/settings-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import type { Lang, MessageKey } from '../i18n/strings';
import { ModalDialog } from '../components/ModalDialog';
import { useDesktopStore } from '../help/desktop-store';
import { parseIntervalInput } from './interval';
import { BasemapSettingsSection } from '../components/BasemapSettingsSection';
import { FeatureCodeSettings } from './FeatureCodeSettings';

const LANGS: { lang: Lang; key: 'settings.langVi' | 'settings.langEn' }[] = [
  { lang: 'vi', key: 'settings.langVi' },
  { lang: 'en', key: 'settings.langEn' },
];

/**
 * Settings (File ▸ Settings…, Ctrl+,, the ⚙ toolbar button): the person's preferences, applied
 * at once and remembered (settings-store; the language in ui-store).
 */
export function SettingsDialog() {
  const t = useT();
  const { lang, setLang } = useUiStore();
  const { autosaveEnabled, autosaveIntervalSeconds, update } = useSettingsStore();
  const { closeDialog, startTour } = useDesktopStore();
  const [draft, setDraft] = useState(String(autosaveIntervalSeconds));
  // Kept as key and values, so it follows a language switch made while it is shown.
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; key: MessageKey; params: Record<string, string | number> } | null>(null);
  const range = { min: AUTOSAVE_INTERVAL_RANGE.min, max: AUTOSAVE_INTERVAL_RANGE.max };

  const commitInterval = () => {
    if (draft.trim() === String(autosaveIntervalSeconds)) return;
    const parsed = parseIntervalInput(draft);
    if (!parsed.ok) {
      const key = parsed.reason === 'not_number' ? 'settings.intervalNotNumber' : 'settings.intervalOutOfRange';
      setMessage({ tone: 'error', key, params: { ...range, value: draft, current: autosaveIntervalSeconds } });
      return;
    }
    update({ autosaveIntervalSeconds: parsed.seconds });
    setDraft(String(parsed.seconds));
    setMessage({ tone: 'info', key: 'settings.intervalSaved', params: { seconds: parsed.seconds } });
  };

  return (
    <ModalDialog title={t('settings.title')} onClose={closeDialog} className="settings-dialog">
      <p className="desktop-muted">{t('settings.intro')}</p>
      <fieldset>
        <legend>{t('settings.language')}</legend>
        {LANGS.map((option) => (
          <label key={option.lang} lang={option.lang}>
            <input type="radio" name="ecopark-lang" checked={lang === option.lang} onChange={() => setLang(option.lang)} /> {t(option.key)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.autosave')}</legend>
        <label>
          <input type="checkbox" checked={autosaveEnabled} onChange={(e) => update({ autosaveEnabled: e.target.checked })} /> {t('settings.autosaveEnabled')}
        </label>
        <label className="settings-row">
          {t('settings.autosaveInterval')}
          <input
            type="text"
            inputMode="numeric"
            className="settings-interval"
            value={draft}
            disabled={!autosaveEnabled}
            aria-invalid={message?.tone === 'error'}
            aria-describedby="settings-interval-hint"
            onChange={(e) => {
              setDraft(e.target.value);
              setMessage(null);
            }}
            onBlur={commitInterval}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitInterval();
            }}
          />
        </label>
        <p id="settings-interval-hint" className="desktop-muted">
          {t('settings.autosaveHint', range)}
        </p>
        {message && (
          <p className={message.tone === 'error' ? 'error-text' : 'desktop-muted'} role={message.tone === 'error' ? 'alert' : 'status'}>
            {t(message.key, message.params)}
          </p>
        )}
      </fieldset>
      <BasemapSettingsSection />
      <FeatureCodeSettings />
      <fieldset>
        <legend>{t('settings.tour')}</legend>
        <p className="desktop-muted">{t('settings.tourHint')}</p>
        <div>
          <button type="button" onClick={startTour}>
            {t('settings.tourAgain')}
          </button>
        </div>
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={closeDialog}>
          {t('desktop.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
