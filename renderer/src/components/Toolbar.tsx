import { useDocumentStore, selectDirty } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { newProject, openProject, openSample, saveProject } from '../actions';
import { BasemapMenu } from './BasemapMenu';
import { ScenarioMenu } from './ScenarioMenu';
import { ExchangeButtons } from '../exchange/ExchangeButtons';
import { ReportMenu } from '../report/ReportMenu';
import { useDesktopStore } from '../help/desktop-store';
import '../help/desktop.css';
import { RevertButton } from '../recovery/RevertButton';
import appIconUrl from '../../../build/icon.svg?url';

/** The main toolbar. Accessible names are stable: tests and later issues rely on them. */
export function Toolbar() {
  const t = useT();
  const hasDocument = useDocumentStore((s) => s.document !== null);
  const dirty = useDocumentStore(selectDirty);
  const fileName = useDocumentStore((s) => s.fileName);
  const { legendOpen, featuresOpen, basemapMenuOpen, view3d, lang, toggle, setLang } = useUiStore();
  const openDialog = useDesktopStore((s) => s.openDialog);

  return (
    <header className="toolbar" role="toolbar" aria-label={t('desktop.mainToolbar')}>
      {/* The app's icon stands for its name: the row's width goes to the file name instead. */}
      <img className="brand-icon" src={appIconUrl} alt="EcoPark Planner" title="EcoPark Planner" width={24} height={24} />
      <div className="toolbar-group">
        <button type="button" onClick={() => void newProject()} aria-label={t('toolbar.new')} title={`${t('toolbar.new')} (Ctrl+N)`}>
          {t('toolbar.new')}
        </button>
        <button type="button" onClick={() => void openProject()} aria-label={t('toolbar.open')} title={`${t('toolbar.open')} (Ctrl+O)`}>
          {t('toolbar.open')}
        </button>
        <button type="button" onClick={() => void openSample()} aria-label={t('toolbar.openSample')}>
          {t('toolbar.openSample')}
        </button>
        <button type="button" disabled={!hasDocument} onClick={() => void saveProject(false)} aria-label={t('toolbar.save')} title={`${t('toolbar.save')} (Ctrl+S)`}>
          {t('toolbar.save')}
        </button>
        <button type="button" disabled={!hasDocument} onClick={() => void saveProject(true)} aria-label={t('toolbar.saveAs')} title={`${t('toolbar.saveAs')} (Ctrl+Shift+S)`}>
          {t('toolbar.saveAs')}
        </button>
        <RevertButton />
        <ExchangeButtons />
        <ReportMenu />
      </div>
      <div className="toolbar-group">
        <div className="menu-anchor">
          <button type="button" aria-haspopup="dialog" aria-expanded={basemapMenuOpen} onClick={() => toggle('basemapMenuOpen')} aria-label={t('toolbar.basemap')}>
            {t('toolbar.basemap')} ▾
          </button>
          {basemapMenuOpen && <BasemapMenu />}
        </div>
        <button type="button" aria-pressed={legendOpen} onClick={() => toggle('legendOpen')} aria-label={t('toolbar.legend')}>
          {t('toolbar.legend')}
        </button>
        <button type="button" aria-pressed={featuresOpen} onClick={() => toggle('featuresOpen')} aria-label={t('toolbar.features')}>
          {t('toolbar.features')}
        </button>
        <button type="button" aria-pressed={view3d} onClick={() => toggle('view3d')} aria-label={t('toolbar.view3d')}>
          3D
        </button>
      </div>
      <ScenarioMenu />
      <span className="file-status" aria-live="polite">
        <span className="file-name" title={fileName ?? undefined}>
          {hasDocument ? (fileName ?? t('status.untitled')) : ''}
        </span>
        {dirty && <span className="dirty-marker" title={t('status.unsaved')} aria-label={t('status.unsaved')}> •</span>}
      </span>
      <button type="button" className="toolbar-icon" onClick={() => openDialog('settings')} aria-label={t('desktop.settings')} title={t('desktop.settingsTitle')}>
        ⚙
      </button>
      <button type="button" className="toolbar-icon" data-tour="help" onClick={() => openDialog('help', 'shortcuts')} aria-label={t('desktop.help')} title={t('desktop.helpTitle')}>
        ?
      </button>
      <button type="button" className="lang" onClick={() => setLang(lang === 'en' ? 'vi' : 'en')} aria-label={t('toolbar.languageLabel')}>
        {t('toolbar.language')}
      </button>
    </header>
  );
}
