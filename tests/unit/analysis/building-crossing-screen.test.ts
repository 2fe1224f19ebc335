import { describe, expect, it } from 'vitest';
import { buildingPlotCrossings, crossingOf, type PlacedPlot } from '../../../shared/analysis/building-crossings';
import { bbox } from '../../../shared/analysis/measure';
import type { AreaGeometry, BuildingFeature, LandUseFeature, ParkFeature } from '../../../shared/model';
import { seededRandom } from '../../helpers/seeded-random';
import { largeParkFeatures, ring, sampleFeatures } from '../geometry/screen-parks';

/** Every building's crossing measured in full (no screen), over every plot whose box meets its own. */
function exactCrossings(features: readonly ParkFeature[]) {
  const plots: PlacedPlot[] = features
    .filter((f): f is LandUseFeature => f.kind === 'landuse' && f.landUse === 'industrial')
    .map((plot) => ({ plot, box: bbox(plot.geometry) }));
  return features
    .filter((f): f is BuildingFeature => f.kind === 'building')
    .map((b) => {
      const box = bbox(b.geometry);
      return crossingOf(b, plots.filter((p) => p.box[0] <= box[2] && box[0] <= p.box[2] && p.box[1] <= box[3] && box[1] <= p.box[3]), true);
    })
    .filter((c) => c !== null);
}


describe('building crossings with the "stands within one plot" screen give the full measurement’s answer', () => {
  it('on random buildings over a row of plots: inside, across, on the line, a hair over it, tiny, with holes, two parts, bow ties', () => {
    const next = seededRandom(5);
    const features: ParkFeature[] = [];
    // Plots 1 × 2 units side by side, with T-junction vertices, and one plot overlapping two others.
    for (let i = 0; i < 6; i++) features.push({ id: `P${i}`, kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [ring([[i, 0], [i + 1, 0], [i + 1, 1], [i + 1, 2], [i, 2], [i, 1]])] } });
    features.push({ id: 'Q', kind: 'landuse', landUse: 'industrial', geometry: { type: 'Polygon', coordinates: [ring([[1.5, 0.5], [3.5, 0.5], [3.5, 1.5], [1.5, 1.5]])] } });
    const coord = () => Math.floor(next() * 24) / 4 + (next() < 0.3 ? (next() - 0.5) * 2e-6 : 0);
    for (let n = 0; n < 300; n++) {
      const x = coord();
      const y = Math.floor(next() * 8) / 4 + (next() < 0.3 ? (next() - 0.5) * 2e-6 : 0);
      const w = next() < 0.1 ? 1e-6 : 0.1 + Math.floor(next() * 6) / 8;
      const h = next() < 0.1 ? 1e-6 : 0.1 + Math.floor(next() * 6) / 8;
      const shape = next();
      const box = ring([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]);
      let geometry: AreaGeometry;
      if (shape < 0.55) geometry = { type: 'Polygon', coordinates: [box] };
      else if (shape < 0.7) geometry = { type: 'Polygon', coordinates: [box, ring([[x + w / 4, y + h / 4], [x + w / 4, y + (3 * h) / 4], [x + (3 * w) / 4, y + (3 * h) / 4], [x + (3 * w) / 4, y + h / 4]])] };
      else if (shape < 0.85) geometry = { type: 'MultiPolygon', coordinates: [[box], [ring([[x + w, y + h], [x + 2 * w, y + h], [x + 2 * w, y + 2 * h], [x + w, y + 2 * h]])]] };
      else geometry = { type: 'Polygon', coordinates: [ring([[x, y], [x + w, y + h], [x + w, y], [x, y + h]])] };
      features.push({ id: `B${String(n).padStart(3, '0')}`, kind: 'building', geometry });
    }
    const found = buildingPlotCrossings(features);
    expect(found).toEqual(exactCrossings(features));
    expect(found.length).toBeGreaterThan(40);
  });

  it('on the sample park and on the generated 5,113-feature park', async () => {
    for (const features of [await sampleFeatures(), largeParkFeatures()]) expect(buildingPlotCrossings(features)).toEqual(exactCrossings(features));
  }, 300_000);
});
