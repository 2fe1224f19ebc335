/**
 * Basemap choices. `offline` is the Natural Earth map bundled with the app (always there,
 * always underneath); `file` an offline .pmtiles/.mbtiles file the user chose; the others are
 * online extras that fall back to an offline map when they cannot be reached.
 */
export const BASEMAP_IDS = ['offline', 'file', 'osm', 'satellite', 'custom', 'style'] as const;
export type BasemapId = (typeof BASEMAP_IDS)[number];

export function isBasemapId(value: unknown): value is BasemapId {
  return typeof value === 'string' && (BASEMAP_IDS as readonly string[]).includes(value);
}

/** An online raster basemap; only ever used on request, never needed to work. */
export interface RasterBasemap {
  tiles: string[];
  attribution: string;
  maxzoom: number;
  tileSize: number;
}

export const ONLINE_BASEMAPS: Record<'osm' | 'satellite', RasterBasemap> = {
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

function httpsUrl(text: string): URL | null {
  if (!/^https:\/\/[^\s]+$/.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

/** A user-entered XYZ template is accepted only over https and with all three placeholders. */
export function isValidXyzUrl(url: string): boolean {
  return httpsUrl(url.replaceAll(/\{[xyz]\}/g, '0')) !== null && ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
}

/** A MapLibre style URL: https only (the app never loads plain-http content). */
export function isValidStyleUrl(url: string): boolean {
  return httpsUrl(url) !== null;
}

/** The host of an address or XYZ template ("tiles.example.vn"), or the text itself when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url.replaceAll(/\{[a-z]+\}/g, '0')).host;
  } catch {
    return url;
  }
}

/** Longest attribution kept: a credit line, not a paragraph in the map's corner. */
export const ATTRIBUTION_MAX_LENGTH = 200;

/** A credit as one line of at most ATTRIBUTION_MAX_LENGTH characters. */
function creditLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, ATTRIBUTION_MAX_LENGTH);
}

/** What a custom XYZ basemap credits: the user's text (one line, trimmed), else the address's host. */
export function customAttributionText(url: string, attribution: string): string {
  return creditLine(attribution) || hostOf(url);
}

/** Plain text as HTML: MapLibre's attribution control sets innerHTML, and the user's text is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®' };

/**
 * The words a reader sees of an attribution written as HTML ("© <a href=…>OpenStreetMap</a>"):
 * tags dropped, common and numeric entities decoded. Not a sanitiser: what it returns is text,
 * and goes to the map only through escapeHtml.
 */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
}

/**
 * The attribution of an offline tile file or other foreign source, as MapLibre's control shows
 * it: escaped exactly like a custom basemap's (its text, one line, never markup), so HTML from
 * a file cannot add elements, scripts or links to the page.
 */
export function foreignAttributionHtml(html: string): string {
  return escapeHtml(creditLine(htmlToPlainText(html)));
}

export function rasterBasemapFor(id: BasemapId, customUrl: string, customAttribution = ''): RasterBasemap | null {
  if (id === 'osm' || id === 'satellite') return ONLINE_BASEMAPS[id];
  if (id === 'custom') {
    if (!isValidXyzUrl(customUrl)) return null;
    return { tiles: [customUrl], attribution: escapeHtml(customAttributionText(customUrl, customAttribution)), maxzoom: 20, tileSize: 256 };
  }
  return null;
}

/**
 * The basemap of someone who never chose one (issue 13): OpenStreetMap when the machine is
 * online, so a new site shows streets and places to orient by; the bundled offline map
 * otherwise. `online` is navigator.onLine, which only knows a network is connected: an
 * unreachable OpenStreetMap falls back to the offline map for the session (basemap-layers.ts).
 */
export function defaultBasemap(online: boolean): BasemapId {
  return online ? 'osm' : 'offline';
}

/** Basemaps that need the network: they fall back to an offline map when unreachable. */
export const isOnlineBasemap = (id: BasemapId): boolean => id === 'osm' || id === 'satellite' || id === 'custom' || id === 'style';
