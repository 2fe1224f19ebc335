import { describe, expect, it, vi } from 'vitest';
import { defaultBasemap } from '../../../renderer/src/map/basemaps';
import { parseStoredSettings, startingBasemap } from '../../../renderer/src/state/settings-store';

/**
 * The basemap a session starts with (issue 13): OpenStreetMap on a machine that is online and
 * whose user never chose a basemap, the bundled offline map when offline; a choice made in the
 * menu is kept whatever the network. The online check is a parameter: no test touches the network.
 */
describe('the starting basemap', () => {
  it('follows the network until the user chooses', () => {
    expect(defaultBasemap(true)).toBe('osm');
    expect(defaultBasemap(false)).toBe('offline');
    const firstRun = parseStoredSettings(null);
    expect(firstRun.basemapChosen).toBe(false);
    expect(startingBasemap(firstRun, true)).toBe('osm');
    expect(startingBasemap(firstRun, false)).toBe('offline');
    // Other settings stored (the tour done), still no basemap chosen.
    expect(startingBasemap(parseStoredSettings(JSON.stringify({ tourDone: true })), true)).toBe('osm');
  });

  it('keeps a choice, including the offline map on a connected machine', () => {
    const chose = (basemap: string) => parseStoredSettings(JSON.stringify({ basemap, basemapChosen: true }));
    expect(startingBasemap(chose('offline'), true)).toBe('offline');
    expect(startingBasemap(chose('satellite'), false)).toBe('satellite');
    // Settings stored before the flag existed: the remembered basemap was the user's.
    expect(startingBasemap(parseStoredSettings(JSON.stringify({ basemap: 'file' })), true)).toBe('file');
    expect(startingBasemap(parseStoredSettings(JSON.stringify({ basemap: 'offline' })), true)).toBe('offline');
    // An unknown stored id is no choice.
    expect(startingBasemap(parseStoredSettings(JSON.stringify({ basemap: 'google' })), true)).toBe('osm');
  });

  it('a basemap written by the menu is remembered as chosen; other settings are not a choice', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    vi.resetModules();
    const { useSettingsStore } = await import('../../../renderer/src/state/settings-store');
    useSettingsStore.getState().update({ tourDone: true });
    expect(JSON.parse(storage.get('ecopark.settings')!)).toMatchObject({ tourDone: true, basemapChosen: false });
    useSettingsStore.getState().update({ basemap: 'offline' });
    expect(JSON.parse(storage.get('ecopark.settings')!)).toMatchObject({ basemap: 'offline', basemapChosen: true });
    vi.unstubAllGlobals();
  });
});
