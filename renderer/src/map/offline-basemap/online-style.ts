import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../map-style';

/**
 * An online MapLibre style (a style JSON over https) used as a basemap: its sources and layers
 * are added under the park with prefixed ids, so the park, overlays and drawing layers stay
 * untouched and on top. Pure apart from `fetchOnlineStyle`.
 */

export const STYLE_PREFIX = 'online-style:';

export interface OnlineStyle {
  url: string;
  sources: Record<string, SourceSpecification>;
  /** Prefixed ids, bottom first, sources renamed. */
  layers: LayerSpecification[];
  /** Glyph URL template, or null: then labels use the bundled Noto Sans. */
  glyphs: string | null;
  /** A single sprite URL (multi-sprite styles keep their own `id:icon` references). */
  sprite: string | { id: string; url: string }[] | null;
}

/** What was wrong with a style, with its figures; the UI words it (`basemap.styleCause.*`). */
export type StyleRefusalCause =
  | { code: 'http'; status: number }
  | { code: 'network' }
  | { code: 'not_json' }
  | { code: 'not_object' }
  | { code: 'version'; version: string }
  | { code: 'no_layers' }
  | { code: 'source_type'; id: string }
  | { code: 'mapbox' }
  | { code: 'layer_id' }
  | { code: 'layer_source'; layer: string; source: string };

export type OnlineStyleResult =
  | { ok: true; style: OnlineStyle }
  | { ok: false; reason: 'not_style' | 'unreachable'; cause: StyleRefusalCause; /** English, for logs only. */ detail: string };

/** Resolves a possibly relative URL against the style's, keeping {z}/{fontstack} placeholders readable. */
function resolve(url: string, base: string): string {
  return new URL(url, base).href.replaceAll('%7B', '{').replaceAll('%7D', '}');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseOnlineStyle(json: unknown, styleUrl: string): OnlineStyleResult {
  const notStyle = (cause: StyleRefusalCause, detail: string): OnlineStyleResult => ({ ok: false, reason: 'not_style', cause, detail });
  if (!isObject(json)) return notStyle({ code: 'not_object' }, 'The answer is not a JSON object.');
  if (json.version !== 8) {
    const version = JSON.stringify(json.version ?? null);
    return notStyle({ code: 'version', version }, `Style version is ${version}, not 8.`);
  }
  if (!isObject(json.sources) || !Array.isArray(json.layers) || json.layers.length === 0) return notStyle({ code: 'no_layers' }, 'It has no sources or no layers.');

  const sources: Record<string, SourceSpecification> = {};
  for (const [id, raw] of Object.entries(json.sources)) {
    if (!isObject(raw) || typeof raw.type !== 'string') return notStyle({ code: 'source_type', id }, `Source “${id}” has no type.`);
    const source = { ...raw } as Record<string, unknown>;
    for (const key of ['url', 'data'] as const) {
      const value = source[key];
      if (typeof value === 'string') {
        if (value.startsWith('mapbox://')) return notStyle({ code: 'mapbox' }, 'Mapbox-hosted sources (mapbox://) need a Mapbox account and are not supported.');
        source[key] = resolve(value, styleUrl);
      }
    }
    if (Array.isArray(source.tiles)) source.tiles = source.tiles.map((t) => (typeof t === 'string' ? resolve(t, styleUrl) : t));
    sources[`${STYLE_PREFIX}${id}`] = source as unknown as SourceSpecification;
  }

  const glyphs = typeof json.glyphs === 'string' ? resolve(json.glyphs, styleUrl) : null;
  const layers: LayerSpecification[] = [];
  for (const raw of json.layers) {
    if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.type !== 'string') return notStyle({ code: 'layer_id' }, 'A layer has no id or type.');
    const layer = { ...raw, id: `${STYLE_PREFIX}${raw.id}` } as Record<string, unknown>;
    if (typeof raw.source === 'string') {
      if (!(`${STYLE_PREFIX}${raw.source}` in sources)) return notStyle({ code: 'layer_source', layer: raw.id, source: raw.source }, `Layer “${raw.id}” uses the unknown source “${raw.source}”.`);
      layer.source = `${STYLE_PREFIX}${raw.source}`;
    }
    if (raw.type === 'symbol' && !glyphs && isObject(raw.layout) && raw.layout['text-field'] !== undefined) {
      // No glyph server: draw its labels with the bundled font rather than not at all.
      layer.layout = { ...raw.layout, 'text-font': [LABEL_FONT] };
    }
    layers.push(layer as unknown as LayerSpecification);
  }

  let sprite: OnlineStyle['sprite'] = null;
  if (typeof json.sprite === 'string') sprite = resolve(json.sprite, styleUrl);
  else if (Array.isArray(json.sprite)) {
    sprite = json.sprite.filter(isObject).map((s) => ({ id: String(s.id), url: resolve(String(s.url), styleUrl) }));
  }
  return { ok: true, style: { url: styleUrl, sources, layers, glyphs, sprite } };
}

/** Downloads and checks a style; never throws. */
export async function fetchOnlineStyle(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 15000): Promise<OnlineStyleResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { signal: controller.signal, credentials: 'omit' });
    if (!response.ok) return { ok: false, reason: 'unreachable', cause: { code: 'http', status: response.status }, detail: `HTTP ${response.status}` };
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not_style', cause: { code: 'not_json' }, detail: 'The answer is not JSON.' };
    }
    return parseOnlineStyle(json, response.url || url);
  } catch (error) {
    return { ok: false, reason: 'unreachable', cause: { code: 'network' }, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
