import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import type { LimitExceeded } from '../../../shared/limits';
import { openTileArchive } from '../../../shared/tile-archive';
import { tileRefusalText, type TileRefusal } from '../../../renderer/src/map/offline-basemap/refusal-text';
import { loadSql, memoryFile } from '../basemap/helpers';
import { gzipBomb, mbtilesWithBomb, pmtiles, SMALL_VECTOR_TILE_BYTES } from './bombs';

const MiB = 1024 * 1024;
// The limits in force are LIMIT_SPECS' defaults: 16 MiB per tile, 8 MiB of metadata (shared/limits.ts).
/** Inflated size of the test bombs: 16× the tile limit, 256 KiB stored (the were 1.5 GB). */
const BOMB_BYTES = 256 * MiB;
/**
 * Time any bomb case may take here, generous because the test machine is shared (measured
 * alone: see the issue notes). The old code inflated every bomb whole: 256 MiB each.
 */
const BOUNDED_MS = 10_000;

/** Loaded in each test, so on the code before this issue the file still runs and the archive tests fail on their own. */
const loadGunzipCapped = async () => (await import('../../../shared/tile-archive/bounded-gunzip')).gunzipCapped;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('gunzipCapped: a streamed inflate with a running cap', () => {
  it('returns what gzip stored, byte for byte, below the cap', async () => {
    const gunzipCapped = await loadGunzipCapped();
    const data = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251);
    expect(gunzipCapped(gzipSync(data), 'tile-inflated-bytes', MiB)).toEqual(data);
  });

  it('stops a bomb a few MiB past the cap instead of inflating it whole', async () => {
    const gunzipCapped = await loadGunzipCapped();
    const bomb = await gzipBomb(BOMB_BYTES);
    const { value: error, ms } = await timed(async () => {
      try {
        gunzipCapped(bomb, 'tile-inflated-bytes', 16 * MiB, '1/1/1');
        return null;
      } catch (e) {
        return e as { exceeded: LimitExceeded };
      }
    });
    expect(error?.exceeded).toMatchObject({ limit: 'tile-inflated-bytes', max: 16 * MiB, where: '1/1/1' });
    // One push of 4 KiB stored bytes inflates to at most ~4 MiB (deflate's 1,032:1 ceiling).
    expect(error!.exceeded.value).toBeGreaterThan(16 * MiB);
    expect(error!.exceeded.value).toBeLessThan(16 * MiB + 5 * MiB);
    expect(ms).toBeLessThan(BOUNDED_MS);
  });
});

describe('MBTiles gzip bombs (finding 3)', () => {
  it('opens the file, leaves the bomb tile out as a gap and says so; the other tiles still come', async () => {
    const bytes = await mbtilesWithBomb(await gzipBomb(BOMB_BYTES), { listsLayers: true });
    const refused: LimitExceeded[] = [];
    const opened = await openTileArchive(memoryFile(bytes, 'bomb.mbtiles').access, loadSql, { onTileRefused: (e) => refused.push(e) });
    if (!opened.ok) throw new Error(opened.detail);
    const { value: tile, ms } = await timed(() => opened.archive.getTile(1, 1, 1));
    expect(tile).toBeNull();
    expect(ms).toBeLessThan(BOUNDED_MS);
    expect(refused).toEqual([expect.objectContaining({ limit: 'tile-inflated-bytes', max: 16 * MiB, where: '1/1/1' })]);
    expect((await opened.archive.getTile(1, 0, 0))?.length).toBe(SMALL_VECTOR_TILE_BYTES);
    opened.archive.close();
  });

  it('refuses a file whose first tile, read for its layer names, is a bomb: the limit named in both languages', async () => {
    const bytes = await mbtilesWithBomb(await gzipBomb(BOMB_BYTES), { listsLayers: false, bombFirst: true });
    const { value: opened, ms } = await timed(() => openTileArchive(memoryFile(bytes, 'bomb.mbtiles').access, loadSql));
    expect(ms).toBeLessThan(BOUNDED_MS);
    expect(opened).toMatchObject({ ok: false, reason: 'limit_exceeded', cause: { code: 'limit_exceeded', exceeded: { limit: 'tile-inflated-bytes' } } });
    if (opened.ok) return;
    const refusal: TileRefusal = { ...opened, fileName: 'bomb.mbtiles' };
    expect(tileRefusalText('en', refusal)).toContain('uncompressed size of one map tile passed the limit of 16,777,216 bytes (16.0 MiB)');
    expect(tileRefusalText('vi', refusal)).toContain('Dung lượng giải nén của một ô bản đồ vượt giới hạn 16.777.216 byte (16,0 MiB)');
  });
});

describe('PMTiles gzip bombs (finding 3)', () => {
  it('leaves a bomb tile out as a gap; its neighbour still comes', async () => {
    const small = gzipSync(gzipSync(new Uint8Array(SMALL_VECTOR_TILE_BYTES)));
    const bytes = pmtiles(
      [
        { x: 0, y: 0, data: small },
        { x: 1, y: 1, data: await gzipBomb(BOMB_BYTES) },
      ],
      { name: 'bomb', vector_layers: [{ id: 'water' }] },
    );
    const refused: LimitExceeded[] = [];
    const opened = await openTileArchive(memoryFile(bytes, 'bomb.pmtiles').access, loadSql, { onTileRefused: (e) => refused.push(e) });
    if (!opened.ok) throw new Error(opened.detail);
    const { value: tile, ms } = await timed(() => opened.archive.getTile(1, 1, 1));
    expect(tile).toBeNull();
    expect(ms).toBeLessThan(BOUNDED_MS);
    expect(refused.map((e) => e.limit)).toEqual(['tile-inflated-bytes']);
    expect((await opened.archive.getTile(1, 0, 0))?.length).toBe(SMALL_VECTOR_TILE_BYTES);
  });

  it('refuses a file whose metadata inflates past its limit', async () => {
    // 64 MiB of JSON gzips to ~64 KiB: 8× the metadata limit.
    const bytes = pmtiles([{ x: 0, y: 0, data: gzipSync(new Uint8Array(4)) }], { name: 'bomb', vector_layers: [{ id: 'water' }], padding: ' '.repeat(64 * MiB) });
    const { value: opened, ms } = await timed(() => openTileArchive(memoryFile(bytes, 'bomb.pmtiles').access, loadSql));
    expect(ms).toBeLessThan(BOUNDED_MS);
    expect(opened).toMatchObject({
      ok: false,
      reason: 'limit_exceeded',
      cause: { exceeded: { limit: 'tile-metadata-inflated-bytes', max: 8 * MiB } },
    });
  });
});
