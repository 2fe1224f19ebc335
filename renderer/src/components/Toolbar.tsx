import { useRef } from 'react';
import { useDocumentStore, selectDirty } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { ActionButton } from './ActionButton';
import type { ActionState } from '../action-table';
import { BasemapMenu } from './BasemapMenu';
import { ScenarioMenu } from './ScenarioMenu';
import { ExchangeButtons } from '../exchange/ExchangeButtons';
import { ReportMenu } from '../report/ReportMenu';
import { useDesktopStore } from '../help/desktop-store';
import '../help/desktop.css';
import { RevertButton } from '../recovery/RevertButton';
import appIconUrl from '../../../build/icon.svg?url';
import { Icon, type IconName } from './icons';
import { useDismiss } from './use-dismiss';

/** The file commands shown as icons (their tooltips name them and their shortcut). */
const FILE_ACTIONS: [('new' | 'open' | 'open-sample' | 'save' | 'save-as'), IconName][] = [
  ['new', 'new'],
  ['open', 'open'],
  ['open-sample', 'sample'],
  ['save', 'save'],
  ['save-as', 'saveAs'],
];

/**
 * The main toolbar: file and view commands as icons (their tooltips name them and their
 * shortcut), the scenario, the file name, settings, help and language. Accessible names are
 * stable: tests and later issues rely on them.
 */
export function Toolbar() {
  const t = useT();
  const hasDocument = useDocumentStore((s) => s.document !== null);
  const dirty = useDocumentStore(selectDirty);
  // The name the window title shows: the file, or the sample's park / an import's source (issue 13).
  const fileName = useDocumentStore((s) => s.displayName);
  const { legendOpen, featuresOpen, basemapMenuOpen, view3d, lang, toggle, setLang } = useUiStore();
  const openDialog = useDesktopStore((s) => s.openDialog);
  const reportMenuOpen = useUiStore((s) => s.fileDialog === 'report');
  // The toolbar's popovers close on Esc and on a click outside them (use-dismiss.ts).
  const basemapArea = useRef<HTMLDivElement>(null);
  const reportArea = useRef<HTMLDivElement>(null);
  useDismiss(basemapArea, basemapMenuOpen, () => useUiStore.setState({ basemapMenuOpen: false }));
  useDismiss(reportArea, reportMenuOpen, () => useUiStore.getState().setFileDialog(null));
  // Only the document matters to the actions of this bar (Save needs one).
  const state: ActionState = { hasDocument, selectionCount: 0, canUndo: false, canRedo: false, hasDraft: false };

  return (
    <header className="toolbar" role="toolbar" aria-label={t('desktop.mainToolbar')}>
      {/* The app's icon stands for its name: the row's width goes to the file name instead. */}
      <img className="brand-icon" src={appIconUrl} alt="EcoPark Planner" title="EcoPark Planner" width={24} height={24} />
      <div className="toolbar-group">
        {FILE_ACTIONS.map(([id, icon]) => (
          <ActionButton key={id} id={id} state={state} className="icon-button">
            <Icon name={icon} />
          </ActionButton>
        ))}
        <RevertButton />
        <ExchangeButtons />
        <div ref={reportArea} className="menu-area">
          <ReportMenu />
        </div>
      </div>
      <div className="toolbar-group">
        <div ref={basemapArea} className="menu-anchor">
          <button type="button" className="icon-button" aria-haspopup="dialog" aria-expanded={basemapMenuOpen} onClick={() => toggle('basemapMenuOpen')} aria-label={t('toolbar.basemap')} title={t('toolbar.basemap')}>
            <Icon name="layers" /> ▾
          </button>
          {basemapMenuOpen && <BasemapMenu />}
        </div>
        <ActionButton id="toggle-legend" state={state} pressed={legendOpen} className="icon-button">
          <Icon name="legend" />
        </ActionButton>
        <ActionButton id="toggle-features" state={state} pressed={featuresOpen} className="icon-button">
          <Icon name="list" />
        </ActionButton>
        <ActionButton id="toggle-3d" state={state} pressed={view3d} className="icon-button">
          <Icon name="cube" />
        </ActionButton>
      </div>
      <ScenarioMenu />
      <span className="file-status" aria-live="polite">
        <span className="file-name" title={fileName ?? undefined}>
          {hasDocument ? (fileName ?? t('status.untitled')) : ''}
        </span>
        {dirty && <span className="dirty-marker" title={t('status.unsaved')} aria-label={t('status.unsaved')}> •</span>}
      </span>
      <ActionButton id="settings" state={state} className="toolbar-icon icon-button" title={t('desktop.settingsTitle')}>
        <Icon name="gear" />
      </ActionButton>
      <button type="button" className="toolbar-icon icon-button" data-tour="help" onClick={() => openDialog('help', 'shortcuts')} aria-label={t('desktop.help')} title={t('desktop.helpTitle')}>
        <Icon name="help" />
      </button>
      <button type="button" className="lang" onClick={() => setLang(lang === 'en' ? 'vi' : 'en')} aria-label={t('toolbar.languageLabel')}>
        {t('toolbar.language')}
      </button>
    </header>
  );
}
