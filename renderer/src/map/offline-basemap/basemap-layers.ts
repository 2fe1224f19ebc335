import { addProtocol, type GeoJSONSourceSpecification, type Map as MapLibreMap } from 'maplibre-gl';
import { translate } from '../../i18n/strings';
import { useUiStore } from '../../state/ui-store';
import { isOnlineBasemap, rasterBasemapFor } from '../basemaps';
import { FILE_EXTENT_LAYER, FILE_EXTENT_SOURCE, FILE_LAYER_PREFIX, FILE_SOURCE, fileBasemap } from './file-style';
import { fetchOnlineStyle, STYLE_PREFIX, type OnlineStyleResult } from './online-style';
import { readOfflineTile, restoreOfflineFile, useOfflineBasemap } from './offline-basemap-store';
import type { TileArchiveInfo } from '../../../../shared/tile-archive/types';

/**
 * Puts the chosen basemap on the map, between the bundled Natural Earth map (always underneath,
 * the last resort) and everything else: overlays, the park, drawing. Online basemaps that fail
 * fall back, for this session only, to the offline file when there is one, else Natural Earth.
 */

/** Ids used by tests: the online raster (OSM, satellite, custom XYZ). */
export const RASTER_SOURCE = 'online-basemap';
export const RASTER_LAYER = 'online-basemap';
/** The last layer of the bundled Natural Earth map: basemaps go right above it. */
const NATURAL_EARTH_TOP = 'countries-line';
/** Failed tiles tolerated before an online basemap is considered unreachable. */
const TILE_ERRORS_BEFORE_FALLBACK = 3;
const TILE_PROTOCOL = 'ecopark-tiles';
/** A 1×1 transparent PNG: what a raster tile the file lacks shows (no error, no grey square). */
const EMPTY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));

const isBasemapId = (id: string) => id === RASTER_LAYER || id.startsWith(STYLE_PREFIX) || id.startsWith(FILE_LAYER_PREFIX) || id === FILE_SOURCE || id === FILE_EXTENT_SOURCE;

let protocolAdded = false;
/** Tiles of the offline file reach MapLibre through a custom protocol: the page never fetches a path. */
function ensureTileProtocol(): void {
  if (protocolAdded) return;
  protocolAdded = true;
  addProtocol(TILE_PROTOCOL, async (params) => {
    const match = /^ecopark-tiles:\/\/file\/\d+\/(\d+)\/(\d+)\/(\d+)(?:\.(\w+))?$/.exec(params.url);
    if (!match) throw new Error(`Bad offline tile URL ${params.url}`);
    const [z, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const bytes = await readOfflineTile(z, x, y);
    // A tile the archive lacks is an empty vector tile, or a transparent image.
    if (!bytes) return { data: match[4] === 'mvt' ? new Uint8Array() : EMPTY_PNG.slice() };
    return { data: bytes };
  });
}

const tilesUrl = (generation: number, info: TileArchiveInfo) => `${TILE_PROTOCOL}://file/${generation}/{z}/{x}/{y}.${info.encoding}`;

/** Width of one raster tile (256 or 512 px), read from the tile at the file's centre. */
async function rasterTileSize(info: TileArchiveInfo): Promise<number> {
  const z = info.minzoom;
  const n = 2 ** z;
  const [lon, lat] = info.bounds ? [(info.bounds[0] + info.bounds[2]) / 2, (info.bounds[1] + info.bounds[3]) / 2] : [0, 0];
  const rad = (lat * Math.PI) / 180;
  const x = Math.min(n - 1, Math.floor(((lon + 180) / 360) * n));
  const y = Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n)));
  try {
    const bytes = await readOfflineTile(z, x, y);
    if (!bytes) return 256;
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
    const width = bitmap.width;
    bitmap.close();
    return width === 512 ? 512 : 256;
  } catch {
    return 256;
  }
}

function extentPolygon([w, s, e, n]: [number, number, number, number]): GeoJSONSourceSpecification['data'] {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
}

