import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTileFileIpc, createTileFileService, type TileFileFs } from '../../../electron/tile-file-service';
import { APP_START_URL } from '../../../electron/security-policy';
import { LAKE, LEAF_RUN_IDS } from '../../../scripts/make-tile-fixtures';
import { decodeTile, fixture, leafFixtureFacts, loadSql, namesOf, tileOf } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecopark-tiles-'));
});
/** Services a test made: their open files are closed after it, as main does at quit. */
const made: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

/** node:fs/promises, recording every positional read and whole-file read. */
function spyFs() {
  const reads: { file: string; length: number; position: number }[] = [];
  const wholeReads: string[] = [];
  const openHandles = new Set<string>();
  const injected: TileFileFs = {
    async open(filePath, flags) {
      const handle = await fs.open(filePath, flags);
      openHandles.add(filePath);
      return {
        stat: () => handle.stat(),
        async read(buffer, offset, length, position) {
          reads.push({ file: path.basename(filePath), length, position });
          return handle.read(buffer, offset, length, position);
        },
        async close() {
          openHandles.delete(filePath);
          await handle.close();
        },
      };
    },
    async readFile(filePath) {
      wholeReads.push(path.basename(filePath));
      return fs.readFile(filePath);
    },
  };
  return { injected, reads, wholeReads, openHandles };
}

async function place(name: string, bytes: Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, bytes);
  return p;
}

function service(chosen: () => string | null, injected: TileFileFs) {
  const made1 = createTileFileService({ fs: injected, storeFs: fs, loadSql, storePath: path.join(dir, 'offline-basemap.json'), chooseTilePath: async () => chosen() });
  made.push(made1);
  return made1;
}

const lake = tileOf((LAKE.bounds[0] + LAKE.bounds[2]) / 2, (LAKE.bounds[1] + LAKE.bounds[3]) / 2, 13);

describe('desktop tile file service', () => {
  it('serves a PMTiles file by byte ranges from disk, never reading it whole', async () => {
    const file = await place('vietnam.pmtiles', fixture('protomapsPmtiles'));
    const spy = spyFs();
    const tiles = service(() => file, spy.injected);
    const outcome = await tiles.choose(1);
    expect(outcome).toMatchObject({ ok: true, info: { format: 'pmtiles', schema: 'protomaps', fileName: 'vietnam.pmtiles' } });
    const bytes = await tiles.readTile(13, lake.x, lake.y);
    expect(decodeTile(bytes!).layer('fixture')[0].properties.zxy).toBe(`13/${lake.x}/${lake.y}`);
    expect(spy.wholeReads.filter((n) => n.endsWith('.pmtiles'))).toEqual([]);
    const size = (await fs.stat(file)).size;
    expect(Math.max(...spy.reads.map((r) => r.length))).toBeLessThanOrEqual(16384);
    expect(spy.reads.reduce((sum, r) => sum + r.length, 0)).toBeLessThan(size);
    // The tile read is exactly one range inside the tile data section.
    expect(spy.reads.at(-1)!.length).toBeLessThan(4096);
  });

  it('remembers the chosen file across restarts and reopens it', async () => {
    const file = await place('park.mbtiles', fixture('openmaptilesMbtiles'));
    const first = service(() => file, spyFs().injected);
    expect((await first.choose(1)).ok).toBe(true);
    await first.close();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'offline-basemap.json'), 'utf8'))).toEqual({ path: file });

    const spy = spyFs();
    const restarted = service(() => {
      throw new Error('no dialog on restart');
    }, spy.injected);
    const outcome = await restarted.current();
    expect(outcome).toMatchObject({ ok: true, info: { format: 'mbtiles', schema: 'openmaptiles', fileName: 'park.mbtiles' } });
    // MBTiles lives in memory (sql.js): read whole once, and no file handle kept open.
    expect(spy.wholeReads).toContain('park.mbtiles');
    expect(spy.openHandles.size).toBe(0);
    const bytes = await restarted.readTile(13, lake.x, lake.y);
    expect(decodeTile(bytes!).layer('fixture')[0].properties.zxy).toBe(`13/${lake.x}/${lake.y}`);
  });

  it('refuses a bad file and keeps the previous one, remembered', async () => {
    const good = await place('good.pmtiles', fixture('protomapsPmtiles'));
    const bad = await place('bad.pmtiles', fixture('protomapsPmtiles').slice(0, 500));
    let next = good;
    const spy = spyFs();
    const tiles = service(() => next, spy.injected);
    await tiles.choose(1);
    next = bad;
    const outcome = await tiles.choose(1);
    expect(outcome).toMatchObject({ ok: false, reason: 'truncated', fileName: 'bad.pmtiles' });
    expect(tiles.currentPath()).toBe(good);
    expect(await tiles.readTile(13, lake.x, lake.y)).not.toBeNull();
    expect(JSON.parse(await fs.readFile(path.join(dir, 'offline-basemap.json'), 'utf8'))).toEqual({ path: good });
    expect([...spy.openHandles]).toEqual([good]); // the refused file's handle was closed
  });

  it('reports a remembered file that has gone missing, and keeps remembering it', async () => {
    const file = await place('usb.pmtiles', fixture('protomapsPmtiles'));
    await service(() => file, spyFs().injected).choose(1);
    await fs.rm(file);
    const outcome = await service(() => null, spyFs().injected).current();
    expect(outcome).toMatchObject({ ok: false, reason: 'missing', fileName: 'usb.pmtiles' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'offline-basemap.json'), 'utf8'))).toEqual({ path: file });
  });

  it('says "none" without a choice, "cancelled" on a cancelled dialog, and forgets on request', async () => {
    const file = await place('a.pmtiles', fixture('protomapsPmtiles'));
    const spy = spyFs();
    let answer: string | null = null;
    const tiles = service(() => answer, spy.injected);
    expect(await tiles.current()).toEqual({ ok: false, reason: 'none' });
    expect(await tiles.choose(1)).toEqual({ ok: false, reason: 'cancelled' });
    answer = file;
    await tiles.choose(1);
    await tiles.forget();
    expect(await tiles.readTile(13, lake.x, lake.y)).toBeNull();
    expect(spy.openHandles.size).toBe(0);
    expect(await service(() => null, spyFs().injected).current()).toEqual({ ok: false, reason: 'none' });
  });
});

