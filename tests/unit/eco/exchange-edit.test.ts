import { describe, expect, it } from 'vitest';
import { analyzeEco, ecoFlowsOf, exchangeDecisionFor, FLOW_WIDTH_PX, withExchangeDecision } from '../../../shared/eco';
import { A_HA, park } from './eco-park';

// The park of ./eco-park.ts. Spent grain: brewery → fertiliser, 2 000 t/ha × A = 9 202.935 t/yr
// estimated; the brewery makes no other tonne by-product and the park's solid waste is the sum
// of the plot figures (eco-park.test.ts).

describe('editing a symbiosis exchange (issue 16: accept, edit or reject)', () => {
  const grain = { fromPlotId: 'beer', toPlotId: 'fert', resource: 'spent-grain' };

  it('saves the quantity and note, keeps the status, and a later accept keeps the edit', () => {
    const candidate = analyzeEco(park()).symbiosis.find((e) => e.resource === 'spent-grain')!;
    const edited = exchangeDecisionFor(candidate, { quantity: 4000, note: '  wet grain, trucked daily ' });
    expect(edited).toEqual({ ...grain, status: 'candidate', quantity: 4000, note: 'wet grain, trucked daily' });
    const after = analyzeEco(park({ exchanges: [edited] })).symbiosis.find((e) => e.resource === 'spent-grain')!;
    expect(after).toMatchObject({ quantity: 4000, userQuantity: 4000, note: 'wet grain, trucked daily', status: 'candidate' });
    expect(after.estimatedQuantity).toBeCloseTo(2000 * A_HA, 6);
    expect(exchangeDecisionFor(after, { status: 'accepted' })).toEqual({ ...grain, status: 'accepted', quantity: 4000, note: 'wet grain, trucked daily' });
    // An emptied quantity goes back to the estimate; an emptied note is removed.
    expect(exchangeDecisionFor(after, { quantity: null, note: ' ' })).toEqual({ ...grain, status: 'candidate' });
  });

  it('the edited quantity is what the balances and the flows count', () => {
    const base = park();
    const accepted = (quantity?: number) => withExchangeDecision({}, { ...grain, status: 'accepted', ...(quantity === undefined ? {} : { quantity }) });
    const estimate = analyzeEco(park(accepted()));
    const edited = analyzeEco(park(accepted(4000)));
    const total = analyzeEco(base).solidWasteTPerYear;
    // Waste-exchanged share: 9 202.935 t ÷ total with the estimate, 4 000 t ÷ total edited.
    expect(estimate.metrics['eco.solidWasteExchangedShare']).toBeCloseTo((2000 * A_HA) / total, 9);
    expect(edited.metrics['eco.solidWasteExchangedShare']).toBeCloseTo(4000 / total, 9);
    // The one accepted flow is the widest (width by quantity relative to the largest flow) and carries the edited quantity.
    const [flow] = ecoFlowsOf(park(accepted(4000))).features;
    expect(flow.properties.quantity).toBe(4000);
    expect(flow.properties.widthPx).toBe(FLOW_WIDTH_PX.max);
  });
});
