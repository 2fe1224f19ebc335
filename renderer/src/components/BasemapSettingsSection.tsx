import { useT } from '../i18n/use-t';
import { describeBytes, MBTILES_MAX_BYTES } from '../../../shared/tile-archive';
import { describeTileFile, forgetOfflineFile, useOfflineBasemap } from '../map/offline-basemap/offline-basemap-store';
import { BasemapOptions } from './BasemapMenu';
import './basemap.css';

/** Strips the simple HTML links of tile attributions for plain display. */
const plainText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/**
 * The basemap part of the Settings dialog, self-contained: the same choices as the toolbar
 * menu, plus what the offline map file is (format, schema, zooms, attribution) and "Forget".
 * Embed with `<BasemapSettingsSection />`.
 */
export function BasemapSettingsSection() {
  const t = useT();
  const file = useOfflineBasemap();
  return (
    <fieldset className="basemap-settings">
      <legend>{t('basemap.settings.title')}</legend>
      <div className="basemap-settings-options" role="radiogroup" aria-label={t('basemap.settings.title')}>
        <BasemapOptions />
      </div>
      <p className="basemap-settings-subtitle">{t('basemap.settings.offlineFile')}</p>
      {file.info ? (
        <div className="basemap-file-details" data-testid="basemap-file-details">
          <p>
            <strong>{file.info.name}</strong> — {file.info.fileName}, {describeBytes(file.info.sizeBytes)}
          </p>
          <p>{describeTileFile(file.info)}</p>
          {file.info.attribution && <p>{t('basemap.settings.attribution', { text: plainText(file.info.attribution) })}</p>}
          <button type="button" onClick={() => void forgetOfflineFile()}>
            {t('basemap.file.forget')}
          </button>
        </div>
      ) : (
        <p>{file.pendingName ?? t('basemap.settings.noFile')}</p>
      )}
      <p className="basemap-hint">{t('basemap.settings.hint', { limit: describeBytes(MBTILES_MAX_BYTES) })}</p>
    </fieldset>
  );
}