export function attachBasemapLayers(map: MapLibreMap): () => void {
  ensureTileProtocol();
  let applySeq = 0;
  let tileErrors = 0;
  let spriteAdded: { kind: 'single' } | { kind: 'multi'; ids: string[] } | null = null;
  let glyphsSet = false;
  const styles = new Map<string, Promise<OnlineStyleResult>>();

  const clear = () => {
    for (const layer of [...(map.getStyle().layers ?? [])].reverse()) if (isBasemapId(layer.id)) map.removeLayer(layer.id);
    for (const id of Object.keys(map.getStyle().sources ?? {})) if (isBasemapId(id) || id.startsWith(STYLE_PREFIX)) map.removeSource(id);
    if (glyphsSet) map.setGlyphs(null);
    if (spriteAdded?.kind === 'single') map.setSprite(null);
    if (spriteAdded?.kind === 'multi') spriteAdded.ids.forEach((id) => map.removeSprite(id));
    glyphsSet = false;
    spriteAdded = null;
  };

  /** The layer right above Natural Earth, computed after clearing: overlays and the park stay above. */
  const insertBefore = (): string | undefined => {
    const layers = map.getStyle().layers ?? [];
    const index = layers.findIndex((l) => l.id === NATURAL_EARTH_TOP);
    return layers[index + 1]?.id;
  };

  const fallBack = (key: 'basemap.offlineFallback' | 'basemap.styleFallback') => {
    const ui = useUiStore.getState();
    if (!isOnlineBasemap(ui.basemap)) return;
    const toFile = useOfflineBasemap.getState().status === 'ready';
    ui.setBasemap(toFile ? 'file' : 'offline');
    ui.notify({ tone: 'info', text: translate(ui.lang, toFile ? 'basemap.fallbackToFile' : key) });
  };

  const apply = async () => {
    const seq = ++applySeq;
    const current = () => seq === applySeq && map.getStyle() !== undefined;
    clear();
    tileErrors = 0;
    const { basemap, customBasemapUrl, customBasemapAttribution, styleBasemapUrl } = useUiStore.getState();

    if (basemap === 'file') {
      const { status, info, generation } = useOfflineBasemap.getState();
      if (status !== 'ready' || !info) return;
      const tileSize = info.kind === 'raster' ? await rasterTileSize(info) : 256;
      if (!current()) return;
      const file = fileBasemap(info, tilesUrl(generation, info), tileSize);
      const before = insertBefore();
      if (file.background && info.bounds) {
        map.addSource(FILE_EXTENT_SOURCE, { type: 'geojson', data: extentPolygon(info.bounds) });
        map.addLayer({ id: FILE_EXTENT_LAYER, type: 'fill', source: FILE_EXTENT_SOURCE, paint: { 'fill-color': file.background } }, before);
      }
      map.addSource(FILE_SOURCE, file.source);
      for (const layer of file.layers) map.addLayer(layer, before);
      return;
    }

    const raster = rasterBasemapFor(basemap, customBasemapUrl, customBasemapAttribution);
    if (raster) {
      map.addSource(RASTER_SOURCE, { type: 'raster', ...raster });
      map.addLayer({ id: RASTER_LAYER, type: 'raster', source: RASTER_SOURCE }, insertBefore());
      return;
    }

    if (basemap === 'style' && styleBasemapUrl) {
      if (!styles.has(styleBasemapUrl)) styles.set(styleBasemapUrl, fetchOnlineStyle(styleBasemapUrl));
      const result = await styles.get(styleBasemapUrl)!;
      if (!current()) return;
      if (!result.ok) {
        styles.delete(styleBasemapUrl); // try again next time (the network may be back)
        fallBack('basemap.styleFallback');
        return;
      }
      const { style } = result;
      if (style.glyphs) {
        map.setGlyphs(style.glyphs);
        glyphsSet = true;
      }
      if (typeof style.sprite === 'string') {
        map.setSprite(style.sprite);
        spriteAdded = { kind: 'single' };
      } else if (Array.isArray(style.sprite)) {
        style.sprite.forEach((s) => map.addSprite(s.id, s.url));
        spriteAdded = { kind: 'multi', ids: style.sprite.map((s) => s.id) };
      }
      for (const [id, source] of Object.entries(style.sources)) map.addSource(id, source);
      const before = insertBefore();
      for (const layer of style.layers) map.addLayer(layer, before);
    }
  };

  const run = () => {
    void apply().catch((error: unknown) => console.warn('[ecopark] basemap not applied:', error));
  };

  const onError = (event: unknown) => {
    // Online basemaps are optional: when tiles cannot be fetched (offline, blocked), fall back
    // quietly to an offline map with one notice instead of a grid of broken tiles.
    const sourceId = (event as { sourceId?: string }).sourceId;
    if (!sourceId || !(sourceId === RASTER_SOURCE || sourceId.startsWith(STYLE_PREFIX))) return;
    tileErrors += 1;
    if (tileErrors === TILE_ERRORS_BEFORE_FALLBACK) fallBack(sourceId === RASTER_SOURCE ? 'basemap.offlineFallback' : 'basemap.styleFallback');
  };
  map.on('error', onError);

  const unsubscribers = [
    useUiStore.subscribe((s, p) => {
      if (
        s.basemap !== p.basemap ||
        s.customBasemapUrl !== p.customBasemapUrl ||
        s.customBasemapAttribution !== p.customBasemapAttribution ||
        s.styleBasemapUrl !== p.styleBasemapUrl
      )
        run();
    }),
    useOfflineBasemap.subscribe((s, p) => {
      if ((s.generation !== p.generation || s.status !== p.status) && useUiStore.getState().basemap === 'file') run();
    }),
  ];
  run();
  void restoreOfflineFile();

  return () => {
    applySeq += 1;
    unsubscribers.forEach((u) => u());
    map.off('error', onError);
  };
}
