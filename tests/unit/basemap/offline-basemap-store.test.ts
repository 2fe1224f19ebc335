import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, TileFileOutcome } from '../../../shared/host-api';
import type { TileArchiveInfo } from '../../../shared/tile-archive/types';

/** A desktop host whose main-process answers the test sets (the file is main's, one per app). */
const main = vi.hoisted(() => ({ current: null as unknown, chosen: null as unknown }));
vi.mock('../../../renderer/src/host/get-host', () => ({
  getHost: (): Partial<HostApi> => ({
    kind: 'desktop',
    chooseTileFile: async () => main.chosen as TileFileOutcome,
    currentTileFile: async () => main.current as TileFileOutcome,
    forgetTileFile: async () => undefined,
    readTile: async () => null,
  }),
}));

const { chooseOfflineFile, refreshOfflineFile, restoreOfflineFile, useOfflineBasemap } = await import('../../../renderer/src/map/offline-basemap/offline-basemap-store');
const { useUiStore } = await import('../../../renderer/src/state/ui-store');
const { useSettingsStore } = await import('../../../renderer/src/state/settings-store');

const info = (name: string, schema: TileArchiveInfo['schema']): TileArchiveInfo => ({
  format: 'pmtiles',
  fileName: `${name}.pmtiles`,
  sizeBytes: 1000,
  kind: 'vector',
  encoding: 'mvt',
  schema,
  vectorLayers: [],
  minzoom: 0,
  maxzoom: 14,
  bounds: null,
  attribution: '',
  name,
});

describe('the offline file chosen or forgotten in another window', () => {
  beforeEach(() => useUiStore.setState({ notices: [], lang: 'en' }));

  it('is reloaded on "offline-basemap-changed": new file, new style and tile URLs; forgotten → Natural Earth', async () => {
    main.current = { ok: true, info: info('Bắc Ninh', 'protomaps') };
    await restoreOfflineFile();
    const first = useOfflineBasemap.getState();
    expect(first).toMatchObject({ status: 'ready', info: { name: 'Bắc Ninh', schema: 'protomaps' } });
    useUiStore.getState().setBasemap('file');

    main.current = { ok: true, info: info('Hà Nội', 'openmaptiles') };
    await refreshOfflineFile();
    expect(useOfflineBasemap.getState()).toMatchObject({ status: 'ready', info: { name: 'Hà Nội', schema: 'openmaptiles' }, generation: first.generation + 1 });
    expect(useUiStore.getState().basemap).toBe('file');

    main.current = { ok: false, reason: 'none' };
    await refreshOfflineFile();
    expect(useOfflineBasemap.getState()).toMatchObject({ status: 'none', info: null, generation: first.generation + 2 });
    expect(useUiStore.getState().basemap).toBe('offline');
    expect(useSettingsStore.getState().basemap).toBe('offline');
    expect(useUiStore.getState().notices).toEqual([]); // quiet: the other window said it already
  });

  it('shows a refusal in Vietnamese from its cause, never the English detail', async () => {
    useUiStore.setState({ lang: 'vi' });
    const detail = 'It is 2.0 GiB; MBTiles files are read into memory and the limit is 1.0 GiB.';
    main.chosen = { ok: false, reason: 'too_large', cause: { code: 'too_large', size: 2 * 1024 ** 3, limit: 1024 ** 3 }, detail, fileName: 'vn.mbtiles' };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await chooseOfflineFile();
    const [notice] = useUiStore.getState().notices;
    expect(notice).toMatchObject({ tone: 'error', title: 'Chưa nạp được bản đồ ngoại tuyến' });
    expect(notice.text).toContain('“vn.mbtiles” quá lớn để mở dưới dạng MBTiles.');
    expect(notice.text).toContain('Tệp có dung lượng 2,0 GiB');
    expect(notice.text).not.toContain(detail);
    expect(warn.mock.calls.flat().join(' ')).toContain(detail); // the English detail goes to the log
    warn.mockRestore();
  });
});
