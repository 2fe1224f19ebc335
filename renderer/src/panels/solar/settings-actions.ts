import { DEFAULT_SOLAR_SETTINGS, readSolarSettings, type SolarSettings } from '../../../../shared/solar';
import { translate, type MessageKey } from '../../i18n/strings';
import { useDocumentStore } from '../../state/document-store';
import { useUiStore } from '../../state/ui-store';

/** The project's solar assumptions with defaults applied. */
export function currentSolarSettings(): SolarSettings {
  const doc = useDocumentStore.getState().document;
  return doc ? readSolarSettings(doc.settings) : DEFAULT_SOLAR_SETTINGS;
}

function save(settings: SolarSettings, labelKey: MessageKey): void {
  useDocumentStore.getState().setSettings('solar', settings, translate(useUiStore.getState().lang, labelKey));
}

/** Saves assumptions in doc.settings.solar as one undoable step (fields commit on blur or Enter, not per keystroke). */
export function updateSolarSettings(patch: Partial<SolarSettings>): void {
  save({ ...currentSolarSettings(), ...patch }, 'solar.command.assumptions');
}

export function resetSolarSettings(): void {
  save(DEFAULT_SOLAR_SETTINGS, 'solar.command.reset');
}
