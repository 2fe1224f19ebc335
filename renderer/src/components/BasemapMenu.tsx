import { useId, useRef, useState } from 'react';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { ATTRIBUTION_MAX_LENGTH, hostOf, isValidStyleUrl, isValidXyzUrl, type BasemapId } from '../map/basemaps';
import { fetchOnlineStyle, type OnlineStyleResult } from '../map/offline-basemap/online-style';
import { styleCauseText } from '../map/offline-basemap/refusal-text';
import { chooseBasemap, chooseOfflineFile, reconnectOfflineFile, useOfflineBasemap } from '../map/offline-basemap/offline-basemap-store';
import './basemap.css';

/**
 * The basemap choices, shared by the toolbar popup and the Settings dialog: offline first (the
 * bundled Natural Earth map, the user's .pmtiles/.mbtiles file), then the online extras. The
 * choices are native radio buttons of one name in a fieldset that holds nothing else, so the
 * arrow keys move between them and a screen reader announces "radio, 2 of 5"; the file
 * actions and the URL forms follow outside the group.
 */
export function BasemapOptions() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const { basemap, customBasemapUrl, customBasemapAttribution, styleBasemapUrl } = useUiStore();
  const file = useOfflineBasemap();
  const name = useId();
  const byPointer = useRef(false);
  const [xyz, setXyz] = useState(customBasemapUrl);
  const [xyzAttribution, setXyzAttribution] = useState(customBasemapAttribution);
  const [xyzError, setXyzError] = useState(false);
  const [styleUrl, setStyleUrl] = useState(styleBasemapUrl);
  const [styleState, setStyleState] = useState<{ kind: 'idle' | 'checking' } | { kind: 'error'; /** null: not an https address. */ result: Extract<OnlineStyleResult, { ok: false }> | null }>({ kind: 'idle' });

  const radio = (id: BasemapId, label: string, extra?: { testId?: string; title?: string }) => (
    <label key={id} className="basemap-radio" title={extra?.title} onPointerDown={() => (byPointer.current = true)}>
      <input
        type="radio"
        name={name}
        value={id}
        checked={basemap === id}
        data-testid={extra?.testId}
        onChange={() => {
          // A click closes the toolbar popup (the choice is made); the arrow keys keep it open.
          const keepMenuOpen = !byPointer.current;
          byPointer.current = false;
          chooseBasemap(id, id === 'custom' ? customBasemapUrl : id === 'style' ? styleBasemapUrl : undefined, undefined, { keepMenuOpen });
        }}
      />
      {label}
    </label>
  );

  return (
    <>
      <fieldset className="basemap-choices">
        <legend className="basemap-choices-legend">{t('basemap.settings.shown')}</legend>
        <div className="basemap-group">{t('basemap.group.offline')}</div>
        {radio('offline', t('basemap.offline'))}
        {file.status === 'ready' && file.info && radio('file', t('basemap.file', { name: file.info.name }), { testId: 'basemap-file', title: file.info.fileName })}
        <div className="basemap-group">{t('basemap.group.online')}</div>
        {radio('osm', t('basemap.osm'))}
        {radio('satellite', t('basemap.satellite'))}
        {customBasemapUrl && radio('custom', t('basemap.customLabel', { host: hostOf(customBasemapUrl) }), { title: customBasemapUrl })}
        {styleBasemapUrl && radio('style', t('basemap.styleLabel', { host: hostOf(styleBasemapUrl) }), { title: styleBasemapUrl })}
      </fieldset>
      {file.status === 'needs-permission' && (
        <button type="button" className="basemap-action" onClick={() => void reconnectOfflineFile()} title={t('basemap.file.reconnectHint', { file: file.pendingName ?? '' })}>
          {t('basemap.file.reconnect')}
          {file.pendingName ? ` (${file.pendingName})` : ''}
        </button>
      )}
      <button type="button" className="basemap-action" disabled={file.status === 'busy'} onClick={() => void chooseOfflineFile()}>
        {file.status === 'busy' ? t('basemap.file.opening') : file.info ? t('basemap.file.change') : t('basemap.file.choose')}
      </button>
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
            setStyleState({ kind: 'error', result: null });
            return;
          }
          setStyleState({ kind: 'checking' });
          // Checked before it is used (and remembered): a wrong address never replaces the basemap.
          void fetchOnlineStyle(url).then((result) => {
            if (result.ok) {
              setStyleState({ kind: 'idle' });
              chooseBasemap('style', url);
            } else {
              console.warn(`[ecopark] online style refused: ${result.detail}`);
              setStyleState({ kind: 'error', result });
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
            {styleState.result === null
              ? t('basemap.styleInvalidUrl')
              : `${t(styleState.result.reason === 'not_style' ? 'basemap.styleNotStyle' : 'basemap.styleUnreachable')} ${styleCauseText(lang, styleState.result.cause)}`}
          </p>
        )}
      </form>
    </>
  );
}

/**
 * Basemap popup of the toolbar: the offline map is the default; online ones are optional extras.
 * A non-modal dialog rather than a menu, since it holds radio buttons and forms.
 */
export function BasemapMenu() {
  const t = useT();
  return (
    <div className="menu basemap-menu" role="dialog" aria-label={t('toolbar.basemap')}>
      <BasemapOptions />
    </div>
  );
}
