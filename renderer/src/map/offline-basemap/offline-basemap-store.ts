import { create } from 'zustand';
import type { TileArchiveInfo } from '../../../../shared/tile-archive/types';
import { getHost } from '../../host/get-host';
import { translate, type MessageKey } from '../../i18n/strings';
import { useSettingsStore } from '../../state/settings-store';
import { useUiStore } from '../../state/ui-store';
import type { BasemapId } from '../basemaps';
import { tileRefusalText, type TileRefusal } from './refusal-text';
import { getTileFileProvider, type RestoreOutcome } from './tile-provider';

/**
 * State of the offline basemap file in this session, and the user's actions on it. The file
 * itself stays with its provider (main process or page); this store holds what the UI shows.
 */
export interface OfflineBasemapState {
  status: 'none' | 'busy' | 'ready' | 'needs-permission' | 'unavailable';
  info: TileArchiveInfo | null;
  /** A remembered file that cannot be read now (permission, missing): its name. */
  pendingName: string | null;
  /** Bumped on every file opened, so tile URLs (and MapLibre's cache) change with the file. */
  generation: number;
}

export const useOfflineBasemap = create<OfflineBasemapState>(() => ({ status: 'none', info: null, pendingName: null, generation: 0 }));

const provider = () => getTileFileProvider(getHost());
const t = (key: MessageKey, params?: Record<string, string | number>) => translate(useUiStore.getState().lang, key, params);

/**
 * Chooses the basemap for this session and remembers it (and its URL, and a custom one's
 * attribution) for the next. `keepMenuOpen`: the choice came from the arrow keys, which move
 * through the radios one at a time, so the toolbar popup must not close under the keyboard.
 */
export function chooseBasemap(basemap: BasemapId, url?: string, attribution?: string, options?: { keepMenuOpen?: boolean }): void {
  const menuOpen = useUiStore.getState().basemapMenuOpen;
  useUiStore.getState().setBasemap(basemap, url, attribution);
  if (options?.keepMenuOpen && menuOpen) useUiStore.setState({ basemapMenuOpen: true });
  const patch: Parameters<ReturnType<typeof useSettingsStore.getState>['update']>[0] = { basemap };
  if (basemap === 'custom' && url !== undefined) patch.customBasemapUrl = url;
  if (basemap === 'custom' && attribution !== undefined) patch.customBasemapAttribution = attribution;
  if (basemap === 'style' && url !== undefined) patch.styleBasemapUrl = url;
  useSettingsStore.getState().update(patch);
}

/** "PMTiles, vector tiles, Protomaps schema, zoom 0–14". */
export function describeTileFile(info: TileArchiveInfo): string {
  const format = info.format === 'pmtiles' ? 'PMTiles' : 'MBTiles';
  return info.kind === 'vector'
    ? t('basemap.file.summaryVector', { format, schema: t(`basemap.schema.${info.schema}`), min: info.minzoom, max: info.maxzoom })
    : t('basemap.file.summaryRaster', { format, encoding: info.encoding.toUpperCase(), min: info.minzoom, max: info.maxzoom });
}

function opened(info: TileArchiveInfo): void {
  useOfflineBasemap.setState((s) => ({ status: 'ready', info, pendingName: null, generation: s.generation + 1 }));
}

/** A refused or unreadable file: one message in the UI language, and whatever was shown stays. */
function refused(outcome: TileRefusal): void {
  console.warn(`[ecopark] offline basemap refused (${outcome.reason}): ${outcome.detail}`);
  useUiStore.getState().notify({ tone: 'error', title: t('basemap.file.refusedTitle'), text: tileRefusalText(useUiStore.getState().lang, outcome) });
}

function announce(info: TileArchiveInfo, remembered: boolean | undefined): void {
  const lines = [t('basemap.file.loaded', { name: info.name, summary: describeTileFile(info) })];
  if (info.kind === 'vector' && info.schema === 'unknown') lines.push(t('basemap.file.genericStyle', { name: info.name, layers: info.vectorLayers.join(', ') }));
  if (remembered === false) lines.push(t('basemap.file.notRemembered'));
  useUiStore.getState().notify({ tone: 'info', text: lines.join(' ') });
}