describe('PMTiles leaf directories (desktop)', () => {
  it('finds every tile through the root and leaf directories, a run included', async () => {
    const bytes = fixture('leafPmtiles');
    const facts = leafFixtureFacts(bytes);
    expect(facts.leafBytes).toBeGreaterThan(0);
    expect(facts.rootRunLengths.every((r) => r === 0)).toBe(true); // the root holds leaf pointers only
    const file = await place('world.pmtiles', bytes);
    const spy = spyFs();
    const tiles = service(() => file, spy.injected);
    expect(await tiles.choose(1)).toMatchObject({ ok: true, info: { format: 'pmtiles', minzoom: 0, maxzoom: 2 } });
    let viaRun = 0;
    for (let z = 0; z <= 2; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) {
          const names = namesOf(decodeTile((await tiles.readTile(z, x, y))!));
          expect(names, `${z}/${x}/${y}`).toContain(`${z}/${x}/${y}`);
          if (names.length > 1) {
            expect(names).toHaveLength(LEAF_RUN_IDS.length);
            if (names.indexOf(`${z}/${x}/${y}`) > 0) viaRun += 1; // not the run's first tile: no entry of its own
          }
        }
      }
    }
    expect(viaRun).toBe(LEAF_RUN_IDS.length - 1);
    expect(spy.wholeReads).toEqual([]);
  });
});

/** An fs whose open() of `slowPath` waits until `release()`. */
function gatedFs(slowPath: string) {
  const spy = spyFs();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const injected: TileFileFs = {
    ...spy.injected,
    async open(filePath, flags) {
      if (filePath === slowPath) await gate;
      return spy.injected.open(filePath, flags);
    },
  };
  return { injected, release, openHandles: spy.openHandles };
}

describe('start-up reopen racing a choice', () => {
  async function remembered(name: string): Promise<string> {
    const file = await place(name, fixture('protomapsPmtiles'));
    await fs.writeFile(path.join(dir, 'offline-basemap.json'), JSON.stringify({ path: file }));
    return file;
  }

  it('keeps the file chosen while the remembered one was opening, and closes the latter', async () => {
    const old = await remembered('old.pmtiles');
    const chosen = await place('new.mbtiles', fixture('openmaptilesMbtiles'));
    const gated = gatedFs(old);
    const tiles = service(() => chosen, gated.injected);
    const starting = tiles.current();
    await new Promise((resolve) => setTimeout(resolve, 20)); // current() is now waiting inside open()
    expect(await tiles.choose(1)).toMatchObject({ ok: true, info: { fileName: 'new.mbtiles' } });
    gated.release();
    expect(await starting).toMatchObject({ ok: true, info: { fileName: 'new.mbtiles' } });
    expect(tiles.currentPath()).toBe(chosen);
    expect(gated.openHandles.size).toBe(0); // old.pmtiles was closed, the MBTiles needs no handle
    const bytes = await tiles.readTile(13, lake.x, lake.y);
    expect(decodeTile(bytes!).layer('transportation').length).toBeGreaterThan(0); // OpenMapTiles, not Protomaps
  });

  it('stays forgotten when the file was forgotten while it was opening', async () => {
    const old = await remembered('old.pmtiles');
    const gated = gatedFs(old);
    const tiles = service(() => null, gated.injected);
    const starting = tiles.current();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await tiles.forget();
    gated.release();
    expect(await starting).toEqual({ ok: false, reason: 'none' });
    expect(tiles.currentPath()).toBeNull();
    expect(gated.openHandles.size).toBe(0);
  });
});

