import { describe, expect, it } from 'vitest';
import { exportDocument } from '../../../shared/io/exchange';
import { documentToGeoJson } from '../../../shared/io/geojson';
import type { ParkDocument } from '../../../shared/model';
import { generateLargePark } from '../../../bench/large-park';
import { sampleDocument } from '../project-file/sample-document';

// The GeoJSON export writes its text straight from the document (no copy of the geometry
// first). It must be the text it was before: the copied collection of documentToGeoJson,
// stringified with one space of indent and a final newline.
const before = (doc: ParkDocument) => new TextEncoder().encode(`${JSON.stringify(documentToGeoJson(doc), null, 1)}\n`);

/** A document with what a JSON copy changes or drops: -0, a prop named __proto__, an undefined optional field. */
function awkwardDocument(): ParkDocument {
  const doc = sampleDocument();
  const first = doc.scenarios[0].features[0];
  first.props = JSON.parse('{"__proto__": "kept", "x": -0}') as Record<string, string | number>;
  first.name = undefined;
  const point = doc.scenarios[0].features.find((f) => f.kind === 'point');
  if (point) point.geometry.coordinates = [-0, 21.1, -0];
  return doc;
}

describe('the GeoJSON export text', () => {
  it('is byte for byte what stringifying the exported collection gave, for every scenario or one', () => {
    for (const doc of [sampleDocument(), awkwardDocument(), generateLargePark({ blocksX: 6, blocksY: 6 })]) {
      const all = exportDocument(doc, 'geojson');
      expect(all.ok && all.bytes).toEqual(before(doc));
      const second = doc.scenarios[doc.scenarios.length - 1].id;
      const one = exportDocument(doc, 'geojson', { scenarioId: second });
      expect(one.ok && one.bytes).toEqual(before({ ...doc, scenarios: doc.scenarios.filter((s) => s.id === second), activeScenarioId: second }));
    }
  });

  it('leaves documentToGeoJson a copy that shares no geometry with the document', () => {
    const doc = sampleDocument();
    const fc = documentToGeoJson(doc);
    expect(fc.features[0].geometry).toEqual(doc.scenarios[0].features[0].geometry);
    expect(fc.features[0].geometry).not.toBe(doc.scenarios[0].features[0].geometry);
  });
});