/** File ▸ choose: dialog/picker, then show it. A refused file changes nothing. */
export async function chooseOfflineFile(): Promise<void> {
  const before = useOfflineBasemap.getState().status;
  useOfflineBasemap.setState({ status: 'busy' });
  const outcome = await provider().choose();
  if (outcome.ok) {
    opened(outcome.info);
    chooseBasemap('file');
    announce(outcome.info, outcome.remembered);
    return;
  }
  useOfflineBasemap.setState({ status: before });
  if ('cause' in outcome) refused(outcome);
}

function afterRestore(outcome: RestoreOutcome): void {
  if (outcome.ok) {
    opened(outcome.info);
    return;
  }
  if (!('cause' in outcome) && outcome.reason !== 'needs_permission') {
    useOfflineBasemap.setState({ status: 'none' });
    return;
  }
  const wanted = useSettingsStore.getState().basemap === 'file';
  if (outcome.reason === 'needs_permission') {
    useOfflineBasemap.setState({ status: 'needs-permission', pendingName: outcome.fileName });
    // Only worth interrupting for when the file is the basemap the user chose.
    if (wanted) {
      useUiStore.getState().notify({
        tone: 'info',
        text: t('basemap.file.reconnectHint', { file: outcome.fileName }),
        actions: [{ label: t('basemap.file.reconnect'), run: () => void reconnectOfflineFile() }],
      });
    }
    return;
  }
  useOfflineBasemap.setState({ status: 'unavailable', pendingName: outcome.fileName ?? null });
  if (wanted) refused(outcome);
}

let restoring: Promise<void> | null = null;

/** At start-up: reopen the remembered file (once per session). */
export function restoreOfflineFile(): Promise<void> {
  restoring ??= (async () => {
    useOfflineBasemap.setState({ status: 'busy' });
    afterRestore(await provider().restore());
  })();
  return restoring;
}

/**
 * Another window chose or forgot the file (desktop: one file per app, main tells every other
 * window): read what main holds now and redraw with it, quietly; the map follows the
 * generation bump. A file forgotten elsewhere leaves this window on the bundled offline map.
 */
export async function refreshOfflineFile(): Promise<void> {
  await restoreOfflineFile();
  const outcome = await provider().restore();
  if (outcome.ok) {
    opened(outcome.info);
    return;
  }
  const pendingName = 'fileName' in outcome ? (outcome.fileName ?? null) : null;
  const status = outcome.reason === 'none' ? 'none' : outcome.reason === 'needs_permission' ? 'needs-permission' : 'unavailable';
  useOfflineBasemap.setState((s) => ({ status, info: null, pendingName, generation: s.generation + 1 }));
  if (status === 'none' && useUiStore.getState().basemap === 'file') chooseBasemap('offline');
}

/** "Reconnect offline map": the browser asks for permission (this runs from a click). */
export async function reconnectOfflineFile(): Promise<void> {
  const outcome = await provider().reconnect();
  if (outcome.ok) {
    opened(outcome.info);
    if (useUiStore.getState().basemap !== 'file') chooseBasemap('file');
    return;
  }
  if ('cause' in outcome) refused(outcome);
}

export async function forgetOfflineFile(): Promise<void> {
  await provider().forget();
  useOfflineBasemap.setState((s) => ({ status: 'none', info: null, pendingName: null, generation: s.generation + 1 }));
  if (useUiStore.getState().basemap === 'file' || useSettingsStore.getState().basemap === 'file') chooseBasemap('offline');
  useUiStore.getState().notify({ tone: 'info', text: t('basemap.file.forgotten') });
}

/** Tile bytes for the map's ecopark-tiles:// protocol. */
export const readOfflineTile = (z: number, x: number, y: number) => provider().readTile(z, x, y);
