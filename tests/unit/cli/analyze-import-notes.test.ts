import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { CONTEXT, memoryIo } from './helpers';

/** A plain FeatureCollection of one square with no `kind`: geoJsonToDocument notes the kind it inferred. */
const SQUARE = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[106, 21], [106.001, 21], [106.001, 21.001], [106, 21.001], [106, 21]]] } }],
};

describe('ecopark analyze words the GeoJSON reader’s notes in the output language', () => {
  for (const [lang, sentence] of [
    ['vi', 'ecopark: cảnh báo: Lớp “lo”: 1 đối tượng không có thuộc tính kind nên loại được xác định theo hình học (đối tượng 1).'],
    ['en', 'ecopark: warning: Layer “lo”: 1 feature has no kind attribute, so the kind follows the geometry (features 1).'],
  ] as const) {
    it(lang, async () => {
      const { io, err } = memoryIo({ 'lo.geojson': new TextEncoder().encode(JSON.stringify(SQUARE)) });
      await run(['--lang', lang, 'analyze', 'lo.geojson'], io, CONTEXT);
      expect(err).toContain(sentence);
    });
  }
});

describe('ecopark analyze words a refused GeoJSON file in the output language', () => {
  const TOPOLOGY = new TextEncoder().encode('{"type":"Topology","objects":{}}');
  for (const [lang, sentence] of [
    ['vi', 'ecopark: không nhập được bad.geojson: Tệp không phải một FeatureCollection GeoJSON (đối tượng có "type": "FeatureCollection" và mảng "features").'],
    ['en', 'ecopark: cannot import bad.geojson: The file is not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and a "features" array).'],
  ] as const) {
    it(lang, async () => {
      const { io, err } = memoryIo({ 'bad.geojson': TOPOLOGY });
      await run(['--lang', lang, 'analyze', 'bad.geojson'], io, CONTEXT);
      expect(err).toEqual([sentence]);
    });
  }
});
