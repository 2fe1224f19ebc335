import { describe, expect, it } from 'vitest';
import { fileBasemap } from '../../../renderer/src/map/offline-basemap/file-style';
import { rasterBasemapFor } from '../../../renderer/src/map/basemaps';
import type { TileArchiveInfo } from '../../../shared/tile-archive';

/**
 * Finding 3: a tile file's attribution is HTML written by whoever made the file, and MapLibre's
 * attribution control sets it as innerHTML. It must reach the map escaped, as a custom XYZ
 * basemap's credit does: text only, one line, no markup.
 */

const info = (attribution: string): TileArchiveInfo => ({
  format: 'mbtiles',
  fileName: 'x.mbtiles',
  sizeBytes: 1000,
  kind: 'raster',
  encoding: 'png',
  schema: 'unknown',
  vectorLayers: [],
  minzoom: 0,
  maxzoom: 5,
  bounds: null,
  attribution,
  name: 'x',
});

const attributionOf = (text: string) => (fileBasemap(info(text), 'ecopark-tiles://file/1/{z}/{x}/{y}.png').source as { attribution?: string }).attribution;

/** What a browser shows for HTML made only of text and numeric character references. */
const shownText = (html: string) => {
  expect(html, 'no markup may reach innerHTML').not.toMatch(/[<>"']|&(?!#\d+;)/);
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
};

describe('attribution from an offline tile file', () => {
  it('never reaches MapLibre as markup: scripts, images and handlers stay out', () => {
    for (const hostile of ['<img src=x onerror="alert(1)">© Bomb', '<script>alert(1)</script>© OSM', '<a href="javascript:alert(1)">© X</a>', '<iframe src="https://evil.example"></iframe>']) {
      const html = attributionOf(hostile)!;
      expect(html, hostile).not.toMatch(/<|>/);
      shownText(html);
    }
  });

  it('keeps the credit a person reads: tags dropped, entities decoded, then escaped like a custom basemap’s', () => {
    const osm = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors &amp; “Sở TN&amp;MT”';
    expect(shownText(attributionOf(osm)!)).toBe('© OpenStreetMap contributors & “Sở TN&MT”');
    // The same text typed as a custom basemap's credit is escaped to the same HTML: one implementation.
    const typed = '© OpenStreetMap contributors & “Sở TN&MT”';
    expect(attributionOf(osm)).toBe(rasterBasemapFor('custom', 'https://t.example/{z}/{x}/{y}.png', typed)!.attribution);
  });

  it('is one line of at most 200 characters, like a custom basemap’s', () => {
    expect(shownText(attributionOf(`a\n\n${'b'.repeat(500)}`)!)).toHaveLength(200);
    expect(attributionOf('')).toBeUndefined();
  });
});
