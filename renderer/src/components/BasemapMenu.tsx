import { useState } from 'react';
import { useUiStore, type BasemapId } from '../state/ui-store';
import { useT } from '../i18n/use-t';
import { isValidXyzUrl } from '../map/basemaps';

const OPTIONS: { id: Exclude<BasemapId, 'custom'>; key: 'basemap.offline' | 'basemap.osm' | 'basemap.satellite' }[] = [
  { id: 'offline', key: 'basemap.offline' },
  { id: 'osm', key: 'basemap.osm' },
  { id: 'satellite', key: 'basemap.satellite' },
];

/** Basemap choice: the offline map is the default; online ones are optional extras. */
export function BasemapMenu() {
  const t = useT();
  const { basemap, customBasemapUrl, setBasemap } = useUiStore();
  const [url, setUrl] = useState(customBasemapUrl);
  const [error, setError] = useState(false);

  return (
    <div className="menu" role="menu" aria-label={t('toolbar.basemap')}>
      {OPTIONS.map((option) => (
        <button key={option.id} type="button" role="menuitemradio" aria-checked={basemap === option.id} onClick={() => setBasemap(option.id)}>
          {basemap === option.id ? '● ' : '○ '}
          {t(option.key)}
        </button>
      ))}
      <form
        className="custom-url"
        onSubmit={(event) => {
          event.preventDefault();
          if (!isValidXyzUrl(url.trim())) {
            setError(true);
            return;
          }
          setError(false);
          setBasemap('custom', url.trim());
        }}
      >
        <label>
          {t('basemap.custom')}
          <input type="url" value={url} placeholder="https://…/{z}/{x}/{y}.png" onChange={(e) => setUrl(e.target.value)} title={t('basemap.customPrompt')} />
        </label>
        <button type="submit">{t('basemap.customApply')}</button>
        {error && <p className="error-text">{t('basemap.customInvalid')}</p>}
      </form>
    </div>
  );
}