describe('tile file IPC', () => {
  const app = { windowId: 1, frameUrl: APP_START_URL };
  const foreign = { windowId: 1, frameUrl: 'https://evil.example/' };

  it('answers tile requests from the app only, with validated integer z/x/y inside the grid', async () => {
    const file = await place('v.pmtiles', fixture('protomapsPmtiles'));
    const logged: string[] = [];
    const ipc = createTileFileIpc(service(() => file, spyFs().injected), (m) => logged.push(m));
    expect(await ipc.chooseTileFile(foreign, undefined)).toMatchObject({ ok: false, reason: 'io_error' });
    expect((await ipc.chooseTileFile(app, undefined)).ok).toBe(true);
    expect(await ipc.readTile(app, { z: 13, x: lake.x, y: lake.y })).not.toBeNull();
    for (const bad of [
      { z: 13, x: lake.x, y: lake.y, path: '/etc/passwd' },
      { z: 1.5, x: 0, y: 0 },
      { z: 2, x: 4, y: 0 },
      { z: -1, x: 0, y: 0 },
      { z: 31, x: 0, y: 0 },
      '13/1/2',
      null,
    ]) {
      expect(await ipc.readTile(app, bad)).toBeNull();
    }
    expect(await ipc.readTile(foreign, { z: 13, x: lake.x, y: lake.y })).toBeNull();
    expect(logged.length).toBe(9);
    expect(await ipc.currentTileFile(app, { path: '/etc/passwd' })).toMatchObject({ ok: false, reason: 'io_error', cause: { code: 'request_refused' } });
  });

  it('tells main which window changed the file, after a choice or a forget only', async () => {
    const good = await place('v.pmtiles', fixture('protomapsPmtiles'));
    const bad = await place('bad.pmtiles', new TextEncoder().encode('not a map'));
    let answer: string | null = good;
    const changed: number[] = [];
    const ipc = createTileFileIpc(service(() => answer, spyFs().injected), () => undefined, (windowId) => changed.push(windowId));
    const second = { windowId: 7, frameUrl: APP_START_URL };
    expect((await ipc.chooseTileFile(second, undefined)).ok).toBe(true);
    expect(changed).toEqual([7]);
    answer = bad;
    expect(await ipc.chooseTileFile(app, undefined)).toMatchObject({ ok: false, reason: 'not_tile_archive', cause: { code: 'no_signature' } });
    answer = null;
    expect(await ipc.chooseTileFile(app, undefined)).toEqual({ ok: false, reason: 'cancelled' });
    await ipc.chooseTileFile(foreign, undefined);
    await ipc.forgetTileFile(foreign, undefined);
    await ipc.currentTileFile(app, undefined);
    expect(changed).toEqual([7]); // refused, cancelled, foreign and read-only calls change nothing
    await ipc.forgetTileFile(app, undefined);
    expect(changed).toEqual([7, 1]);
  });
});

describe('remembering the choice', () => {
  it('is written through the atomic writer: a failed write keeps the previous choice and leaves no temp file', async () => {
    const first = await place('first.pmtiles', fixture('protomapsPmtiles'));
    const second = await place('second.mbtiles', fixture('openmaptilesMbtiles'));
    let chosen = first;
    const storePath = path.join(dir, 'offline-basemap.json');
    let failRename = false;
    const storeFs = { ...fs, rename: (from: string, to: string) => (failRename ? Promise.reject(new Error('disk full')) : fs.rename(from, to)) };
    const logs: string[] = [];
    const tiles = createTileFileService({ fs: spyFs().injected, storeFs, loadSql, storePath, chooseTilePath: async () => chosen, log: (m) => logs.push(m) });
    made.push(tiles);
    expect(await tiles.choose(1)).toMatchObject({ ok: true });
    expect(JSON.parse(await fs.readFile(storePath, 'utf8'))).toEqual({ path: first });
    failRename = true;
    chosen = second;
    expect(await tiles.choose(1)).toMatchObject({ ok: true, info: { fileName: 'second.mbtiles' } });
    expect(logs.some((m) => m.includes('offline basemap choice not saved'))).toBe(true);
    expect(JSON.parse(await fs.readFile(storePath, 'utf8'))).toEqual({ path: first });
    // The old temp-and-rename left `offline-basemap.json.tmp` behind here.
    expect((await fs.readdir(dir)).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
