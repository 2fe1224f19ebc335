import { Fragment } from 'react';
import { ShortcutsTable } from '../drawing/ShortcutsPanel';
import { useT } from '../i18n/use-t';
import { useUiStore } from '../state/ui-store';
import type { MessageKey } from '../i18n/strings';
import { ModalDialog } from '../components/ModalDialog';
import { useDesktopStore, type HelpTab } from './desktop-store';
import { GUIDE_STEP_COUNT, guideKeys, namedSegments } from './guide';

const TABS: { id: HelpTab; key: MessageKey }[] = [
  { id: 'shortcuts', key: 'help.tabShortcuts' },
  { id: 'guide', key: 'help.tabGuide' },
];

/** Text with the names of buttons and land uses in bold (see guide.ts). */
export function NamedText({ textKey }: { textKey: MessageKey }) {
  const lang = useUiStore((s) => s.lang);
  return (
    <>
      {namedSegments(lang, textKey).map((segment, i) => (
        <Fragment key={i}>{segment.name ? <strong>{segment.text}</strong> : segment.text}</Fragment>
      ))}
    </>
  );
}

/**
 * Help (F1, Help menu, the ? … toolbar button): the keyboard shortcuts, from the one table in
 * drawing/ShortcutsPanel.tsx, and the "how to design a park" guide. Not modal: it stays open
 * beside the map while the user follows the steps.
 */
export function HelpPanel() {
  const t = useT();
  const { helpTab, openDialog, closeDialog, startTour } = useDesktopStore();
  return (
    <ModalDialog title={t('help.title')} onClose={closeDialog} modal={false} className="help-panel">
      <div className="tabs help-tabs" role="tablist" aria-label={t('help.title')}>
        {TABS.map((tab) => (
          <button key={tab.id} type="button" role="tab" aria-selected={helpTab === tab.id} onClick={() => openDialog('help', tab.id)}>
            {t(tab.key)}
          </button>
        ))}
      </div>
      {helpTab === 'shortcuts' ? (
        <section role="tabpanel" aria-label={t('help.tabShortcuts')}>
          <ShortcutsTable className="help-shortcuts" />
          <p className="desktop-muted">{t('help.menuNote')}</p>
        </section>
      ) : (
        <section role="tabpanel" aria-label={t('help.tabGuide')}>
          <p className="desktop-muted">{t('help.guideIntro')}</p>
          <ol className="help-guide">
            {Array.from({ length: GUIDE_STEP_COUNT }, (_, i) => {
              const keys = guideKeys(i + 1);
              return (
                <li key={i}>
                  <h3>{t(keys.title)}</h3>
                  <p>
                    <NamedText textKey={keys.body} />
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => openDialog('about')}>
          {t('about.title')}
        </button>
        <button type="button" onClick={startTour}>
          {t('help.startTour')}
        </button>
      </div>
    </ModalDialog>
  );
}
