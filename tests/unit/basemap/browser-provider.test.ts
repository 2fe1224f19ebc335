import { describe, expect, it } from 'vitest';
import { browserProvider, type FileHandleLike } from '../../../renderer/src/map/offline-basemap/tile-provider';
import type { HandleStore } from '../../../renderer/src/map/offline-basemap/handle-store';
import { LAKE, LEAF_RUN_IDS } from '../../../scripts/make-tile-fixtures';
import { decodeTile, fixture, leafFixtureFacts, namesOf, tileOf } from './helpers';

/** A FileSystemFileHandle stand-in whose permission the test controls. */
function handle(name: string, bytes: Uint8Array, permission: { query: PermissionState; request: PermissionState }) {
  const calls: string[] = [];
  const h: FileHandleLike = {
    name,
    getFile: async () => new File([bytes as BlobPart], name),
    queryPermission: async () => (calls.push('query'), permission.query),
    requestPermission: async () => (calls.push('request'), permission.request),
  };
  return { h, calls };
}

function memoryHandles(initial: FileHandleLike | null = null, failPut = false) {
  let stored = initial;
  const store: HandleStore = {
    get: async () => stored,
    put: async (h) => {
      if (failPut) throw new DOMException('cannot clone', 'DataCloneError');
      stored = h;
    },
    clear: async () => {
      stored = null;
    },
  };
  return { store, current: () => stored };
}

const lake = tileOf((LAKE.bounds[0] + LAKE.bounds[2]) / 2, (LAKE.bounds[1] + LAKE.bounds[3]) / 2, 13);

describe('browser offline map file', () => {
  it('opens a picked file by Blob slices and remembers its handle', async () => {
    const { h } = handle('vn.pmtiles', fixture('protomapsPmtiles'), { query: 'granted', request: 'granted' });
    const handles = memoryHandles();
    const provider = browserProvider({ filePicker: () => async () => [h], pickWithInput: async () => null, handles: handles.store });
    expect(await provider.choose()).toMatchObject({ ok: true, remembered: true, info: { schema: 'protomaps' } });
    expect(handles.current()).toBe(h);
    const tile = await provider.readTile(13, lake.x, lake.y);
    expect(decodeTile(tile!).layer('fixture')[0].properties.zxy).toBe(`13/${lake.x}/${lake.y}`);
  });

  it('on restart: opens at once when permission holds, else waits for "Reconnect" (a click) and then opens', async () => {
    const granted = handle('vn.pmtiles', fixture('protomapsPmtiles'), { query: 'granted', request: 'granted' });
    const again = browserProvider({ filePicker: () => undefined, pickWithInput: async () => null, handles: memoryHandles(granted.h).store });
    expect(await again.restore()).toMatchObject({ ok: true });

    const asking = handle('vn.pmtiles', fixture('protomapsPmtiles'), { query: 'prompt', request: 'granted' });
    const provider = browserProvider({ filePicker: () => undefined, pickWithInput: async () => null, handles: memoryHandles(asking.h).store });
    expect(await provider.restore()).toEqual({ ok: false, reason: 'needs_permission', fileName: 'vn.pmtiles' });
    expect(await provider.readTile(13, lake.x, lake.y)).toBeNull();
    expect(asking.calls).toEqual(['query']); // never prompts by itself at start-up
    expect(await provider.reconnect()).toMatchObject({ ok: true, info: { fileName: 'vn.pmtiles' } });
    expect(asking.calls).toEqual(['query', 'request']);
    expect(await provider.readTile(13, lake.x, lake.y)).not.toBeNull();
  });

  it('keeps waiting when the user refuses permission', async () => {
    const refusing = handle('vn.pmtiles', fixture('protomapsPmtiles'), { query: 'prompt', request: 'denied' });
    const provider = browserProvider({ filePicker: () => undefined, pickWithInput: async () => null, handles: memoryHandles(refusing.h).store });
    await provider.restore();
    expect(await provider.reconnect()).toMatchObject({ ok: false, reason: 'io_error', cause: { code: 'permission_denied' }, fileName: 'vn.pmtiles' });
  });

  it('refuses a bad pick and keeps the file already open; a cancelled picker changes nothing', async () => {
    const good = handle('good.pmtiles', fixture('protomapsPmtiles'), { query: 'granted', request: 'granted' });
    const bad = handle('bad.mbtiles', new TextEncoder().encode('not sqlite, not pmtiles'), { query: 'granted', request: 'granted' });
    let next: FileHandleLike | 'abort' = good.h;
    const handles = memoryHandles();
    const provider = browserProvider({
      filePicker: () => async () => {
        if (next === 'abort') throw new DOMException('The user aborted a request.', 'AbortError');
        return [next];
      },
      pickWithInput: async () => null,
      handles: handles.store,
    });
    await provider.choose();
    next = bad.h;
    expect(await provider.choose()).toMatchObject({ ok: false, reason: 'not_tile_archive', fileName: 'bad.mbtiles' });
    next = 'abort';
    expect(await provider.choose()).toEqual({ ok: false, reason: 'cancelled' });
    expect(handles.current()).toBe(good.h);
    expect(await provider.readTile(13, lake.x, lake.y)).not.toBeNull();
  });

  it('without the picker, a file input opens the file for this session only', async () => {
    const handles = memoryHandles(handle('old.pmtiles', fixture('protomapsPmtiles'), { query: 'granted', request: 'granted' }).h);
    const provider = browserProvider({
      filePicker: () => undefined,
      pickWithInput: async () => new File([fixture('protomapsPmtiles') as BlobPart], 'picked.pmtiles'),
      handles: handles.store,
    });
    expect(await provider.choose()).toMatchObject({ ok: true, remembered: false, info: { fileName: 'picked.pmtiles' } });
    expect(handles.current()).toBeNull(); // the older handle must not come back on restart
  });

  it('describes the picker’s file type in the UI language', async () => {
    const { h } = handle('vn.pmtiles', fixture('protomapsPmtiles'), { query: 'granted', request: 'granted' });
    const asked: object[] = [];
    const provider = browserProvider({
      filePicker: () => async (options) => (asked.push(options), [h]),
      pickWithInput: async () => null,
      handles: memoryHandles().store,
      lang: () => 'vi',
    });
    await provider.choose();
    expect(asked).toMatchObject([{ types: [{ description: 'Ô bản đồ ngoại tuyến (PMTiles, MBTiles)' }] }]);
  });

  it('reads a PMTiles file laid out in leaf directories, a tile reached only through a run included', async () => {
    const bytes = fixture('leafPmtiles');
    expect(leafFixtureFacts(bytes).leafBytes).toBeGreaterThan(0);
    const { h } = handle('world.pmtiles', bytes, { query: 'granted', request: 'granted' });
    const provider = browserProvider({ filePicker: () => async () => [h], pickWithInput: async () => null, handles: memoryHandles().store });
    expect(await provider.choose()).toMatchObject({ ok: true, info: { minzoom: 0, maxzoom: 2 } });
    const runs: string[][] = [];
    for (let z = 0; z <= 2; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) {
          const names = namesOf(decodeTile((await provider.readTile(z, x, y))!));
          expect(names, `${z}/${x}/${y}`).toContain(`${z}/${x}/${y}`);
          if (names.length > 1) runs.push(names);
        }
      }
    }
    // The three tiles of the run all get the one shared tile, which names all three.
    expect(runs).toHaveLength(LEAF_RUN_IDS.length);
    expect(new Set(runs.map((r) => r.join(' '))).size).toBe(1);
    expect(await provider.readTile(3, 0, 0)).toBeNull(); // beyond its max zoom
  });
});
