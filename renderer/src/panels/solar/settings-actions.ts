import { DEFAULT_SOLAR_SETTINGS, readSolarSettings, type SolarSettings } from '../../../../shared/solar';
import { useDocumentStore } from '../../state/document-store';

/** The project's solar assumptions with defaults applied. */
export function currentSolarSettings(): SolarSettings {
  const doc = useDocumentStore.getState().document;
  return doc ? readSolarSettings(doc.settings) : DEFAULT_SOLAR_SETTINGS;
}

/**
 * Saves assumptions in doc.settings.solar. Not an undoable command (settings are not
 * features); the document store marks the project dirty.
 */
export function updateSolarSettings(patch: Partial<SolarSettings>): void {
  useDocumentStore.getState().setSettings('solar', { ...currentSolarSettings(), ...patch });
}

export function resetSolarSettings(): void {
  useDocumentStore.getState().setSettings('solar', DEFAULT_SOLAR_SETTINGS);
}
