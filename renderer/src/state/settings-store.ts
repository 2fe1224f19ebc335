import { create } from 'zustand';
import { defaultBasemap, isBasemapId, type BasemapId } from '../map/basemaps';

/**
 * The user's preferences, remembered across sessions (localStorage of the app's origin, which
 * the desktop shell keeps in its user-data folder). Unlike ui-store (state of this session) and
 * the document's own settings (saved in the project file), these belong to the person, not to
 * a park. The Settings dialog edits them; each capability reads its own fields.
 *
 * The UI language stays in ui-store (`lang`, persisted under 'ecopark.lang') because every
 * component already reads it there.
 */
export interface AppSettings {
  /** Write a recovery copy of unsaved work every `autosaveIntervalSeconds`. */
  autosaveEnabled: boolean;
  autosaveIntervalSeconds: number;
  /** The first-run tour was finished or skipped. */
  tourDone: boolean;
  /** The basemap last chosen (an online one falls back for a session without changing this). */
  basemap: BasemapId;
  /** The user chose `basemap` (in the menu); until then each start follows the network (startingBasemap). */
  basemapChosen: boolean;
  /** Remembered online sources: an https XYZ template and an https MapLibre style URL ('' when none). */
  customBasemapUrl: string;
  /** The credit shown for the custom XYZ basemap, as plain text ('' = the address's host). */
  customBasemapAttribution: string;
  styleBasemapUrl: string;
}

export const DEFAULT_SETTINGS: AppSettings = {
  autosaveEnabled: true,
  autosaveIntervalSeconds: 30,
  tourDone: false,
  basemap: 'offline',
  basemapChosen: false,
  customBasemapUrl: '',
  customBasemapAttribution: '',
  styleBasemapUrl: '',
};

/** Bounds of the autosave interval the dialog accepts (seconds). */
export const AUTOSAVE_INTERVAL_RANGE = { min: 10, max: 600 } as const;

const STORAGE_KEY = 'ecopark.settings';

/** Reads stored settings, keeping only known fields of the right type (a hand-edited or older store never breaks start-up). */
export function parseStoredSettings(raw: string | null | undefined): AppSettings {
  const settings = { ...DEFAULT_SETTINGS };
  if (!raw) return settings;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return settings;
  }
  if (typeof stored !== 'object' || stored === null) return settings;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]) {
    if (typeof record[key] === typeof DEFAULT_SETTINGS[key]) (settings as Record<string, unknown>)[key] = record[key];
  }
  settings.autosaveIntervalSeconds = clampInterval(settings.autosaveIntervalSeconds);
  if (!isBasemapId(settings.basemap)) settings.basemap = DEFAULT_SETTINGS.basemap;
  // Stored before basemapChosen existed: a remembered basemap is kept as the user's choice.
  if (typeof record.basemapChosen !== 'boolean') settings.basemapChosen = isBasemapId(record.basemap);
  return settings;
}

/** The basemap a session starts with: the user's choice, else the default for the network. */
export function startingBasemap(settings: Pick<AppSettings, 'basemap' | 'basemapChosen'>, online: boolean): BasemapId {
  return settings.basemapChosen ? settings.basemap : defaultBasemap(online);
}

export function clampInterval(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_SETTINGS.autosaveIntervalSeconds;
  return Math.min(AUTOSAVE_INTERVAL_RANGE.max, Math.max(AUTOSAVE_INTERVAL_RANGE.min, Math.round(seconds)));
}

interface SettingsState extends AppSettings {
  update(patch: Partial<AppSettings>): void;
}

function pick(state: AppSettings): AppSettings {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS)) out[key] = (state as unknown as Record<string, unknown>)[key];
  return out as unknown as AppSettings;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  ...parseStoredSettings(globalThis.localStorage?.getItem(STORAGE_KEY)),
  update(patch) {
    const next = { ...pick(get()), ...patch };
    // Only the menu writes the basemap (a fallback changes the session's, never this).
    if (patch.basemap !== undefined) next.basemapChosen = true;
    next.autosaveIntervalSeconds = clampInterval(next.autosaveIntervalSeconds);
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    set(next);
  },
}));
