import type { BasemapId } from '../state/ui-store';

/** An online raster basemap; only ever used on request, never needed to work. */
export interface RasterBasemap {
  tiles: string[];
  attribution: string;
  maxzoom: number;
  tileSize: number;
}

export const ONLINE_BASEMAPS: Record<Exclude<BasemapId, 'offline' | 'custom'>, RasterBasemap> = {
  osm: {
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    maxzoom: 19,
    tileSize: 256,
  },
  satellite: {
    tiles: ['https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}'],
    attribution: 'Imagery © Esri, Maxar, Earthstar Geographics, and the GIS User Community',
    maxzoom: 19,
    tileSize: 256,
  },
};

/** A user-entered XYZ template is accepted only over https and with all three placeholders. */
export function isValidXyzUrl(url: string): boolean {
  return /^https:\/\/[^\s]+$/.test(url) && ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
}

export function rasterBasemapFor(id: BasemapId, customUrl: string): RasterBasemap | null {
  if (id === 'offline') return null;
  if (id === 'custom') {
    return isValidXyzUrl(customUrl) ? { tiles: [customUrl], attribution: customUrl.split('/')[2] ?? '', maxzoom: 20, tileSize: 256 } : null;
  }
  return ONLINE_BASEMAPS[id];
}
