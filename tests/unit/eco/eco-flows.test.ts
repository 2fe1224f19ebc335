import { describe, expect, it } from 'vitest';
import { ecoFlowsOf, FLOW_WIDTH_PX, flowFeatures, flowGeometry, flowKindOf, type SymbiosisExchange } from '../../../shared/eco';
import { park } from './eco-park';

// The park of ./eco-park.ts: five 0.002° plots in a row at lon 106.000 + 0.003 k, lat 21.100–21.102.

describe('symbiosis flows on the map', () => {
  it('the kind of a flow follows its unit: energy is heat, volume water, mass a by-product', () => {
    expect(flowKindOf('MWh')).toBe('heat');
    expect(flowKindOf('m³')).toBe('water');
    expect(flowKindOf('m3')).toBe('water');
    expect(flowKindOf('t')).toBe('by-product');
  });

  it('a curve from the supplier to the receiver, bowed to the right of travel, with an arrowhead at the receiver', () => {
    const from = [106.001, 21.101];
    const to = [106.004, 21.101];
    const [curve, arrow] = flowGeometry(from, to);
    expect(curve[0]).toEqual(from);
    expect(curve[curve.length - 1]).toEqual(to);
    // Travelling east, right is south. The Bézier point at t = ½ is (B + C) ÷ 2 with the control
    // point C half-way along and 0.2 × length to the right: (L/2 east, 0.1 L south) of the start,
    // L = 311.7009 m. Placed by geographiclib (/usr/bin/python3):
    //   s = Geodesic.WGS84.Inverse(21.101, 106.001, 21.101, 106.004)['s12']
    //   Geodesic.WGS84.Direct(21.101, 106.001, degrees(atan2(s/2, -0.1*s)), hypot(s/2, 0.1*s))
    //   → lon 106.0024999972, lat 21.1007184674
    const middle = curve[8]; // 16 segments: point 8 is t = ½
    expect(middle[0]).toBeCloseTo(106.0025, 8);
    expect(middle[1]).toBeCloseTo(21.1007184674, 7); // within 1 cm (B is 3 mm north of due east)
    // The arrowhead meets at the receiver, its two wings on either side of the line of arrival.
    expect(arrow[1]).toEqual(to);
    expect(arrow[0][0]).toBeLessThan(to[0]);
    expect(arrow[2][0]).toBeLessThan(to[0]);
  });

  it('widths grow with the square root of the quantity among flows of the same unit', () => {
    const exchange = (to: string, quantity: number, unit: string): SymbiosisExchange =>
      ({ fromPlotId: 'a', toPlotId: to, resource: 'r', unit, quantity, estimatedQuantity: quantity, distanceM: 1, alongRoads: false, status: 'accepted', matched: true, co2SavedT: null, row: undefined });
    const at = new Map([['a', [106, 21]], ['b', [106.01, 21]], ['c', [106, 21.01]], ['d', [106.01, 21.01]]]);
    const flows = flowFeatures(
      [exchange('b', 400, 't'), exchange('c', 100, 't'), exchange('d', 5, 'MWh'), { ...exchange('b', 900, 't'), status: 'candidate' }],
      at,
    );
    // The candidate is not drawn. Tonnes: 400 is the largest → max width; 100 → 2 + 8 × √(100/400) = 6 px.
    expect(flows.features.map((f) => [f.properties.toPlotId, f.properties.kind, f.properties.widthPx])).toEqual([
      ['b', 'by-product', FLOW_WIDTH_PX.max],
      ['c', 'by-product', 6],
      ['d', 'heat', FLOW_WIDTH_PX.max],
    ]);
  });

  it('bows each further flow into the same receiver more, so flows from neighbouring suppliers stay apart', () => {
    const exchange = (from: string): SymbiosisExchange =>
      ({ fromPlotId: from, toPlotId: 'b', resource: 'r', unit: 't', quantity: 1, estimatedQuantity: 1, distanceM: 1, alongRoads: false, status: 'accepted', matched: true, co2SavedT: null, row: undefined });
    // Two suppliers at the same point (the worst case of neighbours), one receiver 0.01° east.
    const at = new Map([['a1', [106, 21]], ['a2', [106, 21]], ['b', [106.01, 21]]]);
    const [first, second] = flowFeatures([exchange('a1'), exchange('a2')], at).features.map((f) => f.geometry.coordinates[0][8]);
    // Middles (t = ½) bow·L/2 south of the chord's middle, bow = 0.2 then 0.2 × (1 + 0.75) = 0.35,
    // L = 1039.704 m. geographiclib (/usr/bin/python3):
    //   s = Geodesic.WGS84.Inverse(21, 106, 21, 106.01)['s12']
    //   Geodesic.WGS84.Direct(21, 106, degrees(atan2(s/2, -bow/2*s)), hypot(s/2, bow/2*s))
    //   → bow 0.2: lat 20.9990608623; bow 0.35: lat 20.9983565640 (≈ 78 m further south)
    // Within 6 cm: the reference takes the chord due east; the receiver lies 0.002° of azimuth off it.
    expect(first[1]).toBeCloseTo(20.9990608623, 6);
    expect(second[1]).toBeCloseTo(20.998356564, 6);
  });

  it('draws the accepted exchanges of a document and nothing else', () => {
    expect(ecoFlowsOf(park()).features).toEqual([]);
    const doc = park({ exchanges: [
      { fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain', status: 'accepted' },
      { fromPlotId: 'al', toPlotId: 'beer', resource: 'waste-heat-high', status: 'rejected' },
    ] });
    const [flow, ...rest] = ecoFlowsOf(doc).features;
    expect(rest).toEqual([]);
    expect(flow.properties).toMatchObject({ fromPlotId: 'beer', toPlotId: 'fert', kind: 'by-product', unit: 't' });
    // Spent grain 2 000 t/ha × 4.601467 ha (eco-park.test.ts) = 9 202.935 t.
    expect(flow.properties.quantity).toBeCloseTo(9202.935, 2);
    // From inside the brewery's plot (lon 106.003–106.005) to inside the fertiliser plant's (106.006–106.008).
    const curve = flow.geometry.coordinates[0];
    const inside = (p: number[], x0: number) => p[0] > x0 && p[0] < x0 + 0.002 && p[1] > 21.1 && p[1] < 21.102;
    expect(inside(curve[0], 106.003)).toBe(true);
    expect(inside(curve[curve.length - 1], 106.006)).toBe(true);
  });
});
