import { useState } from 'react';
import { LAND_USE_CODES, landUseLabel, type LandUseCode } from '../../../shared/model/land-use';
import { codePrefixSchema, readFeatureCodeScheme, setFeatureCodeSchemeCommand } from '../../../shared/model/feature-codes';
import { useDocumentStore } from '../state/document-store';
import { useUiStore } from '../state/ui-store';
import { useT } from '../i18n/use-t';

/**
 * The plot-code prefixes of the open project (shared/model/feature-codes.ts): one field per
 * land-use category. A valid change is saved as one undoable settings command; an invalid one
 * is refused with the reason and the field returns to the saved prefix.
 */
export function FeatureCodeSettings() {
  const t = useT();
  const lang = useUiStore((s) => s.lang);
  const settings = useDocumentStore((s) => s.document?.settings);
  const [invalid, setInvalid] = useState<string | null>(null);
  if (!settings) {
    return (
      <fieldset>
        <legend>{t('settings.codes')}</legend>
        <p className="desktop-muted">{t('settings.codesNone')}</p>
      </fieldset>
    );
  }
  const scheme = readFeatureCodeScheme(settings);

  const commit = (landUse: LandUseCode, input: HTMLInputElement) => {
    const value = input.value.trim();
    if (value === scheme[landUse]) return;
    if (!codePrefixSchema.safeParse(value).success) {
      setInvalid(value);
      input.value = scheme[landUse];
      return;
    }
    setInvalid(null);
    useDocumentStore.getState().execute(setFeatureCodeSchemeCommand({ ...scheme, [landUse]: value }, t('settings.codesCommand')));
  };

  return (
    <fieldset className="settings-codes">
      <legend>{t('settings.codes')}</legend>
      <p className="desktop-muted">{t('settings.codesHint')}</p>
      {LAND_USE_CODES.map((landUse) => (
        <label key={landUse} className="settings-row">
          {landUseLabel(landUse, lang)}
          {/* Keyed by the saved prefix, so an undo or a refused entry shows the saved value again. */}
          <input
            key={scheme[landUse]}
            type="text"
            className="settings-code-prefix"
            data-land-use={landUse}
            defaultValue={scheme[landUse]}
            maxLength={8}
            onBlur={(e) => commit(landUse, e.currentTarget)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(landUse, e.currentTarget);
            }}
          />
        </label>
      ))}
      {invalid !== null && (
        <p className="error-text" role="alert">
          {t('settings.codeInvalid', { value: invalid })}
        </p>
      )}
    </fieldset>
  );
}
