import { useT } from '../i18n/use-t';
import { MBTILES_MAX_BYTES } from '../../../shared/tile-archive';
import { formatFileSize } from '../map/offline-basemap/refusal-text';
import { useUiStore } from '../state/ui-store';
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
  const lang = useUiStore((s) => s.lang);
  return (
    <fieldset className="basemap-settings">
      <legend>{t('basemap.settings.title')}</legend>
      <div className="basemap-settings-options">
        <BasemapOptions />
      </div>
      <p className="basemap-settings-subtitle">{t('basemap.settings.offlineFile')}</p>
      {file.info ? (
        <div className="basemap-file-details" data-testid="basemap-file-details">
          <p>
            <strong>{file.info.name}</strong> — {file.info.fileName}, {formatFileSize(lang, file.info.sizeBytes)}
          </p>
          <p>{describeTileFile(file.info)}</p>
          {file.info.attribution && <p>{t('basemap.settings.attribution', { text: plainText(file.info.attribution) })}</p>}
        </div>
      ) : (
        <p>
          {file.pendingName === null
            ? t('basemap.settings.noFile')
            : t(file.status === 'needs-permission' ? 'basemap.file.needsPermissionShort' : 'basemap.file.unavailableShort', { file: file.pendingName })}
        </p>
      )}
      {/* Whenever a file is remembered, also one that is gone or waits for permission. */}
      {(file.info || file.pendingName !== null) && (
        <button type="button" onClick={() => void forgetOfflineFile()}>
          {t('basemap.file.forget')}
        </button>
      )}
      <p className="basemap-hint">{t('basemap.settings.hint', { limit: formatFileSize(lang, MBTILES_MAX_BYTES) })}</p>
    </fieldset>
  );
}
