import { useEffect, useMemo, useState } from 'react';
import licensesUrl from '../../../data/third-party-licenses.json?url';
import fontLicence from '../../../data/fonts/OFL.txt?raw';
import dataSources from '../../../data/SOURCES.md?raw';
import type { LicenseEntry, LicenseReport } from '../../../shared/third-party-licenses';
import { getHost } from '../host/get-host';
import { useT } from '../i18n/use-t';
import { ModalDialog } from '../components/ModalDialog';
import { useDesktopStore } from './desktop-store';

/** The list is ~300 kB: fetched when About opens, not bundled into the start-up code. */
function useLicenses(): LicenseEntry[] | null {
  const [entries, setEntries] = useState<LicenseEntry[] | null>(null);
  useEffect(() => {
    let live = true;
    void fetch(licensesUrl)
      .then((response) => response.json() as Promise<LicenseReport>)
      .then((report) => live && setEntries(report.packages))
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, []);
  return entries;
}

/** About (Help ▸ About, the About item of the macOS app menu): version, runtime, licences. */
export function AboutDialog() {
  const t = useT();
  const closeDialog = useDesktopStore((s) => s.closeDialog);
  const runtime = getHost().runtimeVersions;
  const entries = useLicenses();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (entries ?? []).filter((e) => needle === '' || e.name.toLowerCase().includes(needle) || e.license.toLowerCase().includes(needle));
  }, [entries, filter]);
  const current = shown.find((e) => `${e.name}@${e.version}` === selected) ?? shown[0];

  return (
    <ModalDialog title={t('about.title')} onClose={closeDialog} className="about-dialog">
      <div className="about-head">
        <svg className="about-logo" viewBox="0 0 52 52" aria-hidden="true">
          <rect width="52" height="52" rx="12" fill="#1b6e53" />
          {/* A leaf over a plot grid: the park and its green. */}
          <path d="M12 38h28M12 30h28M20 22v20M32 22v20" stroke="#e3f1ea" strokeWidth="2" opacity="0.55" />
          <path d="M15 33C15 19 26 11 39 11c0 14-9 24-22 24" fill="#8fd19e" />
          <path d="M17 35C22 27 28 21 35 16" stroke="#1b6e53" strokeWidth="2" fill="none" />
        </svg>
        <div>
          <p className="about-name">{t('app.title')}</p>
          <p className="about-version">{t('about.version', { version: __APP_VERSION__ })}</p>
          <p className="desktop-muted">{runtime ? t('about.runtime', { ...runtime }) : t('about.web')}</p>
        </div>
      </div>
      <p>{t('about.tagline')}</p>

      <h3>{t('about.appLicence')}</h3>
      <p>{t('about.appLicenceText')}</p>

      <h3>{t('about.data')}</h3>
      <ul className="about-data">
        <li>{t('about.naturalEarth')}</li>
        <li>{t('about.gazetteer')}</li>
        <li>{t('about.noto')}</li>
        <li>{t('about.rules')}</li>
        <li>{t('about.climate')}</li>
      </ul>
      <details>
        <summary>{t('about.fontLicence')}</summary>
        <pre className="about-text">{fontLicence}</pre>
      </details>
      <details>
        <summary>{t('about.sources')}</summary>
        <pre className="about-text">{dataSources}</pre>
      </details>

      <h3>{t('about.thirdParty', { count: entries?.length ?? '…' })}</h3>
      <p className="desktop-muted">{t('about.thirdPartyHint')}</p>
      {runtime && <p className="desktop-muted">{t('about.chromiumNote')}</p>}
      {entries === null ? (
        <p>{t('about.loading')}</p>
      ) : (
        <div className="about-licences">
          <div className="about-licence-list">
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('about.filter')} aria-label={t('about.filter')} />
            <ul role="listbox" aria-label={t('about.thirdParty', { count: entries.length })}>
              {shown.map((entry) => {
                const id = `${entry.name}@${entry.version}`;
                return (
                  <li key={id} role="option" aria-selected={current === entry}>
                    <button type="button" onClick={() => setSelected(id)}>
                      <span className="about-pkg">{entry.name}</span> <span className="desktop-muted">{entry.version}</span>
                      <span className="about-spdx">{entry.license}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
          <div className="about-licence-text" aria-live="polite">
            {current && (
              <>
                <p className="about-pkg-title">
                  {current.name} {current.version} · {current.license}
                </p>
                {current.author !== undefined && (
                  <p className="desktop-muted">{t('about.noLicenceFile', { license: current.license, author: current.author ?? '—' })}</p>
                )}
                <pre className="about-text">{current.licenseText ?? t('about.noText')}</pre>
              </>
            )}
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
