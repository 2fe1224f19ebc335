import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MAX_LENGTH, customAttributionText, escapeHtml, hostOf, rasterBasemapFor } from '../../../renderer/src/map/basemaps';
import { chooseBasemap } from '../../../renderer/src/map/offline-basemap/offline-basemap-store';
import { parseStoredSettings, useSettingsStore } from '../../../renderer/src/state/settings-store';
import { useUiStore } from '../../../renderer/src/state/ui-store';

const XYZ = 'https://tiles.example.vn:8443/hanoi/{z}/{x}/{y}.png';

/** What a browser shows for an HTML string made of text and numeric character references only. */
const shownText = (html: string) => {
  expect(html, 'no markup may reach innerHTML').not.toMatch(/[<>"']|&(?!#\d+;)/);
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
};

describe('custom XYZ basemap attribution', () => {
  it('credits the text the user typed', () => {
    const raster = rasterBasemapFor('custom', XYZ, '© Sở Tài nguyên và Môi trường Hà Nội');
    expect(raster).toMatchObject({ tiles: [XYZ], attribution: '© Sở Tài nguyên và Môi trường Hà Nội' });
  });

  it('falls back to the address’s host (with its port) when left empty or blank', () => {
    expect(rasterBasemapFor('custom', XYZ)?.attribution).toBe('tiles.example.vn:8443');
    expect(rasterBasemapFor('custom', XYZ, '  \n ')?.attribution).toBe('tiles.example.vn:8443');
    expect(hostOf('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('0.tile.example.org');
  });

  it('never passes the user’s text on as HTML: tags, entities and quotes stay literal', () => {
    for (const typed of ['<b>x</b>', '<img src=x onerror=alert(1)>', 'Tom & Jerry &amp; “Co”', `a "quoted" 'one'`]) {
      const attribution = rasterBasemapFor('custom', XYZ, typed)!.attribution;
      expect(shownText(attribution), typed).toBe(typed);
    }
    expect(escapeHtml('<b>x</b>')).toBe('&#60;b&#62;x&#60;/b&#62;');
  });

  it('keeps one line of at most the maximum length', () => {
    expect(customAttributionText(XYZ, '  © A\n\tB  ')).toBe('© A B');
    expect(customAttributionText(XYZ, 'x'.repeat(ATTRIBUTION_MAX_LENGTH + 50))).toHaveLength(ATTRIBUTION_MAX_LENGTH);
  });

  it('is remembered with the URL, and choosing the custom basemap again keeps it', () => {
    chooseBasemap('custom', XYZ, '© Hanoi tiles');
    expect(useUiStore.getState()).toMatchObject({ basemap: 'custom', customBasemapUrl: XYZ, customBasemapAttribution: '© Hanoi tiles' });
    expect(useSettingsStore.getState()).toMatchObject({ customBasemapUrl: XYZ, customBasemapAttribution: '© Hanoi tiles' });
    chooseBasemap('osm');
    chooseBasemap('custom', XYZ); // the menu's radio item passes the URL only
    expect(useUiStore.getState().customBasemapAttribution).toBe('© Hanoi tiles');
    expect(useSettingsStore.getState().customBasemapAttribution).toBe('© Hanoi tiles');

    const stored = parseStoredSettings(JSON.stringify({ customBasemapUrl: XYZ, customBasemapAttribution: '© Hanoi tiles' }));
    expect(stored).toMatchObject({ customBasemapUrl: XYZ, customBasemapAttribution: '© Hanoi tiles' });
    expect(parseStoredSettings(null).customBasemapAttribution).toBe('');
    expect(parseStoredSettings(JSON.stringify({ customBasemapAttribution: 42 })).customBasemapAttribution).toBe('');
  });
});
