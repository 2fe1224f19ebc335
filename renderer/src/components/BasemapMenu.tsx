import { useState } from 'react';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { ATTRIBUTION_MAX_LENGTH, hostOf, isValidStyleUrl, isValidXyzUrl, type BasemapId } from '../map/basemaps';
import { fetchOnlineStyle } from '../map/offline-basemap/online-style';
import { chooseBasemap, chooseOfflineFile, reconnectOfflineFile, useOfflineBasemap } from '../map/offline-basemap/offline-basemap-store';
import './basemap.css';

/**
 * The basemap choices, shared by the toolbar menu and the Settings dialog: offline first (the
 * bundled Natural Earth map, the user's .pmtiles/.mbtiles file), then the online extras.
 */
export function BasemapOptions({ itemRole }: { itemRole?: 'menuitemradio' }) {
  const t = useT();
  const { basemap, customBasemapUrl, customBasemapAttribution, styleBasemapUrl } = useUiStore();
  const file = useOfflineBasemap();
  const [xyz, setXyz] = useState(customBasemapUrl);
  const [xyzAttribution, setXyzAttribution] = useState(customBasemapAttribution);
  const [xyzError, setXyzError] = useState(false);
  const [styleUrl, setStyleUrl] = useState(styleBasemapUrl);
  const [styleState, setStyleState] = useState<{ kind: 'idle' | 'checking' } | { kind: 'error'; text: string }>({ kind: 'idle' });

  const radio = (id: BasemapId, label: string, extra?: { testId?: string; title?: string }) => (
    <button
      key={id}
      type="button"
      role={itemRole ?? 'radio'}
      aria-checked={basemap === id}
      data-testid={extra?.testId}
      title={extra?.title}
      onClick={() => chooseBasemap(id, id === 'custom' ? customBasemapUrl : id === 'style' ? styleBasemapUrl : undefined)}
    >
      {basemap === id ? '● ' : '○ '}
      {label}
    </button>
  );

  return (
    <>
      <div className="basemap-group">{t('basemap.group.offline')}</div>
      {radio('offline', t('basemap.offline'))}
      {file.status === 'ready' && file.info && radio('file', t('basemap.file', { name: file.info.name }), { testId: 'basemap-file', title: file.info.fileName })}
      {file.status === 'needs-permission' && (
        <button type="button" className="basemap-action" onClick={() => void reconnectOfflineFile()} title={t('basemap.file.reconnectHint', { file: file.pendingName ?? '' })}>
          ↻ {t('basemap.file.reconnect')}
          {file.pendingName ? ` (${file.pendingName})` : ''}
        </button>
      )}
      <button type="button" className="basemap-action" disabled={file.status === 'busy'} onClick={() => void chooseOfflineFile()}>
        {file.status === 'busy' ? t('basemap.file.opening') : file.info ? t('basemap.file.change') : t('basemap.file.choose')}
      </button>

      <div className="basemap-group">{t('basemap.group.online')}</div>
      {radio('osm', t('basemap.osm'))}
      {radio('satellite', t('basemap.satellite'))}
      {customBasemapUrl && radio('custom', t('basemap.customLabel', { host: hostOf(customBasemapUrl) }), { title: customBasemapUrl })}
      {styleBasemapUrl && radio('style', t('basemap.styleLabel', { host: hostOf(styleBasemapUrl) }), { title: styleBasemapUrl })}
      <form
        className="custom-url"
        onSubmit={(event) => {
          event.preventDefault();
          const url = xyz.trim();
          if (!isValidXyzUrl(url)) {
            setXyzError(true);
            return;
          }
          setXyzError(false);
          chooseBasemap('custom', url, xyzAttribution.trim());
        }}
      >
        <label>
          {t('basemap.custom')}
          <input type="url" value={xyz} placeholder="https://…/{z}/{x}/{y}.png" onChange={(e) => setXyz(e.target.value)} title={t('basemap.customPrompt')} />
        </label>
        <label>
          {t('basemap.customAttribution')}
          <input
            type="text"
            value={xyzAttribution}
            maxLength={ATTRIBUTION_MAX_LENGTH}
            placeholder={isValidXyzUrl(xyz.trim()) ? t('basemap.customAttributionDefault', { host: hostOf(xyz.trim()) }) : t('basemap.customAttributionPlaceholder')}
            onChange={(e) => setXyzAttribution(e.target.value)}
            title={t('basemap.customAttributionHint')}
          />
        </label>
        <button type="submit">{t('basemap.customApply')}</button>
        {xyzError && <p className="error-text">{t('basemap.customInvalid')}</p>}
      </form>
      <form
        className="custom-url"
        onSubmit={(event) => {
          event.preventDefault();
          const url = styleUrl.trim();
          if (!isValidStyleUrl(url)) {
            setStyleState({ kind: 'error', text: t('basemap.styleInvalidUrl') });
            return;
          }
          setStyleState({ kind: 'checking' });
          // Checked before it is used (and remembered): a wrong address never replaces the basemap.
          void fetchOnlineStyle(url).then((result) => {
            if (result.ok) {
              setStyleState({ kind: 'idle' });
              chooseBasemap('style', url);
            } else {
              setStyleState({ kind: 'error', text: `${t(result.reason === 'not_style' ? 'basemap.styleNotStyle' : 'basemap.styleUnreachable')} (${result.detail})` });
            }
          });
        }}
      >
        <label>
          {t('basemap.style')}
          <input type="url" value={styleUrl} placeholder="https://…/style.json" onChange={(e) => setStyleUrl(e.target.value)} title={t('basemap.stylePrompt')} />
        </label>
        <button type="submit" disabled={styleState.kind === 'checking'}>
          {styleState.kind === 'checking' ? t('basemap.styleChecking') : t('basemap.styleApply')}
        </button>
        {styleState.kind === 'error' && (
          <p className="error-text" role="alert">
            {styleState.text}
          </p>
        )}
      </form>
    </>
  );
}

/** Basemap menu of the toolbar: the offline map is the default; online ones are optional extras. */
export function BasemapMenu() {
  const t = useT();
  return (
    <div className="menu basemap-menu" role="menu" aria-label={t('toolbar.basemap')}>
      <BasemapOptions itemRole="menuitemradio" />
    </div>
  );
}
