import { describe, expect, it } from 'vitest';
import { fetchOnlineStyle, parseOnlineStyle, STYLE_PREFIX } from '../../../renderer/src/map/offline-basemap/online-style';
import { isBasemapId, isValidStyleUrl, isValidXyzUrl, rasterBasemapFor } from '../../../renderer/src/map/basemaps';
import { parseStoredSettings } from '../../../renderer/src/state/settings-store';

const STYLE_URL = 'https://tiles.example.vn/styles/light/style.json';
const style = {
  version: 8,
  glyphs: '../../fonts/{fontstack}/{range}.pbf',
  sprite: 'sprite',
  sources: {
    osm: { type: 'vector', url: '/data/v3.json', attribution: '© OpenStreetMap' },
    hills: { type: 'raster', tiles: ['hills/{z}/{x}/{y}.png'], tileSize: 256 },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#eee' } },
    { id: 'water', type: 'fill', source: 'osm', 'source-layer': 'water' },
    { id: 'label', type: 'symbol', source: 'osm', 'source-layer': 'place', layout: { 'text-field': '{name}', 'text-font': ['Open Sans Bold'] } },
  ],
};

describe('online MapLibre style', () => {
  it('prefixes sources and layers and resolves relative URLs against the style, placeholders intact', () => {
    const result = parseOnlineStyle(style, STYLE_URL);
    if (!result.ok) throw new Error(result.detail);
    const { sources, layers, glyphs, sprite } = result.style;
    expect(Object.keys(sources)).toEqual([`${STYLE_PREFIX}osm`, `${STYLE_PREFIX}hills`]);
    expect(sources[`${STYLE_PREFIX}osm`]).toMatchObject({ url: 'https://tiles.example.vn/data/v3.json', attribution: '© OpenStreetMap' });
    expect(sources[`${STYLE_PREFIX}hills`]).toMatchObject({ tiles: ['https://tiles.example.vn/styles/light/hills/{z}/{x}/{y}.png'] });
    expect(glyphs).toBe('https://tiles.example.vn/fonts/{fontstack}/{range}.pbf');
    expect(sprite).toBe('https://tiles.example.vn/styles/light/sprite');
    expect(layers.map((l) => l.id)).toEqual(['background', 'water', 'label'].map((id) => `${STYLE_PREFIX}${id}`));
    expect(layers[1]).toMatchObject({ source: `${STYLE_PREFIX}osm` });
    // It has a glyph server: its own fonts are kept.
    expect((layers[2] as { layout: Record<string, unknown> }).layout['text-font']).toEqual(['Open Sans Bold']);
  });

  it('draws labels with the bundled font when the style has no glyph server', () => {
    const result = parseOnlineStyle({ ...style, glyphs: undefined }, STYLE_URL);
    if (!result.ok) throw new Error(result.detail);
    expect((result.style.layers[2] as { layout: Record<string, unknown> }).layout['text-font']).toEqual(['Noto Sans Regular']);
  });

  it('refuses what is not a usable style', () => {
    const reasons = [
      parseOnlineStyle('<html>', STYLE_URL),
      parseOnlineStyle({ ...style, version: 7 }, STYLE_URL),
      parseOnlineStyle({ ...style, layers: [] }, STYLE_URL),
      parseOnlineStyle({ ...style, layers: [{ id: 'x', type: 'fill', source: 'nowhere' }] }, STYLE_URL),
      parseOnlineStyle({ ...style, sources: { m: { type: 'vector', url: 'mapbox://mapbox.streets' } } }, STYLE_URL),
    ];
    expect(reasons.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['not_style', 'not_style', 'not_style', 'not_style', 'not_style']);
    expect(!reasons[4].ok && reasons[4].detail).toContain('mapbox://');
  });

  it('tells an unreachable address from one that answers something else', async () => {
    const answer = (body: string, status = 200) => (async () => new Response(body, { status })) as unknown as typeof fetch;
    expect(await fetchOnlineStyle(STYLE_URL, answer(JSON.stringify(style)))).toMatchObject({ ok: true });
    expect(await fetchOnlineStyle(STYLE_URL, answer('<html>not json</html>'))).toMatchObject({ ok: false, reason: 'not_style' });
    expect(await fetchOnlineStyle(STYLE_URL, answer('gone', 404))).toMatchObject({ ok: false, reason: 'unreachable', detail: 'HTTP 404' });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchOnlineStyle(STYLE_URL, offline)).toMatchObject({ ok: false, reason: 'unreachable', detail: 'Failed to fetch' });
  });
});

describe('online source addresses', () => {
  it('accepts https XYZ templates with all placeholders and https style URLs only', () => {
    expect(isValidXyzUrl('https://tiles.example.vn/{z}/{x}/{y}.png')).toBe(true);
    expect(isValidXyzUrl('http://tiles.example.vn/{z}/{x}/{y}.png')).toBe(false);
    expect(isValidXyzUrl('https://tiles.example.vn/{z}/{x}.png')).toBe(false);
    expect(isValidXyzUrl('https:// spaced/{z}/{x}/{y}')).toBe(false);
    expect(isValidStyleUrl(STYLE_URL)).toBe(true);
    expect(isValidStyleUrl('http://tiles.example.vn/style.json')).toBe(false);
    expect(isValidStyleUrl('javascript:alert(1)')).toBe(false);
    expect(rasterBasemapFor('custom', 'https://t.example.vn/{z}/{x}/{y}.png')).toMatchObject({ attribution: 't.example.vn' });
    expect(rasterBasemapFor('file', '')).toBeNull();
  });
});

describe('remembered basemap settings', () => {
  it('keeps the basemap and its URLs, and drops an unknown basemap id', () => {
    const stored = parseStoredSettings(JSON.stringify({ basemap: 'style', styleBasemapUrl: STYLE_URL, customBasemapUrl: 'https://a/{z}/{x}/{y}' }));
    expect(stored).toMatchObject({ basemap: 'style', styleBasemapUrl: STYLE_URL, customBasemapUrl: 'https://a/{z}/{x}/{y}' });
    expect(parseStoredSettings(JSON.stringify({ basemap: 'google' })).basemap).toBe('offline');
    expect(parseStoredSettings(null)).toMatchObject({ basemap: 'offline', styleBasemapUrl: '', customBasemapUrl: '' });
    expect(['offline', 'file', 'osm', 'satellite', 'custom', 'style'].every(isBasemapId)).toBe(true);
  });
});
